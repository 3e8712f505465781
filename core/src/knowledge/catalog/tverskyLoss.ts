import type { CatalogEntry } from '../types';
import { cls, custom } from '../snippetRows';

export const tverskyLoss: CatalogEntry = {
  id: 'tverskyLoss',
  title: 'Tversky loss (segmentation, on probabilities)',
  family: 'classification',
  formula:
    'Per sample and class of an (N, C, …) map of probabilities p and a mask y: TP = Σ p·y, FP = Σ p·(1 − y), FN = Σ (1 − p)·y; L = 1 − (TP + sₙ) / (TP + α·FP + β·FN + s_d). α = β = ½ is Dice, α = β = 1 Jaccard. MONAI TverskyLoss, smp TverskyLoss.',
  latex: String.raw`\ell = 1 - \frac{TP + s_n}{TP + \alpha\,FP + \beta\,FN + s_d}`,
  gradient:
    '∂L/∂pᵢ = −(yᵢ·B − A·((1 − α − β)·yᵢ + α))/B² with A = TP + sₙ, B the denominator: β > α makes missed foreground (FN) cost more than false alarms.',
  whenToUse:
    'Segmentation where missing the structure is worse than over-segmenting it (small lesions): β > α (e.g. α = 0.3, β = 0.7) trades precision for recall.',
  whenNot:
    'On logits without an activation switch (MONAI sigmoid=True/softmax=True, smp from_logits=True); with an activation in the model too, it is applied twice. With α = β it is just Dice or Jaccard.',
  params: [
    { name: 'alpha', default: 0.5, min: 0, max: 1, meaning: 'α: weight of false positives.' },
    { name: 'beta', default: 0.5, min: 0, max: 1, meaning: 'β: weight of false negatives (missed foreground).' },
    { name: 'smoothNr', default: 0.00001, min: 0, max: 1, meaning: 'sₙ: added to the numerator (MONAI smooth_nr).' },
    { name: 'smoothDr', default: 0.00001, min: 0, max: 1, meaning: 's_d: added to the denominator (MONAI smooth_dr).' },
  ],
  names: {
    torch: ['monai.losses.TverskyLoss', 'smp.losses.TverskyLoss(mode, from_logits=False)'],
  },
  snippets: {
    torch: [
      cls(
        'monai.losses.TverskyLoss',
        '# MONAI applies the activation itself with sigmoid=True (one channel) or softmax=True (one channel per class)\n' +
          'from monai.losses import TverskyLoss\n' +
          'criterion = TverskyLoss(sigmoid=True, alpha={{alpha}}, beta={{beta}})\n' +
          'loss = criterion([[logits]], [[masks]])',
      ),
    ],
    keras: [
      custom(
        'hand-written Tversky loss',
        '# Keras has no Tversky loss: a short custom implementation on sigmoid probabilities, shape (batch, H, W, 1)\n' +
          'def tversky_loss(y_true, y_pred):\n' +
          '    axes = (1, 2)\n' +
          '    tp = tf.reduce_sum(y_true * y_pred, axis=axes)\n' +
          '    fp = tf.reduce_sum((1 - y_true) * y_pred, axis=axes)\n' +
          '    fn = tf.reduce_sum(y_true * (1 - y_pred), axis=axes)\n' +
          '    return tf.reduce_mean(1 - (tp + {{smoothNr}}) / (tp + {{alpha}} * fp + {{beta}} * fn + {{smoothDr}}))',
      ),
    ],
    tfjs: [
      custom(
        'hand-written Tversky loss',
        '// TF.js has no Tversky loss: a short custom implementation on sigmoid probabilities, shape [batch, h, w, 1]\n' +
          'const tp = tf.sum(tf.mul([[labels]], [[probs]]), [1, 2]);\n' +
          'const fp = tf.sum(tf.mul(tf.sub(1, [[labels]]), [[probs]]), [1, 2]);\n' +
          'const fn = tf.sum(tf.mul([[labels]], tf.sub(1, [[probs]])), [1, 2]);\n' +
          'const den = tf.add(tf.add(tf.add(tp, tf.mul({{alpha}}, fp)), tf.mul({{beta}}, fn)), {{smoothDr}});\n' +
          'const loss = tf.mean(tf.sub(1, tf.div(tf.add(tp, {{smoothNr}}), den)));',
      ),
    ],
    jax: [
      custom(
        'hand-written Tversky loss',
        '# optax has no Tversky loss: a short custom implementation on sigmoid probabilities, shape (batch, H, W, 1)\n' +
          'tp = jnp.sum([[masks]] * [[probs]], axis=(1, 2))\n' +
          'fp = jnp.sum((1 - [[masks]]) * [[probs]], axis=(1, 2))\n' +
          'fn = jnp.sum([[masks]] * (1 - [[probs]]), axis=(1, 2))\n' +
          'loss = jnp.mean(1 - (tp + {{smoothNr}}) / (tp + {{alpha}} * fp + {{beta}} * fn + {{smoothDr}}))',
      ),
    ],
  },
  axis: 'pt',
};
