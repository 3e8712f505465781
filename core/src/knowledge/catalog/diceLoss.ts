import type { CatalogEntry } from '../types';
import { cls, custom } from '../snippetRows';

export const diceLoss: CatalogEntry = {
  id: 'diceLoss',
  title: 'Soft Dice loss (segmentation, on probabilities)',
  family: 'classification',
  formula:
    'Per sample and class, over the positions of an (N, C, …) map of probabilities p and a mask y: L = 1 − (2·Σ p·y + sₙ) / (Σ p + Σ y + s_d). MONAI DiceLoss (smooth_nr = smooth_dr = 1e-5); smp DiceLoss uses one smooth and a log_loss option.',
  latex: String.raw`\ell = 1 - \frac{2\sum_i p_i y_i + s_n}{\sum_i p_i + \sum_i y_i + s_d}`,
  gradient:
    '∂L/∂pᵢ = −(2yᵢ·B − A)/B² with A = 2Σpy + sₙ and B = Σp + Σy + s_d: inside the mask the push grows as the overlap shrinks; outside it every position gets the same push A/B², however confident.',
  whenToUse:
    'Segmentation with a small foreground (lesions, vessels, cells), where per-pixel cross-entropy is dominated by the background: Dice scores each class by its overlap, whatever its size. Usually combined with cross-entropy (MONAI DiceCELoss).',
  whenNot:
    'On logits without an activation switch: MONAI DiceLoss needs sigmoid=True or softmax=True, smp losses from_logits=True (their default); with an activation in the model as well, it is applied twice. Empty masks make the loss hinge on the smoothing terms; noisy calibration matters (Dice does not give calibrated probabilities).',
  params: [
    { name: 'smoothNr', default: 0.00001, min: 0, max: 1, meaning: 'sₙ: added to the numerator (MONAI smooth_nr).' },
    { name: 'smoothDr', default: 0.00001, min: 0, max: 1, meaning: 's_d: added to the denominator (MONAI smooth_dr).' },
  ],
  names: {
    torch: ['monai.losses.DiceLoss', 'smp.losses.DiceLoss(mode, from_logits=False)'],
  },
  snippets: {
    torch: [
      cls(
        'monai.losses.DiceLoss',
        '# MONAI applies the activation itself with sigmoid=True (one channel) or softmax=True (one channel per class)\n' +
          'from monai.losses import DiceLoss\n' +
          'criterion = DiceLoss(sigmoid=True, smooth_nr={{smoothNr}}, smooth_dr={{smoothDr}})\n' +
          'loss = criterion([[logits]], [[masks]])',
      ),
      cls(
        'segmentation_models_pytorch DiceLoss',
        '# smp losses apply the activation themselves (from_logits=True is the default)\n' +
          'import segmentation_models_pytorch as smp\n' +
          "criterion = smp.losses.DiceLoss(mode='binary')\n" +
          'loss = criterion([[logits]], [[masks]])',
      ),
    ],
    keras: [
      custom(
        'hand-written Dice loss',
        '# Keras has no Dice loss: a short custom implementation on sigmoid probabilities, shape (batch, H, W, 1)\n' +
          'def dice_loss(y_true, y_pred):\n' +
          '    axes = (1, 2)\n' +
          '    inter = tf.reduce_sum(y_true * y_pred, axis=axes)\n' +
          '    total = tf.reduce_sum(y_true, axis=axes) + tf.reduce_sum(y_pred, axis=axes)\n' +
          '    return tf.reduce_mean(1 - (2 * inter + {{smoothNr}}) / (total + {{smoothDr}}))',
      ),
    ],
    tfjs: [
      custom(
        'hand-written Dice loss',
        '// TF.js has no Dice loss: a short custom implementation on sigmoid probabilities, shape [batch, h, w, 1]\n' +
          'const inter = tf.sum(tf.mul([[labels]], [[probs]]), [1, 2]);\n' +
          'const total = tf.add(tf.sum([[labels]], [1, 2]), tf.sum([[probs]], [1, 2]));\n' +
          'const loss = tf.mean(tf.sub(1, tf.div(tf.add(tf.mul(2, inter), {{smoothNr}}), tf.add(total, {{smoothDr}}))));',
      ),
    ],
    jax: [
      custom(
        'hand-written Dice loss',
        '# optax has no Dice loss: a short custom implementation on sigmoid probabilities, shape (batch, H, W, 1)\n' +
          'inter = jnp.sum([[masks]] * [[probs]], axis=(1, 2))\n' +
          'total = jnp.sum([[masks]], axis=(1, 2)) + jnp.sum([[probs]], axis=(1, 2))\n' +
          'loss = jnp.mean(1 - (2 * inter + {{smoothNr}}) / (total + {{smoothDr}}))',
      ),
    ],
  },
  axis: 'pt',
};
