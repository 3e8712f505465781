import type { CatalogEntry } from '../types';

export const multiMarginLoss: CatalogEntry = {
  id: 'multiMarginLoss',
  title: 'Multi-class margin loss (PyTorch MultiMarginLoss)',
  family: 'classification',
  formula: 'L = (1/C)·Σ_{j≠c} w_c·max(0, margin − x_c + x_j)^p  with p ∈ {1, 2}',
  latex: String.raw`\ell(x, c) = \frac{1}{C} \sum_{j \ne c} \max\left(0,\ \Delta - x_c + x_j\right)^p`,
  gradient:
    'p = 1: each violating class j adds +1/C to ∂L/∂x_j and −1/C to ∂L/∂x_c; p = 2 scales each by 2·(violation). Classes already beaten by the margin contribute nothing.',
  likelihood: 'Not a likelihood: a multi-class SVM surrogate (Weston–Watkins sum of pairwise hinges, divided by the number of classes).',
  whenToUse: 'Multi-class SVM-style heads, or when you want training to stop pushing once the true class wins by a margin (robustness to label noise on easy examples).',
  whenNot: 'When you need class probabilities or calibrated confidence (use cross-entropy); p other than 1 or 2 (PyTorch supports only those).',
  params: [
    { name: 'margin', default: 1, min: 0, max: 3, meaning: 'Δ: how far the true-class score must exceed every other score.' },
    { name: 'p', default: 1, min: 1, max: 2, step: 1, meaning: 'Exponent on each hinge: 1 (linear) or 2 (squared hinge).' },
  ],
  names: {
    torch: ['nn.MultiMarginLoss', 'F.multi_margin_loss'],
  },
  snippets: {
    torch: 'loss = nn.MultiMarginLoss(margin=1.0)(scores, targets)  # scores (N, C), targets (N,)',
    keras: '# hand-written Weston–Watkins hinge divided by C\ntrue = tf.reduce_sum(scores * y_onehot, -1, keepdims=True)\nloss = tf.reduce_mean(tf.reduce_sum(tf.maximum(0.0, 1.0 - true + scores) * (1 - y_onehot), -1) / num_classes)',
    tfjs: 'const trueScore = scores.mul(yOneHot).sum(-1, true);\nconst loss = tf.relu(tf.scalar(1).sub(trueScore).add(scores)).mul(tf.scalar(1).sub(yOneHot)).sum(-1).div(numClasses).mean();',
  },
  axis: 'margin',
};
