// Which framework symbols are losses, what they expect, and where their arguments are.
import type { Framework } from '../../../rules/rule';

/**
 * What a loss does to its prediction argument:
 * - softmax-ce: applies log-softmax itself (expects logits);
 * - sigmoid-ce: applies sigmoid itself (expects logits);
 * - bce-prob / cce-prob: expects probabilities (sigmoid / softmax outputs);
 * - nll: expects log-probabilities; kl: expects log-probabilities as input;
 * - regression: distance between prediction and target;
 * - pm1-margin: expects ±1 targets; hinge-01: TF.js hinge (maps {0,1} to ±1 itself).
 */
export type LossFamily = 'softmax-ce' | 'sigmoid-ce' | 'bce-prob' | 'cce-prob' | 'nll' | 'kl' | 'regression' | 'pm1-margin' | 'hinge-01' | 'other';

export interface ArgRef {
  pos: number;
  kw: string[];
}

export interface LossSpec {
  /** Canonical symbol path (see symbols.ts), or `keras-string:<name>` / `tfjs-string:<name>` for compile strings. */
  path: string;
  framework: Framework;
  family: LossFamily;
  /** How the loss reads in messages: `nn.CrossEntropyLoss`, `F.cross_entropy`, `tf.losses.softmaxCrossEntropy`. */
  label: string;
  /** A class whose instances are called with the tensors (nn.*Loss, keras.losses.*) or a function called with them. */
  form: 'class' | 'function' | 'string';
  input: ArgRef;
  target?: ArgRef;
  /** Second prediction (MarginRankingLoss). */
  input2?: ArgRef;
  /** Keras: `from_logits` switches between the probability family and the logits family. */
  fromLogits?: { logits: LossFamily; probs: LossFamily };
  /** Targets are class indices (sparse CE, nll, CrossEntropyLoss) rather than one-hot / probabilities. */
  sparseTarget?: boolean;
  /** Core catalog id for hovers and numbers. */
  coreId?: string;
  /** Has PyTorch's `reduction` argument (and the deprecated size_average/reduce). */
  torchReduction?: boolean;
}

const T = (pos: number, ...kw: string[]): ArgRef => ({ pos, kw });

type Row = [path: string, label: string, family: LossFamily, coreId: string | undefined, extra?: Partial<LossSpec>];

function torchPair(cls: string, fn: string, family: LossFamily, coreId: string, extra: Partial<LossSpec> = {}): Row[] {
  return [
    [`torch.nn.${cls}`, `nn.${cls}`, family, coreId, { form: 'class', ...extra }],
    [`torch.nn.functional.${fn}`, `F.${fn}`, family, coreId, { form: 'function', ...extra }],
  ];
}

const torchRows: Row[] = [
  ...torchPair('CrossEntropyLoss', 'cross_entropy', 'softmax-ce', 'crossEntropy', { sparseTarget: true }),
  ...torchPair('BCEWithLogitsLoss', 'binary_cross_entropy_with_logits', 'sigmoid-ce', 'binaryCrossEntropyWithLogits'),
  ...torchPair('BCELoss', 'binary_cross_entropy', 'bce-prob', 'binaryCrossEntropy'),
  ...torchPair('NLLLoss', 'nll_loss', 'nll', 'nllLoss', { sparseTarget: true }),
  ...torchPair('KLDivLoss', 'kl_div', 'kl', 'klDiv'),
  ...torchPair('MSELoss', 'mse_loss', 'regression', 'mseLoss'),
  ...torchPair('L1Loss', 'l1_loss', 'regression', 'l1Loss'),
  ...torchPair('HuberLoss', 'huber_loss', 'regression', 'huberLoss'),
  ...torchPair('SmoothL1Loss', 'smooth_l1_loss', 'regression', 'smoothL1Loss'),
  ...torchPair('HingeEmbeddingLoss', 'hinge_embedding_loss', 'pm1-margin', 'hingeEmbeddingLoss'),
  ...torchPair('SoftMarginLoss', 'soft_margin_loss', 'pm1-margin', 'softMarginLoss'),
  ...torchPair('MarginRankingLoss', 'margin_ranking_loss', 'pm1-margin', 'marginRankingLoss', { input2: T(1, 'input2'), target: T(2, 'target') }),
  ...torchPair('MultiMarginLoss', 'multi_margin_loss', 'other', 'multiMarginLoss'),
  ...torchPair('MultiLabelSoftMarginLoss', 'multilabel_soft_margin_loss', 'sigmoid-ce', 'multilabelSoftMarginLoss'),
  ...torchPair('GaussianNLLLoss', 'gaussian_nll_loss', 'other', 'gaussianNllLoss'),
  ...torchPair('PoissonNLLLoss', 'poisson_nll_loss', 'other', 'poissonNllLoss'),
  ...torchPair('TripletMarginLoss', 'triplet_margin_loss', 'other', 'tripletMarginLoss', { input: T(0, 'anchor'), input2: T(1, 'positive'), target: undefined }),
  ...torchPair('CosineEmbeddingLoss', 'cosine_embedding_loss', 'other', 'cosineEmbeddingLoss', { input: T(0, 'input1'), input2: T(1, 'input2'), target: T(2, 'target') }),
  ['torchvision.ops.sigmoid_focal_loss', 'sigmoid_focal_loss', 'sigmoid-ce', 'sigmoidFocalLoss', { form: 'function', input: T(0, 'inputs'), target: T(1, 'targets') }],
];

const tfRows: Row[] = [
  ['tf.nn.softmax_cross_entropy_with_logits', 'tf.nn.softmax_cross_entropy_with_logits', 'softmax-ce', 'crossEntropy', { form: 'function', target: T(0, 'labels'), input: T(1, 'logits') }],
  ['tf.nn.sparse_softmax_cross_entropy_with_logits', 'tf.nn.sparse_softmax_cross_entropy_with_logits', 'softmax-ce', 'crossEntropy', { form: 'function', target: T(0, 'labels'), input: T(1, 'logits'), sparseTarget: true }],
  ['tf.nn.sigmoid_cross_entropy_with_logits', 'tf.nn.sigmoid_cross_entropy_with_logits', 'sigmoid-ce', 'binaryCrossEntropyWithLogits', { form: 'function', target: T(0, 'labels'), input: T(1, 'logits') }],
  ['tf.losses.softmax_cross_entropy', 'tf.losses.softmax_cross_entropy', 'softmax-ce', 'crossEntropy', { form: 'function', target: T(0, 'onehot_labels'), input: T(1, 'logits') }],
  ['tf.losses.sparse_softmax_cross_entropy', 'tf.losses.sparse_softmax_cross_entropy', 'softmax-ce', 'crossEntropy', { form: 'function', target: T(0, 'labels'), input: T(1, 'logits'), sparseTarget: true }],
  ['tf.losses.sigmoid_cross_entropy', 'tf.losses.sigmoid_cross_entropy', 'sigmoid-ce', 'binaryCrossEntropyWithLogits', { form: 'function', target: T(0, 'multi_class_labels'), input: T(1, 'logits') }],
  ['tf.losses.log_loss', 'tf.losses.log_loss', 'bce-prob', 'binaryCrossEntropy', { form: 'function', target: T(0, 'labels'), input: T(1, 'predictions') }],
  ['tf.losses.mean_squared_error', 'tf.losses.mean_squared_error', 'regression', 'mseLoss', { form: 'function', target: T(0, 'labels'), input: T(1, 'predictions') }],
];

// Keras: classes take from_logits in the constructor and are called as (y_true, y_pred); functions take it as a keyword.
const kerasCE = { logits: 'softmax-ce', probs: 'cce-prob' } as const;
const kerasBCE = { logits: 'sigmoid-ce', probs: 'bce-prob' } as const;
const KT = { target: T(0, 'y_true'), input: T(1, 'y_pred') };
const kerasRows: Row[] = [
  ['keras.losses.CategoricalCrossentropy', 'keras.losses.CategoricalCrossentropy', 'cce-prob', 'crossEntropy', { form: 'class', fromLogits: kerasCE, ...KT }],
  ['keras.losses.SparseCategoricalCrossentropy', 'keras.losses.SparseCategoricalCrossentropy', 'cce-prob', 'crossEntropy', { form: 'class', fromLogits: kerasCE, sparseTarget: true, ...KT }],
  ['keras.losses.BinaryCrossentropy', 'keras.losses.BinaryCrossentropy', 'bce-prob', 'binaryCrossEntropy', { form: 'class', fromLogits: kerasBCE, ...KT }],
  ['keras.losses.BinaryFocalCrossentropy', 'keras.losses.BinaryFocalCrossentropy', 'bce-prob', 'sigmoidFocalLoss', { form: 'class', fromLogits: kerasBCE, ...KT }],
  ['keras.losses.CategoricalFocalCrossentropy', 'keras.losses.CategoricalFocalCrossentropy', 'cce-prob', 'softmaxFocalLoss', { form: 'class', fromLogits: kerasCE, ...KT }],
  ['keras.losses.categorical_crossentropy', 'keras.losses.categorical_crossentropy', 'cce-prob', 'crossEntropy', { form: 'function', fromLogits: kerasCE, ...KT }],
  ['keras.losses.sparse_categorical_crossentropy', 'keras.losses.sparse_categorical_crossentropy', 'cce-prob', 'crossEntropy', { form: 'function', fromLogits: kerasCE, sparseTarget: true, ...KT }],
  ['keras.losses.binary_crossentropy', 'keras.losses.binary_crossentropy', 'bce-prob', 'binaryCrossEntropy', { form: 'function', fromLogits: kerasBCE, ...KT }],
  ['keras.losses.MeanSquaredError', 'keras.losses.MeanSquaredError', 'regression', 'mseLoss', { form: 'class', ...KT }],
  ['keras.losses.MeanAbsoluteError', 'keras.losses.MeanAbsoluteError', 'regression', 'l1Loss', { form: 'class', ...KT }],
  ['keras.losses.Huber', 'keras.losses.Huber', 'regression', 'huberLoss', { form: 'class', ...KT }],
  ['keras.losses.mean_squared_error', 'keras.losses.mean_squared_error', 'regression', 'mseLoss', { form: 'function', ...KT }],
  ['keras.losses.mean_absolute_error', 'keras.losses.mean_absolute_error', 'regression', 'l1Loss', { form: 'function', ...KT }],
  ['keras.losses.KLDivergence', 'keras.losses.KLDivergence', 'other', 'klDiv', { form: 'class', ...KT }],
  ['keras.losses.Hinge', 'keras.losses.Hinge', 'other', 'hingeLoss', { form: 'class', ...KT }],
];

const tfjsRows: Row[] = [
  ['tfjs.losses.softmaxCrossEntropy', 'tf.losses.softmaxCrossEntropy', 'softmax-ce', 'crossEntropy', { form: 'function', target: T(0, 'onehotLabels'), input: T(1, 'logits') }],
  ['tfjs.losses.sigmoidCrossEntropy', 'tf.losses.sigmoidCrossEntropy', 'sigmoid-ce', 'binaryCrossEntropyWithLogits', { form: 'function', target: T(0, 'multiClassLabels'), input: T(1, 'logits') }],
  ['tfjs.losses.logLoss', 'tf.losses.logLoss', 'bce-prob', 'binaryCrossEntropy', { form: 'function', target: T(0, 'labels'), input: T(1, 'predictions') }],
  ['tfjs.losses.meanSquaredError', 'tf.losses.meanSquaredError', 'regression', 'mseLoss', { form: 'function', target: T(0, 'labels'), input: T(1, 'predictions') }],
  ['tfjs.losses.absoluteDifference', 'tf.losses.absoluteDifference', 'regression', 'l1Loss', { form: 'function', target: T(0, 'labels'), input: T(1, 'predictions') }],
  ['tfjs.losses.huberLoss', 'tf.losses.huberLoss', 'regression', 'huberLoss', { form: 'function', target: T(0, 'labels'), input: T(1, 'predictions') }],
  ['tfjs.losses.hingeLoss', 'tf.losses.hingeLoss', 'hinge-01', 'hingeLoss', { form: 'function', target: T(0, 'labels'), input: T(1, 'predictions') }],
];

function build(rows: Row[], framework: LossSpec['framework']): LossSpec[] {
  return rows.map(([path, label, family, coreId, extra]) => ({
    path, label, family, coreId, framework,
    form: 'function',
    input: T(0, 'input'),
    target: T(1, 'target'),
    torchReduction: framework === 'torch' && !path.startsWith('torchvision'),
    ...extra,
  }));
}

export const LOSS_SPECS: ReadonlyMap<string, LossSpec> = new Map(
  [...build(torchRows, 'torch'), ...build(tfRows, 'tf'), ...build(kerasRows, 'keras'), ...build(tfjsRows, 'tfjs')].map(s => [s.path, s]),
);

/** Keras `compile(loss='…')` strings and the spec each names (from_logits is always False for strings). */
export const KERAS_LOSS_STRINGS: ReadonlyMap<string, string | undefined> = new Map([
  ['categorical_crossentropy', 'keras.losses.categorical_crossentropy'],
  ['sparse_categorical_crossentropy', 'keras.losses.sparse_categorical_crossentropy'],
  ['binary_crossentropy', 'keras.losses.binary_crossentropy'],
  ['binary_focal_crossentropy', 'keras.losses.BinaryFocalCrossentropy'],
  ['categorical_focal_crossentropy', 'keras.losses.CategoricalFocalCrossentropy'],
  ['mse', 'keras.losses.mean_squared_error'], ['mean_squared_error', 'keras.losses.mean_squared_error'],
  ['mae', 'keras.losses.mean_absolute_error'], ['mean_absolute_error', 'keras.losses.mean_absolute_error'],
  ['huber', 'keras.losses.Huber'], ['huber_loss', 'keras.losses.Huber'],
  ['kld', undefined], ['kl_divergence', undefined], ['kullback_leibler_divergence', undefined],
  ['mape', undefined], ['mean_absolute_percentage_error', undefined],
  ['msle', undefined], ['mean_squared_logarithmic_error', undefined],
  ['hinge', undefined], ['squared_hinge', undefined], ['categorical_hinge', undefined],
  ['log_cosh', undefined], ['logcosh', undefined], ['poisson', undefined], ['cosine_similarity', undefined],
  ['ctc', undefined],
]);

/** TF.js layers `compile({loss: '…'})` strings: only the camelCase names (no 'mse'/'mae' aliases, unlike Keras). */
export const TFJS_LOSS_STRINGS: ReadonlyMap<string, { family: LossFamily; coreId?: string; sparse?: boolean }> = new Map([
  ['categoricalCrossentropy', { family: 'cce-prob', coreId: 'crossEntropy' }],
  ['sparseCategoricalCrossentropy', { family: 'cce-prob', coreId: 'crossEntropy', sparse: true }],
  ['binaryCrossentropy', { family: 'bce-prob', coreId: 'binaryCrossEntropy' }],
  ['meanSquaredError', { family: 'regression', coreId: 'mseLoss' }],
  ['meanAbsoluteError', { family: 'regression', coreId: 'l1Loss' }],
  ['meanAbsolutePercentageError', { family: 'regression' }],
  ['meanSquaredLogarithmicError', { family: 'regression' }],
  ['squaredHinge', { family: 'other' }], ['hinge', { family: 'other', coreId: 'hingeLoss' }], ['categoricalHinge', { family: 'other' }],
  ['logcosh', { family: 'regression' }],
  ['kullbackLeiblerDivergence', { family: 'other', coreId: 'klDiv' }],
  ['poisson', { family: 'other' }], ['cosineProximity', { family: 'other' }],
]);
