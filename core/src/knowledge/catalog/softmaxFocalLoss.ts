import type { CatalogEntry } from '../types';
import { custom, kerasCompile, kerasObject } from '../snippetRows';

export const softmaxFocalLoss: CatalogEntry = {
  id: 'softmaxFocalLoss',
  title: 'Softmax focal loss (multi-class)',
  family: 'classification',
  formula: 'p = softmax(z);  L = −w_c·(1 − p_c)^γ·log p_c  for the true class c',
  latex: String.raw`\mathrm{FL}(z, c) = -w_c\,(1 - p_c)^{\gamma} \log p_c, \quad p = \mathrm{softmax}(z)`,
  gradient:
    "∂L/∂z_k = w_c·(1 − p_c)^(γ−1)·(γ·p_c·log p_c − (1 − p_c))·([k = c] − p_k): cross-entropy's p − onehot, damped for confident correct examples.",
  likelihood: 'A re-weighted categorical likelihood; γ = 0 is exactly (weighted) cross-entropy.',
  whenToUse:
    'Imbalanced multi-class problems dominated by easy examples (long-tailed recognition, multi-class detection heads, token classification with a dominant "O" tag).',
  whenNot: 'Balanced data or when calibrated probabilities are needed; multi-label targets (use the sigmoid variant).',
  params: [{ name: 'gamma', default: 2, min: 0, max: 5, meaning: 'γ: focusing strength; 0 is cross-entropy.' }],
  names: {
    keras: ['keras.losses.CategoricalFocalCrossentropy', 'categorical_focal_crossentropy'],
  },
  snippets: {
    torch: [
      custom(
        'hand-written softmax focal loss',
        '# PyTorch has no softmax focal loss: a short custom implementation\n' +
          'log_pt = F.log_softmax([[logits]], dim=1).gather(1, [[targets]].unsqueeze(1)).squeeze(1)\n' +
          'loss = (-(1 - log_pt.exp()) ** {{gamma}} * log_pt).mean()',
      ),
    ],
    keras: [
      kerasObject(
        'CategoricalFocalCrossentropy',
        'gamma={{gamma}}, from_logits=True',
        'one-hot labels; Keras also scales by alpha (default 0.25)',
      ),
      kerasCompile('categorical_focal_crossentropy', 'one-hot labels, softmax output layer'),
    ],
    tfjs: [
      custom(
        'hand-written softmax focal loss',
        '// TF.js has no focal loss in tf.losses: a short custom implementation (softmax focal loss on logits)\n' +
          'const logPt = tf.logSoftmax([[logits]]).mul([[oneHotLabels]]).sum(-1);\n' +
          'const loss = tf.scalar(1).sub(logPt.exp()).pow({{gamma}}).mul(logPt).neg().mean();',
      ),
    ],
    jax: [
      custom(
        'hand-written softmax focal loss',
        '# optax has no softmax focal loss: a short custom implementation\nlog_pt = jnp.take_along_axis(jax.nn.log_softmax([[logits]], axis=-1), [[labels]][:, None], axis=-1)[:, 0]\nloss = jnp.mean(-(1 - jnp.exp(log_pt)) ** {{gamma}} * log_pt)',
      ),
    ],
  },
  axis: 'logit',
};
