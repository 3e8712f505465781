import type { CatalogEntry } from '../types';
import { custom, fn, kerasObject } from '../snippetRows';

export const logCosh: CatalogEntry = {
  id: 'logCosh',
  title: 'Log-cosh loss',
  family: 'regression',
  formula: 'e = ŷ − y;  L = log cosh(e) = |e| + log(1 + e^(−2|e|)) − log 2',
  latex: String.raw`\ell(e) = \log\cosh(e) = \lvert e\rvert + \log\left(1 + e^{-2\lvert e\rvert}\right) - \log 2`,
  gradient: '∂L/∂ŷ = tanh(e): about e for small errors (like MSE), saturating at ±1 for large ones (like MAE), smooth everywhere.',
  likelihood:
    'The negative log-likelihood of the hyperbolic-secant-like density ∝ 1/cosh(e): Gaussian near the centre, Laplace-like (exponential) tails.',
  whenToUse:
    'Robust regression that wants a twice-differentiable loss with no threshold to tune: a smooth Huber with δ fixed near 1 (in the units of the target).',
  whenNot:
    'When the target scale is far from 1 (the switch from quadratic to linear sits at |e| ≈ 1: rescale the targets or use Huber with a chosen δ); when outliers are signal (MSE).',
  params: [],
  names: {
    keras: ['keras.losses.LogCosh'],
    jax: ['optax.log_cosh'],
  },
  snippets: {
    torch: [
      custom(
        'hand-written log-cosh',
        '# PyTorch has no log-cosh loss: a short custom implementation, stable for large errors\n' +
          'err = [[pred]] - [[target]]\n' +
          'loss = (err.abs() + torch.log1p(torch.exp(-2 * err.abs())) - math.log(2.0)).mean()',
      ),
    ],
    keras: [kerasObject('LogCosh')],
    tfjs: [
      custom(
        'hand-written log-cosh',
        '// TF.js has no log-cosh loss: a short custom implementation, stable for large errors\n' +
          'const err = tf.abs(tf.sub([[predictions]], [[labels]]));\n' +
          'const loss = tf.mean(tf.sub(tf.add(err, tf.log1p(tf.exp(tf.mul(err, -2)))), Math.log(2)));',
      ),
    ],
    jax: [fn('optax.log_cosh', 'loss = optax.log_cosh([[pred]], [[target]]).mean()')],
  },
  axis: 'error',
};
