import type { CatalogEntry } from '../types';
import { custom } from '../snippetRows';

export const multiclassHingeLoss: CatalogEntry = {
  id: 'multiclassHingeLoss',
  title: 'Multi-class hinge loss (Weston–Watkins)',
  family: 'classification',
  formula:
    'L = Σ_{j≠c} max(0, 1 − f_c + f_j): the Weston–Watkins form, a SUM of pairwise hinges over all wrong classes. The Crammer–Singer form takes the MAX instead: max(0, 1 + max_{j≠c} f_j − f_c), penalising only the strongest competitor.',
  latex: String.raw`\ell_{\mathrm{WW}}(f, c) = \sum_{j \ne c} \max\left(0,\ 1 - f_c + f_j\right), \qquad \ell_{\mathrm{CS}}(f, c) = \max\left(0,\ 1 + \max_{j \ne c} f_j - f_c\right)`,
  gradient:
    'Each wrong class j inside the margin gets +1 on ∂L/∂f_j and the true class −1 per such j (Crammer–Singer: only the top competitor, ±1).',
  likelihood: 'Not a likelihood: the multi-class SVM loss. Weston–Watkins equals C × PyTorch MultiMarginLoss with margin 1 and p = 1.',
  whenToUse:
    'Multi-class SVM objectives and max-margin heads. Often labelled "Crammer–Singer" in tutorials although the sum is Weston–Watkins; Keras CategoricalHinge and TF.js categoricalHinge compute the Crammer–Singer max.',
  whenNot:
    'When probabilities are needed (cross-entropy), or when comparing numbers across libraries without checking sum vs max and the 1/C factor.',
  params: [],
  names: {},
  snippets: {
    torch: [
      custom(
        'C × F.multi_margin_loss',
        '# PyTorch has no Weston–Watkins hinge loss: a short custom implementation (C times MultiMarginLoss with margin 1, p 1)\n' +
          'loss = [[scores]].size(1) * F.multi_margin_loss([[scores]], [[targets]])',
      ),
    ],
    keras: [
      custom(
        'hand-written Weston–Watkins hinge',
        '# Keras has no Weston–Watkins hinge loss (CategoricalHinge is Crammer–Singer): a short custom implementation\n' +
          'y_onehot = tf.one_hot([[labels]], depth=tf.shape([[scores]])[-1])\n' +
          'true_score = tf.reduce_sum([[scores]] * y_onehot, axis=-1, keepdims=True)\n' +
          'loss = tf.reduce_mean(tf.reduce_sum(tf.maximum(0.0, 1.0 - true_score + [[scores]]) * (1 - y_onehot), axis=-1))',
      ),
    ],
    tfjs: [
      custom(
        'hand-written Weston–Watkins hinge',
        "// TF.js has no Weston–Watkins hinge loss ('categoricalHinge' is Crammer–Singer): a short custom implementation\n" +
          'const yOneHot = tf.oneHot([[labels]], [[numClasses]]);\n' +
          'const trueScore = [[scores]].mul(yOneHot).sum(-1, true);\n' +
          'const loss = tf.relu(tf.scalar(1).sub(trueScore).add([[scores]])).mul(tf.scalar(1).sub(yOneHot)).sum(-1).mean();',
      ),
    ],
    jax: [
      custom(
        'hand-written Weston–Watkins hinge',
        '# optax.multiclass_hinge_loss is the Crammer–Singer max form: a short custom implementation of the summed (Weston–Watkins) one\ntrue = jnp.take_along_axis([[scores]], [[labels]][:, None], axis=-1)\nmargins = jnp.maximum(0.0, 1 - true + [[scores]]) * (1 - jax.nn.one_hot([[labels]], [[scores]].shape[-1]))\nloss = jnp.mean(jnp.sum(margins, axis=-1))',
      ),
    ],
  },
  axis: 'margin',
};
