import type { CatalogEntry } from '../types';
import { custom } from '../snippetRows';

export const vaeElbo: CatalogEntry = {
  id: 'vaeElbo',
  title: 'VAE loss (negative ELBO: reconstruction + KL)',
  family: 'generative',
  formula:
    'L = reconstruction(x̂, x) + β·KL(q(z|x) ‖ N(0, I)): reconstruction is BCE (binary/[0, 1] data) or MSE (real-valued data), summed per example; β = 1 is the ELBO, β > 1 a β-VAE',
  latex: String.raw`\mathcal{L} = -\mathbb{E}_{q(z\mid x)}\left[\log p(x \mid z)\right] + \beta\,\mathrm{KL}\left(q(z \mid x)\,\|\,\mathcal{N}(0, I)\right)`,
  gradient:
    'Sum of the reconstruction gradient on the decoder output and β times the Gaussian-KL gradient on (μ, logVar); z = μ + σ·ε (reparameterisation) lets both reach the encoder.',
  likelihood:
    'Variational lower bound on log p(x): Bernoulli (BCE) or Gaussian (MSE) decoder likelihood plus the KL between approximate posterior and prior.',
  whenToUse: 'Training variational autoencoders and their variants (β-VAE for disentanglement, conditional VAEs).',
  whenNot:
    'Mismatched scales: averaging the reconstruction over pixels but summing the KL over latents (or the reverse) silently changes β and causes posterior collapse or blurry samples; reconstructing with BCE data outside [0, 1].',
  params: [
    { name: 'beta', default: 1, min: 0, max: 10, meaning: 'β: weight of the KL term (1 = ELBO, > 1 = β-VAE).' },
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
        'hand-written negative ELBO',
        '# PyTorch has no VAE loss: a short custom implementation (negative ELBO, Bernoulli decoder)\n' +
          "recon = F.binary_cross_entropy([[x_hat]], [[x]], reduction='sum') / [[x]].size(0)\n" +
          'kl = -0.5 * torch.sum(1 + [[log_var]] - [[mu]].pow(2) - [[log_var]].exp()) / [[x]].size(0)\n' +
          'loss = recon + {{beta}} * kl',
      ),
    ],
    keras: [
      custom(
        'hand-written negative ELBO',
        '# Keras has no VAE loss: a short custom implementation (negative ELBO, Bernoulli decoder)\n' +
          'x_flat = tf.reshape([[x]], (tf.shape([[x]])[0], -1))\n' +
          'x_hat_flat = tf.reshape([[x_hat]], (tf.shape([[x]])[0], -1))\n' +
          'recon = tf.reduce_mean(keras.losses.binary_crossentropy(x_flat, x_hat_flat)) * tf.cast(tf.shape(x_flat)[1], x_flat.dtype)\n' +
          'kl = -0.5 * tf.reduce_mean(tf.reduce_sum(1 + [[log_var]] - tf.square([[mu]]) - tf.exp([[log_var]]), axis=1))\n' +
          'loss = recon + {{beta}} * kl',
      ),
    ],
    tfjs: [
      custom(
        'hand-written negative ELBO',
        '// TF.js has no VAE loss: a short custom implementation (negative ELBO, Bernoulli decoder)\n' +
          'const batch = [[x]].shape[0];\n' +
          'const recon = tf.losses.logLoss([[x]], [[xHat]], undefined, undefined, tf.Reduction.SUM).div(batch);\n' +
          'const kl = tf.sum(tf.scalar(1).add([[logVar]]).sub(tf.square([[mu]])).sub(tf.exp([[logVar]]))).mul(-0.5).div(batch);\n' +
          'const loss = recon.add(kl.mul({{beta}}));',
      ),
    ],
    jax: [
      custom(
        'hand-written negative ELBO',
        '# optax has no VAE loss: a short custom implementation (negative ELBO, Bernoulli decoder on logits)\nrecon = optax.sigmoid_binary_cross_entropy([[x_logits]], [[x]]).sum() / [[x]].shape[0]\nkl = -0.5 * jnp.sum(1 + [[log_var]] - [[mu]] ** 2 - jnp.exp([[log_var]])) / [[x]].shape[0]\nloss = recon + {{beta}} * kl',
      ),
    ],
  },
  computedBy: 'gaussianKlDivergence',
  axis: 'error',
};
