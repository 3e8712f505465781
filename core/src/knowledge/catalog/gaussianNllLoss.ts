import type { CatalogEntry } from '../types';
import { cls, fn, custom } from '../snippetRows';

export const gaussianNllLoss: CatalogEntry = {
  id: 'gaussianNllLoss',
  title: 'Gaussian negative log-likelihood (learned variance)',
  family: 'probabilistic',
  formula: 'v = max(var, eps);  L = ½·(log v + (μ − y)²/v)  (+ ½·log 2π when full)',
  latex: String.raw`\ell(\mu, \sigma^2, y) = \tfrac12\left(\log \sigma^2 + \frac{(\mu - y)^2}{\sigma^2}\right) \;\left[+\tfrac12\log 2\pi\right]`,
  gradient:
    '∂L/∂μ = (μ − y)/v (MSE scaled by the predicted precision);  ∂L/∂var = ½·(1/v − (μ − y)²/v²), zero when the variance equals the squared error.',
  likelihood:
    'Gaussian with a predicted, per-sample variance (heteroscedastic regression). With var fixed at 1 it is ½·MSE plus a constant.',
  whenToUse:
    'Regression that must also report its uncertainty: the model outputs a mean and a variance (or log-variance) per target — depth estimation, forecasting intervals, active learning.',
  whenNot:
    'When the variance head is unconstrained (PyTorch raises on a negative var and clamps small ones to eps: produce it with softplus or exp); early in training the model can "explain away" hard points with a huge variance — consider β-NLL or warm-up with MSE.',
  params: [
    {
      name: 'var',
      default: 1,
      min: 0.05,
      max: 5,
      plotOnly: true,
      meaning: 'Predicted variance σ², held fixed in the plot (it is the third input of the loss).',
    },
  ],
  names: {
    torch: ['nn.GaussianNLLLoss', 'F.gaussian_nll_loss'],
  },
  snippets: {
    torch: [
      cls(
        'nn.GaussianNLLLoss',
        'criterion = nn.GaussianNLLLoss()\nloss = criterion([[mean]], [[target]], [[var]])  # var > 0, e.g. log_var.exp()',
      ),
      fn('F.gaussian_nll_loss', 'loss = F.gaussian_nll_loss([[mean]], [[target]], [[var]])'),
    ],
    keras: [
      custom(
        'hand-written Gaussian NLL',
        '# Keras has no Gaussian NLL loss: a short custom implementation (the model predicts mean and log-variance)\n' +
          'loss = tf.reduce_mean(0.5 * ([[log_var]] + tf.square([[y]] - [[mean]]) / tf.exp([[log_var]])))',
      ),
    ],
    tfjs: [
      custom(
        'hand-written Gaussian NLL',
        '// TF.js has no Gaussian NLL loss: a short custom implementation (the model predicts mean and log-variance)\n' +
          'const loss = tf.add([[logVar]], tf.sub([[y]], [[mean]]).square().div(tf.exp([[logVar]]))).mul(0.5).mean();',
      ),
    ],
    jax: [
      custom(
        'hand-written Gaussian NLL',
        '# optax has no Gaussian NLL loss: a short custom implementation (var > 0, constant term dropped)\nloss = jnp.mean(0.5 * (jnp.log([[var]]) + ([[target]] - [[mean]]) ** 2 / [[var]]))',
      ),
    ],
  },
  axis: 'error',
};
