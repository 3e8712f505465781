// PyTorch losses: each `nn.XLoss` class with its `F.x` function, plus torchvision's focal loss.
import { arg, lossSpecs, param, type LossRow } from '../losses-table';
import type { LossFamily, LossParam, LossSpec } from '../types';

function pair(cls: string, fn: string, family: LossFamily, coreId: string, extra: Partial<LossSpec> = {}): LossRow[] {
  return [
    [`torch.nn.${cls}`, `nn.${cls}`, family, coreId, { form: 'class', ...extra }],
    [`torch.nn.functional.${fn}`, `F.${fn}`, family, coreId, { form: 'function', ...extra }],
  ];
}

// PyTorch's deprecated pair precedes `reduction` in most signatures.
const sizeAvg = (pos: number): LossParam[] => [
  param('size_average', pos, 'None', undefined, true),
  param('reduce', pos + 1, 'None', undefined, true),
];

/** Class (constructor positions) and functional (call positions) signatures. */
function signatures(cls: string, fn: string, ctor: LossParam[], call: LossParam[]): [string, LossParam[]][] {
  return [
    [`torch.nn.${cls}`, ctor],
    [`torch.nn.functional.${fn}`, call],
  ];
}

/** The configuration arguments of each loss (see LossParam). */
const params = new Map<string, readonly LossParam[]>([
  ...signatures('MSELoss', 'mse_loss', [...sizeAvg(0), param('reduction', 2, "'mean'")], [...sizeAvg(2), param('reduction', 4, "'mean'")]),
  ...signatures('L1Loss', 'l1_loss', [...sizeAvg(0), param('reduction', 2, "'mean'")], [...sizeAvg(2), param('reduction', 4, "'mean'")]),
  ...signatures(
    'HuberLoss',
    'huber_loss',
    [param('reduction', 0, "'mean'"), param('delta', 1, '1.0', 'delta')],
    [param('reduction', 2, "'mean'"), param('delta', 3, '1.0', 'delta')],
  ),
  ...signatures(
    'SmoothL1Loss',
    'smooth_l1_loss',
    [...sizeAvg(0), param('reduction', 2, "'mean'"), param('beta', 3, '1.0', 'beta')],
    [...sizeAvg(2), param('reduction', 4, "'mean'"), param('beta', 5, '1.0', 'beta')],
  ),
  ...signatures(
    'CrossEntropyLoss',
    'cross_entropy',
    [
      param('weight', 0, 'None'),
      param('size_average', 1, 'None', undefined, true),
      param('ignore_index', 2, '-100'),
      param('reduce', 3, 'None', undefined, true),
      param('reduction', 4, "'mean'"),
      param('label_smoothing', 5, '0.0', 'labelSmoothing'),
    ],
    [
      param('weight', 2, 'None'),
      param('size_average', 3, 'None', undefined, true),
      param('ignore_index', 4, '-100'),
      param('reduce', 5, 'None', undefined, true),
      param('reduction', 6, "'mean'"),
      param('label_smoothing', 7, '0.0', 'labelSmoothing'),
    ],
  ),
  ...signatures(
    'NLLLoss',
    'nll_loss',
    [
      param('weight', 0, 'None'),
      param('size_average', 1, 'None', undefined, true),
      param('ignore_index', 2, '-100'),
      param('reduce', 3, 'None', undefined, true),
      param('reduction', 4, "'mean'"),
    ],
    [
      param('weight', 2, 'None'),
      param('size_average', 3, 'None', undefined, true),
      param('ignore_index', 4, '-100'),
      param('reduce', 5, 'None', undefined, true),
      param('reduction', 6, "'mean'"),
    ],
  ),
  ...signatures(
    'BCELoss',
    'binary_cross_entropy',
    [param('weight', 0, 'None'), ...sizeAvg(1), param('reduction', 3, "'mean'")],
    [param('weight', 2, 'None'), ...sizeAvg(3), param('reduction', 5, "'mean'")],
  ),
  ...signatures(
    'BCEWithLogitsLoss',
    'binary_cross_entropy_with_logits',
    [param('weight', 0, 'None'), ...sizeAvg(1), param('reduction', 3, "'mean'"), param('pos_weight', 4, 'None', 'posWeight')],
    [param('weight', 2, 'None'), ...sizeAvg(3), param('reduction', 5, "'mean'"), param('pos_weight', 6, 'None', 'posWeight')],
  ),
  ...signatures(
    'KLDivLoss',
    'kl_div',
    [...sizeAvg(0), param('reduction', 2, "'mean'"), param('log_target', 3, 'False')],
    [...sizeAvg(2), param('reduction', 4, "'mean'"), param('log_target', 5, 'False')],
  ),
  ...signatures(
    'HingeEmbeddingLoss',
    'hinge_embedding_loss',
    [param('margin', 0, '1.0', 'margin'), ...sizeAvg(1), param('reduction', 3, "'mean'")],
    [param('margin', 2, '1.0', 'margin'), ...sizeAvg(3), param('reduction', 5, "'mean'")],
  ),
  ...signatures(
    'SoftMarginLoss',
    'soft_margin_loss',
    [...sizeAvg(0), param('reduction', 2, "'mean'")],
    [...sizeAvg(2), param('reduction', 4, "'mean'")],
  ),
  ...signatures(
    'MarginRankingLoss',
    'margin_ranking_loss',
    [param('margin', 0, '0.0', 'margin'), ...sizeAvg(1), param('reduction', 3, "'mean'")],
    [param('margin', 3, '0', 'margin'), ...sizeAvg(4), param('reduction', 6, "'mean'")],
  ),
  ...signatures(
    'MultiMarginLoss',
    'multi_margin_loss',
    [
      param('p', 0, '1', 'p'),
      param('margin', 1, '1.0', 'margin'),
      param('weight', 2, 'None'),
      ...sizeAvg(3),
      param('reduction', 5, "'mean'"),
    ],
    [
      param('p', 2, '1', 'p'),
      param('margin', 3, '1.0', 'margin'),
      param('weight', 4, 'None'),
      ...sizeAvg(5),
      param('reduction', 7, "'mean'"),
    ],
  ),
  ...signatures(
    'MultiLabelSoftMarginLoss',
    'multilabel_soft_margin_loss',
    [param('weight', 0, 'None'), ...sizeAvg(1), param('reduction', 3, "'mean'")],
    [param('weight', 2, 'None'), ...sizeAvg(3), param('reduction', 5, "'mean'")],
  ),
  // GaussianNLLLoss's constructor arguments are keyword-only.
  ...signatures(
    'GaussianNLLLoss',
    'gaussian_nll_loss',
    [param('full', undefined, 'False'), param('eps', undefined, '1e-06'), param('reduction', undefined, "'mean'")],
    [param('full', 3, 'False'), param('eps', 4, '1e-06'), param('reduction', 5, "'mean'")],
  ),
  ...signatures(
    'PoissonNLLLoss',
    'poisson_nll_loss',
    [
      param('log_input', 0, 'True'),
      param('full', 1, 'False'),
      param('size_average', 2, 'None', undefined, true),
      param('eps', 3, '1e-08'),
      param('reduce', 4, 'None', undefined, true),
      param('reduction', 5, "'mean'"),
    ],
    [
      param('log_input', 2, 'True'),
      param('full', 3, 'False'),
      param('size_average', 4, 'None', undefined, true),
      param('eps', 5, '1e-08'),
      param('reduce', 6, 'None', undefined, true),
      param('reduction', 7, "'mean'"),
    ],
  ),
  ...signatures(
    'TripletMarginLoss',
    'triplet_margin_loss',
    [
      param('margin', 0, '1.0', 'margin'),
      param('p', 1, '2.0', 'p'),
      param('eps', 2, '1e-06'),
      param('swap', 3, 'False'),
      ...sizeAvg(4),
      param('reduction', 6, "'mean'"),
    ],
    [
      param('margin', 3, '1.0', 'margin'),
      param('p', 4, '2', 'p'),
      param('eps', 5, '1e-06'),
      param('swap', 6, 'False'),
      ...sizeAvg(7),
      param('reduction', 9, "'mean'"),
    ],
  ),
  ...signatures(
    'CosineEmbeddingLoss',
    'cosine_embedding_loss',
    [param('margin', 0, '0.0', 'margin'), ...sizeAvg(1), param('reduction', 3, "'mean'")],
    [param('margin', 3, '0', 'margin'), ...sizeAvg(4), param('reduction', 6, "'mean'")],
  ),
  [
    'torchvision.ops.sigmoid_focal_loss',
    [param('alpha', 2, '0.25', 'alpha'), param('gamma', 3, '2', 'gamma'), param('reduction', 4, "'none'")],
  ],
]);

const rows: LossRow[] = [
  ...pair('CrossEntropyLoss', 'cross_entropy', 'softmax-ce', 'crossEntropy', {
    sparseTarget: true,
    weights: { perClass: 'weight' },
    floatTargetsAreProbabilities: true,
  }),
  ...pair('BCEWithLogitsLoss', 'binary_cross_entropy_with_logits', 'sigmoid-ce', 'binaryCrossEntropyWithLogits', {
    weights: { perClass: 'pos_weight', perElement: 'weight' },
  }),
  [
    'torch.nn.BCELoss',
    'nn.BCELoss',
    'bce-prob',
    'binaryCrossEntropy',
    { form: 'class', withLogits: { path: 'torch.nn.BCEWithLogitsLoss' }, weights: { perElement: 'weight' } },
  ],
  [
    'torch.nn.functional.binary_cross_entropy',
    'F.binary_cross_entropy',
    'bce-prob',
    'binaryCrossEntropy',
    { form: 'function', withLogits: { path: 'torch.nn.functional.binary_cross_entropy_with_logits' }, weights: { perElement: 'weight' } },
  ],
  ...pair('NLLLoss', 'nll_loss', 'nll', 'nllLoss', { sparseTarget: true, weights: { perClass: 'weight' } }),
  ...pair('KLDivLoss', 'kl_div', 'kl', 'klDiv'),
  ...pair('MSELoss', 'mse_loss', 'regression', 'mseLoss', { broadcastsTarget: true }),
  ...pair('L1Loss', 'l1_loss', 'regression', 'l1Loss', { broadcastsTarget: true }),
  ...pair('HuberLoss', 'huber_loss', 'regression', 'huberLoss', { broadcastsTarget: true }),
  ...pair('SmoothL1Loss', 'smooth_l1_loss', 'regression', 'smoothL1Loss', { broadcastsTarget: true }),
  ...pair('HingeEmbeddingLoss', 'hinge_embedding_loss', 'pm1-margin', 'hingeEmbeddingLoss'),
  ...pair('SoftMarginLoss', 'soft_margin_loss', 'pm1-margin', 'softMarginLoss'),
  ...pair('MarginRankingLoss', 'margin_ranking_loss', 'pm1-margin', 'marginRankingLoss', {
    input2: arg(1, 'input2'),
    target: arg(2, 'target'),
  }),
  ...pair('MultiMarginLoss', 'multi_margin_loss', 'other', 'multiMarginLoss'),
  ...pair('MultiLabelSoftMarginLoss', 'multilabel_soft_margin_loss', 'sigmoid-ce', 'multilabelSoftMarginLoss'),
  ...pair('GaussianNLLLoss', 'gaussian_nll_loss', 'other', 'gaussianNllLoss'),
  ...pair('PoissonNLLLoss', 'poisson_nll_loss', 'other', 'poissonNllLoss'),
  ...pair('TripletMarginLoss', 'triplet_margin_loss', 'other', 'tripletMarginLoss', {
    input: arg(0, 'anchor'),
    input2: arg(1, 'positive'),
    target: undefined,
  }),
  ...pair('CosineEmbeddingLoss', 'cosine_embedding_loss', 'other', 'cosineEmbeddingLoss', {
    input: arg(0, 'input1'),
    input2: arg(1, 'input2'),
    target: arg(2, 'target'),
  }),
  [
    'torchvision.ops.sigmoid_focal_loss',
    'sigmoid_focal_loss',
    'sigmoid-ce',
    'sigmoidFocalLoss',
    { form: 'function', input: arg(0, 'inputs'), target: arg(1, 'targets'), torchReduction: false, defaultReduction: 'none' },
  ],
];

export const torchLosses: LossSpec[] = lossSpecs(rows, 'torch', params, { torchReduction: true });
