// TensorFlow.js losses: `tf.losses.*` functions of (labels, predictions) and the layers API's compile strings.
import { arg, lossSpecs, param, type LossRow } from '../losses-table';
import type { LossParam, LossSpec, LossStringSpec } from '../types';

/** The configuration arguments of each loss (see LossParam). */
const params = new Map<string, readonly LossParam[]>([
  [
    'tfjs.losses.softmaxCrossEntropy',
    [
      param('weights', 2, 'undefined'),
      param('labelSmoothing', 3, '0', 'labelSmoothing'),
      param('reduction', 4, 'Reduction.SUM_BY_NONZERO_WEIGHTS'),
    ],
  ],
  [
    'tfjs.losses.sigmoidCrossEntropy',
    [param('weights', 2, 'undefined'), param('labelSmoothing', 3, '0'), param('reduction', 4, 'Reduction.SUM_BY_NONZERO_WEIGHTS')],
  ],
  [
    'tfjs.losses.logLoss',
    [param('weights', 2, 'undefined'), param('epsilon', 3, '1e-7'), param('reduction', 4, 'Reduction.SUM_BY_NONZERO_WEIGHTS')],
  ],
  ['tfjs.losses.meanSquaredError', [param('weights', 2, 'undefined'), param('reduction', 3, 'Reduction.SUM_BY_NONZERO_WEIGHTS')]],
  ['tfjs.losses.absoluteDifference', [param('weights', 2, 'undefined'), param('reduction', 3, 'Reduction.SUM_BY_NONZERO_WEIGHTS')]],
  [
    'tfjs.losses.huberLoss',
    [param('weights', 2, 'undefined'), param('delta', 3, '1.0', 'delta'), param('reduction', 4, 'Reduction.SUM_BY_NONZERO_WEIGHTS')],
  ],
  ['tfjs.losses.hingeLoss', [param('weights', 2, 'undefined'), param('reduction', 3, 'Reduction.SUM_BY_NONZERO_WEIGHTS')]],
]);

const rows: LossRow[] = [
  [
    'tfjs.losses.softmaxCrossEntropy',
    'tf.losses.softmaxCrossEntropy',
    'softmax-ce',
    'crossEntropy',
    { target: arg(0, 'onehotLabels'), input: arg(1, 'logits') },
  ],
  [
    'tfjs.losses.sigmoidCrossEntropy',
    'tf.losses.sigmoidCrossEntropy',
    'sigmoid-ce',
    'binaryCrossEntropyWithLogits',
    { target: arg(0, 'multiClassLabels'), input: arg(1, 'logits') },
  ],
  // Same (labels, x, weights) order as sigmoidCrossEntropy; the 4th argument differs (epsilon vs labelSmoothing).
  [
    'tfjs.losses.logLoss',
    'tf.losses.logLoss',
    'bce-prob',
    'binaryCrossEntropy',
    { target: arg(0, 'labels'), input: arg(1, 'predictions'), withLogits: { path: 'tfjs.losses.sigmoidCrossEntropy', maxArgs: 3 } },
  ],
  [
    'tfjs.losses.meanSquaredError',
    'tf.losses.meanSquaredError',
    'regression',
    'mseLoss',
    { target: arg(0, 'labels'), input: arg(1, 'predictions') },
  ],
  [
    'tfjs.losses.absoluteDifference',
    'tf.losses.absoluteDifference',
    'regression',
    'l1Loss',
    { target: arg(0, 'labels'), input: arg(1, 'predictions') },
  ],
  ['tfjs.losses.huberLoss', 'tf.losses.huberLoss', 'regression', 'huberLoss', { target: arg(0, 'labels'), input: arg(1, 'predictions') }],
  ['tfjs.losses.hingeLoss', 'tf.losses.hingeLoss', 'hinge-01', 'hingeLoss', { target: arg(0, 'labels'), input: arg(1, 'predictions') }],
];

export const tfjsLosses: LossSpec[] = lossSpecs(rows, 'tfjs', params, { torchReduction: false });

/** Layers `compile({loss: '…'})` strings: only the camelCase names (no 'mse'/'mae' aliases, unlike Keras). */
export const tfjsCompileLossStrings: ReadonlyMap<string, LossStringSpec> = new Map<string, LossStringSpec>([
  ['categoricalCrossentropy', { family: 'cce-prob', coreId: 'crossEntropy' }],
  ['sparseCategoricalCrossentropy', { family: 'cce-prob', coreId: 'crossEntropy', sparse: true }],
  ['binaryCrossentropy', { family: 'bce-prob', coreId: 'binaryCrossEntropy' }],
  ['meanSquaredError', { family: 'regression', coreId: 'mseLoss' }],
  ['meanAbsoluteError', { family: 'regression', coreId: 'l1Loss' }],
  ['meanAbsolutePercentageError', { family: 'regression' }],
  ['meanSquaredLogarithmicError', { family: 'regression' }],
  ['squaredHinge', { family: 'other' }],
  ['hinge', { family: 'other', coreId: 'hingeLoss' }],
  ['categoricalHinge', { family: 'other' }],
  ['logcosh', { family: 'regression' }],
  ['kullbackLeiblerDivergence', { family: 'other', coreId: 'klDiv' }],
  ['poisson', { family: 'other' }],
  ['cosineProximity', { family: 'other' }],
]);
