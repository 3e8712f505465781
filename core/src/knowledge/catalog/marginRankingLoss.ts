import type { CatalogEntry } from '../types';
import { cls, fn, custom } from '../snippetRows';

export const marginRankingLoss: CatalogEntry = {
  id: 'marginRankingLoss',
  title: 'Margin ranking loss',
  family: 'metric',
  formula: 'L = max(0, −y·(x₁ − x₂) + margin) with y = +1 when x₁ should rank higher, −1 when x₂ should',
  latex: String.raw`\ell(x_1, x_2, y) = \max\left(0,\ -y\,(x_1 - x_2) + \Delta\right)`,
  gradient: '∂L/∂x₁ = −y and ∂L/∂x₂ = +y while the pair is mis-ordered or within the margin, 0 otherwise.',
  whenToUse:
    'Pairwise learning to rank (search results, recommendations), preference/reward models, comparing two scores for the same query.',
  whenNot:
    'With {0, 1} labels (need ±1); when absolute scores matter rather than their order; listwise objectives where softmax over all candidates (cross-entropy) is cheaper.',
  params: [
    {
      name: 'margin',
      default: 0,
      min: 0,
      max: 3,
      meaning: 'Δ: how much higher the preferred score must be before the pair stops contributing.',
    },
  ],
  names: {
    torch: ['nn.MarginRankingLoss', 'F.margin_ranking_loss'],
  },
  snippets: {
    torch: [
      cls(
        'nn.MarginRankingLoss',
        'criterion = nn.MarginRankingLoss(margin={{margin}})\nloss = criterion([[s1]], [[s2]], [[y]])  # y = 1: s1 should rank higher; -1: s2',
      ),
      fn('F.margin_ranking_loss', 'loss = F.margin_ranking_loss([[s1]], [[s2]], [[y]], margin={{margin}})'),
    ],
    keras: [
      custom(
        'hand-written margin ranking loss',
        '# Keras has no margin ranking loss: a short custom implementation (y = 1: s1 should rank higher; -1: s2)\n' +
          'loss = tf.reduce_mean(tf.maximum(0.0, -[[y]] * ([[s1]] - [[s2]]) + {{margin}}))',
      ),
    ],
    tfjs: [
      custom(
        'hand-written margin ranking loss',
        '// TF.js has no margin ranking loss: a short custom implementation (y = 1: s1 should rank higher; -1: s2)\n' +
          'const loss = tf.relu(tf.neg(tf.mul([[y]], tf.sub([[s1]], [[s2]]))).add({{margin}})).mean();',
      ),
    ],
    jax: [
      custom(
        'hand-written margin ranking loss',
        '# optax has no margin ranking loss: a short custom implementation (y = 1: s1 should rank higher; -1: s2)\nloss = jnp.mean(jnp.maximum(0.0, -[[y]] * ([[s1]] - [[s2]]) + {{margin}}))',
      ),
    ],
  },
  axis: 'margin',
};
