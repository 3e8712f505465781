import type { CatalogEntry } from '../types';
import { cls, fn, kerasCompile, kerasObject, tfjsCompile, custom } from '../snippetRows';

export const binaryCrossEntropy: CatalogEntry = {
  id: 'binaryCrossEntropy',
  title: 'Binary cross-entropy on probabilities (BCE)',
  family: 'classification',
  formula: 'L = −[y·log p + (1 − y)·log(1 − p)],  p ∈ [0, 1] already passed through a sigmoid',
  latex: String.raw`\ell(p, y) = -\left[y \log p + (1-y)\log(1-p)\right]`,
  gradient:
    '∂L/∂p = (p − y) / (p(1 − p)): explodes as p approaches the wrong end. PyTorch clamps each log at −100, so the loss tops out at 100 and saturated sigmoids lose their gradient.',
  likelihood:
    'Bernoulli labels: P(y | p) = pʸ(1 − p)¹⁻ʸ. Its negative log is exactly BCE, so minimising BCE is maximum likelihood for a binary outcome (or for pixel intensities in [0, 1] treated as probabilities).',
  whenToUse:
    'When the model genuinely outputs probabilities that did not come from a sigmoid you control (an ensemble average, a reconstruction in [0, 1] from a decoder, a GAN discriminator that must end in sigmoid).',
  whenNot:
    'After your own sigmoid: feed the logits to the with-logits version instead (log-sum-exp stable, safe under autocast/mixed precision, no −100 clamp). Never on raw logits: PyTorch raises for values outside [0, 1].',
  params: [],
  names: {
    torch: ['nn.BCELoss', 'F.binary_cross_entropy'],
    keras: ['keras.losses.BinaryCrossentropy', 'binary_crossentropy'],
    tfjs: ['tf.losses.logLoss', 'binaryCrossentropy'],
  },
  snippets: {
    torch: [
      cls(
        'nn.BCELoss',
        'criterion = nn.BCELoss()  # takes probabilities: prefer nn.BCEWithLogitsLoss on logits\nloss = criterion([[probs]], [[targets]].float())',
      ),
      fn('F.binary_cross_entropy', 'loss = F.binary_cross_entropy([[probs]], [[targets]].float())  # probabilities in [0, 1]'),
    ],
    keras: [
      kerasObject('BinaryCrossentropy', '', "after Dense(1, activation='sigmoid')"),
      kerasCompile('binary_crossentropy', "after Dense(1, activation='sigmoid')"),
    ],
    tfjs: [
      fn('tf.losses.logLoss', 'const loss = tf.losses.logLoss([[labels]], [[probs]]);  // probabilities in [0, 1]'),
      tfjsCompile('binaryCrossentropy', "after a dense layer with activation: 'sigmoid'"),
    ],
    jax: [
      custom(
        'hand-written BCE on probabilities',
        '# optax has no cross-entropy on probabilities: a short custom implementation (prefer optax.sigmoid_binary_cross_entropy on logits)\np = jnp.clip([[probs]], 1e-7, 1 - 1e-7)\nloss = -jnp.mean([[targets]] * jnp.log(p) + (1 - [[targets]]) * jnp.log1p(-p))',
      ),
    ],
  },
  axis: 'pt',
};
