import type { CatalogEntry } from '../types';
import { custom } from '../snippetRows';

export const gaussianKlDivergence: CatalogEntry = {
  id: 'gaussianKlDivergence',
  title: 'Gaussian KL divergence to N(0, I) (VAE regulariser)',
  family: 'generative',
  formula:
    'KL(N(μ, σ²) ‖ N(0, 1)) = ½·Σ_j (μ_j² + σ_j² − log σ_j² − 1), summed over latent dimensions and averaged over the batch, with σ² = e^(logVar)',
  latex: String.raw`\mathrm{KL} = \tfrac12 \sum_j \left(\mu_j^2 + e^{\log\sigma_j^2} - \log\sigma_j^2 - 1\right)`,
  gradient: '∂KL/∂μ_j = μ_j;  ∂KL/∂logVar_j = ½·(e^(logVar_j) − 1): pulls the posterior mean to 0 and its variance to 1.',
  likelihood:
    "Closed form of the KL between the encoder's diagonal Gaussian posterior q(z|x) and the standard normal prior p(z): the regularising half of the ELBO.",
  whenToUse: 'The KL term of a VAE (and β-VAE, with a weight β); any diagonal-Gaussian latent regularised towards a unit Gaussian prior.',
  whenNot:
    'Non-Gaussian posteriors or priors (use a Monte-Carlo KL estimate); when the encoder outputs σ rather than log σ² (convert first).',
  params: [
    {
      name: 'logVar',
      default: 0,
      min: -3,
      max: 3,
      plotOnly: true,
      meaning: 'log σ² of the latent, held fixed in the plot while μ varies.',
    },
  ],
  names: {},
  snippets: {
    torch: [
      custom(
        'hand-written KL to N(0, I)',
        '# PyTorch has no VAE KL term: a short custom implementation (summed over latent dims, averaged over the batch)\n' +
          'kl = -0.5 * torch.sum(1 + [[log_var]] - [[mu]].pow(2) - [[log_var]].exp()) / [[mu]].size(0)',
      ),
    ],
    keras: [
      custom(
        'hand-written KL to N(0, I)',
        '# Keras has no VAE KL term: a short custom implementation (summed over latent dims, averaged over the batch)\n' +
          'kl = -0.5 * tf.reduce_mean(tf.reduce_sum(1 + [[log_var]] - tf.square([[mu]]) - tf.exp([[log_var]]), axis=1))',
      ),
    ],
    tfjs: [
      custom(
        'hand-written KL to N(0, I)',
        '// TF.js has no VAE KL term: a short custom implementation (summed over latent dims, averaged over the batch)\n' +
          'const kl = tf.sum(tf.scalar(1).add([[logVar]]).sub(tf.square([[mu]])).sub(tf.exp([[logVar]])), 1).mean().mul(-0.5);',
      ),
    ],
    jax: [
      custom(
        'hand-written KL to N(0, I)',
        '# optax has no VAE KL term: a short custom implementation (summed over latent dims, averaged over the batch)\nkl = -0.5 * jnp.sum(1 + [[log_var]] - [[mu]] ** 2 - jnp.exp([[log_var]])) / [[mu]].shape[0]',
      ),
    ],
  },
  axis: 'error',
};
