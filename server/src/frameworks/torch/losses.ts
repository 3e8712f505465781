// PyTorch losses: each `nn.XLoss` class with its `F.x` function, plus torchvision's focal loss.
import { arg, lossSpecs, type LossRow } from '../losses-table';
import type { LossFamily, LossSpec } from '../types';

function pair(cls: string, fn: string, family: LossFamily, coreId: string, extra: Partial<LossSpec> = {}): LossRow[] {
  return [
    [`torch.nn.${cls}`, `nn.${cls}`, family, coreId, { form: 'class', ...extra }],
    [`torch.nn.functional.${fn}`, `F.${fn}`, family, coreId, { form: 'function', ...extra }],
  ];
}

const rows: LossRow[] = [
  ...pair('CrossEntropyLoss', 'cross_entropy', 'softmax-ce', 'crossEntropy', { sparseTarget: true }),
  ...pair('BCEWithLogitsLoss', 'binary_cross_entropy_with_logits', 'sigmoid-ce', 'binaryCrossEntropyWithLogits'),
  ...pair('BCELoss', 'binary_cross_entropy', 'bce-prob', 'binaryCrossEntropy'),
  ...pair('NLLLoss', 'nll_loss', 'nll', 'nllLoss', { sparseTarget: true }),
  ...pair('KLDivLoss', 'kl_div', 'kl', 'klDiv'),
  ...pair('MSELoss', 'mse_loss', 'regression', 'mseLoss'),
  ...pair('L1Loss', 'l1_loss', 'regression', 'l1Loss'),
  ...pair('HuberLoss', 'huber_loss', 'regression', 'huberLoss'),
  ...pair('SmoothL1Loss', 'smooth_l1_loss', 'regression', 'smoothL1Loss'),
  ...pair('HingeEmbeddingLoss', 'hinge_embedding_loss', 'pm1-margin', 'hingeEmbeddingLoss'),
  ...pair('SoftMarginLoss', 'soft_margin_loss', 'pm1-margin', 'softMarginLoss'),
  ...pair('MarginRankingLoss', 'margin_ranking_loss', 'pm1-margin', 'marginRankingLoss', { input2: arg(1, 'input2'), target: arg(2, 'target') }),
  ...pair('MultiMarginLoss', 'multi_margin_loss', 'other', 'multiMarginLoss'),
  ...pair('MultiLabelSoftMarginLoss', 'multilabel_soft_margin_loss', 'sigmoid-ce', 'multilabelSoftMarginLoss'),
  ...pair('GaussianNLLLoss', 'gaussian_nll_loss', 'other', 'gaussianNllLoss'),
  ...pair('PoissonNLLLoss', 'poisson_nll_loss', 'other', 'poissonNllLoss'),
  ...pair('TripletMarginLoss', 'triplet_margin_loss', 'other', 'tripletMarginLoss', { input: arg(0, 'anchor'), input2: arg(1, 'positive'), target: undefined }),
  ...pair('CosineEmbeddingLoss', 'cosine_embedding_loss', 'other', 'cosineEmbeddingLoss', { input: arg(0, 'input1'), input2: arg(1, 'input2'), target: arg(2, 'target') }),
  ['torchvision.ops.sigmoid_focal_loss', 'sigmoid_focal_loss', 'sigmoid-ce', 'sigmoidFocalLoss', { form: 'function', input: arg(0, 'inputs'), target: arg(1, 'targets'), torchReduction: false }],
];

export const torchLosses: LossSpec[] = lossSpecs(rows, 'torch', { torchReduction: true });
