// optax's losses (optax.losses.*, re-exported as optax.*): functions of (prediction, target) returning
// the unreduced loss: per element, or per example where they sum over `axis` (the class axis, -1).
import { arg, lossSpecs, param, type LossRow } from '../losses-table';
import type { LossParam, LossSpec } from '../types';

const axisWhere = (pos: number): LossParam[] => [param('axis', pos, '-1'), param('where', pos + 1, 'None')];

/** The configuration arguments of each loss (see LossParam); keyword-only ones have no position. */
const params = new Map<string, readonly LossParam[]>([
  ['optax.softmax_cross_entropy', axisWhere(2)],
  ['optax.softmax_cross_entropy_with_integer_labels', axisWhere(2)],
  ['optax.sigmoid_focal_loss', [param('alpha', undefined, 'None'), param('gamma', undefined, '2.0', 'gamma')]],
  ['optax.kl_divergence', axisWhere(2)],
  ['optax.kl_divergence_with_log_targets', axisWhere(2)],
  ['optax.huber_loss', [param('delta', undefined, '1.0', 'delta')]],
  ['optax.cosine_distance', [param('epsilon', undefined, '0.0', 'eps'), param('axis', undefined, '-1'), param('where', undefined, 'None')]],
]);

const logits = { input: arg(0, 'logits'), target: arg(1, 'labels') };
const regression = { input: arg(0, 'predictions'), target: arg(1, 'targets') };

const rows: LossRow[] = [
  ['optax.softmax_cross_entropy', 'optax.softmax_cross_entropy', 'softmax-ce', 'crossEntropy', { ...logits, literalReduction: 'none' }],
  [
    'optax.softmax_cross_entropy_with_integer_labels',
    'optax.softmax_cross_entropy_with_integer_labels',
    'softmax-ce',
    'crossEntropy',
    { ...logits, sparseTarget: true, literalReduction: 'none' },
  ],
  [
    'optax.safe_softmax_cross_entropy',
    'optax.safe_softmax_cross_entropy',
    'softmax-ce',
    'safeSoftmaxCrossEntropy',
    { ...logits, literalReduction: 'none' },
  ],
  [
    'optax.sigmoid_binary_cross_entropy',
    'optax.sigmoid_binary_cross_entropy',
    'sigmoid-ce',
    'binaryCrossEntropyWithLogits',
    { ...logits, literalReduction: 'none' },
  ],
  ['optax.sigmoid_focal_loss', 'optax.sigmoid_focal_loss', 'sigmoid-ce', 'sigmoidFocalLoss', { ...logits }],
  ['optax.kl_divergence', 'optax.kl_divergence', 'kl', 'klDiv', { input: arg(0, 'log_predictions'), target: arg(1, 'targets') }],
  [
    'optax.kl_divergence_with_log_targets',
    'optax.kl_divergence_with_log_targets',
    'kl',
    'klDiv',
    { input: arg(0, 'log_predictions'), target: arg(1, 'log_targets') },
  ],
  ['optax.hinge_loss', 'optax.hinge_loss', 'pm1-margin', 'hingeLoss', { input: arg(0, 'predictor_outputs'), target: arg(1, 'targets') }],
  ['optax.l2_loss', 'optax.l2_loss', 'regression', 'mseLoss', regression],
  ['optax.squared_error', 'optax.squared_error', 'regression', 'mseLoss', { ...regression, literalReduction: 'none' }],
  ['optax.huber_loss', 'optax.huber_loss', 'regression', 'huberLoss', { ...regression, literalReduction: 'none' }],
  ['optax.log_cosh', 'optax.log_cosh', 'regression', 'logCosh', { ...regression, literalReduction: 'none' }],
  ['optax.cosine_distance', 'optax.cosine_distance', 'regression', 'cosineDistance', { ...regression, literalReduction: 'none' }],
];

export const optaxLosses: LossSpec[] = lossSpecs(rows, 'jax', params, { torchReduction: false });
