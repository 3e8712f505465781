import type { CatalogEntry } from '../types';

export const infoNce: CatalogEntry = {
  id: 'infoNce',
  title: 'InfoNCE / NT-Xent (batch contrastive loss)',
  family: 'metric',
  formula:
    'For anchor i with positive i⁺ and the rest of the batch as negatives: L = −log( e^(s(i, i⁺)/τ) / Σ_j e^(s(i, j)/τ) ), s = cosine similarity, τ = temperature: cross-entropy over similarity logits with the positive as the target class.',
  latex: String.raw`\ell_i = -\log \frac{\exp(s_{i,i^+}/\tau)}{\sum_{j \ne i} \exp(s_{i,j}/\tau)}`,
  gradient: '∂L/∂s_{ij} = (softmax(s/τ)_j − [j = i⁺]) / τ: every negative is pushed in proportion to how similar it currently is, so hard negatives get most of the push.',
  likelihood: 'Categorical likelihood of picking the true partner among the batch; minimising it maximises a lower bound on the mutual information between the two views.',
  whenToUse: 'Self-supervised and multi-modal representation learning with large batches: SimCLR (NT-Xent), MoCo, CLIP. Uses every other item in the batch as a negative, no explicit mining.',
  whenNot: 'Small batches (few negatives, weak signal) unless you keep a memory queue; when same-class items in a batch are wrongly treated as negatives (use a supervised contrastive variant).',
  params: [
    { name: 'temperature', default: 0.1, min: 0.01, max: 1, meaning: 'τ: divides the similarities; small τ sharpens the softmax and focuses on the hardest negatives.' },
  ],
  names: {},
  snippets: {
    torch: 'z = F.normalize(torch.cat([z1, z2]), dim=1)\nsim = z @ z.T / tau\nsim.fill_diagonal_(float("-inf"))\nn = z1.size(0)\ntargets = torch.cat([torch.arange(n, 2 * n), torch.arange(0, n)])\nloss = F.cross_entropy(sim, targets)',
    keras: 'z1n, z2n = tf.math.l2_normalize(z1, 1), tf.math.l2_normalize(z2, 1)\nlogits = tf.matmul(z1n, z2n, transpose_b=True) / tau\nloss = keras.losses.sparse_categorical_crossentropy(tf.range(tf.shape(z1)[0]), logits, from_logits=True)',
    tfjs: 'const logits = tf.matMul(z1n, z2n, false, true).div(tau);\nconst loss = tf.losses.softmaxCrossEntropy(tf.oneHot(tf.range(0, n, 1, "int32"), n), logits);',
  },
  computedBy: 'crossEntropy',
  axis: 'margin',
};
