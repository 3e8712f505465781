import type { CatalogEntry } from '../types';
import { cls, fn, kerasCompile, kerasObject, tfjsCompile, custom } from '../snippetRows';

export const l1Loss: CatalogEntry = {
  id: 'l1Loss',
  title: 'Mean absolute error (MAE, L1 loss)',
  family: 'regression',
  formula: 'L = |ŷ − y|',
  latex: String.raw`\ell(\hat y, y) = \lvert \hat y - y \rvert`,
  gradient:
    '∂L/∂ŷ = sign(ŷ − y): the same magnitude for every error, which is what makes it robust. Not differentiable at zero error; PyTorch uses the subgradient 0 there.',
  likelihood:
    'Laplace noise: ε ~ Laplace(0, b) gives a negative log-likelihood |y − ŷ|/b plus a constant. Its heavier tails make large errors less surprising, and the optimum is the conditional median.',
  whenToUse:
    'Regression where outliers should not steer the fit: heavy-tailed or asymmetric targets, forecasting where rare extreme events should not dominate, when a median prediction is what you want.',
  whenNot:
    'When you need a smooth loss near the optimum (the constant-size gradient keeps overshooting small errors unless the learning rate decays: prefer Huber), or when large errors really must be punished harder (MSE).',
  params: [],
  names: {
    torch: ['nn.L1Loss', 'F.l1_loss'],
    keras: ['keras.losses.MeanAbsoluteError', 'mean_absolute_error', 'mae'],
    tfjs: ['tf.losses.absoluteDifference', 'meanAbsoluteError'],
  },
  snippets: {
    torch: [
      cls('nn.L1Loss', 'criterion = nn.L1Loss()\nloss = criterion([[pred]], [[target]])'),
      fn('F.l1_loss', 'loss = F.l1_loss([[pred]], [[target]])'),
    ],
    keras: [kerasObject('MeanAbsoluteError'), kerasCompile('mae')],
    tfjs: [
      fn('tf.losses.absoluteDifference', 'const loss = tf.losses.absoluteDifference([[labels]], [[predictions]]);'),
      tfjsCompile('meanAbsoluteError'),
    ],
    jax: [
      custom(
        'hand-written L1 loss',
        '# optax has no L1 loss: a short custom implementation (mean absolute error)\nloss = jnp.mean(jnp.abs([[pred]] - [[target]]))',
      ),
    ],
  },
  axis: 'error',
};
