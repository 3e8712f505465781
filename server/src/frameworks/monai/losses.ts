// MONAI losses: classes configured in the constructor, called as (input, target). Without `sigmoid=True`
// or `softmax=True` (or `other_act`) the overlap losses expect probabilities; MONAI's FocalLoss always
// takes logits (`use_softmax` chooses softmax over sigmoid).
import { lossSpecs, param, type LossRow } from '../losses-table';
import type { ActivationSwitch, LossParam, LossSpec } from '../types';

const ROOT = 'monai.losses';

/** sigmoid=, softmax=, other_act= at positions 2, 3, 4 of every overlap loss. */
const SWITCHES: readonly ActivationSwitch[] = [
  { name: 'sigmoid', pos: 2, family: 'sigmoid-ce' },
  { name: 'softmax', pos: 3, family: 'softmax-ce' },
  { name: 'other_act', pos: 4, family: 'other' },
];

const head: LossParam[] = [
  param('include_background', 0, 'True'),
  param('to_onehot_y', 1, 'False'),
  param('sigmoid', 2, 'False'),
  param('softmax', 3, 'False'),
  param('other_act', 4, 'None'),
];

const params = new Map<string, readonly LossParam[]>([
  [
    `${ROOT}.DiceLoss`,
    [
      ...head,
      param('squared_pred', 5, 'False'),
      param('jaccard', 6, 'False'),
      param('reduction', 7, "'mean'"),
      param('smooth_nr', 8, '1e-5', 'smoothNr'),
      param('smooth_dr', 9, '1e-5', 'smoothDr'),
      param('batch', 10, 'False'),
      param('weight', 11, 'None'),
      param('soft_label', 12, 'False'),
    ],
  ],
  [
    `${ROOT}.GeneralizedDiceLoss`,
    [
      ...head,
      param('w_type', 5, "'square'"),
      param('reduction', 6, "'mean'"),
      param('smooth_nr', 7, '1e-5'),
      param('smooth_dr', 8, '1e-5'),
      param('batch', 9, 'False'),
      param('soft_label', 10, 'False'),
    ],
  ],
  [
    `${ROOT}.TverskyLoss`,
    [
      ...head,
      param('alpha', 5, '0.5', 'alpha'),
      param('beta', 6, '0.5', 'beta'),
      param('reduction', 7, "'mean'"),
      param('smooth_nr', 8, '1e-5', 'smoothNr'),
      param('smooth_dr', 9, '1e-5', 'smoothDr'),
      param('batch', 10, 'False'),
      param('soft_label', 11, 'False'),
    ],
  ],
  [
    `${ROOT}.DiceCELoss`,
    [
      ...head,
      param('squared_pred', 5, 'False'),
      param('jaccard', 6, 'False'),
      param('reduction', 7, "'mean'"),
      param('smooth_nr', 8, '1e-5'),
      param('smooth_dr', 9, '1e-5'),
      param('batch', 10, 'False'),
      param('weight', 11, 'None'),
      param('lambda_dice', 12, '1.0'),
      param('lambda_ce', 13, '1.0'),
      param('label_smoothing', 14, '0.0'),
    ],
  ],
  [
    `${ROOT}.DiceFocalLoss`,
    [
      ...head,
      param('squared_pred', 5, 'False'),
      param('jaccard', 6, 'False'),
      param('reduction', 7, "'mean'"),
      param('smooth_nr', 8, '1e-5'),
      param('smooth_dr', 9, '1e-5'),
      param('batch', 10, 'False'),
      param('gamma', 11, '2.0'),
      param('weight', 12, 'None'),
      param('lambda_dice', 13, '1.0'),
      param('lambda_focal', 14, '1.0'),
      param('alpha', 15, 'None'),
    ],
  ],
  [
    `${ROOT}.FocalLoss`,
    [
      param('include_background', 0, 'True'),
      param('to_onehot_y', 1, 'False'),
      param('gamma', 2, '2.0'),
      param('alpha', 3, 'None'),
      param('weight', 4, 'None'),
      param('reduction', 5, "'mean'"),
      param('use_softmax', 6, 'False'),
    ],
  ],
]);

// Class indices (B, 1, …) are the target with to_onehot_y=True, one-hot maps without: either may be right.
const overlap: Partial<LossSpec> = { form: 'class', activationSwitches: SWITCHES, sparseTarget: true };

const rows: LossRow[] = [
  [`${ROOT}.DiceLoss`, 'monai.losses.DiceLoss', 'probs-any', 'diceLoss', overlap],
  [`${ROOT}.GeneralizedDiceLoss`, 'monai.losses.GeneralizedDiceLoss', 'probs-any', undefined, overlap],
  [`${ROOT}.TverskyLoss`, 'monai.losses.TverskyLoss', 'probs-any', 'tverskyLoss', overlap],
  // The cross-entropy (focal) half always takes logits and the Dice half does not unless a switch is set:
  // without one no input suits both, and LossLens says nothing.
  [`${ROOT}.DiceCELoss`, 'monai.losses.DiceCELoss', 'other', undefined, overlap],
  [`${ROOT}.DiceFocalLoss`, 'monai.losses.DiceFocalLoss', 'other', undefined, overlap],
  [
    `${ROOT}.FocalLoss`,
    'monai.losses.FocalLoss',
    'sigmoid-ce',
    undefined,
    { form: 'class', sparseTarget: true, activationSwitches: [{ name: 'use_softmax', pos: 6, family: 'softmax-ce' }] },
  ],
];

export const monaiLosses: LossSpec[] = lossSpecs(rows, 'monai', params);
