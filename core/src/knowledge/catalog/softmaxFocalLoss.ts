import type { CatalogEntry } from '../types';

export const softmaxFocalLoss: CatalogEntry = {
  id: 'softmaxFocalLoss',
  title: 'Softmax focal loss (multi-class)',
  family: 'classification',
  formula: 'p = softmax(z);  L = −w_c·(1 − p_c)^γ·log p_c  for the true class c',
  latex: String.raw`\mathrm{FL}(z, c) = -w_c\,(1 - p_c)^{\gamma} \log p_c, \quad p = \mathrm{softmax}(z)`,
  gradient: '∂L/∂z_k = w_c·(1 − p_c)^(γ−1)·(γ·p_c·log p_c − (1 − p_c))·([k = c] − p_k): cross-entropy\'s p − onehot, damped for confident correct examples.',
  likelihood: 'A re-weighted categorical likelihood; γ = 0 is exactly (weighted) cross-entropy.',
  whenToUse: 'Imbalanced multi-class problems dominated by easy examples (long-tailed recognition, multi-class detection heads, token classification with a dominant "O" tag).',
  whenNot: 'Balanced data or when calibrated probabilities are needed; multi-label targets (use the sigmoid variant).',
  params: [
    { name: 'gamma', default: 2, min: 0, max: 5, meaning: 'γ: focusing strength; 0 is cross-entropy.' },
  ],
  names: {
    keras: ['keras.losses.CategoricalFocalCrossentropy', 'categorical_focal_crossentropy'],
  },
  snippets: {
    torch: 'logp = F.log_softmax(logits, dim=1).gather(1, targets[:, None]).squeeze(1)\nloss = (-(1 - logp.exp()) ** gamma * logp).mean()',
    keras: 'loss_fn = keras.losses.CategoricalFocalCrossentropy(gamma=2.0, from_logits=True)',
    tfjs: 'const logp = tf.logSoftmax(logits).mul(yOneHot).sum(-1);\nconst loss = tf.scalar(1).sub(logp.exp()).pow(gamma).mul(logp).neg().mean();',
  },
  axis: 'logit',
};
