import type { CatalogEntry } from '../types';
import { cls, custom } from '../snippetRows';

export const jaccardLoss: CatalogEntry = {
  id: 'jaccardLoss',
  title: 'Soft Jaccard (IoU) loss (segmentation, on probabilities)',
  family: 'classification',
  formula:
    'Per sample and class of an (N, C, …) map of probabilities p and a mask y: L = 1 − (Σ p·y + sₙ) / (Σ p + Σ y − Σ p·y + s_d), one minus the soft intersection over union. smp JaccardLoss (one smooth term).',
  latex: String.raw`\ell = 1 - \frac{\sum_i p_i y_i + s_n}{\sum_i p_i + \sum_i y_i - \sum_i p_i y_i + s_d}`,
  gradient:
    '∂L/∂pᵢ = −(yᵢ·B − A·(1 − yᵢ))/B² with A = Σpy + sₙ and B = Σp + Σy − Σpy + s_d: positions in the mask are pulled up, those outside pushed down by A/B².',
  whenToUse:
    'Segmentation scored by IoU (the Jaccard index): optimising it directly tracks the metric; like Dice it does not depend on the foreground size.',
  whenNot:
    'On logits unless the loss applies the activation (smp from_logits=True, the default); with an activation in the model too, it is applied twice. For tiny, noisy masks Dice is smoother; Lovász-softmax optimises IoU more directly.',
  params: [
    { name: 'smoothNr', default: 0.00001, min: 0, max: 1, meaning: 'sₙ: added to the intersection.' },
    { name: 'smoothDr', default: 0.00001, min: 0, max: 1, meaning: 's_d: added to the union.' },
  ],
  names: {
    torch: ['smp.losses.JaccardLoss(mode, from_logits=False)', 'monai.losses.DiceLoss(jaccard=True)'],
  },
  snippets: {
    torch: [
      cls(
        'segmentation_models_pytorch JaccardLoss',
        '# smp losses apply the activation themselves (from_logits=True is the default)\n' +
          'import segmentation_models_pytorch as smp\n' +
          "criterion = smp.losses.JaccardLoss(mode='multiclass')\n" +
          'loss = criterion([[logits]], [[targets]])',
      ),
    ],
    keras: [
      custom(
        'hand-written Jaccard loss',
        '# Keras has no Jaccard loss: a short custom implementation on sigmoid probabilities, shape (batch, H, W, 1)\n' +
          'def jaccard_loss(y_true, y_pred):\n' +
          '    axes = (1, 2)\n' +
          '    inter = tf.reduce_sum(y_true * y_pred, axis=axes)\n' +
          '    union = tf.reduce_sum(y_true, axis=axes) + tf.reduce_sum(y_pred, axis=axes) - inter\n' +
          '    return tf.reduce_mean(1 - (inter + {{smoothNr}}) / (union + {{smoothDr}}))',
      ),
    ],
    tfjs: [
      custom(
        'hand-written Jaccard loss',
        '// TF.js has no Jaccard loss: a short custom implementation on sigmoid probabilities, shape [batch, h, w, 1]\n' +
          'const inter = tf.sum(tf.mul([[labels]], [[probs]]), [1, 2]);\n' +
          'const union = tf.sub(tf.add(tf.sum([[labels]], [1, 2]), tf.sum([[probs]], [1, 2])), inter);\n' +
          'const loss = tf.mean(tf.sub(1, tf.div(tf.add(inter, {{smoothNr}}), tf.add(union, {{smoothDr}}))));',
      ),
    ],
    jax: [
      custom(
        'hand-written Jaccard loss',
        '# optax has no Jaccard loss: a short custom implementation on sigmoid probabilities, shape (batch, H, W, 1)\n' +
          'inter = jnp.sum([[masks]] * [[probs]], axis=(1, 2))\n' +
          'union = jnp.sum([[masks]], axis=(1, 2)) + jnp.sum([[probs]], axis=(1, 2)) - inter\n' +
          'loss = jnp.mean(1 - (inter + {{smoothNr}}) / (union + {{smoothDr}}))',
      ),
    ],
  },
  axis: 'pt',
};
