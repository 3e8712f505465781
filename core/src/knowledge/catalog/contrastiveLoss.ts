import type { CatalogEntry } from '../types';
import { custom } from '../snippetRows';

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
  params: [{ name: 'margin', default: 1, min: 0.1, max: 3, meaning: 'm: distance beyond which dissimilar pairs stop being pushed apart.' }],
  names: {},
  snippets: {
    torch: [
      custom(
        'hand-written contrastive loss',
        '# PyTorch has no contrastive loss: a short custom implementation (label 0 = similar pair, 1 = dissimilar)\n' +
          'd = F.pairwise_distance([[emb1]], [[emb2]])\n' +
          'loss = ((1 - [[label]]) * 0.5 * d.pow(2) + [[label]] * 0.5 * F.relu({{margin}} - d).pow(2)).mean()',
      ),
    ],
    keras: [
      custom(
        'hand-written contrastive loss',
        '# Keras has no contrastive loss: a short custom implementation (label 0 = similar pair, 1 = dissimilar)\n' +
          'd = tf.norm([[emb1]] - [[emb2]], axis=-1)\n' +
          'loss = tf.reduce_mean((1 - [[label]]) * 0.5 * tf.square(d) + [[label]] * 0.5 * tf.square(tf.maximum(0.0, {{margin}} - d)))',
      ),
    ],
    tfjs: [
      custom(
        'hand-written contrastive loss',
        '// TF.js has no contrastive loss: a short custom implementation (label 0 = similar pair, 1 = dissimilar)\n' +
          'const d = tf.norm([[emb1]].sub([[emb2]]), 2, -1);\n' +
          'const loss = tf.scalar(1).sub([[label]]).mul(d.square()).add(tf.mul([[label]], tf.relu(tf.scalar({{margin}}).sub(d)).square())).mul(0.5).mean();',
      ),
    ],
    jax: [
      custom(
        'hand-written contrastive loss',
        '# optax has no pairwise contrastive loss: a short custom implementation (label 0 = similar pair, 1 = dissimilar)\nd = jnp.linalg.norm([[emb1]] - [[emb2]], axis=-1)\nloss = jnp.mean((1 - [[label]]) * 0.5 * d**2 + [[label]] * 0.5 * jnp.maximum(0.0, {{margin}} - d) ** 2)',
      ),
    ],
  },
  axis: 'distance',
};
