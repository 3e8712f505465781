import type { Rule } from './api';
import { eventsOfType, keptReports } from './api';
import type { TensorValue } from '../analysis/engine/values';
import { placeKey, trainingUse } from './helpers';

export const detachedLoss: Rule = {
  meta: {
    id: 'LL016',
    name: 'detached-loss',
    severity: 'warning',
    frameworks: ['torch'],
    summary: 'A loss returns a fresh leaf tensor or a re-wrapped value: no gradient reaches the parameters',
    docs: {
      what: "Flags a function (or a loss module's `forward`) whose result training minimises — it reaches `backward()` or is compiled as the loss — and that returns a freshly created tensor (`torch.tensor(0., requires_grad=True)`) or re-wraps a value (`torch.tensor(loss.item())`). Whether a function is a loss is decided by that dataflow, never by its name.",
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
          '',
          '',
          'def train_step(model, x, y):',
          '    compute_loss(model(x), y).backward()',
        ].join('\n'),
      },
      useInstead: {
        language: 'python',
        code: [
          'import torch.nn.functional as F',
          '',
          'def compute_loss(logits, y):',
          '    return F.cross_entropy(logits, y)',
          '',
          '',
          'def train_step(model, x, y):',
          '    compute_loss(model(x), y).backward()',
        ].join('\n'),
      },
    },
  },
  check(ctx) {
    const kept = keptReports(ctx);
    const returns = eventsOfType(ctx.events, 'return');
    for (const ev of returns) {
      const v = ev.value;
      const created = v.t === 'tensor' ? (v as TensorValue).fresh : undefined;
      // The cheap test first: few returns are of a newly created tensor.
      if (!created) continue;
      // A loss by evidence: what the function returns reaches `backward()` or is compiled as the loss.
      if (!trainingUse(ctx.events).lossFunctions.has(placeKey(ev.fnUri, ev.def.span)) || !kept({ uri: ev.uri, span: created })) continue;
      ctx.report({
        uri: ev.uri,
        span: created,
        message: `${ev.className && ev.inFunction === 'forward' ? `${ev.className}.forward` : ev.inFunction} returns a newly created tensor: it has no autograd history, so backward() reaches no model parameter and training does nothing. Return the loss tensor computed from the model output.`,
      });
    }
  },
};
