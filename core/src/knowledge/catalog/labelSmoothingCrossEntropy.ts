import type { CatalogEntry } from '../types';
import { cls, fn, kerasObject } from '../snippetRows';

export const labelSmoothingCrossEntropy: CatalogEntry = {
  id: 'labelSmoothingCrossEntropy',
  title: 'Cross-entropy with label smoothing',
  family: 'classification',
  formula:
    'L = −Σₖ qₖ·log softmax(z)ₖ with a softened target. PyTorch/Keras/TF.js: qₖ = (1 − ε)·[k = c] + ε/C, so the true class keeps 1 − ε + ε/C. "Uniform over the others" (the form in many tutorials): q_c = 1 − ε and qₖ = ε/(C − 1) for k ≠ c.',
  latex: String.raw`\ell = -\sum_k q_k \log \mathrm{softmax}(z)_k, \quad q_k = (1-\varepsilon)\,[k=c] + \tfrac{\varepsilon}{C}`,
  gradient: '∂L/∂zₖ = pₖ − qₖ: the optimum is a finite logit gap instead of an infinitely confident one.',
  likelihood:
    'Categorical likelihood against a target mixed with a uniform distribution; equivalently plain cross-entropy plus ε times a pull of the prediction towards uniform (a confidence penalty).',
  whenToUse:
    "Large classifiers that become overconfident (image classification, machine translation): typically ε = 0.1 improves calibration and generalisation. Watch the convention: PyTorch's ε/C equals the uniform-others form with ε·(C − 1)/C, e.g. C = 10, ε = 0.1 gives 0.91/0.01 versus 0.9/0.0111.",
  whenNot:
    'When calibrated probabilities on the training distribution are the goal of a downstream teacher (smoothed teachers distil worse), with very few classes and noisy labels where ε is already large relative to 1/C, or combined with mixup/soft targets that already smooth.',
  params: [
    { name: 'labelSmoothing', default: 0.1, min: 0, max: 0.5, meaning: 'ε: total target mass moved away from the true class.' },
    {
      name: 'uniformOthers',
      default: 0,
      min: 0,
      max: 1,
      step: 1,
      plotOnly: true,
      meaning:
        'Convention switch (0 or 1): 0 spreads ε/C over all classes (PyTorch, Keras, TF.js), 1 spreads ε/(C − 1) over the other classes only.',
    },
  ],
  names: {
    torch: ['nn.CrossEntropyLoss(label_smoothing=…)', 'F.cross_entropy(label_smoothing=…)'],
    keras: ['keras.losses.CategoricalCrossentropy(label_smoothing=…)'],
    tfjs: ['tf.losses.softmaxCrossEntropy(…, labelSmoothing)'],
    jax: ['optax.smooth_labels'],
  },
  snippets: {
    torch: [
      cls(
        'nn.CrossEntropyLoss(label_smoothing=…)',
        'criterion = nn.CrossEntropyLoss(label_smoothing={{labelSmoothing}})\nloss = criterion([[logits]], [[targets]])',
      ),
      fn('F.cross_entropy(label_smoothing=…)', 'loss = F.cross_entropy([[logits]], [[targets]], label_smoothing={{labelSmoothing}})'),
    ],
    keras: [kerasObject('CategoricalCrossentropy', 'from_logits=True, label_smoothing={{labelSmoothing}}', 'one-hot labels')],
    tfjs: [
      fn(
        'tf.losses.softmaxCrossEntropy(…, labelSmoothing)',
        'const loss = tf.losses.softmaxCrossEntropy([[oneHotLabels]], [[logits]], undefined, {{labelSmoothing}});',
      ),
    ],
    jax: [
      fn(
        'optax.smooth_labels + optax.softmax_cross_entropy',
        'targets = optax.smooth_labels(jax.nn.one_hot([[labels]], [[num_classes]]), {{labelSmoothing}})  # 1 − ε + ε/C on the true class\nloss = optax.softmax_cross_entropy([[logits]], targets).mean()',
      ),
    ],
  },
  computedBy: 'crossEntropy',
  axis: 'logit',
};
