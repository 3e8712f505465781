import type { Rule } from './api';
import { checkLossArgument } from './helpers';

export const nllWithoutLogSoftmax: Rule = {
  meta: {
    id: 'LL005',
    name: 'nll-without-log-softmax',
    severity: 'error',
    frameworks: ['torch'],
    summary: 'NLLLoss fed probabilities or raw logits instead of log-probabilities',
    docs: {
      what: 'Flags `nn.NLLLoss` / `F.nll_loss` whose input is softmax/sigmoid probabilities or raw logits.',
      why: 'NLLLoss only picks −input[target]; it does not take a log. Fed probabilities, the "loss" is −p_true, which lies in [−1, 0] (for p = [0.7, 0.2, 0.1] and target 0 it is −0.7): minimising it is not maximum likelihood and the gradient is constant in p, so confident mistakes are not punished. Fed raw logits it is unbounded below and training diverges.',
      example: {
        language: 'python',
        code: [
          'import torch.nn as nn',
          'import torch.nn.functional as F',
          '',
          'def step(model, x, y):',
          '    return nn.NLLLoss()(F.softmax(model(x), dim=1), y)',
        ].join('\n'),
      },
      useInstead: {
        language: 'python',
        code: [
          'import torch.nn as nn',
          'import torch.nn.functional as F',
          '',
          'def step(model, x, y):',
          '    return nn.NLLLoss()(F.log_softmax(model(x), dim=1), y)',
        ].join('\n'),
      },
    },
  },
  check(ctx) {
    checkLossArgument(ctx, {
      families: ['nll'],
      kinds: ['probs-softmax', 'probs-sigmoid', 'logits'],
      message: (ev, t) => {
        const what =
          t.kind === 'logits'
            ? 'raw logits (unbounded below: the loss diverges to −∞)'
            : 'probabilities (the loss becomes −p, stuck in [−1, 0])';
        return `${ev.spec.label} expects log-probabilities but gets ${what} from ${t.origin?.label ?? 'here'}: use log_softmax, or CrossEntropyLoss on the logits.`;
      },
      derivedMessage: (ev, t) =>
        `${ev.spec.label} expects log-probabilities but gets probabilities (the loss becomes −p, stuck in [−1, 0]) from ${t.origin?.label ?? 'here'}: take their log first, clamped away from 0.`,
      related: 'produced here',
    });
  },
};
