import type { CatalogEntry } from '../types';

export const poissonNllLoss: CatalogEntry = {
  id: 'poissonNllLoss',
  title: 'Poisson negative log-likelihood',
  family: 'probabilistic',
  formula: 'logInput (default): L = e^x − y·x with x the log-rate;  otherwise L = λ − y·log(λ + eps) with λ the rate  (full adds the Stirling term y·log y − y + ½·log(2πy) for y > 1)',
  latex: String.raw`\ell(x, y) = e^{x} - y\,x \quad (x = \log\lambda)`,
  gradient: '∂L/∂x = e^x − y on the log-rate (prediction minus count, in rate units); on the rate: 1 − y/(λ + eps).',
  likelihood: 'Poisson counts: P(y | λ) = λʸe^(−λ)/y!. The negative log is λ − y·log λ + log y!, and the last term does not depend on the model.',
  whenToUse: 'Count targets (events per interval, photon counts, clicks, cases, word counts) where the variance grows with the mean. Predict the log-rate to keep λ positive.',
  whenNot: 'Over-dispersed counts (variance ≫ mean: use a negative-binomial likelihood), continuous or negative targets, or passing a rate while logInput is left true.',
  params: [],
  names: {
    torch: ['nn.PoissonNLLLoss', 'F.poisson_nll_loss'],
    keras: ['keras.losses.Poisson', 'poisson'],
    tfjs: ['poisson'],
  },
  snippets: {
    torch: 'loss = nn.PoissonNLLLoss(log_input=True)(log_rate, counts)',
    keras: "model.add(keras.layers.Dense(1, activation='exponential'))  # Keras Poisson takes the rate\nmodel.compile(optimizer='adam', loss='poisson')",
    tfjs: "model.compile({optimizer: 'adam', loss: 'poisson'});  // output must be a positive rate",
  },
  axis: 'error',
};
