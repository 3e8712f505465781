import type { CatalogEntry } from '../types';
import { fn, custom, kerasCompile, kerasObject, tfjsCompile } from '../snippetRows';

export const hingeLoss: CatalogEntry = {
  id: 'hingeLoss',
  title: 'Hinge loss (binary SVM loss)',
  family: 'classification',
  formula: 'L = max(0, 1 − y·f) with y ∈ {−1, +1} and f the raw score',
  latex: String.raw`\ell(f, y) = \max(0,\ 1 - y f)`,
  gradient: '∂L/∂f = −y while y·f < 1, else 0: correct predictions with margin ≥ 1 stop contributing entirely.',
  likelihood:
    'Not a likelihood: a margin-maximising surrogate of the 0–1 error. With an L2 penalty on the weights it is the linear SVM objective ½‖w‖² + C·Σ max(0, 1 − yᵢ(wᵀxᵢ + b)).',
  whenToUse:
    'Max-margin classifiers, structured prediction, hinge-style GAN discriminators (the hinge version of the adversarial loss). When you want sparse training signal from only the examples inside the margin.',
  whenNot:
    'When you need calibrated probabilities (scores are not probabilities); with {0, 1} labels in a hand-written or PyTorch formula (labels must be ±1; Keras converts {0, 1} itself and TF.js hingeLoss expects {0, 1} and maps them to ±1).',
  params: [],
  names: {
    keras: ['keras.losses.Hinge', 'hinge'],
    tfjs: ['tf.losses.hingeLoss', 'hinge'],
    jax: ['optax.hinge_loss'],
  },
  snippets: {
    torch: [
      custom(
        'hand-written hinge loss',
        '# PyTorch has no binary hinge loss: a short custom implementation (labels in {-1, +1})\n' +
          'loss = torch.clamp(1 - [[y]] * [[scores]], min=0).mean()',
      ),
    ],
    keras: [kerasObject('Hinge', '', 'labels in {-1, 1}; {0, 1} labels are converted'), kerasCompile('hinge')],
    tfjs: [
      fn('tf.losses.hingeLoss', 'const loss = tf.losses.hingeLoss([[labels]], [[scores]]);  // labels in {0, 1}, mapped to ±1 inside'),
      tfjsCompile('hinge', 'labels in {-1, +1}: no conversion here'),
    ],
    jax: [fn('optax.hinge_loss', 'loss = optax.hinge_loss([[scores]], [[labels]]).mean()  # labels in {-1, +1}')],
  },
  axis: 'logit',
};
