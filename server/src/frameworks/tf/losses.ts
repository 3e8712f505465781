// TensorFlow's own losses (tf.nn.*, TF1 tf.losses.*); TF2's tf.losses is Keras (see the keras pack).
import { arg, lossSpecs, param, type LossRow } from '../losses-table';
import type { LossParam, LossSpec } from '../types';

/** The configuration arguments of each loss (see LossParam). */
const params = new Map<string, readonly LossParam[]>([
  ['tf.losses.softmax_cross_entropy', [param('weights', 2, '1.0'), param('label_smoothing', 3, '0', 'labelSmoothing')]],
  ['tf.losses.sigmoid_cross_entropy', [param('weights', 2, '1.0'), param('label_smoothing', 3, '0')]],
  ['tf.losses.log_loss', [param('weights', 2, '1.0'), param('epsilon', 3, '1e-07')]],
  ['tf.losses.mean_squared_error', [param('weights', 2, '1.0')]],
]);

const rows: LossRow[] = [
  [
    'tf.nn.softmax_cross_entropy_with_logits',
    'tf.nn.softmax_cross_entropy_with_logits',
    'softmax-ce',
    'crossEntropy',
    { target: arg(0, 'labels'), input: arg(1, 'logits'), literalReduction: 'none' },
  ],
  [
    'tf.nn.sparse_softmax_cross_entropy_with_logits',
    'tf.nn.sparse_softmax_cross_entropy_with_logits',
    'softmax-ce',
    'crossEntropy',
    { target: arg(0, 'labels'), input: arg(1, 'logits'), sparseTarget: true, literalReduction: 'none' },
  ],
  [
    'tf.nn.sigmoid_cross_entropy_with_logits',
    'tf.nn.sigmoid_cross_entropy_with_logits',
    'sigmoid-ce',
    'binaryCrossEntropyWithLogits',
    { target: arg(0, 'labels'), input: arg(1, 'logits'), literalReduction: 'none' },
  ],
  [
    'tf.losses.softmax_cross_entropy',
    'tf.losses.softmax_cross_entropy',
    'softmax-ce',
    'crossEntropy',
    { target: arg(0, 'onehot_labels'), input: arg(1, 'logits') },
  ],
  [
    'tf.losses.sparse_softmax_cross_entropy',
    'tf.losses.sparse_softmax_cross_entropy',
    'softmax-ce',
    'crossEntropy',
    { target: arg(0, 'labels'), input: arg(1, 'logits'), sparseTarget: true },
  ],
  [
    'tf.losses.sigmoid_cross_entropy',
    'tf.losses.sigmoid_cross_entropy',
    'sigmoid-ce',
    'binaryCrossEntropyWithLogits',
    { target: arg(0, 'multi_class_labels'), input: arg(1, 'logits') },
  ],
  [
    'tf.losses.log_loss',
    'tf.losses.log_loss',
    'bce-prob',
    'binaryCrossEntropy',
    { target: arg(0, 'labels'), input: arg(1, 'predictions') },
  ],
  [
    'tf.losses.mean_squared_error',
    'tf.losses.mean_squared_error',
    'regression',
    'mseLoss',
    { target: arg(0, 'labels'), input: arg(1, 'predictions'), literalReduction: 'mean' },
  ],
];

export const tfLosses: LossSpec[] = lossSpecs(rows, 'tf', params, { torchReduction: false });

/** TF1 loss functions that stay `tf.losses.*`; every other `tf.losses.X` is Keras's. */
export const TF1_LOSSES: ReadonlySet<string> = new Set([
  'softmax_cross_entropy',
  'sparse_softmax_cross_entropy',
  'sigmoid_cross_entropy',
  'log_loss',
  'mean_squared_error',
  'absolute_difference',
  'hinge_loss',
  'huber_loss',
  'cosine_distance',
]);
