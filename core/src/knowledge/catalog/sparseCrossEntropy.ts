import type { CatalogEntry } from '../types';
import { cls, fn, kerasCompile, kerasObject, tfjsCompile } from '../snippetRows';

export const sparseCrossEntropy: CatalogEntry = {
  id: 'sparseCrossEntropy',
  title: 'Sparse categorical cross-entropy (integer labels)',
  family: 'classification',
  formula: 'L = −log softmax(z)_c  with c the integer class index (no one-hot vector is ever built)',
  latex: String.raw`\ell(z, c) = -z_c + \log\sum_k e^{z_k}, \quad c \in \{0, \dots, C-1\}`,
  gradient: '∂L/∂zₖ = pₖ − [k = c]: identical to categorical cross-entropy.',
  likelihood: 'Categorical labels, exactly as categorical cross-entropy: only the label encoding differs.',
  whenToUse:
    'Labels stored as class ids (0 … C−1), especially with many classes (language-model vocabularies) where one-hot targets would waste memory. In PyTorch this is simply CrossEntropyLoss with an integer (long) target.',
  whenNot:
    'One-hot or soft targets (use the categorical form: one-hot rows fed to the sparse loss are a shape error, and integer ids fed to the categorical loss are wrong targets — an error at best); multi-label targets.',
  params: [],
  names: {
    torch: ['nn.CrossEntropyLoss', 'F.cross_entropy'],
    keras: ['keras.losses.SparseCategoricalCrossentropy', 'sparse_categorical_crossentropy'],
    tfjs: ['sparseCategoricalCrossentropy'],
    jax: ['optax.softmax_cross_entropy_with_integer_labels'],
  },
  snippets: {
    torch: [
      cls(
        'nn.CrossEntropyLoss',
        'criterion = nn.CrossEntropyLoss()\nloss = criterion([[logits]], [[targets]].long())  # targets: class ids of shape (N,)',
      ),
      fn('F.cross_entropy', 'loss = F.cross_entropy([[logits]], [[targets]].long())  # targets: class ids of shape (N,)'),
    ],
    keras: [
      kerasObject('SparseCategoricalCrossentropy', 'from_logits=True', 'integer labels, last Dense layer without activation'),
      kerasCompile('sparse_categorical_crossentropy', 'integer labels, softmax output layer'),
    ],
    tfjs: [
      tfjsCompile('sparseCategoricalCrossentropy', 'softmax output layer, integer labels'),
      fn(
        'tf.losses.softmaxCrossEntropy',
        'const loss = tf.losses.softmaxCrossEntropy(tf.oneHot([[labels]], [[numClasses]]), [[logits]]);  // labels: int32 class ids',
      ),
    ],
    jax: [
      fn(
        'optax.softmax_cross_entropy_with_integer_labels',
        'loss = optax.softmax_cross_entropy_with_integer_labels([[logits]], [[labels]]).mean()  # labels: integer class ids',
      ),
    ],
  },
  computedBy: 'crossEntropy',
  axis: 'logit',
};
