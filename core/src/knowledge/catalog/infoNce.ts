import type { CatalogEntry } from '../types';
import { custom, fn } from '../snippetRows';

export const infoNce: CatalogEntry = {
  id: 'infoNce',
  title: 'InfoNCE / NT-Xent (batch contrastive loss)',
  family: 'metric',
  formula:
    'For anchor i with positive i⁺ and the rest of the batch as negatives: L = −log( e^(s(i, i⁺)/τ) / Σ_j e^(s(i, j)/τ) ), s = cosine similarity, τ = temperature: cross-entropy over similarity logits with the positive as the target class.',
  latex: String.raw`\ell_i = -\log \frac{\exp(s_{i,i^+}/\tau)}{\sum_{j \ne i} \exp(s_{i,j}/\tau)}`,
  gradient:
    '∂L/∂s_{ij} = (softmax(s/τ)_j − [j = i⁺]) / τ: every negative is pushed in proportion to how similar it currently is, so hard negatives get most of the push.',
  likelihood:
    'Categorical likelihood of picking the true partner among the batch; minimising it maximises a lower bound on the mutual information between the two views.',
  whenToUse:
    'Self-supervised and multi-modal representation learning with large batches: SimCLR (NT-Xent), MoCo, CLIP. Uses every other item in the batch as a negative, no explicit mining.',
  whenNot:
    'Small batches (few negatives, weak signal) unless you keep a memory queue; when same-class items in a batch are wrongly treated as negatives (use a supervised contrastive variant).',
  params: [
    {
      name: 'temperature',
      default: 0.1,
      min: 0.01,
      max: 1,
      meaning: 'τ: divides the similarities; small τ sharpens the softmax and focuses on the hardest negatives.',
    },
  ],
  names: { jax: ['optax.ntxent'] },
  snippets: {
    torch: [
      custom(
        'hand-written InfoNCE (NT-Xent)',
        '# PyTorch has no InfoNCE loss: a short custom implementation (NT-Xent over two views of each item)\n' +
          'z = F.normalize(torch.cat(([[z1]], [[z2]])), dim=1)\n' +
          'sim = z @ z.T / {{temperature}}\n' +
          "sim.fill_diagonal_(float('-inf'))\n" +
          'n = [[z1]].size(0)\n' +
          'targets = torch.cat((torch.arange(n, 2 * n), torch.arange(0, n))).to(z.device)\n' +
          'loss = F.cross_entropy(sim, targets)',
      ),
    ],
    keras: [
      custom(
        'hand-written InfoNCE',
        '# Keras has no InfoNCE loss: a short custom implementation (z1[i] and z2[i] are two views of item i)\n' +
          'z1n = tf.math.l2_normalize([[z1]], axis=1)\n' +
          'z2n = tf.math.l2_normalize([[z2]], axis=1)\n' +
          'logits = tf.matmul(z1n, z2n, transpose_b=True) / {{temperature}}\n' +
          'labels = tf.range(tf.shape(logits)[0])\n' +
          'loss = tf.reduce_mean(keras.losses.sparse_categorical_crossentropy(labels, logits, from_logits=True))',
      ),
    ],
    tfjs: [
      custom(
        'hand-written InfoNCE',
        '// TF.js has no InfoNCE loss: a short custom implementation (z1[i] and z2[i] are two views of item i)\n' +
          'const z1n = tf.div([[z1]], tf.norm([[z1]], 2, 1, true));\n' +
          'const z2n = tf.div([[z2]], tf.norm([[z2]], 2, 1, true));\n' +
          'const logits = tf.matMul(z1n, z2n, false, true).div({{temperature}});\n' +
          'const n = logits.shape[0];\n' +
          "const loss = tf.losses.softmaxCrossEntropy(tf.oneHot(tf.range(0, n, 1, 'int32'), n), logits);",
      ),
    ],
    jax: [
      fn(
        'optax.ntxent',
        'loss = optax.ntxent([[embeddings]], [[labels]], temperature={{temperature}})  # labels: equal ids mark positive pairs',
      ),
    ],
  },
  computedBy: 'crossEntropy',
  axis: 'margin',
};
