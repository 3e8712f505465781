import type { Rule, RuleContext } from './api';
import type { LossCallEvent } from '../analysis/engine/events';
import type { Fix } from '../findings';
import type { Origin } from '../analysis/engine/values';
import { checkLossArgument } from './helpers';
import { advice } from '../frameworks/registry';

export const sigmoidThenBce: Rule = {
  meta: {
    id: 'LL003',
    name: 'sigmoid-then-bce',
    severity: 'warning',
    frameworks: ['torch', 'tfjs'],
    summary: 'Sigmoid followed by BCELoss: use the with-logits loss on the logits',
    fix: { title: 'Use the with-logits loss on the logits', applicability: 'unsafe' },
    docs: {
      what: 'Flags a sigmoid whose output goes into `nn.BCELoss` / `F.binary_cross_entropy` (PyTorch) or `tf.losses.logLoss` (TF.js).',
      why: 'Computing sigmoid and log separately loses precision: for a logit of 40 the sigmoid rounds to exactly 1.0 in float32, log(1 − p) becomes −inf and PyTorch clamps it to −100, so the loss and its gradient are wrong exactly when the model is confidently wrong. The with-logits loss uses the stable form max(z, 0) − z·y + log(1 + e^−|z|), is exact for any logit, and is the only binary cross-entropy that autocast (mixed precision) allows.',
      example: {
        language: 'python',
        code: [
          'import torch',
          'import torch.nn.functional as F',
          '',
          'def step(model, x, y):',
          '    p = torch.sigmoid(model(x))',
          '    return F.binary_cross_entropy(p, y)',
        ].join('\n'),
      },
      useInstead: {
        language: 'python',
        code: [
          'import torch.nn.functional as F',
          '',
          'def step(model, x, y):',
          '    return F.binary_cross_entropy_with_logits(model(x), y)',
        ].join('\n'),
      },
      fixSafety:
        'Unsafe: the result is numerically better, not identical, and other uses of the sigmoid output receive logits after the fix.',
    },
  },
  check(ctx) {
    checkLossArgument(ctx, {
      families: ['bce-prob'],
      kinds: ['probs-sigmoid'],
      when: (ev, t) => (ev.spec.framework === 'torch' || ev.spec.framework === 'tfjs') && !t.guarded,
      message: (ev, t) => {
        const names = advice(ev.spec.framework).bceWithLogits;
        const alt = ev.spec.form === 'class' ? names?.class : names?.function;
        return `${t.origin?.label ?? 'sigmoid'} followed by ${ev.spec.label} is numerically unstable (saturates to log(0), clamped at −100) and blocks autocast: use ${alt} on the logits.`;
      },
      related: 'sigmoid applied here',
      fix: (ctx, ev, t) => withLogitsFix(ctx, ev, t.origin),
    });
  },
};

/** Renames the loss and replaces `sigmoid(z)` by `z`, when both are plain to edit (PyTorch, same flow). */
function withLogitsFix(ctx: RuleContext, ev: LossCallEvent, origin: Origin | undefined): Fix | undefined {
  const twin = ev.spec.withLogits;
  if (!twin || !origin?.inner) return undefined;
  if (twin.maxArgs !== undefined && ev.site.expr.args.length > twin.maxArgs) return undefined;
  const newName = lastSegment(twin.path);
  const callee = ev.spec.form === 'class' ? ev.ctor?.expr.callee : ev.site.expr.callee;
  const calleeUri = ev.spec.form === 'class' ? ev.ctor?.uri : ev.site.uri;
  if (!callee || !calleeUri) return undefined;
  const nameSpan = callee.k === 'attr' ? callee.nameSpan : callee.k === 'name' ? callee.span : undefined;
  const text = ctx.text(origin.uri);
  if (!nameSpan || text === undefined || ctx.text(calleeUri)?.slice(nameSpan.start, nameSpan.end) !== lastSegment(ev.spec.path))
    return undefined;
  return {
    title: `Use ${newName} on the logits`,
    applicability: 'unsafe',
    edits: [
      { uri: calleeUri, span: nameSpan, newText: newName },
      { uri: origin.uri, span: origin.span, newText: text.slice(origin.inner.start, origin.inner.end) },
    ],
  };
}

/** `torch.nn.BCELoss` → `BCELoss`. */
function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1);
}
