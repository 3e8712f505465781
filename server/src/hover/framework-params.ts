// The configuration arguments of each framework loss, in signature order, with the framework's own
// defaults and the catalog parameter (core option) each one feeds. `pos` is the argument's index in
// the call that configures the loss: the constructor for classes, the loss call itself for functions
// (tensor arguments included), so TF.js `tf.losses.huberLoss(labels, preds, undefined, 2)` reads δ = 2.

export interface FrameworkParam {
  /** As the framework spells it (`label_smoothing`, `labelSmoothing`). */
  name: string;
  pos?: number;
  /** The default as the framework writes it (`1.0`, `'mean'`, `None`). */
  default: string;
  /** The catalog parameter this argument sets (core option name). */
  catalog?: string;
  /** Only worth listing when written (deprecated or rarely set). */
  hidden?: boolean;
}

const p = (name: string, pos: number | undefined, def: string, catalog?: string, hidden?: boolean): FrameworkParam =>
  ({ name, pos, default: def, catalog, hidden });

// PyTorch's deprecated pair precedes `reduction` in most signatures.
const sizeAvg = (pos: number): FrameworkParam[] => [p('size_average', pos, 'None', undefined, true), p('reduce', pos + 1, 'None', undefined, true)];

/** Torch class (constructor positions) and functional (call positions) signatures. */
function torch(cls: string, fn: string, ctor: FrameworkParam[], call: FrameworkParam[]): [string, FrameworkParam[]][] {
  return [[`torch.nn.${cls}`, ctor], [`torch.nn.functional.${fn}`, call]];
}

const TABLE = new Map<string, FrameworkParam[]>([
  ...torch('MSELoss', 'mse_loss', [...sizeAvg(0), p('reduction', 2, "'mean'")], [...sizeAvg(2), p('reduction', 4, "'mean'")]),
  ...torch('L1Loss', 'l1_loss', [...sizeAvg(0), p('reduction', 2, "'mean'")], [...sizeAvg(2), p('reduction', 4, "'mean'")]),
  ...torch('HuberLoss', 'huber_loss', [p('reduction', 0, "'mean'"), p('delta', 1, '1.0', 'delta')], [p('reduction', 2, "'mean'"), p('delta', 3, '1.0', 'delta')]),
  ...torch('SmoothL1Loss', 'smooth_l1_loss',
    [...sizeAvg(0), p('reduction', 2, "'mean'"), p('beta', 3, '1.0', 'beta')],
    [...sizeAvg(2), p('reduction', 4, "'mean'"), p('beta', 5, '1.0', 'beta')]),
  ...torch('CrossEntropyLoss', 'cross_entropy',
    [p('weight', 0, 'None'), p('size_average', 1, 'None', undefined, true), p('ignore_index', 2, '-100'), p('reduce', 3, 'None', undefined, true), p('reduction', 4, "'mean'"), p('label_smoothing', 5, '0.0', 'labelSmoothing')],
    [p('weight', 2, 'None'), p('size_average', 3, 'None', undefined, true), p('ignore_index', 4, '-100'), p('reduce', 5, 'None', undefined, true), p('reduction', 6, "'mean'"), p('label_smoothing', 7, '0.0', 'labelSmoothing')]),
  ...torch('NLLLoss', 'nll_loss',
    [p('weight', 0, 'None'), p('size_average', 1, 'None', undefined, true), p('ignore_index', 2, '-100'), p('reduce', 3, 'None', undefined, true), p('reduction', 4, "'mean'")],
    [p('weight', 2, 'None'), p('size_average', 3, 'None', undefined, true), p('ignore_index', 4, '-100'), p('reduce', 5, 'None', undefined, true), p('reduction', 6, "'mean'")]),
  ...torch('BCELoss', 'binary_cross_entropy',
    [p('weight', 0, 'None'), ...sizeAvg(1), p('reduction', 3, "'mean'")],
    [p('weight', 2, 'None'), ...sizeAvg(3), p('reduction', 5, "'mean'")]),
  ...torch('BCEWithLogitsLoss', 'binary_cross_entropy_with_logits',
    [p('weight', 0, 'None'), ...sizeAvg(1), p('reduction', 3, "'mean'"), p('pos_weight', 4, 'None', 'posWeight')],
    [p('weight', 2, 'None'), ...sizeAvg(3), p('reduction', 5, "'mean'"), p('pos_weight', 6, 'None', 'posWeight')]),
  ...torch('KLDivLoss', 'kl_div',
    [...sizeAvg(0), p('reduction', 2, "'mean'"), p('log_target', 3, 'False')],
    [...sizeAvg(2), p('reduction', 4, "'mean'"), p('log_target', 5, 'False')]),
  ...torch('HingeEmbeddingLoss', 'hinge_embedding_loss',
    [p('margin', 0, '1.0', 'margin'), ...sizeAvg(1), p('reduction', 3, "'mean'")],
    [p('margin', 2, '1.0', 'margin'), ...sizeAvg(3), p('reduction', 5, "'mean'")]),
  ...torch('SoftMarginLoss', 'soft_margin_loss', [...sizeAvg(0), p('reduction', 2, "'mean'")], [...sizeAvg(2), p('reduction', 4, "'mean'")]),
  ...torch('MarginRankingLoss', 'margin_ranking_loss',
    [p('margin', 0, '0.0', 'margin'), ...sizeAvg(1), p('reduction', 3, "'mean'")],
    [p('margin', 3, '0', 'margin'), ...sizeAvg(4), p('reduction', 6, "'mean'")]),
  ...torch('MultiMarginLoss', 'multi_margin_loss',
    [p('p', 0, '1', 'p'), p('margin', 1, '1.0', 'margin'), p('weight', 2, 'None'), ...sizeAvg(3), p('reduction', 5, "'mean'")],
    [p('p', 2, '1', 'p'), p('margin', 3, '1.0', 'margin'), p('weight', 4, 'None'), ...sizeAvg(5), p('reduction', 7, "'mean'")]),
  ...torch('MultiLabelSoftMarginLoss', 'multilabel_soft_margin_loss',
    [p('weight', 0, 'None'), ...sizeAvg(1), p('reduction', 3, "'mean'")],
    [p('weight', 2, 'None'), ...sizeAvg(3), p('reduction', 5, "'mean'")]),
  // GaussianNLLLoss's constructor arguments are keyword-only.
  ...torch('GaussianNLLLoss', 'gaussian_nll_loss',
    [p('full', undefined, 'False'), p('eps', undefined, '1e-06'), p('reduction', undefined, "'mean'")],
    [p('full', 3, 'False'), p('eps', 4, '1e-06'), p('reduction', 5, "'mean'")]),
  ...torch('PoissonNLLLoss', 'poisson_nll_loss',
    [p('log_input', 0, 'True'), p('full', 1, 'False'), p('size_average', 2, 'None', undefined, true), p('eps', 3, '1e-08'), p('reduce', 4, 'None', undefined, true), p('reduction', 5, "'mean'")],
    [p('log_input', 2, 'True'), p('full', 3, 'False'), p('size_average', 4, 'None', undefined, true), p('eps', 5, '1e-08'), p('reduce', 6, 'None', undefined, true), p('reduction', 7, "'mean'")]),
  ...torch('TripletMarginLoss', 'triplet_margin_loss',
    [p('margin', 0, '1.0', 'margin'), p('p', 1, '2.0', 'p'), p('eps', 2, '1e-06'), p('swap', 3, 'False'), ...sizeAvg(4), p('reduction', 6, "'mean'")],
    [p('margin', 3, '1.0', 'margin'), p('p', 4, '2', 'p'), p('eps', 5, '1e-06'), p('swap', 6, 'False'), ...sizeAvg(7), p('reduction', 9, "'mean'")]),
  ...torch('CosineEmbeddingLoss', 'cosine_embedding_loss',
    [p('margin', 0, '0.0', 'margin'), ...sizeAvg(1), p('reduction', 3, "'mean'")],
    [p('margin', 3, '0', 'margin'), ...sizeAvg(4), p('reduction', 6, "'mean'")]),
  ['torchvision.ops.sigmoid_focal_loss', [p('alpha', 2, '0.25', 'alpha'), p('gamma', 3, '2', 'gamma'), p('reduction', 4, "'none'")]],

  ['tf.losses.softmax_cross_entropy', [p('weights', 2, '1.0'), p('label_smoothing', 3, '0', 'labelSmoothing')]],
  ['tf.losses.sigmoid_cross_entropy', [p('weights', 2, '1.0'), p('label_smoothing', 3, '0')]],
  ['tf.losses.log_loss', [p('weights', 2, '1.0'), p('epsilon', 3, '1e-07')]],
  ['tf.losses.mean_squared_error', [p('weights', 2, '1.0')]],

  ['keras.losses.CategoricalCrossentropy', [p('from_logits', 0, 'False'), p('label_smoothing', 1, '0.0', 'labelSmoothing'), p('axis', 2, '-1', undefined, true), p('reduction', 3, "'sum_over_batch_size'")]],
  ['keras.losses.SparseCategoricalCrossentropy', [p('from_logits', 0, 'False'), p('ignore_class', 1, 'None'), p('reduction', 2, "'sum_over_batch_size'")]],
  ['keras.losses.BinaryCrossentropy', [p('from_logits', 0, 'False'), p('label_smoothing', 1, '0.0'), p('axis', 2, '-1', undefined, true), p('reduction', 3, "'sum_over_batch_size'")]],
  ['keras.losses.BinaryFocalCrossentropy', [p('apply_class_balancing', 0, 'False'), p('alpha', 1, '0.25', 'alpha'), p('gamma', 2, '2.0', 'gamma'), p('from_logits', 3, 'False'), p('label_smoothing', 4, '0.0'), p('axis', 5, '-1', undefined, true), p('reduction', 6, "'sum_over_batch_size'")]],
  ['keras.losses.CategoricalFocalCrossentropy', [p('alpha', 0, '0.25'), p('gamma', 1, '2.0', 'gamma'), p('from_logits', 2, 'False'), p('label_smoothing', 3, '0.0'), p('axis', 4, '-1', undefined, true), p('reduction', 5, "'sum_over_batch_size'")]],
  ['keras.losses.categorical_crossentropy', [p('from_logits', 2, 'False'), p('label_smoothing', 3, '0.0', 'labelSmoothing'), p('axis', 4, '-1', undefined, true)]],
  ['keras.losses.sparse_categorical_crossentropy', [p('from_logits', 2, 'False'), p('ignore_class', 3, 'None'), p('axis', 4, '-1', undefined, true)]],
  ['keras.losses.binary_crossentropy', [p('from_logits', 2, 'False'), p('label_smoothing', 3, '0.0'), p('axis', 4, '-1', undefined, true)]],
  ['keras.losses.MeanSquaredError', [p('reduction', 0, "'sum_over_batch_size'")]],
  ['keras.losses.MeanAbsoluteError', [p('reduction', 0, "'sum_over_batch_size'")]],
  ['keras.losses.Huber', [p('delta', 0, '1.0', 'delta'), p('reduction', 1, "'sum_over_batch_size'")]],
  ['keras.losses.KLDivergence', [p('reduction', 0, "'sum_over_batch_size'")]],
  ['keras.losses.Hinge', [p('reduction', 0, "'sum_over_batch_size'")]],

  ['tfjs.losses.softmaxCrossEntropy', [p('weights', 2, 'undefined'), p('labelSmoothing', 3, '0', 'labelSmoothing'), p('reduction', 4, 'Reduction.SUM_BY_NONZERO_WEIGHTS')]],
  ['tfjs.losses.sigmoidCrossEntropy', [p('weights', 2, 'undefined'), p('labelSmoothing', 3, '0'), p('reduction', 4, 'Reduction.SUM_BY_NONZERO_WEIGHTS')]],
  ['tfjs.losses.logLoss', [p('weights', 2, 'undefined'), p('epsilon', 3, '1e-7'), p('reduction', 4, 'Reduction.SUM_BY_NONZERO_WEIGHTS')]],
  ['tfjs.losses.meanSquaredError', [p('weights', 2, 'undefined'), p('reduction', 3, 'Reduction.SUM_BY_NONZERO_WEIGHTS')]],
  ['tfjs.losses.absoluteDifference', [p('weights', 2, 'undefined'), p('reduction', 3, 'Reduction.SUM_BY_NONZERO_WEIGHTS')]],
  ['tfjs.losses.huberLoss', [p('weights', 2, 'undefined'), p('delta', 3, '1.0', 'delta'), p('reduction', 4, 'Reduction.SUM_BY_NONZERO_WEIGHTS')]],
  ['tfjs.losses.hingeLoss', [p('weights', 2, 'undefined'), p('reduction', 3, 'Reduction.SUM_BY_NONZERO_WEIGHTS')]],
]);

/** The configuration arguments of a framework loss by its canonical path (LOSS_SPECS keys). */
export function frameworkParams(path: string): readonly FrameworkParam[] {
  return TABLE.get(path) ?? [];
}
