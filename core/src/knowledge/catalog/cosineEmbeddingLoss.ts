import type { CatalogEntry } from '../types';

export const cosineEmbeddingLoss: CatalogEntry = {
  id: 'cosineEmbeddingLoss',
  title: 'Cosine embedding loss',
  family: 'metric',
  formula: 's = cos(x₁, x₂);  L = 1 − s if y = +1;  L = max(0, s − margin) if y = −1',
  latex: String.raw`\ell = \begin{cases} 1 - \cos(x_1, x_2) & y = 1 \\ \max\left(0,\ \cos(x_1, x_2) - \Delta\right) & y = -1 \end{cases}`,
  gradient: '∂L/∂s = −1 for similar pairs, +1 for dissimilar pairs whose cosine exceeds the margin; through the normalisation the gradient on each vector is orthogonal to it.',
  whenToUse: 'Pair supervision where direction matters but length does not: text or sentence embeddings, cross-modal matching, semantic similarity with cosine retrieval.',
  whenNot: 'With {0, 1} labels (need ±1); when vector magnitude carries meaning; with many negatives per example (InfoNCE is more sample-efficient).',
  params: [
    { name: 'margin', default: 0, min: -1, max: 1, meaning: 'Δ: cosine similarity below which dissimilar pairs stop contributing (0 to 0.5 is typical).' },
  ],
  names: {
    torch: ['nn.CosineEmbeddingLoss', 'F.cosine_embedding_loss'],
  },
  snippets: {
    torch: 'loss = nn.CosineEmbeddingLoss(margin=0.2)(emb1, emb2, y_pm1)  # y in {-1, +1}',
    keras: '# keras.losses.CosineSimilarity is only the similar-pair half (−cos)\ncos = -keras.losses.cosine_similarity(e1, e2)\nloss = tf.reduce_mean(tf.where(y > 0, 1 - cos, tf.maximum(0.0, cos - margin)))',
    tfjs: 'const cos = e1.mul(e2).sum(-1).div(tf.norm(e1, 2, -1).mul(tf.norm(e2, 2, -1)));\nconst loss = tf.where(y.greater(0), tf.scalar(1).sub(cos), tf.relu(cos.sub(margin))).mean();',
  },
  axis: 'margin',
};
