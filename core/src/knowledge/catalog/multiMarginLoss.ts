import type { CatalogEntry } from '../types';
import { cls, fn, custom } from '../snippetRows';

export const multiMarginLoss: CatalogEntry = {
  id: 'multiMarginLoss',
  title: 'Multi-class margin loss (PyTorch MultiMarginLoss)',
  family: 'classification',
  formula: 'L = (1/C)·Σ_{j≠c} w_c·max(0, margin − x_c + x_j)^p  with p ∈ {1, 2}',
  latex: String.raw`\ell(x, c) = \frac{1}{C} \sum_{j \ne c} \max\left(0,\ \Delta - x_c + x_j\right)^p`,
  gradient:
    'p = 1: each violating class j adds +1/C to ∂L/∂x_j and −1/C to ∂L/∂x_c; p = 2 scales each by 2·(violation). Classes already beaten by the margin contribute nothing.',
  likelihood: 'Not a likelihood: a multi-class SVM surrogate (Weston–Watkins sum of pairwise hinges, divided by the number of classes).',
  whenToUse:
    'Multi-class SVM-style heads, or when you want training to stop pushing once the true class wins by a margin (robustness to label noise on easy examples).',
  whenNot:
    'When you need class probabilities or calibrated confidence (use cross-entropy); p other than 1 or 2 (PyTorch supports only those).',
  params: [
    { name: 'margin', default: 1, min: 0, max: 3, meaning: 'Δ: how far the true-class score must exceed every other score.' },
    { name: 'p', default: 1, min: 1, max: 2, step: 1, meaning: 'Exponent on each hinge: 1 (linear) or 2 (squared hinge).' },
  ],
  names: {
    torch: ['nn.MultiMarginLoss', 'F.multi_margin_loss'],
  },
  snippets: {
    torch: [
      cls(
        'nn.MultiMarginLoss',
        'criterion = nn.MultiMarginLoss(p={{p}}, margin={{margin}})\nloss = criterion([[scores]], [[targets]])  # scores (N, C), targets (N,)',
      ),
      fn('F.multi_margin_loss', 'loss = F.multi_margin_loss([[scores]], [[targets]], p={{p}}, margin={{margin}})'),
    ],
    keras: [
      custom(
        'hand-written multi-class margin loss',
        "# Keras has no multi-class margin loss: a short custom implementation (PyTorch's MultiMarginLoss with p = 1)\n" +
          'num_classes = tf.shape([[scores]])[-1]\n' +
          'y_onehot = tf.one_hot([[labels]], depth=num_classes)\n' +
          'true_score = tf.reduce_sum([[scores]] * y_onehot, axis=-1, keepdims=True)\n' +
          'margins = tf.maximum(0.0, {{margin}} - true_score + [[scores]]) * (1 - y_onehot)\n' +
          'loss = tf.reduce_mean(tf.reduce_sum(margins, axis=-1) / tf.cast(num_classes, margins.dtype))',
      ),
    ],
    tfjs: [
      custom(
        'hand-written multi-class margin loss',
        "// TF.js has no multi-class margin loss: a short custom implementation (PyTorch's MultiMarginLoss with p = 1)\n" +
          'const yOneHot = tf.oneHot([[labels]], [[numClasses]]);\n' +
          'const trueScore = [[scores]].mul(yOneHot).sum(-1, true);\n' +
          'const loss = tf.relu(tf.scalar({{margin}}).sub(trueScore).add([[scores]])).mul(tf.scalar(1).sub(yOneHot)).sum(-1).div([[numClasses]]).mean();',
      ),
    ],
    jax: [
      custom(
        'hand-written multi-class margin loss',
        '# optax has no multi-class margin loss of this form: a short custom implementation (p = 1)\ntrue = jnp.take_along_axis([[scores]], [[labels]][:, None], axis=-1)\nmargins = jnp.maximum(0.0, {{margin}} - true + [[scores]]) * (1 - jax.nn.one_hot([[labels]], [[scores]].shape[-1]))\nloss = jnp.mean(jnp.sum(margins, axis=-1) / [[scores]].shape[-1])',
      ),
    ],
  },
  axis: 'margin',
};
