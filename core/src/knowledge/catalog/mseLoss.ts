import type { CatalogEntry } from '../types';
import { cls, fn, kerasCompile, kerasObject, tfjsCompile } from '../snippetRows';

export const mseLoss: CatalogEntry = {
  id: 'mseLoss',
  title: 'Mean squared error (MSE, L2 loss)',
  family: 'regression',
  formula: 'L = (ŷ − y)²   (averaged over all elements by default)',
  latex: String.raw`\ell(\hat y, y) = (\hat y - y)^2`,
  gradient: '∂L/∂ŷ = 2(ŷ − y): proportional to the error, so a large miss produces a large update (divide by n under mean reduction).',
  likelihood:
    'Gaussian noise: y = f(x) + ε with ε ~ N(0, σ²) and σ fixed. The negative log-likelihood is (y − ŷ)²/(2σ²) plus a constant, so minimising MSE is maximum likelihood and the best prediction is the conditional mean.',
  whenToUse:
    'Regression where the noise is roughly Gaussian and large errors really matter: an error of 10 should cost 100 times an error of 1. Physical measurements, targets without heavy tails, outliers that are genuine signal.',
  whenNot:
    'Data with outliers or heavy-tailed noise (one bad point dominates the mean: predictions [1, 2, 100] vs targets [1, 2, 3] give MSE ≈ 3136 but MAE ≈ 32); classification on probabilities (the gradient through softmax/sigmoid vanishes when the model is confidently wrong — use cross-entropy).',
  params: [],
  names: {
    torch: ['nn.MSELoss', 'F.mse_loss'],
    keras: ['keras.losses.MeanSquaredError', 'mean_squared_error', 'mse'],
    tfjs: ['tf.losses.meanSquaredError', 'meanSquaredError'],
    jax: ['optax.squared_error', 'optax.l2_loss'],
  },
  snippets: {
    torch: [
      cls('nn.MSELoss', 'criterion = nn.MSELoss()\nloss = criterion([[pred]], [[target]])'),
      fn('F.mse_loss', 'loss = F.mse_loss([[pred]], [[target]])'),
    ],
    keras: [kerasObject('MeanSquaredError'), kerasCompile('mse')],
    tfjs: [
      fn('tf.losses.meanSquaredError', 'const loss = tf.losses.meanSquaredError([[labels]], [[predictions]]);'),
      tfjsCompile('meanSquaredError'),
    ],
    jax: [fn('optax.squared_error', 'loss = optax.squared_error([[pred]], [[target]]).mean()  # optax.l2_loss is half of it')],
  },
  axis: 'error',
};
