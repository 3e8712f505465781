import type { CatalogEntry } from '../types';

export const multilabelSoftMarginLoss: CatalogEntry = {
  id: 'multilabelSoftMarginLoss',
  title: 'Multi-label soft margin loss',
  family: 'classification',
  formula: 'L = −(1/C)·Σ_c [y_c·log σ(x_c) + (1 − y_c)·log σ(−x_c)],  y_c ∈ {0, 1}',
  latex: String.raw`\ell(x, y) = -\frac{1}{C}\sum_{c} \left[y_c \log\sigma(x_c) + (1-y_c)\log\sigma(-x_c)\right]`,
  gradient: '∂L/∂x_c = (σ(x_c) − y_c)/C: BCE with logits, averaged over classes within each sample.',
  likelihood: 'Independent Bernoulli label per class, like BCE with logits per class.',
  whenToUse: 'Multi-label classification (tags, attributes, multi-disease detection) when you want a per-sample loss averaged over classes; equivalent to BCEWithLogitsLoss with per-class weights.',
  whenNot: 'Mutually exclusive classes (softmax cross-entropy); class-index targets (targets must be an (N, C) 0/1 matrix).',
  params: [],
  names: {
    torch: ['nn.MultiLabelSoftMarginLoss', 'F.multilabel_soft_margin_loss'],
  },
  snippets: {
    torch: 'loss = nn.MultiLabelSoftMarginLoss()(logits, multi_hot)  # multi_hot: (N, C) of 0/1',
    keras: "model.add(keras.layers.Dense(num_labels))\nmodel.compile(optimizer='adam', loss=keras.losses.BinaryCrossentropy(from_logits=True))",
    tfjs: 'const loss = tf.losses.sigmoidCrossEntropy(multiHot, logits);',
  },
  axis: 'logit',
};
