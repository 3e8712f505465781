import type { CatalogEntry } from '../types';
import { cls, fn, custom } from '../snippetRows';

export const cosineEmbeddingLoss: CatalogEntry = {
  id: 'cosineEmbeddingLoss',
  title: 'Cosine embedding loss',
  family: 'metric',
  formula: 's = cos(x₁, x₂);  L = 1 − s if y = +1;  L = max(0, s − margin) if y = −1',
  latex: String.raw`\ell = \begin{cases} 1 - \cos(x_1, x_2) & y = 1 \\ \max\left(0,\ \cos(x_1, x_2) - \Delta\right) & y = -1 \end{cases}`,
  gradient:
    '∂L/∂s = −1 for similar pairs, +1 for dissimilar pairs whose cosine exceeds the margin; through the normalisation the gradient on each vector is orthogonal to it.',
  whenToUse:
    'Pair supervision where direction matters but length does not: text or sentence embeddings, cross-modal matching, semantic similarity with cosine retrieval.',
  whenNot:
    'With {0, 1} labels (need ±1); when vector magnitude carries meaning; with many negatives per example (InfoNCE is more sample-efficient).',
  params: [
    {
      name: 'margin',
      default: 0,
      min: -1,
      max: 1,
      meaning: 'Δ: cosine similarity below which dissimilar pairs stop contributing (0 to 0.5 is typical).',
    },
  ],
  names: {
    torch: ['nn.CosineEmbeddingLoss', 'F.cosine_embedding_loss'],
  },
  snippets: {
    torch: [
      cls(
        'nn.CosineEmbeddingLoss',
        'criterion = nn.CosineEmbeddingLoss(margin={{margin}})\nloss = criterion([[emb1]], [[emb2]], [[y]])  # y in {-1, +1}',
      ),
      fn('F.cosine_embedding_loss', 'loss = F.cosine_embedding_loss([[emb1]], [[emb2]], [[y]], margin={{margin}})'),
    ],
    keras: [
      custom(
        'hand-written cosine embedding loss',
        '# Keras has no cosine embedding loss (CosineSimilarity is only the similar-pair half): a short custom implementation\n' +
          'cos = tf.reduce_sum(tf.math.l2_normalize([[emb1]], axis=-1) * tf.math.l2_normalize([[emb2]], axis=-1), axis=-1)\n' +
          'loss = tf.reduce_mean(tf.where([[y]] > 0, 1 - cos, tf.maximum(0.0, cos - {{margin}})))  # y in {-1, +1}',
      ),
    ],
    tfjs: [
      custom(
        'hand-written cosine embedding loss',
        '// TF.js has no cosine embedding loss (cosineDistance is only the similar-pair half): a short custom implementation\n' +
          'const cos = tf.sum(tf.mul([[emb1]], [[emb2]]), -1).div(tf.norm([[emb1]], 2, -1).mul(tf.norm([[emb2]], 2, -1)));\n' +
          'const loss = tf.where(tf.greater([[y]], 0), tf.scalar(1).sub(cos), tf.relu(cos.sub({{margin}}))).mean();  // y in {-1, +1}',
      ),
    ],
    jax: [
      custom(
        'hand-written cosine embedding loss',
        '# optax has no cosine embedding loss (optax.cosine_distance is the similar-pair half): a short custom implementation (y in {-1, +1})\ncos = optax.cosine_similarity([[emb1]], [[emb2]], epsilon=1e-12)\nloss = jnp.mean(jnp.where([[y]] == 1, 1 - cos, jnp.maximum(0.0, cos - {{margin}})))',
      ),
    ],
  },
  axis: 'margin',
};
