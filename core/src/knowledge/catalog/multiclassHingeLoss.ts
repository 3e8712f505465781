import type { CatalogEntry } from '../types';

export const multiclassHingeLoss: CatalogEntry = {
  id: 'multiclassHingeLoss',
  title: 'Multi-class hinge loss (Weston–Watkins)',
  family: 'classification',
  formula:
    'L = Σ_{j≠c} max(0, 1 − f_c + f_j): the Weston–Watkins form, a SUM of pairwise hinges over all wrong classes. The Crammer–Singer form takes the MAX instead: max(0, 1 + max_{j≠c} f_j − f_c), penalising only the strongest competitor.',
  latex: String.raw`\ell_{\mathrm{WW}}(f, c) = \sum_{j \ne c} \max\left(0,\ 1 - f_c + f_j\right), \qquad \ell_{\mathrm{CS}}(f, c) = \max\left(0,\ 1 + \max_{j \ne c} f_j - f_c\right)`,
  gradient: 'Each wrong class j inside the margin gets +1 on ∂L/∂f_j and the true class −1 per such j (Crammer–Singer: only the top competitor, ±1).',
  likelihood: 'Not a likelihood: the multi-class SVM loss. Weston–Watkins equals C × PyTorch MultiMarginLoss with margin 1 and p = 1.',
  whenToUse:
    'Multi-class SVM objectives and max-margin heads. Often labelled "Crammer–Singer" in tutorials although the sum is Weston–Watkins; Keras CategoricalHinge and TF.js categoricalHinge compute the Crammer–Singer max.',
  whenNot: 'When probabilities are needed (cross-entropy), or when comparing numbers across libraries without checking sum vs max and the 1/C factor.',
  params: [],
  names: {},
  snippets: {
    torch: '# Weston–Watkins sum = C × MultiMarginLoss(margin=1, p=1)\nloss = scores.size(1) * F.multi_margin_loss(scores, targets)',
    keras: '# keras.losses.CategoricalHinge is Crammer–Singer (max); the Weston–Watkins sum by hand:\ntrue = tf.reduce_sum(scores * y_onehot, -1, keepdims=True)\nloss = tf.reduce_mean(tf.reduce_sum(tf.maximum(0.0, 1.0 - true + scores) * (1 - y_onehot), -1))',
    tfjs: '// categoricalHinge in TF.js is Crammer–Singer (max); Weston–Watkins by hand:\nconst trueScore = scores.mul(yOneHot).sum(-1, true);\nconst loss = tf.relu(tf.scalar(1).sub(trueScore).add(scores)).mul(tf.scalar(1).sub(yOneHot)).sum(-1).mean();',
  },
  axis: 'margin',
};
