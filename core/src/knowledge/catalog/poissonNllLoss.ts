import type { CatalogEntry } from '../types';
import { cls, fn, custom, kerasCompile, kerasObject, tfjsCompile } from '../snippetRows';

export const poissonNllLoss: CatalogEntry = {
  id: 'poissonNllLoss',
  title: 'Poisson negative log-likelihood',
  family: 'probabilistic',
  formula:
    'logInput (default): L = e^x − y·x with x the log-rate;  otherwise L = λ − y·log(λ + eps) with λ the rate  (full adds the Stirling term y·log y − y + ½·log(2πy) for y > 1)',
  latex: String.raw`\ell(x, y) = e^{x} - y\,x \quad (x = \log\lambda)`,
  gradient: '∂L/∂x = e^x − y on the log-rate (prediction minus count, in rate units); on the rate: 1 − y/(λ + eps).',
  likelihood:
    'Poisson counts: P(y | λ) = λʸe^(−λ)/y!. The negative log is λ − y·log λ + log y!, and the last term does not depend on the model.',
  whenToUse:
    'Count targets (events per interval, photon counts, clicks, cases, word counts) where the variance grows with the mean. Predict the log-rate to keep λ positive.',
  whenNot:
    'Over-dispersed counts (variance ≫ mean: use a negative-binomial likelihood), continuous or negative targets, or passing a rate while logInput is left true.',
  params: [],
  names: {
    torch: ['nn.PoissonNLLLoss', 'F.poisson_nll_loss'],
    keras: ['keras.losses.Poisson', 'poisson'],
    tfjs: ['poisson'],
  },
  snippets: {
    torch: [
      cls('nn.PoissonNLLLoss', 'criterion = nn.PoissonNLLLoss(log_input=True)\nloss = criterion([[log_rate]], [[counts]])'),
      fn('F.poisson_nll_loss', 'loss = F.poisson_nll_loss([[log_rate]], [[counts]], log_input=True)'),
    ],
    keras: [
      kerasObject('Poisson', '', "takes the rate: e.g. Dense(1, activation='exponential')"),
      kerasCompile('poisson', "takes the rate: e.g. Dense(1, activation='exponential')"),
    ],
    tfjs: [
      tfjsCompile('poisson', 'the output must be a positive rate'),
      custom(
        'hand-written Poisson NLL on log-rates',
        '// TF.js has no Poisson loss in tf.losses: a short custom implementation (on log-rates, constant term dropped)\n' +
          'const loss = tf.exp([[logRate]]).sub(tf.mul([[counts]], [[logRate]])).mean();',
      ),
    ],
    jax: [
      custom(
        'hand-written Poisson NLL',
        '# optax has no Poisson NLL loss: a short custom implementation (log-rate input, constant term dropped)\nloss = jnp.mean(jnp.exp([[log_rate]]) - [[counts]] * [[log_rate]])',
      ),
    ],
  },
  axis: 'error',
};
