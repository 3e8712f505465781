import type { CatalogEntry } from '../types';
import { cls, fn, custom } from '../snippetRows';

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
  params: [{ name: 'margin', default: 1, min: 0, max: 3, meaning: 'Δ: distance beyond which dissimilar pairs are no longer pushed.' }],
  names: {
    torch: ['nn.HingeEmbeddingLoss', 'F.hinge_embedding_loss'],
  },
  snippets: {
    torch: [
      cls(
        'nn.HingeEmbeddingLoss',
        'criterion = nn.HingeEmbeddingLoss(margin={{margin}})\nloss = criterion([[distances]], [[y]])  # y in {-1, +1}',
      ),
      fn('F.hinge_embedding_loss', 'loss = F.hinge_embedding_loss([[distances]], [[y]], margin={{margin}})'),
    ],
    keras: [
      custom(
        'hand-written hinge embedding loss',
        '# Keras has no hinge embedding loss: a short custom implementation (y in {-1, +1})\n' +
          'loss = tf.reduce_mean(tf.where([[y]] > 0, [[distances]], tf.maximum(0.0, {{margin}} - [[distances]])))',
      ),
    ],
    tfjs: [
      custom(
        'hand-written hinge embedding loss',
        '// TF.js has no hinge embedding loss: a short custom implementation (y in {-1, +1})\n' +
          'const loss = tf.where(tf.greater([[y]], 0), [[distances]], tf.relu(tf.scalar({{margin}}).sub([[distances]]))).mean();',
      ),
    ],
    jax: [
      custom(
        'hand-written hinge embedding loss',
        '# optax has no hinge embedding loss: a short custom implementation (y in {-1, +1})\nloss = jnp.mean(jnp.where([[y]] == 1, [[distances]], jnp.maximum(0.0, {{margin}} - [[distances]])))',
      ),
    ],
  },
  axis: 'distance',
};
