import type { CatalogEntry } from '../types';

export const smoothL1Loss: CatalogEntry = {
  id: 'smoothL1Loss',
  title: 'Smooth L1 loss',
  family: 'regression',
  formula: 'e = ŷ − y;  L = ½e²/β if |e| < β, else |e| − ½β',
  latex: String.raw`\ell_\beta(e) = \begin{cases} \tfrac{1}{2\beta} e^2 & \lvert e\rvert < \beta \\ \lvert e\rvert - \tfrac12\beta & \text{otherwise} \end{cases}`,
  gradient: '∂L/∂ŷ = e/β inside the band, sign(e) outside: the outlier gradient is always 1, whatever β is.',
  likelihood: 'Same robust Gaussian-core / Laplace-tail story as Huber: smooth L1 is Huber divided by its threshold (smoothL1 with β equals huber with δ = β, divided by β).',
  whenToUse:
    'Box regression in detectors (Fast/Faster R-CNN use it), or any robust regression where you want the linear part to have unit slope regardless of the threshold.',
  whenNot:
    'When you tune the threshold and expect the loss scale to stay put — shrinking β makes the quadratic part steeper (β → 0 is exactly L1). Often called "Huber" loosely: the two agree only at β = δ = 1.',
  params: [
    { name: 'beta', default: 1, min: 0, max: 5, meaning: 'β: the error size where the loss turns linear; β = 0 gives plain L1.' },
  ],
  names: {
    torch: ['nn.SmoothL1Loss', 'F.smooth_l1_loss'],
  },
  snippets: {
    torch: 'criterion = nn.SmoothL1Loss(beta=1.0)\nloss = criterion(pred_boxes, target_boxes)',
    keras: '# Keras has no smooth L1; Huber with delta=beta, divided by beta, is the same loss\nloss_fn = keras.losses.Huber(delta=beta)\nloss = loss_fn(y_true, y_pred) / beta',
    tfjs: '// TF.js has no smooth L1; Huber with delta = beta, divided by beta, is the same loss\nconst loss = tf.losses.huberLoss(labels, predictions, undefined, beta).div(beta);',
  },
  axis: 'error',
};
