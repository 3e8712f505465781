// segmentation_models_pytorch losses: classes configured in the constructor, called as (y_pred, y_true).
// `mode` says which activation a loss applies ('multiclass': softmax over channels; 'binary',
// 'multilabel': sigmoid), `from_logits` (True by default) whether it applies it at all.
import { arg, lossSpecs, param, type LossRow } from '../losses-table';
import type { LossFamily, LossParam, LossSpec } from '../types';

const ROOT = 'segmentation_models_pytorch.losses';

type Pair = { logits: LossFamily; probs: LossFamily };
const SOFTMAX: Pair = { logits: 'softmax-ce', probs: 'probs-any' };
const SIGMOID: Pair = { logits: 'sigmoid-ce', probs: 'probs-any' };

/** The mode values as written (strings) and as smp's constants (`smp.losses.BINARY_MODE`). */
function modes(multiclass: Pair, binary: Pair): NonNullable<LossSpec['modes']>['families'] {
  return {
    multiclass,
    binary,
    multilabel: binary,
    [`${ROOT}.MULTICLASS_MODE`]: multiclass,
    [`${ROOT}.BINARY_MODE`]: binary,
    [`${ROOT}.MULTILABEL_MODE`]: binary,
  };
}

/** A loss whose activation its mode chooses and `from_logits` (constructor position `pos`) switches. */
const switched = (pos: number, families = modes(SOFTMAX, SIGMOID)): Partial<LossSpec> => ({
  form: 'class',
  // 'multiclass' takes class indices (N, H, W); the other modes masks of the input's shape.
  sparseTarget: true,
  modes: { name: 'mode', pos: 0, families },
  fromLogits: { ...SIGMOID, pos, default: true },
});

const overlap = (extra: LossParam[] = []): LossParam[] => [
  param('mode', 0, '—'),
  param('classes', 1, 'None'),
  param('log_loss', 2, 'False'),
  param('from_logits', 3, 'True'),
  param('smooth', 4, '0.0'),
  param('ignore_index', 5, 'None'),
  param('eps', 6, '1e-7'),
  ...extra,
];

const params = new Map<string, readonly LossParam[]>([
  [`${ROOT}.DiceLoss`, overlap([param('class_weights', 7, 'None')])],
  [`${ROOT}.JaccardLoss`, overlap([param('class_weights', 7, 'None')])],
  [
    `${ROOT}.TverskyLoss`,
    overlap([
      param('alpha', 7, '0.5', 'alpha'),
      param('beta', 8, '0.5', 'beta'),
      param('gamma', 9, '1.0'),
      param('class_weights', 10, 'None'),
    ]),
  ],
  [
    `${ROOT}.LovaszLoss`,
    [
      param('mode', 0, '—'),
      param('per_image', 1, 'False'),
      param('ignore_index', 2, 'None'),
      param('from_logits', 3, 'True', undefined, true),
    ],
  ],
  [
    `${ROOT}.FocalLoss`,
    [
      param('mode', 0, '—'),
      param('alpha', 1, 'None'),
      param('gamma', 2, '2.0'),
      param('ignore_index', 3, 'None'),
      param('from_logits', 4, 'True'),
      param('eps', 5, '1e-7'),
      param('reduction', 6, "'mean'"),
      param('normalized', 7, 'False'),
      param('reduced_threshold', 8, 'None'),
      param('class_weights', 9, 'None'),
    ],
  ],
  [
    `${ROOT}.SoftBCEWithLogitsLoss`,
    [
      param('weight', 0, 'None'),
      param('ignore_index', 1, '-100'),
      param('reduction', 2, "'mean'"),
      param('smooth_factor', 3, 'None'),
      param('pos_weight', 4, 'None'),
    ],
  ],
  [
    `${ROOT}.SoftCrossEntropyLoss`,
    [
      param('reduction', 0, "'mean'"),
      param('smooth_factor', 1, 'None'),
      param('ignore_index', 2, '-100'),
      param('dim', 3, '1', undefined, true),
    ],
  ],
]);

// LovaszLoss ignores from_logits: 'multiclass' always applies softmax; 'binary'/'multilabel' is a hinge on
// the raw scores (no activation to double).
const LOVASZ = modes({ logits: 'softmax-ce', probs: 'softmax-ce' }, { logits: 'other', probs: 'other' });
// FocalLoss applies a sigmoid per channel in every mode (multiclass too), or inverts it when from_logits=False.
const FOCAL = modes(SIGMOID, SIGMOID);

const rows: LossRow[] = [
  [`${ROOT}.DiceLoss`, 'smp.losses.DiceLoss', 'other', 'diceLoss', switched(3)],
  [`${ROOT}.JaccardLoss`, 'smp.losses.JaccardLoss', 'other', 'jaccardLoss', switched(3)],
  [`${ROOT}.TverskyLoss`, 'smp.losses.TverskyLoss', 'other', 'tverskyLoss', switched(3)],
  [`${ROOT}.LovaszLoss`, 'smp.losses.LovaszLoss', 'other', undefined, switched(3, LOVASZ)],
  [`${ROOT}.FocalLoss`, 'smp.losses.FocalLoss', 'other', undefined, switched(4, FOCAL)],
  [`${ROOT}.SoftBCEWithLogitsLoss`, 'smp.losses.SoftBCEWithLogitsLoss', 'sigmoid-ce', undefined, { form: 'class' }],
  [`${ROOT}.SoftCrossEntropyLoss`, 'smp.losses.SoftCrossEntropyLoss', 'softmax-ce', undefined, { form: 'class', sparseTarget: true }],
];

export const smpLosses: LossSpec[] = lossSpecs(rows, 'smp', params, { input: arg(0, 'y_pred'), target: arg(1, 'y_true') });
