import type { Rule, RuleContext } from './api';
import { anchorOfUse, eventsOfType, keptReports, relatedToOrigin, tensorOf } from './api';
import type { LogEvent } from '../analysis/engine/events';
import type { Fix, TextReplacement } from '../findings';
import type { Origin } from '../analysis/engine/values';
import { pythonModuleRef } from './helpers/python-imports';
import { advice } from '../frameworks/registry';
import type { Framework } from '../frameworks/types';
import { adviceOf, placeKey, trainingUse } from './helpers';

export const logOfActivation: Rule = {
  meta: {
    id: 'LL008',
    name: 'log-of-activation',
    severity: 'warning',
    frameworks: ['torch', 'tf', 'tfjs', 'jax'],
    summary: 'log(softmax(x)) / log(sigmoid(x)): use log_softmax / logsigmoid',
    fix: { title: 'Use log_softmax', applicability: 'safe' },
    docs: {
      what: 'Flags a log taken of a softmax or sigmoid output (`torch.log(F.softmax(x, dim=1))`, `tf.math.log(tf.nn.softmax(x))`, `tf.log(tf.softmax(x))`, `jnp.log(jax.nn.softmax(x))`) that training uses — it reaches a loss, `backward()`, a gradient function or the return of a hand-written likelihood (`-(y * log_p).sum()`), decided by dataflow — outside the direct `y * log(p)` product of a hand-written cross-entropy (LL009 covers those). Sampling from `log(model.predict(x))` takes no gradient and is not flagged.',
      why: 'Softmax underflows to exactly 0 for logits more than about 104 below the maximum (float32) and then log gives −inf and NaN gradients. log_softmax computes x − logsumexp(x), which is exact for any logits: log_softmax([0, −200]) = [0, −200] while log(softmax([0, −200])) = [0, −inf] in float32.',
      example: {
        language: 'python',
        code: [
          'import torch',
          'import torch.nn.functional as F',
          '',
          'def nll(logits, y):',
          '    log_p = torch.log(F.softmax(logits, dim=1))',
          '    return -(log_p * y).sum(dim=1).mean()',
        ].join('\n'),
      },
      useInstead: {
        language: 'python',
        code: [
          'import torch.nn.functional as F',
          '',
          'def nll(logits, y):',
          '    log_p = F.log_softmax(logits, dim=1)',
          '    return -(log_p * y).sum(dim=1).mean()',
        ].join('\n'),
      },
      fixSafety:
        'Safe: log_softmax and logsigmoid are the same functions computed stably. The sigmoid fix adds `import torch.nn.functional as F` when the file has no name for that module yet.',
    },
  },
  check(ctx) {
    const kept = keptReports(ctx);
    for (const ev of eventsOfType(ctx.events, 'log')) {
      if (ev.inProduct) continue;
      const t = tensorOf(ev.arg);
      // A mean or weighted sum of activation outputs (`derived`) has no log_softmax form.
      if ((t?.kind !== 'probs-softmax' && t?.kind !== 'probs-sigmoid') || t.guarded || t.derived) continue;
      // Only where the log is trained on (it reaches a loss or a gradient): sampling from `log(model.predict(x))`
      // takes no gradient, and log(0) = −inf is harmless there.
      if (!trainingUse(ctx.events).trainedLogs.has(placeKey(ev.site.uri, ev.site.expr.span))) continue;
      const softmax = t.kind === 'probs-softmax';
      const names = adviceOf(t.origin?.framework, ev.framework);
      const instead = softmax ? names.logSoftmax : names.logSigmoid;
      const where = anchorOfUse(ev.arg, ev.site);
      if (!kept(where)) continue;
      const inside = where.viaCall ? ` inside ${where.viaCall}` : '';
      ctx.report({
        uri: where.uri,
        span: where.span,
        message: `log of ${t.origin?.label ?? (softmax ? 'softmax' : 'sigmoid')}${inside} underflows to log(0) = −inf for confident predictions: use ${instead}, which is exact for any logits.`,
        related: [
          ...relatedToOrigin(t.origin, `${softmax ? 'softmax' : 'sigmoid'} applied here`),
          ...(where.viaCall ? [{ uri: ev.site.uri, span: ev.site.expr.span, message: 'log taken here' }] : []),
        ],
        fix: where.viaCall
          ? undefined
          : softmax
            ? logSoftmaxFix(ctx, ev, names.framework)
            : logSigmoidFix(ctx, ev, names.framework, t.origin),
      });
    }
  },
};

/** `log(softmax(x, dim))` → `log_softmax(x, dim)` when the softmax call is the log's direct argument. */
function logSoftmaxFix(ctx: RuleContext, ev: LogEvent, framework: Framework | undefined): Fix | undefined {
  if (!framework) return undefined;
  const tfjs = framework === 'tfjs';
  const a = ev.arg.expr;
  const text = ctx.text(ev.site.uri);
  if (a.k !== 'call' || text === undefined) return undefined;
  const c = a.callee;
  const nameSpan = c.k === 'attr' ? c.nameSpan : c.k === 'name' ? c.span : undefined;
  if (!nameSpan || text.slice(nameSpan.start, nameSpan.end) !== 'softmax') return undefined;
  const replacement =
    text.slice(a.span.start, nameSpan.start) + (tfjs ? 'logSoftmax' : 'log_softmax') + text.slice(nameSpan.end, a.span.end);
  return {
    title: `Use ${tfjs ? 'logSoftmax' : 'log_softmax'}`,
    applicability: 'safe',
    edits: [{ uri: ev.site.uri, span: ev.site.expr.span, newText: replacement }],
  };
}

/** The Python module whose `log_sigmoid` a TensorFlow sigmoid becomes. */
const TF_SIGMOID = /^(tf|tensorflow)\.(math\.|nn\.)?sigmoid$/;

/**
 * `log(sigmoid(x))` → `F.logsigmoid(x)` (PyTorch, importing torch.nn.functional when needed),
 * `tf.math.log_sigmoid(x)` (TensorFlow) or `tf.logSigmoid(x)` (TF.js), when the sigmoid call is the
 * log's direct argument.
 */
function logSigmoidFix(ctx: RuleContext, ev: LogEvent, framework: Framework | undefined, origin: Origin | undefined): Fix | undefined {
  const tfjs = framework === 'tfjs';
  const a = ev.arg.expr;
  const text = ctx.text(ev.site.uri);
  if (a.k !== 'call' || text === undefined || !origin?.inner || origin.uri !== ev.site.uri) return undefined;
  if (origin.span.start !== a.span.start || origin.span.end !== a.span.end) return undefined;
  const inner = text.slice(origin.inner.start, origin.inner.end);
  const callee = text.slice(a.callee.span.start, a.callee.span.end);
  const tfModule = /^(tf|tensorflow)\./.exec(callee)?.[1];
  const edits: TextReplacement[] = [];
  let call: string;
  if (tfjs) {
    if (!/^\w+\.sigmoid$/.test(callee)) return undefined;
    call = `${callee.slice(0, callee.indexOf('.'))}.logSigmoid`;
  } else if (framework === 'jax') {
    // jax.nn, flax.linen and flax.nnx all have log_sigmoid next to sigmoid.
    if (!/^[\w.]+\.sigmoid$/.test(callee)) return undefined;
    call = `${callee.slice(0, -'sigmoid'.length)}log_sigmoid`;
  } else if (framework === 'tf' && tfModule && TF_SIGMOID.test(callee)) {
    call = `${tfModule}.math.log_sigmoid`;
  } else if (framework === 'torch') {
    const module = advice('torch').functional;
    if (!module) return undefined;
    const functional = pythonModuleRef(text, module.module, module.alias);
    if (functional.edit) edits.push({ uri: ev.site.uri, ...functional.edit });
    call = `${functional.name}.logsigmoid`;
  } else {
    return undefined;
  }
  edits.push({ uri: ev.site.uri, span: ev.site.expr.span, newText: `${call}(${inner})` });
  return { title: `Use ${call}`, applicability: 'safe', edits };
}
