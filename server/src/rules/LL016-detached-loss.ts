import type { Rule } from './api';
import { eventsOfType, keptReports } from './api';
import type { TensorValue } from '../analysis/engine/values';
import { isLossFunction } from './helpers';

export const detachedLoss: Rule = {
  meta: {
    id: 'LL016',
    name: 'detached-loss',
    severity: 'warning',
    frameworks: ['torch'],
    summary: 'A loss returns a fresh leaf tensor or a re-wrapped value: no gradient reaches the parameters',
    docs: {
      what: "Flags a loss function or a loss module's `forward` that returns a freshly created tensor (`torch.tensor(0., requires_grad=True)`) or re-wraps a value (`torch.tensor(loss.item())`).",
      why: 'A new tensor has no history: backward() computes gradients only for that leaf, every model parameter gets grad None (or zero), and the optimiser silently does nothing while the printed loss looks normal. `requires_grad=True` only makes the new tensor itself a leaf; it does not connect it to the model.',
      example: {
        language: 'python',
        code: [
          'import torch',
          'import torch.nn.functional as F',
          '',
          'def compute_loss(logits, y):',
          '    loss = F.cross_entropy(logits, y)',
          '    return torch.tensor(loss.item(), requires_grad=True)',
        ].join('\n'),
      },
      useInstead: {
        language: 'python',
        code: ['import torch.nn.functional as F', '', 'def compute_loss(logits, y):', '    return F.cross_entropy(logits, y)'].join('\n'),
      },
    },
  },
  check(ctx) {
    const kept = keptReports(ctx);
    for (const ev of eventsOfType(ctx.events, 'return')) {
      const v = ev.value;
      const created = v.t === 'tensor' ? (v as TensorValue).fresh : undefined;
      // The cheap test first: few returns are of a newly created tensor.
      if (!created || !isLossFunction(ev.inFunction, ev.className) || !kept({ uri: ev.uri, span: created })) continue;
      ctx.report({
        uri: ev.uri,
        span: created,
        message: `${ev.className && ev.inFunction === 'forward' ? `${ev.className}.forward` : ev.inFunction} returns a newly created tensor: it has no autograd history, so backward() reaches no model parameter and training does nothing. Return the loss tensor computed from the model output.`,
      });
    }
  },
};
