import type { Rule } from './api';
import { adviceOf, checkLossArgument } from './helpers';

export const sigmoidIntoCrossEntropy: Rule = {
  meta: {
    id: 'LL015',
    name: 'sigmoid-into-cross-entropy',
    severity: 'warning',
    frameworks: ['torch', 'tf', 'tfjs', 'jax', 'smp', 'monai'],
    summary: 'Sigmoid outputs into a loss that applies softmax itself',
    docs: {
      what: 'Flags sigmoid outputs passed to `nn.CrossEntropyLoss`, `F.cross_entropy`, `tf.nn.softmax_cross_entropy_with_logits`, TF.js `tf.losses.softmaxCrossEntropy` or optax `softmax_cross_entropy`.',
      why: 'The loss applies softmax to its input. Sigmoid squeezes every logit into (0, 1), so the softmax over them is nearly uniform: with 10 classes the probability of the true class can never exceed e / (e + 9) = 0.23, the loss never drops below 1.46, and the gradients are tiny. It usually means a multi-label model (sigmoid + BCEWithLogitsLoss) was mixed with a multi-class loss.',
      example: {
        language: 'python',
        code: [
          'import torch',
          'import torch.nn as nn',
          '',
          'def step(model, x, y):',
          '    return nn.CrossEntropyLoss()(torch.sigmoid(model(x)), y)',
        ].join('\n'),
      },
      useInstead: {
        language: 'python',
        code: ['import torch.nn as nn', '', 'def step(model, x, y):', '    return nn.CrossEntropyLoss()(model(x), y)'].join('\n'),
      },
    },
  },
  check(ctx) {
    checkLossArgument(ctx, {
      families: ['softmax-ce'],
      kinds: ['probs-sigmoid'],
      message: (ev, t) =>
        `${t.origin?.label ?? 'sigmoid'} output is passed to ${ev.spec.label}, which applies softmax itself: the squashed inputs make the softmax nearly uniform. Pass the logits (multi-class), or use ${adviceOf(ev.spec.framework).multiLabel} (multi-label).`,
      related: 'sigmoid applied here',
    });
  },
};
