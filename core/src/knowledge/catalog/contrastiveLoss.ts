import type { CatalogEntry } from '../types';

export const contrastiveLoss: CatalogEntry = {
  id: 'contrastiveLoss',
  title: 'Contrastive loss (pairwise, Siamese)',
  family: 'metric',
  formula: 'd = ‖f(x₁) − f(x₂)‖₂;  L = (1 − y)·½d² + y·½·max(0, m − d)²  with y = 0 for similar pairs, 1 for dissimilar',
  latex: String.raw`\ell(d, y) = (1-y)\,\tfrac12 d^2 + y\,\tfrac12 \max(0,\ m - d)^2`,
  gradient: '∂L/∂d = d for similar pairs (pull together), −max(0, m − d) for dissimilar pairs (push apart until the margin, then nothing).',
  whenToUse: 'Siamese networks trained on labelled pairs: signature/face verification, duplicate detection, sentence-pair similarity.',
  whenNot:
    'With the opposite label convention (some code uses 1 = similar: the loss then pulls apart what should match); when O(N²) pair construction and mostly easy negatives make training slow — triplet loss or InfoNCE have largely replaced it.',
  params: [
    { name: 'margin', default: 1, min: 0.1, max: 3, meaning: 'm: distance beyond which dissimilar pairs stop being pushed apart.' },
  ],
  names: {},
  snippets: {
    torch: 'd = F.pairwise_distance(emb1, emb2)\nloss = ((1 - y) * 0.5 * d.pow(2) + y * 0.5 * F.relu(margin - d).pow(2)).mean()  # y: 0 similar, 1 dissimilar',
    keras: 'd = tf.norm(e1 - e2, axis=-1)\nloss = tf.reduce_mean((1 - y) * 0.5 * d**2 + y * 0.5 * tf.maximum(0.0, margin - d)**2)',
    tfjs: 'const d = tf.norm(e1.sub(e2), 2, -1);\nconst loss = tf.scalar(1).sub(y).mul(d.square()).add(y.mul(tf.relu(tf.scalar(margin).sub(d)).square())).mul(0.5).mean();',
  },
  axis: 'distance',
};
