import type { CatalogEntry } from '../types';
import { cls, fn } from '../snippetRows';

export const multilabelSoftMarginLoss: CatalogEntry = {
  id: 'multilabelSoftMarginLoss',
  title: 'Multi-label soft margin loss',
  family: 'classification',
  formula: 'L = −(1/C)·Σ_c [y_c·log σ(x_c) + (1 − y_c)·log σ(−x_c)],  y_c ∈ {0, 1}',
  latex: String.raw`\ell(x, y) = -\frac{1}{C}\sum_{c} \left[y_c \log\sigma(x_c) + (1-y_c)\log\sigma(-x_c)\right]`,
  gradient: '∂L/∂x_c = (σ(x_c) − y_c)/C: BCE with logits, averaged over classes within each sample.',
  likelihood: 'Independent Bernoulli label per class, like BCE with logits per class.',
  whenToUse:
    'Multi-label classification (tags, attributes, multi-disease detection) when you want a per-sample loss averaged over classes; equivalent to BCEWithLogitsLoss with per-class weights.',
  whenNot: 'Mutually exclusive classes (softmax cross-entropy); class-index targets (targets must be an (N, C) 0/1 matrix).',
  params: [],
  names: {
    torch: ['nn.MultiLabelSoftMarginLoss', 'F.multilabel_soft_margin_loss'],
  },
  snippets: {
    torch: [
      cls(
        'nn.MultiLabelSoftMarginLoss',
        'criterion = nn.MultiLabelSoftMarginLoss()\nloss = criterion([[logits]], [[multi_hot]])  # multi_hot: (N, C) of 0/1',
      ),
      fn('F.multilabel_soft_margin_loss', 'loss = F.multilabel_soft_margin_loss([[logits]], [[multi_hot]])'),
    ],
    keras: [
      cls(
        'keras.losses.BinaryCrossentropy(from_logits=True)',
        '# Keras has no MultiLabelSoftMarginLoss; binary cross-entropy on logits averaged over the labels is the same value\n' +
          "[[model]].compile(optimizer='adam', loss=keras.losses.BinaryCrossentropy(from_logits=True))",
      ),
    ],
    tfjs: [
      fn(
        'tf.losses.sigmoidCrossEntropy',
        "// the mean of sigmoid cross-entropy over all labels equals PyTorch's MultiLabelSoftMarginLoss\n" +
          'const loss = tf.losses.sigmoidCrossEntropy([[multiHot]], [[logits]]);',
      ),
    ],
    jax: [
      fn(
        'optax.sigmoid_binary_cross_entropy',
        'loss = optax.sigmoid_binary_cross_entropy([[logits]], [[multi_hot]]).mean()  # mean over classes and batch, as MultiLabelSoftMarginLoss',
      ),
    ],
  },
  axis: 'logit',
};
