import type { CatalogEntry } from '../types';
import { custom, fn } from '../snippetRows';

export const cosineDistance: CatalogEntry = {
  id: 'cosineDistance',
  title: 'Cosine distance',
  family: 'metric',
  formula: 'L = 1 − ŷ·y / (‖ŷ‖‖y‖) over the last axis (each squared norm clipped below at ε)',
  latex: String.raw`\ell(\hat y, y) = 1 - \frac{\hat y \cdot y}{\lVert \hat y\rVert\,\lVert y\rVert}`,
  gradient:
    '∂L/∂ŷ = −(y/(‖ŷ‖‖y‖) − cos·ŷ/‖ŷ‖²): only the direction of ŷ is pulled towards y; the radial component is 0, so the length of ŷ never changes.',
  whenToUse:
    'Matching directions rather than magnitudes: embedding regression (distillation of normalised features, text/image embedding alignment), where only the angle carries meaning.',
  whenNot:
    'When magnitudes matter (MSE); near-zero vectors (the direction is undefined: with ε = 0 a zero vector gives NaN); for pairs with similar/dissimilar labels (cosine embedding or contrastive loss).',
  params: [
    {
      name: 'eps',
      default: 0,
      min: 0,
      max: 0.5,
      meaning: 'ε: lower clip of each squared norm (optax `epsilon`); 0 leaves the norms exact.',
    },
  ],
  names: {
    tfjs: ['tf.losses.cosineDistance'],
    jax: ['optax.cosine_distance'],
  },
  snippets: {
    torch: [
      custom(
        'hand-written cosine distance',
        '# PyTorch has no cosine distance loss: a short custom implementation (1 − cosine similarity over the last dimension)\n' +
          'loss = (1 - F.cosine_similarity([[pred]], [[target]], dim=-1)).mean()',
      ),
    ],
    keras: [
      custom(
        'hand-written cosine distance',
        '# keras.losses.CosineSimilarity returns −cos, not 1 − cos: a short custom implementation of the distance\n' +
          'def cosine_distance(y_true, y_pred):\n' +
          '    return 1 + keras.losses.cosine_similarity(y_true, y_pred, axis=-1)\n' +
          "[[model]].compile(optimizer='adam', loss=cosine_distance)",
      ),
    ],
    tfjs: [
      fn(
        'tf.losses.cosineDistance',
        'const loss = tf.losses.cosineDistance([[labels]], [[predictions]], -1);  // both must already be unit vectors along the axis',
      ),
    ],
    jax: [fn('optax.cosine_distance', 'loss = optax.cosine_distance([[pred]], [[target]], epsilon={{eps}}).mean()')],
  },
  axis: 'margin',
};
