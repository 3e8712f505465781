import type { Rule } from './api';
import { anchorOfUse, eventsOfType, keptReports, relatedToOrigin, tensorOf } from './api';
import { adviceOf, placeKey, trainingUse } from './helpers';

export const unguardedLogProbability: Rule = {
  meta: {
    id: 'LL009',
    name: 'unguarded-log-probability',
    severity: 'warning',
    frameworks: ['torch', 'tf', 'tfjs', 'jax'],
    summary: 'Hand-written cross-entropy takes log of probabilities without clamp/eps',
    docs: {
      what: 'Flags hand-written cross-entropy terms (`y * torch.log(p)`, `y * jnp.log(p)`) where p is a softmax or sigmoid output with no clamp or epsilon in front of the log.',
      why: 'As soon as a probability rounds to 0 or 1 in float32 (1 − sigmoid(z) is exactly 0 for z above about 17; a softmax entry underflows to 0 about 104 below the largest logit), a log of it is −inf, 0 · −inf is NaN, and one NaN poisons every weight at the next step. The built-in losses work on logits with log-sum-exp and never produce it.',
      example: {
        language: 'python',
        code: [
          'import torch',
          '',
          'def my_ce(logits, y_onehot):',
          '    p = torch.softmax(logits, dim=1)',
          '    return -(y_onehot * torch.log(p)).sum(dim=1).mean()',
        ].join('\n'),
      },
      useInstead: {
        language: 'python',
        code: ['import torch.nn.functional as F', '', 'def my_ce(logits, y_onehot):', '    return F.cross_entropy(logits, y_onehot)'].join(
          '\n',
        ),
      },
    },
  },
  check(ctx) {
    const kept = keptReports(ctx);
    for (const ev of eventsOfType(ctx.events, 'log')) {
      if (!ev.inProduct) continue;
      const t = tensorOf(ev.arg);
      if ((t?.kind !== 'probs-softmax' && t?.kind !== 'probs-sigmoid') || t.guarded) continue;
      if (!trainingUse(ctx.events).trainedLogs.has(placeKey(ev.site.uri, ev.site.expr.span))) continue;
      const where = anchorOfUse(ev.arg, ev.site);
      if (!kept(where)) continue;
      const names = adviceOf(t.origin?.framework, ev.framework);
      const builtIn = t.kind === 'probs-sigmoid' ? names.bceWithLogits!.function : names.crossEntropyWithLogits;
      // A mean or weighted sum of probabilities has no logits behind it: only a guard helps.
      const advice = t.derived
        ? 'Clamp it away from 0 (or add a small eps) before the log.'
        : `Use the built-in loss on the logits (${builtIn}).`;
      ctx.report({
        uri: where.uri,
        span: where.span,
        message: `Hand-written cross-entropy${where.viaCall ? ` in ${where.viaCall}` : ''} takes log of ${t.origin?.label ?? 'probabilities'} with no clamp or eps: one probability that underflows to 0 gives −inf and NaN gradients. ${advice}`,
        related: [
          ...relatedToOrigin(t.origin, 'probabilities produced here'),
          ...(where.viaCall ? [{ uri: ev.site.uri, span: ev.site.expr.span, message: 'log taken here' }] : []),
        ],
      });
    }
  },
};
