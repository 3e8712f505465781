import type { Rule } from './api';
import { anchorOf, eventsOfType, keptReports } from './api';
import type { ArgInfo } from '../analysis/engine/events';
import type { Fix } from '../findings';
import { adviceOf, certainShape } from './helpers';

type Shape = readonly (number | null)[];

export const regressionShapeBroadcast: Rule = {
  meta: {
    id: 'LL027',
    name: 'regression-shape-broadcast',
    severity: 'error',
    frameworks: ['torch'],
    summary: 'Regression loss on a (N, 1) prediction and a (N,) target: broadcasting compares all N × N pairs',
    fix: { title: 'Squeeze the last axis of size 1', applicability: 'unsafe' },
    docs: {
      what: "Flags `MSELoss`, `L1Loss`, `SmoothL1Loss` and `HuberLoss` (class or `F.` function) whose prediction has shape (N, 1) (a one-unit `Linear` head, `reshape(-1, 1)`, `unsqueeze(1)`) while the target is 1-D (N,) (`view(-1)`, `flatten()`, `squeeze(1)`, a 1-D factory or literal), or the reverse. Both shapes must be known from the code; a `squeeze`/`view` that makes them agree keeps the rule silent. Keras loss classes squeeze or expand the target to the prediction's rank themselves and TF.js losses raise on different shapes, so the rule is PyTorch-only.",
      why: 'These losses are elementwise and broadcast their arguments: (N, 1) against (N,) becomes (N, N), so every prediction is compared with every target. With a batch of 32 the mean runs over 1,024 differences, 992 of which pair a prediction with another sample\'s target; the loss is dominated by the spread of the targets, the gradient pulls every prediction towards the batch mean and the model never fits. PyTorch only prints a UserWarning ("Using a target size that is different to the input size").',
      example: {
        language: 'python',
        code: [
          'import torch',
          'import torch.nn as nn',
          '',
          'head = nn.Linear(16, 1)',
          'pred = head(torch.randn(32, 16))  # (32, 1)',
          'target = torch.randn(32)  # (32,)',
          'loss = nn.MSELoss()(pred, target)',
        ].join('\n'),
      },
      useInstead: {
        language: 'python',
        code: [
          'import torch',
          'import torch.nn as nn',
          '',
          'head = nn.Linear(16, 1)',
          'pred = head(torch.randn(32, 16)).squeeze(-1)  # (32,)',
          'target = torch.randn(32)  # (32,)',
          'loss = nn.MSELoss()(pred, target)',
        ].join('\n'),
      },
      fixSafety:
        'Unsafe: appends `.squeeze(-1)` to the argument of shape (N, 1). Correct when the two arguments hold one value per sample; if the 1-D tensor was meant to be a row of per-feature values, reshape it instead.',
    },
  },
  check(ctx) {
    const kept = keptReports(ctx);
    for (const ev of eventsOfType(ctx.events, 'loss')) {
      if (!ev.spec.broadcastsTarget || !ev.input || !ev.target) continue;
      const pred = certainShape(ev.input);
      const target = certainShape(ev.target);
      if (!pred || !target) continue;
      const column = isColumn(pred) && isVector(target) ? ev.input : isColumn(target) && isVector(pred) ? ev.target : undefined;
      if (!column) continue;
      const where = anchorOf(column);
      if (!kept(where)) continue;
      const squeeze = adviceOf(ev.spec.framework).squeezeLast;
      ctx.report({
        ...where,
        message: `${ev.spec.label} gets a ${column === ev.input ? 'prediction' : 'target'} of shape ${show(column === ev.input ? pred : target)} and a ${column === ev.input ? 'target' : 'prediction'} of shape ${show(column === ev.input ? target : pred)}: broadcasting compares every prediction with every target (N × N pairs) instead of sample by sample.${squeeze ? ` Use \`${squeeze}\` on the (N, 1) side.` : ''}`,
        related: [
          {
            uri: (column === ev.input ? ev.target : ev.input).uri,
            span: (column === ev.input ? ev.target : ev.input).expr.span,
            message: '1-D',
          },
        ],
        fix: squeeze && where.span === column.expr.span ? squeezeFix(ctx.text(column.uri), column, squeeze) : undefined,
      });
    }
  },
};

/** (N, 1) with N possibly above 1. */
function isColumn(s: Shape): boolean {
  return s.length === 2 && s[1] === 1 && s[0] !== 1;
}

/** (N,) with N possibly above 1: a size-1 vector broadcasts harmlessly. */
function isVector(s: Shape): boolean {
  return s.length === 1 && s[0] !== 1;
}

function show(s: Shape): string {
  const dims = s.map(d => (d === null ? 'N' : String(d)));
  return dims.length === 1 ? `(${dims[0]},)` : `(${dims.join(', ')})`;
}

function squeezeFix(text: string | undefined, arg: ArgInfo, squeeze: string): Fix | undefined {
  if (text === undefined) return undefined;
  const e = arg.expr;
  const written = text.slice(e.span.start, e.span.end);
  const simple = e.k === 'name' || e.k === 'call' || e.k === 'attr' || e.k === 'subscript';
  return {
    title: 'Squeeze the last axis of size 1',
    applicability: 'unsafe',
    edits: [{ uri: arg.uri, span: e.span, newText: simple ? `${written}${squeeze}` : `(${written})${squeeze}` }],
  };
}
