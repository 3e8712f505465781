// timm losses (timm.loss): modules called as (x, target) on logits.
import { arg, lossSpecs, param, type LossRow } from '../losses-table';
import type { LossParam, LossSpec } from '../types';

const ROOT = 'timm.loss';

const params = new Map<string, readonly LossParam[]>([
  [`${ROOT}.LabelSmoothingCrossEntropy`, [param('smoothing', 0, '0.1', 'labelSmoothing')]],
  [`${ROOT}.SoftTargetCrossEntropy`, []],
  [
    `${ROOT}.BinaryCrossEntropy`,
    [
      param('smoothing', 0, '0.1'),
      param('target_threshold', 1, 'None'),
      param('weight', 2, 'None'),
      param('reduction', 3, "'mean'"),
      param('sum_classes', 4, 'False'),
      param('pos_weight', 5, 'None', 'posWeight'),
    ],
  ],
  [`${ROOT}.JsdCrossEntropy`, [param('num_splits', 0, '3'), param('alpha', 1, '12'), param('smoothing', 2, '0.1')]],
  [
    `${ROOT}.AsymmetricLossMultiLabel`,
    [
      param('gamma_neg', 0, '4'),
      param('gamma_pos', 1, '1'),
      param('clip', 2, '0.05'),
      param('eps', 3, '1e-8'),
      param('disable_torch_grad_focal_loss', 4, 'False', undefined, true),
    ],
  ],
]);

const rows: LossRow[] = [
  // log_softmax, then gathers the target's log-probability: class indices only.
  [
    `${ROOT}.LabelSmoothingCrossEntropy`,
    'LabelSmoothingCrossEntropy',
    'softmax-ce',
    'labelSmoothingCrossEntropy',
    { sparseTarget: true, hardTargets: true },
  ],
  // −Σ target·log_softmax(x): rows of class probabilities (Mixup targets).
  [`${ROOT}.SoftTargetCrossEntropy`, 'SoftTargetCrossEntropy', 'softmax-ce', 'crossEntropy'],
  // Class indices are turned into smoothed one-hot rows; targets of the input's shape are used as they are.
  [`${ROOT}.BinaryCrossEntropy`, 'BinaryCrossEntropy', 'sigmoid-ce', 'binaryCrossEntropyWithLogits'],
  [`${ROOT}.JsdCrossEntropy`, 'JsdCrossEntropy', 'softmax-ce', undefined, { sparseTarget: true }],
  [`${ROOT}.AsymmetricLossMultiLabel`, 'AsymmetricLossMultiLabel', 'sigmoid-ce', undefined],
];

export const timmLosses: LossSpec[] = lossSpecs(rows, 'timm', params, { form: 'class', input: arg(0, 'x'), target: arg(1, 'target') });
