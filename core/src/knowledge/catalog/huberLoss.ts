import type { CatalogEntry } from '../types';
import { cls, fn, compile, kerasCompile, kerasObject } from '../snippetRows';

export const huberLoss: CatalogEntry = {
  id: 'huberLoss',
  title: 'Huber loss',
  family: 'regression',
  formula: 'e = ŷ − y;  L = ½e² if |e| ≤ δ, else δ(|e| − ½δ)',
  latex: String.raw`\ell_\delta(e) = \begin{cases} \tfrac12 e^2 & \lvert e\rvert \le \delta \\ \delta\left(\lvert e\rvert - \tfrac12\delta\right) & \text{otherwise} \end{cases}`,
  gradient: '∂L/∂ŷ = e inside the band |e| ≤ δ, δ·sign(e) outside: MSE-like near the target, a capped MAE-like pull for outliers.',
  likelihood:
    "Gaussian in the centre, Laplace in the tails: the negative log-likelihood of a density that is normal for small residuals and exponential for large ones (Huber's robust M-estimator).",
  whenToUse:
    'Robust regression that still needs a smooth optimum: bounding-box regression in detection, Q-value targets in reinforcement learning (the DQN loss), sensor data with occasional glitches.',
  whenNot:
    'Errors whose scale is unknown or changes a lot (δ must sit near the scale of normal residuals: a δ far above every error is just ½·MSE, far below is δ·MAE); when outliers are signal (MSE).',
  params: [
    {
      name: 'delta',
      default: 1,
      min: 0.1,
      max: 5,
      meaning: 'δ: the error size where the loss switches from quadratic to linear; also the largest gradient magnitude.',
    },
  ],
  names: {
    torch: ['nn.HuberLoss', 'F.huber_loss'],
    keras: ['keras.losses.Huber', 'huber'],
    tfjs: ['tf.losses.huberLoss'],
    jax: ['optax.huber_loss'],
  },
  snippets: {
    torch: [
      cls('nn.HuberLoss', 'criterion = nn.HuberLoss(delta={{delta}})\nloss = criterion([[pred]], [[target]])'),
      fn('F.huber_loss', 'loss = F.huber_loss([[pred]], [[target]], delta={{delta}})'),
    ],
    keras: [kerasObject('Huber', 'delta={{delta}}'), kerasCompile('huber', "Keras' default delta is 1.0")],
    tfjs: [
      fn('tf.losses.huberLoss', 'const loss = tf.losses.huberLoss([[labels]], [[predictions]], undefined, {{delta}});'),
      compile(
        'loss: (yTrue, yPred) => tf.losses.huberLoss(…)',
        "[[model]].compile({optimizer: 'adam', loss: (yTrue, yPred) => tf.losses.huberLoss(yTrue, yPred, undefined, {{delta}})});",
      ),
    ],
    jax: [fn('optax.huber_loss', 'loss = optax.huber_loss([[pred]], [[target]], delta={{delta}}).mean()')],
  },
  axis: 'error',
};
