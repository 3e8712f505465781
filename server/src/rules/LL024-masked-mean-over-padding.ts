import type { Rule } from './api';
import { eventsOfType, keptReports } from './api';
import type { Fix } from '../findings';
import type { MaskedMeanEvent } from '../analysis/engine/events';
import type { RuleContext } from './api';

export const maskedMeanOverPadding: Rule = {
  meta: {
    id: 'LL024',
    name: 'masked-mean-over-padding',
    severity: 'warning',
    frameworks: ['torch', 'keras', 'tf'],
    summary: 'A per-element loss times a 0/1 mask, averaged over all positions: padding counts in the denominator',
    fix: { title: 'Divide by the number of unmasked positions', applicability: 'unsafe' },
    docs: {
      what: "Flags `(loss * mask).mean()` (also `torch.mean(…)`, `tf.reduce_mean(…)`, `keras.ops.mean(…)`) where `loss` comes from a loss called with `reduction='none'` (Keras `reduction='none'` or `Reduction.NONE`) and `mask` is a 0/1 tensor from a comparison such as `ids != pad_id` (cast or not). A mean that is then multiplied or divided (`/ mask.float().mean()`) is taken to be normalised and stays silent, as do `(loss * mask).sum() / mask.sum()` and `loss[mask].mean()`.",
      why: 'The mask zeroes the padded positions but the mean still divides by all of them. With 40 % padding the loss is 0.6 times the true per-token loss, and the factor changes from batch to batch with the amount of padding: batches of short sequences count less, and the effective learning rate drifts with the padding fraction. No error is raised.',
      example: {
        language: 'python',
        code: [
          'import torch',
          'import torch.nn as nn',
          '',
          'logits = torch.randn(4 * 7, 10)',
          'targets = torch.randint(0, 10, (4 * 7,))',
          'mask = (targets != 0).float()',
          "per_token = nn.CrossEntropyLoss(reduction='none')(logits, targets)",
          'loss = (per_token * mask).mean()',
        ].join('\n'),
      },
      useInstead: {
        language: 'python',
        code: [
          'import torch',
          'import torch.nn as nn',
          '',
          'logits = torch.randn(4 * 7, 10)',
          'targets = torch.randint(0, 10, (4 * 7,))',
          'mask = (targets != 0).float()',
          "per_token = nn.CrossEntropyLoss(reduction='none')(logits, targets)",
          'loss = (per_token * mask).sum() / mask.sum()',
        ].join('\n'),
      },
      fixSafety:
        'Unsafe: rewrites `(l * mask).mean()` as `(l * mask).sum() / mask.sum()`, which changes the loss scale (and so the effective learning rate) and divides by 0 for a batch that is all padding.',
    },
  },
  check(ctx) {
    const kept = keptReports(ctx);
    for (const ev of eventsOfType(ctx.events, 'masked-mean')) {
      const where = { uri: ev.site.uri, span: ev.site.expr.span };
      if (ev.rescaled || !kept(where)) continue;
      ctx.report({
        ...where,
        message: `The mean of ${ev.loss.label}(reduction='none') times a 0/1 mask divides by every position, padded ones included: the loss shrinks as padding grows. Divide the masked sum by the number of unmasked positions.`,
        related: [
          { uri: ev.loss.uri, span: ev.loss.span, message: 'per-element loss' },
          { uri: ev.site.uri, span: ev.mask, message: '0/1 mask' },
        ],
        fix: sumOverMaskFix(ctx, ev),
      });
    }
  },
};

/** `(l * mask).mean()` → `(l * mask).sum() / mask.sum()` for the method form in PyTorch. */
function sumOverMaskFix(ctx: RuleContext, ev: MaskedMeanEvent): Fix | undefined {
  const text = ctx.text(ev.site.uri);
  const callee = ev.site.expr.callee;
  if (text === undefined || ev.framework !== 'torch' || callee.k !== 'attr') return undefined;
  const written = text.slice(callee.obj.span.start, callee.obj.span.end);
  const product = callee.obj.k === 'binop' ? `(${written})` : written;
  const mask = text.slice(ev.mask.start, ev.mask.end);
  const maskExpr = /^[\w.]+$/.test(mask) ? mask : `(${mask})`;
  return {
    title: 'Divide by the number of unmasked positions',
    applicability: 'unsafe',
    edits: [{ uri: ev.site.uri, span: ev.site.expr.span, newText: `${product}.sum() / ${maskExpr}.sum()` }],
  };
}
