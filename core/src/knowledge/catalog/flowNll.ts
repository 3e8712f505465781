import type { CatalogEntry } from '../types';
import { custom } from '../snippetRows';

export const flowNll: CatalogEntry = {
  id: 'flowNll',
  title: 'Normalizing-flow negative log-likelihood',
  family: 'generative',
  formula:
    'z = f(x);  L = −log N(z; 0, I) − log|det ∂f/∂x|: a standard-normal NLL on the latent plus the change-of-variables log-determinant',
  latex: String.raw`\mathcal{L}(x) = \tfrac12\lVert f(x)\rVert^2 + \tfrac{D}{2}\log 2\pi - \log\left\lvert\det \frac{\partial f}{\partial x}\right\rvert`,
  gradient: '∂L/∂z = z for the Gaussian part; the log-determinant term is supplied by each invertible layer.',
  likelihood:
    'Exact maximum likelihood: an invertible map f turns the data density into a simple base density (standard normal), so −log p(x) is computable.',
  whenToUse: 'Normalizing flows (RealNVP, Glow, neural spline flows), density estimation and exact-likelihood generative models.',
  whenNot:
    'Models without a tractable Jacobian determinant (use a VAE bound or an adversarial loss); comparing values across datasets without converting to bits per dimension.',
  params: [],
  names: {},
  snippets: {
    torch: [
      custom(
        'hand-written flow NLL',
        '# PyTorch has no normalizing-flow loss: a short custom implementation (standard normal prior; the flow returns z and log|det J|)\n' +
          'z, log_det = [[flow]]([[x]])\n' +
          'loss = (0.5 * z.pow(2).sum(1) + 0.5 * z.size(1) * math.log(2 * math.pi) - log_det).mean()',
      ),
    ],
    keras: [
      custom(
        'hand-written flow NLL',
        '# Keras has no normalizing-flow loss: a short custom implementation (standard normal prior; the flow returns z and log|det J|)\n' +
          'z, log_det = [[flow]]([[x]])\n' +
          'loss = tf.reduce_mean(0.5 * tf.reduce_sum(tf.square(z), axis=1) + 0.5 * tf.cast(tf.shape(z)[1], z.dtype) * math.log(2 * math.pi) - log_det)',
      ),
    ],
    tfjs: [
      custom(
        'hand-written flow NLL',
        '// TF.js has no normalizing-flow loss: a short custom implementation (standard normal prior; z and logDet come from the flow)\n' +
          'const d = [[z]].shape[1];\n' +
          'const loss = tf.square([[z]]).sum(1).mul(0.5).add(0.5 * d * Math.log(2 * Math.PI)).sub([[logDet]]).mean();',
      ),
    ],
    jax: [
      custom(
        'hand-written flow NLL',
        '# optax has no normalizing-flow loss: a short custom implementation (standard normal prior; the flow returns z and log|det J|)\nz, log_det = [[flow]]([[x]])\nloss = jnp.mean(0.5 * jnp.sum(z**2, axis=1) + 0.5 * z.shape[1] * jnp.log(2 * jnp.pi) - log_det)',
      ),
    ],
  },
  computedBy: 'gaussianNllLoss',
  axis: 'error',
};
