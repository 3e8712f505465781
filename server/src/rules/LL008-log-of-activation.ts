import type { Rule, RuleContext } from '../analysis/engine/rule-api';
import { anchorOfUse, relatedToOrigin, tensorOf } from '../analysis/engine/rule-api';
import type { LogEvent } from '../analysis/engine/events';
import type { Fix } from '../analysis/findings';

export const logOfActivation: Rule = {
  meta: {
    id: 'LL008',
    name: 'log-of-activation',
    severity: 'warning',
    frameworks: ['torch', 'tf', 'tfjs'],
    summary: 'log(softmax(x)) / log(sigmoid(x)): use log_softmax / logsigmoid',
    fix: { title: 'Use log_softmax', applicability: 'safe' },
    docs: {
      what: 'Flags a log taken of a softmax or sigmoid output (`torch.log(F.softmax(x, dim=1))`, `tf.math.log(tf.nn.softmax(x))`, `tf.log(tf.softmax(x))`) outside a hand-written cross-entropy (LL009 covers those).',
      why: 'Softmax underflows to exactly 0 for logits more than about 104 below the maximum (float32) and then log gives −inf and NaN gradients. log_softmax computes x − logsumexp(x), which is exact for any logits: log_softmax([0, −200]) = [0, −200] while log(softmax([0, −200])) = [0, −inf] in float32.',
      example: {
        language: 'python',
        code: [
          'import torch',
          'import torch.nn.functional as F',
          '',
          'def log_probs(logits):',
          '    return torch.log(F.softmax(logits, dim=1))',
        ].join('\n'),
      },
      useInstead: {
        language: 'python',
        code: [
          'import torch.nn.functional as F',
          '',
          'def log_probs(logits):',
          '    return F.log_softmax(logits, dim=1)',
        ].join('\n'),
      },
      fixSafety: 'Safe for softmax: log_softmax is the same function computed stably. The sigmoid case has no automatic fix.',
    },
  },
  check(ctx) {
    for (const ev of ctx.events) {
      if (ev.type !== 'log' || ev.inProduct) continue;
      const t = tensorOf(ev.arg);
      if ((t?.kind !== 'probs-softmax' && t?.kind !== 'probs-sigmoid') || t.guarded) continue;
      const softmax = t.kind === 'probs-softmax';
      const tfjs = ctx.text(ev.site.uri) !== undefined && /\.(m|c)?[jt]sx?$/.test(ev.site.uri);
      const instead = softmax ? (tfjs ? 'tf.logSoftmax' : 'log_softmax') : (tfjs ? 'tf.logSigmoid' : 'F.logsigmoid');
      const where = anchorOfUse(ev.arg, ev.site);
      const inside = where.viaCall ? ` inside ${where.viaCall}` : '';
      ctx.report({
        uri: where.uri,
        span: where.span,
        message: `log of ${t.origin?.label ?? (softmax ? 'softmax' : 'sigmoid')}${inside} underflows to log(0) = −inf for confident predictions: use ${instead}, which is exact for any logits.`,
        related: [
          ...relatedToOrigin(t.origin, `${softmax ? 'softmax' : 'sigmoid'} applied here`),
          ...(where.viaCall ? [{ uri: ev.site.uri, span: ev.site.expr.span, message: 'log taken here' }] : []),
        ],
        fix: softmax && !where.viaCall ? logSoftmaxFix(ctx, ev, tfjs) : undefined,
      });
    }
  },
};

/** `log(softmax(x, dim))` → `log_softmax(x, dim)` when the softmax call is the log's direct argument. */
function logSoftmaxFix(ctx: RuleContext, ev: LogEvent, tfjs: boolean): Fix | undefined {
  const a = ev.arg.expr;
  const text = ctx.text(ev.site.uri);
  if (a.k !== 'call' || text === undefined) return undefined;
  const c = a.callee;
  const nameSpan = c.k === 'attr' ? c.nameSpan : c.k === 'name' ? c.span : undefined;
  if (!nameSpan || text.slice(nameSpan.start, nameSpan.end) !== 'softmax') return undefined;
  const replacement = text.slice(a.span.start, nameSpan.start) + (tfjs ? 'logSoftmax' : 'log_softmax') + text.slice(nameSpan.end, a.span.end);
  return { title: `Use ${tfjs ? 'logSoftmax' : 'log_softmax'}`, applicability: 'safe', edits: [{ uri: ev.site.uri, span: ev.site.expr.span, newText: replacement }] };
}
