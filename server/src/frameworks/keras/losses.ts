// Keras losses (keras, tf.keras, Keras 3): classes take from_logits in the constructor and are called as
// (y_true, y_pred); functions take it as a keyword.
import { arg, lossSpecs, type LossRow } from '../losses-table';
import type { LossSpec } from '../types';

const CE = { logits: 'softmax-ce', probs: 'cce-prob' } as const;
const BCE = { logits: 'sigmoid-ce', probs: 'bce-prob' } as const;
const YY = { target: arg(0, 'y_true'), input: arg(1, 'y_pred') };

const rows: LossRow[] = [
  ['keras.losses.CategoricalCrossentropy', 'keras.losses.CategoricalCrossentropy', 'cce-prob', 'crossEntropy', { form: 'class', fromLogits: CE, ...YY }],
  ['keras.losses.SparseCategoricalCrossentropy', 'keras.losses.SparseCategoricalCrossentropy', 'cce-prob', 'crossEntropy', { form: 'class', fromLogits: CE, sparseTarget: true, ...YY }],
  ['keras.losses.BinaryCrossentropy', 'keras.losses.BinaryCrossentropy', 'bce-prob', 'binaryCrossEntropy', { form: 'class', fromLogits: BCE, ...YY }],
  ['keras.losses.BinaryFocalCrossentropy', 'keras.losses.BinaryFocalCrossentropy', 'bce-prob', 'sigmoidFocalLoss', { form: 'class', fromLogits: BCE, ...YY }],
  ['keras.losses.CategoricalFocalCrossentropy', 'keras.losses.CategoricalFocalCrossentropy', 'cce-prob', 'softmaxFocalLoss', { form: 'class', fromLogits: CE, ...YY }],
  ['keras.losses.categorical_crossentropy', 'keras.losses.categorical_crossentropy', 'cce-prob', 'crossEntropy', { form: 'function', fromLogits: CE, ...YY }],
  ['keras.losses.sparse_categorical_crossentropy', 'keras.losses.sparse_categorical_crossentropy', 'cce-prob', 'crossEntropy', { form: 'function', fromLogits: CE, sparseTarget: true, ...YY }],
  ['keras.losses.binary_crossentropy', 'keras.losses.binary_crossentropy', 'bce-prob', 'binaryCrossEntropy', { form: 'function', fromLogits: BCE, ...YY }],
  ['keras.losses.MeanSquaredError', 'keras.losses.MeanSquaredError', 'regression', 'mseLoss', { form: 'class', ...YY }],
  ['keras.losses.MeanAbsoluteError', 'keras.losses.MeanAbsoluteError', 'regression', 'l1Loss', { form: 'class', ...YY }],
  ['keras.losses.Huber', 'keras.losses.Huber', 'regression', 'huberLoss', { form: 'class', ...YY }],
  ['keras.losses.mean_squared_error', 'keras.losses.mean_squared_error', 'regression', 'mseLoss', { form: 'function', ...YY }],
  ['keras.losses.mean_absolute_error', 'keras.losses.mean_absolute_error', 'regression', 'l1Loss', { form: 'function', ...YY }],
  ['keras.losses.KLDivergence', 'keras.losses.KLDivergence', 'other', 'klDiv', { form: 'class', ...YY }],
  ['keras.losses.Hinge', 'keras.losses.Hinge', 'other', 'hingeLoss', { form: 'class', ...YY }],
];

export const kerasLosses: LossSpec[] = lossSpecs(rows, 'keras', { torchReduction: false });

/** `compile(loss='…')` strings and the spec each names (from_logits is always False for strings); undefined: a loss not modelled. */
export const kerasCompileLossPaths: ReadonlyMap<string, string | undefined> = new Map([
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
