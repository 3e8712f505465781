import type { CatalogEntry } from '../types';
import { cls, fn, custom } from '../snippetRows';

export const softMarginLoss: CatalogEntry = {
  id: 'softMarginLoss',
  title: 'Soft margin loss (logistic loss with ±1 labels)',
  family: 'classification',
  formula: 'L = log(1 + e^(−y·x)) with y ∈ {−1, +1}',
  latex: String.raw`\ell(x, y) = \log\left(1 + e^{-y x}\right)`,
  gradient: '∂L/∂x = −y·σ(−y·x): a smooth version of the hinge that never becomes exactly zero.',
  likelihood: 'Bernoulli labels encoded as ±1 with P(y | x) = σ(y·x): the same loss as BCE with logits for y = 1 ↔ 1 and y = −1 ↔ 0.',
  whenToUse:
    'Binary classification when labels already come as ±1 (SVM-style data) and you want a smooth, probabilistic loss; logistic regression written in margin form.',
  whenNot: 'With {0, 1} labels (a 0 label contributes a constant log 2 and no gradient): use BCE with logits instead.',
  params: [],
  names: {
    torch: ['nn.SoftMarginLoss', 'F.soft_margin_loss'],
  },
  snippets: {
    torch: [
      cls('nn.SoftMarginLoss', 'criterion = nn.SoftMarginLoss()\nloss = criterion([[scores]], [[y]])  # y in {-1, +1}'),
      fn('F.soft_margin_loss', 'loss = F.soft_margin_loss([[scores]], [[y]])  # y in {-1, +1}'),
    ],
    keras: [
      custom(
        'softplus(-y · score)',
        '# Keras has no soft margin loss: a short custom implementation (y in {-1, +1})\n' +
          'loss = tf.reduce_mean(tf.math.softplus(-[[y]] * [[scores]]))',
      ),
    ],
    tfjs: [
      custom(
        'softplus(-y · score)',
        '// TF.js has no soft margin loss: a short custom implementation (y in {-1, +1})\n' +
          'const loss = tf.softplus(tf.neg(tf.mul([[y]], [[scores]]))).mean();',
      ),
    ],
    jax: [
      custom(
        'hand-written soft margin loss',
        '# optax has no soft margin loss: a short custom implementation (y in {-1, +1})\nloss = jnp.mean(jax.nn.softplus(-[[y]] * [[scores]]))',
      ),
    ],
  },
  axis: 'logit',
};
