import type { CatalogEntry } from '../types';
import { cls, fn, custom } from '../snippetRows';

export const smoothL1Loss: CatalogEntry = {
  id: 'smoothL1Loss',
  title: 'Smooth L1 loss',
  family: 'regression',
  formula: 'e = ŷ − y;  L = ½e²/β if |e| < β, else |e| − ½β',
  latex: String.raw`\ell_\beta(e) = \begin{cases} \tfrac{1}{2\beta} e^2 & \lvert e\rvert < \beta \\ \lvert e\rvert - \tfrac12\beta & \text{otherwise} \end{cases}`,
  gradient: '∂L/∂ŷ = e/β inside the band, sign(e) outside: the outlier gradient is always 1, whatever β is.',
  likelihood:
    'Same robust Gaussian-core / Laplace-tail story as Huber: smooth L1 is Huber divided by its threshold (smoothL1 with β equals huber with δ = β, divided by β).',
  whenToUse:
    'Box regression in detectors (Fast/Faster R-CNN use it), or any robust regression where you want the linear part to have unit slope regardless of the threshold.',
  whenNot:
    'When you tune the threshold and expect the loss scale to stay put — shrinking β makes the quadratic part steeper (β → 0 is exactly L1). Often called "Huber" loosely: the two agree only at β = δ = 1.',
  params: [{ name: 'beta', default: 1, min: 0, max: 5, meaning: 'β: the error size where the loss turns linear; β = 0 gives plain L1.' }],
  names: {
    torch: ['nn.SmoothL1Loss', 'F.smooth_l1_loss'],
  },
  snippets: {
    torch: [
      cls('nn.SmoothL1Loss', 'criterion = nn.SmoothL1Loss(beta={{beta}})\nloss = criterion([[pred]], [[target]])'),
      fn('F.smooth_l1_loss', 'loss = F.smooth_l1_loss([[pred]], [[target]], beta={{beta}})'),
    ],
    keras: [
      custom(
        'Huber(delta=beta) / beta',
        '# Keras has no smooth L1 loss: a short custom implementation (Huber with delta = beta, divided by beta)\n' +
          'loss = keras.losses.Huber(delta={{beta}})([[y_true]], [[y_pred]]) / {{beta}}',
      ),
    ],
    tfjs: [
      custom(
        'huberLoss(…, beta).div(beta)',
        '// TF.js has no smooth L1 loss: a short custom implementation (Huber with delta = beta, divided by beta)\n' +
          'const loss = tf.losses.huberLoss([[labels]], [[predictions]], undefined, {{beta}}).div({{beta}});',
      ),
    ],
    jax: [
      fn(
        'optax.huber_loss / beta',
        'loss = optax.huber_loss([[pred]], [[target]], delta={{beta}}).mean() / {{beta}}  # smooth L1 = Huber(δ = β) / β',
      ),
    ],
  },
  axis: 'error',
};
