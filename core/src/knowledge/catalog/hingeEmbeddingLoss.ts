import type { CatalogEntry } from '../types';

export const hingeEmbeddingLoss: CatalogEntry = {
  id: 'hingeEmbeddingLoss',
  title: 'Hinge embedding loss',
  family: 'metric',
  formula: 'L = x if y = +1;  L = max(0, margin − x) if y = −1, where x is usually a distance between two embeddings',
  latex: String.raw`\ell(x, y) = \begin{cases} x & y = 1 \\ \max(0,\ \Delta - x) & y = -1 \end{cases}`,
  gradient: '∂L/∂x = 1 for similar pairs; −1 for dissimilar pairs closer than the margin, 0 beyond it.',
  whenToUse:
    'Learning whether two inputs are similar from a precomputed distance (often an L1 pairwise distance): similar pairs are pulled together linearly, dissimilar ones pushed out to the margin. Semi-supervised embedding, nonlinear embedding learning.',
  whenNot:
    'With {0, 1} labels (they must be ±1: a 0 label makes the example contribute nothing useful), or when x is a similarity rather than a distance (the sign convention is reversed).',
  params: [
    { name: 'margin', default: 1, min: 0, max: 3, meaning: 'Δ: distance beyond which dissimilar pairs are no longer pushed.' },
  ],
  names: {
    torch: ['nn.HingeEmbeddingLoss', 'F.hinge_embedding_loss'],
  },
  snippets: {
    torch: 'dist = F.pairwise_distance(emb1, emb2, p=1)\nloss = nn.HingeEmbeddingLoss(margin=1.0)(dist, y_pm1)  # y in {-1, +1}',
    keras: '# hand-written; y in {-1, 1}\nloss = tf.reduce_mean(tf.where(y > 0, dist, tf.maximum(0.0, margin - dist)))',
    tfjs: 'const loss = tf.where(y.greater(0), dist, tf.relu(tf.scalar(margin).sub(dist))).mean();',
  },
  axis: 'distance',
};
