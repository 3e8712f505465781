import type { Rule } from './api';
import { checkLossArgument, removeActivationFix } from './helpers';

export const redundantLogSoftmax: Rule = {
  meta: {
    id: 'LL014',
    name: 'redundant-log-softmax',
    severity: 'info',
    frameworks: ['torch', 'jax'],
    summary: 'log_softmax into CrossEntropyLoss (identical result, wasted work)',
    fix: { title: 'Remove the redundant log_softmax', applicability: 'safe' },
    docs: {
      what: 'Flags `F.log_softmax` / `nn.LogSoftmax` output passed to `nn.CrossEntropyLoss` / `F.cross_entropy`, and `jax.nn.log_softmax` output passed to optax `softmax_cross_entropy` (or `_with_integer_labels`).',
      why: 'log_softmax is idempotent (log-probabilities already log-sum-exp to 0), so the result is identical, but the extra pass costs time and memory for the activations it stores for backward. Either pass the logits to CrossEntropyLoss, or keep log_softmax and use NLLLoss.',
      example: {
        language: 'python',
        code: [
          'import torch.nn.functional as F',
          '',
          'def step(model, x, y):',
          '    return F.cross_entropy(F.log_softmax(model(x), dim=1), y)',
        ].join('\n'),
      },
      useInstead: {
        language: 'python',
        code: ['import torch.nn.functional as F', '', 'def step(model, x, y):', '    return F.cross_entropy(model(x), y)'].join('\n'),
      },
      fixSafety: 'Safe: log_softmax(log_softmax(x)) = log_softmax(x), so the loss is unchanged.',
    },
  },
  check(ctx) {
    checkLossArgument(ctx, {
      families: ['softmax-ce'],
      kinds: ['log-probs'],
      // A cut of the class axis (`lp[:, 1:]`) is no longer normalised: the loss's log-softmax changes it.
      when: (ev, t) => (ev.spec.framework === 'torch' || ev.spec.framework === 'jax') && !t.partial && !t.derived,
      // The log_softmax may be what another arm's loss needs (`NLLLoss() if use_nll else CrossEntropyLoss()`).
      everyPath: true,
      message: (ev, t) =>
        `${t.origin?.label ?? 'log_softmax'} before ${ev.spec.label} is redundant: the loss applies log-softmax itself and the result is identical. Pass the logits${ev.spec.framework === 'torch' ? ', or use NLLLoss' : ''}.`,
      related: 'log_softmax applied here',
      fix: (ctx, _ev, t) => {
        // Removing it changes no value the loss sees.
        const fix = removeActivationFix(ctx, t.origin, 'Remove the redundant log_softmax');
        return fix && { ...fix, applicability: 'safe' };
      },
    });
  },
};
