import type { CatalogEntry } from '../types';
import { cls, fn, kerasObject } from '../snippetRows';

export const binaryCrossEntropyWithLogits: CatalogEntry = {
  id: 'binaryCrossEntropyWithLogits',
  title: 'Binary cross-entropy with logits',
  family: 'classification',
  formula:
    'p = σ(z);  L = −[w₊·y·log p + (1 − y)·log(1 − p)], computed stably as (1 − y)·z + (1 + (w₊ − 1)·y)·log(1 + e^(−z)) with the softplus written as max(−z, 0) + log(1 + e^(−|z|))',
  latex: String.raw`\ell(z, y) = -\left[w_{+}\, y \log \sigma(z) + (1-y)\log\left(1-\sigma(z)\right)\right]`,
  gradient: '∂L/∂z = σ(z) − y when w₊ = 1; in general σ(z)·(1 + (w₊ − 1)·y) − w₊·y. Bounded in [−w₊, 1]: no saturation, no explosion.',
  likelihood: 'Bernoulli labels with p = σ(z): the same negative log-likelihood as BCE, evaluated from the logit so it never takes log(0).',
  whenToUse:
    'Binary classification and multi-label classification (one independent sigmoid per class) — feed the raw scores of the last Linear/Dense layer. posWeight > 1 counters class imbalance by boosting positive examples (set it near #negatives / #positives). Also the standard GAN discriminator loss.',
  whenNot:
    'On values that already went through a sigmoid (the sigmoid is applied twice and the model trains towards the wrong place); for mutually exclusive classes (use softmax cross-entropy); with {−1, +1} labels (targets must be in [0, 1]).',
  params: [
    {
      name: 'posWeight',
      default: 1,
      min: 0.1,
      max: 10,
      meaning: 'w₊: weight of the positive term; > 1 raises recall on a rare positive class, < 1 raises precision.',
    },
  ],
  names: {
    torch: ['nn.BCEWithLogitsLoss', 'F.binary_cross_entropy_with_logits'],
    keras: ['keras.losses.BinaryCrossentropy(from_logits=True)'],
    tfjs: ['tf.losses.sigmoidCrossEntropy'],
    jax: ['optax.sigmoid_binary_cross_entropy'],
  },
  snippets: {
    torch: [
      cls(
        'nn.BCEWithLogitsLoss',
        'criterion = nn.BCEWithLogitsLoss(pos_weight=torch.tensor([{{posWeight}}]))\nloss = criterion([[logits]], [[targets]].float())  # raw logits, no sigmoid',
      ),
      fn(
        'F.binary_cross_entropy_with_logits',
        'loss = F.binary_cross_entropy_with_logits([[logits]], [[targets]].float(), pos_weight=torch.tensor([{{posWeight}}]))',
      ),
    ],
    keras: [kerasObject('BinaryCrossentropy', 'from_logits=True', 'last Dense layer without activation')],
    tfjs: [
      fn('tf.losses.sigmoidCrossEntropy', 'const loss = tf.losses.sigmoidCrossEntropy([[labels]], [[logits]]);  // raw logits, no sigmoid'),
    ],
    jax: [
      fn(
        'optax.sigmoid_binary_cross_entropy',
        'loss = optax.sigmoid_binary_cross_entropy([[logits]], [[targets]]).mean()  # targets in {0, 1} or [0, 1]',
      ),
    ],
  },
  axis: 'logit',
};
