import type { CatalogEntry } from '../types';
import { cls, fn, custom } from '../snippetRows';

export const tripletMarginLoss: CatalogEntry = {
  id: 'tripletMarginLoss',
  title: 'Triplet margin loss',
  family: 'metric',
  formula:
    'L = max(0, d(a, p) − d(a, n) + margin) with d the p-norm distance (PyTorch adds eps = 1e-6 to the difference). Some texts use squared distances (FaceNet); PyTorch uses plain ones.',
  latex: String.raw`\ell(a, p, n) = \max\left(0,\ d(a, p) - d(a, n) + \Delta\right)`,
  gradient:
    'While the triplet is active: ∂L/∂d(a, p) = +1 and ∂L/∂d(a, n) = −1, i.e. unit vectors pulling the positive towards the anchor and pushing the negative away; zero once the negative is farther by the margin.',
  whenToUse:
    'Learning an embedding where same-class items sit closer than different-class ones by a margin: face recognition (FaceNet), person re-identification, image retrieval. Needs good triplet mining: semi-hard negatives (farther than the positive but within the margin) give the best signal; easy ones give zero loss.',
  whenNot:
    'With random triplets only (most are easy, so the loss is mostly zero and training stalls); hardest-negative mining from the start (can collapse all embeddings); when you have large batches of pairs with many negatives each (InfoNCE uses them all at once).',
  params: [
    { name: 'margin', default: 1, min: 0, max: 3, meaning: 'Δ: required gap between the anchor–negative and anchor–positive distances.' },
    { name: 'p', default: 2, min: 1, max: 3, meaning: 'Norm degree of the pairwise distance (2 = Euclidean).' },
  ],
  names: {
    torch: ['nn.TripletMarginLoss', 'F.triplet_margin_loss'],
    jax: ['optax.triplet_margin_loss'],
  },
  snippets: {
    torch: [
      cls(
        'nn.TripletMarginLoss',
        'criterion = nn.TripletMarginLoss(margin={{margin}}, p={{p}})\nloss = criterion([[anchor]], [[positive]], [[negative]])',
      ),
      fn('F.triplet_margin_loss', 'loss = F.triplet_margin_loss([[anchor]], [[positive]], [[negative]], margin={{margin}}, p={{p}})'),
    ],
    keras: [
      custom(
        'hand-written triplet loss',
        '# Keras has no triplet loss: a short custom implementation\n' +
          'd_ap = tf.norm([[anchor]] - [[positive]], ord={{p}}, axis=-1)\n' +
          'd_an = tf.norm([[anchor]] - [[negative]], ord={{p}}, axis=-1)\n' +
          'loss = tf.reduce_mean(tf.maximum(d_ap - d_an + {{margin}}, 0.0))',
      ),
    ],
    tfjs: [
      custom(
        'hand-written triplet loss',
        '// TF.js has no triplet loss in tf.losses: a short custom implementation\n' +
          'const dAp = tf.norm([[anchor]].sub([[positive]]), {{p}}, -1);\n' +
          'const dAn = tf.norm([[anchor]].sub([[negative]]), {{p}}, -1);\n' +
          'const loss = tf.relu(dAp.sub(dAn).add({{margin}})).mean();',
      ),
    ],
    jax: [
      fn(
        'optax.triplet_margin_loss',
        'loss = optax.triplet_margin_loss([[anchor]], [[positive]], [[negative]], norm_degree={{p}}, margin={{margin}}).mean()',
      ),
    ],
  },
  axis: 'distance',
};
