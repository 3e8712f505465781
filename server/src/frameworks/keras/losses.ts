// Keras losses (keras, tf.keras, Keras 3): classes take from_logits in the constructor and are called as
// (y_true, y_pred); functions take it as a keyword.
import { arg, lossSpecs, param, type LossRow } from '../losses-table';
import type { LossParam, LossSpec } from '../types';

const CE = { logits: 'softmax-ce', probs: 'cce-prob' } as const;
const BCE = { logits: 'sigmoid-ce', probs: 'bce-prob' } as const;
const YY = { target: arg(0, 'y_true'), input: arg(1, 'y_pred') };

/** The configuration arguments of each loss (see LossParam). */
const params = new Map<string, readonly LossParam[]>([
  [
    'keras.losses.CategoricalCrossentropy',
    [
      param('from_logits', 0, 'False'),
      param('label_smoothing', 1, '0.0', 'labelSmoothing'),
      param('axis', 2, '-1', undefined, true),
      param('reduction', 3, "'sum_over_batch_size'"),
    ],
  ],
  [
    'keras.losses.SparseCategoricalCrossentropy',
    [param('from_logits', 0, 'False'), param('ignore_class', 1, 'None'), param('reduction', 2, "'sum_over_batch_size'")],
  ],
  [
    'keras.losses.BinaryCrossentropy',
    [
      param('from_logits', 0, 'False'),
      param('label_smoothing', 1, '0.0'),
      param('axis', 2, '-1', undefined, true),
      param('reduction', 3, "'sum_over_batch_size'"),
    ],
  ],
  [
    'keras.losses.BinaryFocalCrossentropy',
    [
      param('apply_class_balancing', 0, 'False'),
      param('alpha', 1, '0.25', 'alpha'),
      param('gamma', 2, '2.0', 'gamma'),
      param('from_logits', 3, 'False'),
      param('label_smoothing', 4, '0.0'),
      param('axis', 5, '-1', undefined, true),
      param('reduction', 6, "'sum_over_batch_size'"),
    ],
  ],
  [
    'keras.losses.CategoricalFocalCrossentropy',
    [
      param('alpha', 0, '0.25'),
      param('gamma', 1, '2.0', 'gamma'),
      param('from_logits', 2, 'False'),
      param('label_smoothing', 3, '0.0'),
      param('axis', 4, '-1', undefined, true),
      param('reduction', 5, "'sum_over_batch_size'"),
    ],
  ],
  [
    'keras.losses.categorical_crossentropy',
    [param('from_logits', 2, 'False'), param('label_smoothing', 3, '0.0', 'labelSmoothing'), param('axis', 4, '-1', undefined, true)],
  ],
  [
    'keras.losses.sparse_categorical_crossentropy',
    [param('from_logits', 2, 'False'), param('ignore_class', 3, 'None'), param('axis', 4, '-1', undefined, true)],
  ],
  [
    'keras.losses.binary_crossentropy',
    [param('from_logits', 2, 'False'), param('label_smoothing', 3, '0.0'), param('axis', 4, '-1', undefined, true)],
  ],
  ['keras.losses.MeanSquaredError', [param('reduction', 0, "'sum_over_batch_size'")]],
  ['keras.losses.MeanAbsoluteError', [param('reduction', 0, "'sum_over_batch_size'")]],
  ['keras.losses.Huber', [param('delta', 0, '1.0', 'delta'), param('reduction', 1, "'sum_over_batch_size'")]],
  ['keras.losses.KLDivergence', [param('reduction', 0, "'sum_over_batch_size'")]],
  ['keras.losses.Hinge', [param('reduction', 0, "'sum_over_batch_size'")]],
]);

const rows: LossRow[] = [
  [
    'keras.losses.CategoricalCrossentropy',
    'keras.losses.CategoricalCrossentropy',
    'cce-prob',
    'crossEntropy',
    { form: 'class', fromLogits: CE, ...YY },
  ],
  [
    'keras.losses.SparseCategoricalCrossentropy',
    'keras.losses.SparseCategoricalCrossentropy',
    'cce-prob',
    'crossEntropy',
    { form: 'class', fromLogits: CE, sparseTarget: true, ...YY },
  ],
  [
    'keras.losses.BinaryCrossentropy',
    'keras.losses.BinaryCrossentropy',
    'bce-prob',
    'binaryCrossEntropy',
    { form: 'class', fromLogits: BCE, ...YY },
  ],
  [
    'keras.losses.BinaryFocalCrossentropy',
    'keras.losses.BinaryFocalCrossentropy',
    'bce-prob',
    'sigmoidFocalLoss',
    { form: 'class', fromLogits: BCE, alphaSwitch: { name: 'apply_class_balancing', pos: 0 }, ...YY },
  ],
  [
    'keras.losses.CategoricalFocalCrossentropy',
    'keras.losses.CategoricalFocalCrossentropy',
    'cce-prob',
    'softmaxFocalLoss',
    { form: 'class', fromLogits: CE, ...YY },
  ],
  [
    'keras.losses.categorical_crossentropy',
    'keras.losses.categorical_crossentropy',
    'cce-prob',
    'crossEntropy',
    { form: 'function', fromLogits: CE, ...YY },
  ],
  [
    'keras.losses.sparse_categorical_crossentropy',
    'keras.losses.sparse_categorical_crossentropy',
    'cce-prob',
    'crossEntropy',
    { form: 'function', fromLogits: CE, sparseTarget: true, ...YY },
  ],
  [
    'keras.losses.binary_crossentropy',
    'keras.losses.binary_crossentropy',
    'bce-prob',
    'binaryCrossEntropy',
    { form: 'function', fromLogits: BCE, ...YY },
  ],
  ['keras.losses.MeanSquaredError', 'keras.losses.MeanSquaredError', 'regression', 'mseLoss', { form: 'class', ...YY }],
  ['keras.losses.MeanAbsoluteError', 'keras.losses.MeanAbsoluteError', 'regression', 'l1Loss', { form: 'class', ...YY }],
  ['keras.losses.Huber', 'keras.losses.Huber', 'regression', 'huberLoss', { form: 'class', ...YY }],
  ['keras.losses.mean_squared_error', 'keras.losses.mean_squared_error', 'regression', 'mseLoss', { form: 'function', ...YY }],
  ['keras.losses.mean_absolute_error', 'keras.losses.mean_absolute_error', 'regression', 'l1Loss', { form: 'function', ...YY }],
  ['keras.losses.KLDivergence', 'keras.losses.KLDivergence', 'other', 'klDiv', { form: 'class', ...YY }],
  ['keras.losses.Hinge', 'keras.losses.Hinge', 'other', 'hingeLoss', { form: 'class', ...YY }],
];

export const kerasLosses: LossSpec[] = lossSpecs(rows, 'keras', params, { torchReduction: false });

/** `compile(loss='…')` strings and the spec each names (from_logits is always False for strings); undefined: a loss not modelled. */
export const kerasCompileLossPaths: ReadonlyMap<string, string | undefined> = new Map([
  ['categorical_crossentropy', 'keras.losses.categorical_crossentropy'],
  ['sparse_categorical_crossentropy', 'keras.losses.sparse_categorical_crossentropy'],
  ['binary_crossentropy', 'keras.losses.binary_crossentropy'],
  ['binary_focal_crossentropy', 'keras.losses.BinaryFocalCrossentropy'],
  ['categorical_focal_crossentropy', 'keras.losses.CategoricalFocalCrossentropy'],
  ['mse', 'keras.losses.mean_squared_error'],
  ['mean_squared_error', 'keras.losses.mean_squared_error'],
  ['mae', 'keras.losses.mean_absolute_error'],
  ['mean_absolute_error', 'keras.losses.mean_absolute_error'],
  ['huber', 'keras.losses.Huber'],
  ['huber_loss', 'keras.losses.Huber'],
  ['kld', undefined],
  ['kl_divergence', undefined],
  ['kullback_leibler_divergence', undefined],
  ['mape', undefined],
  ['mean_absolute_percentage_error', undefined],
  ['msle', undefined],
  ['mean_squared_logarithmic_error', undefined],
  ['hinge', undefined],
  ['squared_hinge', undefined],
  ['categorical_hinge', undefined],
  ['log_cosh', undefined],
  ['logcosh', undefined],
  ['poisson', undefined],
  ['cosine_similarity', undefined],
  ['ctc', undefined],
]);
