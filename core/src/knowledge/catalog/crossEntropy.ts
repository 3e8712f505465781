import type { CatalogEntry } from '../types';
import { cls, fn, kerasCompile, kerasObject, tfjsCompile } from '../snippetRows';

export const crossEntropy: CatalogEntry = {
  id: 'crossEntropy',
  title: 'Categorical cross-entropy (softmax cross-entropy)',
  family: 'classification',
  formula:
    'p = softmax(z);  L = −Σₖ qₖ·log pₖ  = −z_c + log Σₖ e^(zₖ) for a one-hot target of class c (q is one-hot, a smoothed one-hot, or any distribution)',
  latex: String.raw`\ell(z, c) = -\log \frac{e^{z_c}}{\sum_k e^{z_k}} = -z_c + \log\sum_k e^{z_k}`,
  gradient: '∂L/∂zₖ = pₖ − qₖ: softmax minus target, large when the model is confidently wrong and never saturating.',
  likelihood:
    'Categorical labels: P(c | z) = softmax(z)_c, so the negative log-likelihood is −log p_c. With a fixed soft target q it is H(q, p) = H(q) + KL(q‖p), so it also minimises the KL divergence to q.',
  whenToUse:
    'Single-label classification over C ≥ 2 mutually exclusive classes, fed raw logits (PyTorch applies log-softmax inside). Targets may be class indices (sparse form) or per-class probabilities (soft labels, mixup, distillation). weight re-weights classes, ignoreIndex skips padding tokens, labelSmoothing regularises overconfidence.',
  whenNot:
    'After a softmax (double softmax flattens the probabilities and slows learning); multi-label problems where several classes can be true at once (use BCE with logits per class); a single output unit (softmax over one class is always 1, loss always 0).',
  params: [
    {
      name: 'labelSmoothing',
      default: 0,
      min: 0,
      max: 0.5,
      meaning:
        'ε: share of the target mass spread uniformly over all C classes (PyTorch/Keras/TF.js convention: the true class gets 1 − ε + ε/C).',
    },
  ],
  names: {
    torch: ['nn.CrossEntropyLoss', 'F.cross_entropy'],
    keras: ['keras.losses.CategoricalCrossentropy', 'categorical_crossentropy'],
    tfjs: ['tf.losses.softmaxCrossEntropy', 'categoricalCrossentropy'],
    jax: ['optax.softmax_cross_entropy'],
  },
  snippets: {
    torch: [
      cls(
        'nn.CrossEntropyLoss',
        'criterion = nn.CrossEntropyLoss()\nloss = criterion([[logits]], [[targets]])  # logits (N, C) without softmax, targets (N,) class indices',
      ),
      fn('F.cross_entropy', 'loss = F.cross_entropy([[logits]], [[targets]])  # logits (N, C) without softmax'),
    ],
    keras: [
      kerasObject('CategoricalCrossentropy', 'from_logits=True', 'one-hot labels, last Dense layer without activation'),
      kerasCompile('categorical_crossentropy', 'one-hot labels, softmax output layer'),
    ],
    tfjs: [
      fn(
        'tf.losses.softmaxCrossEntropy',
        'const loss = tf.losses.softmaxCrossEntropy([[oneHotLabels]], [[logits]]);  // raw logits, no softmax',
      ),
      tfjsCompile('categoricalCrossentropy', 'softmax output layer, one-hot labels'),
    ],
    jax: [
      fn(
        'optax.softmax_cross_entropy',
        'loss = optax.softmax_cross_entropy([[logits]], jax.nn.one_hot([[labels]], [[num_classes]])).mean()',
      ),
      fn(
        'optax.softmax_cross_entropy + optax.smooth_labels',
        'targets = optax.smooth_labels(jax.nn.one_hot([[labels]], [[num_classes]]), {{labelSmoothing}})\nloss = optax.softmax_cross_entropy([[logits]], targets).mean()',
      ),
    ],
  },
  axis: 'logit',
};
