import type { Rule } from './api';
import { checkLossArgument } from './helpers';

export const hingeLabelEncoding: Rule = {
  meta: {
    id: 'LL018',
    name: 'hinge-label-encoding',
    severity: 'warning',
    frameworks: ['torch', 'tfjs', 'jax'],
    summary: 'Margin losses fed labels in the wrong encoding ({0,1} vs ±1)',
    docs: {
      what: 'Flags PyTorch `HingeEmbeddingLoss`, `SoftMarginLoss` and `MarginRankingLoss` and optax `hinge_loss` fed {0, 1} labels (they need −1/+1), and TF.js `tf.losses.hingeLoss` fed ±1 labels (it expects {0, 1} and maps them with 2y − 1 itself). Keras hinge converts {0, 1} labels itself and is not flagged.',
      why: 'With {0, 1} labels every negative example has y = 0, so the term y·f vanishes: the loss is constant for negatives and they contribute no gradient; only half the data trains the model. In TF.js, ±1 labels become 2y − 1 ∈ {−3, +1}, tripling the weight of negatives and shifting their margin.',
      example: {
        language: 'python',
        code: [
          'import torch',
          'import torch.nn as nn',
          '',
          'def step(scores):',
          '    y = torch.tensor([0, 1, 1, 0])',
          '    return nn.SoftMarginLoss()(scores, y)',
        ].join('\n'),
      },
      useInstead: {
        language: 'python',
        code: [
          'import torch',
          'import torch.nn as nn',
          '',
          'def step(scores):',
          '    y = torch.tensor([-1, 1, 1, -1])',
          '    return nn.SoftMarginLoss()(scores, y)',
        ].join('\n'),
      },
    },
  },
  check(ctx) {
    checkLossArgument(
      ctx,
      {
        families: ['pm1-margin'],
        argument: 'target',
        kinds: ['labels01'],
        when: ev => ev.spec.framework === 'torch' || ev.spec.framework === 'jax',
        message: ev =>
          `${ev.spec.label} expects labels in {−1, +1} but gets {0, 1}: every 0 label zeroes its term, so negatives never train. Convert with 2 * y - 1.`,
      },
      {
        families: ['hinge-01'],
        argument: 'target',
        kinds: ['labels-pm1'],
        message: ev =>
          `${ev.spec.label} expects {0, 1} labels and maps them to ±1 itself (2y − 1); ±1 labels become {−3, +1}. Pass {0, 1} labels.`,
      },
    );
  },
};
