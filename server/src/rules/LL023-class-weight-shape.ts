import type { Rule } from './api';
import { compiledLossOf, eventsOfType, keptReports, relatedToOrigin } from './api';
import type { CompileEvent, LossOption } from '../analysis/engine/events';
import type { Expr } from '../ir';
import type { InstanceValue, ObjectValue } from '../analysis/engine/values';
import { certainFact, certainShape } from './helpers';

export const classWeightShape: Rule = {
  meta: {
    id: 'LL023',
    name: 'class-weight-shape',
    severity: 'warning',
    frameworks: ['torch', 'keras', 'tfjs'],
    summary: 'A class-weight vector whose length cannot match the classes it weighs',
    docs: {
      what: "Flags `CrossEntropyLoss`/`NLLLoss` `weight=` whose length differs from the number of classes of the logits it meets; `BCEWithLogitsLoss` `pos_weight=` whose length is neither 1 nor the number of output units; a two-entry `weight=[w_neg, w_pos]` given to `BCELoss`/`BCEWithLogitsLoss` on a one-unit head; and Keras / TF.js `class_weight` keys outside 0..K−1 for the compiled model's K classes. Lengths come from literal or factory-built vectors (`torch.tensor([1.0, 3.0])`, `torch.ones(5)`), classes from the output layer's units.",
      why: "A `weight` of the wrong length for cross-entropy raises only when the batch runs, far from where the loss was built. The BCE cases do not raise: `weight` rescales elements, so a `[w_neg, w_pos]` vector on a (N, 1) head broadcasts the prediction to (N, 2) and averages both weighted copies — the positive class is not weighted at all (that is `pos_weight`'s job); a `pos_weight` of length 3 on one unit does the same. Keras ignores class-weight keys no label takes, so a 1-based dictionary silently weighs the wrong classes or stops `fit` with an error about missing keys.",
      example: {
        language: 'python',
        code: [
          'import torch',
          'import torch.nn as nn',
          '',
          'head = nn.Linear(16, 1)',
          'criterion = nn.BCEWithLogitsLoss(weight=torch.tensor([1.0, 5.0]))',
          'loss = criterion(head(torch.randn(8, 16)), torch.ones(8, 1))',
        ].join('\n'),
      },
      useInstead: {
        language: 'python',
        code: [
          'import torch',
          'import torch.nn as nn',
          '',
          'head = nn.Linear(16, 1)',
          'criterion = nn.BCEWithLogitsLoss(pos_weight=torch.tensor([5.0]))',
          'loss = criterion(head(torch.randn(8, 16)), torch.ones(8, 1))',
        ].join('\n'),
      },
    },
  },
  check(ctx) {
    const kept = keptReports(ctx);
    for (const ev of eventsOfType(ctx.events, 'loss')) {
      const w = ev.spec.weights;
      if (!w || !ev.input) continue;
      const units = certainFact(ev.input, t => t.units);
      if (!units) continue;
      const classWeight = w.perClass ? ev.options.get(w.perClass) : undefined;
      const n = lengthOf(classWeight);
      const related = relatedToOrigin(units.tensor.origin, `${units.value} output unit${units.value === 1 ? '' : 's'}`);
      if (classWeight && n !== undefined) {
        const perClass = ev.spec.family === 'sigmoid-ce' ? n !== units.value && n !== 1 : n !== units.value && units.value > 1;
        if (perClass && kept(where(classWeight))) {
          ctx.report({
            ...where(classWeight),
            message:
              ev.spec.family === 'sigmoid-ce'
                ? `${ev.spec.label} \`${w.perClass}\` has ${n} entries but the logits have ${units.value} output unit${units.value === 1 ? '' : 's'}: it must have one entry per unit (or one for all).${units.value === 1 ? ` On one unit the ${n} entries broadcast the prediction to ${n} columns instead of weighting the positives.` : ''}`
                : `${ev.spec.label} \`${w.perClass}\` has ${n} entries but the logits it meets have ${units.value} classes: it needs one weight per class.`,
            related,
          });
        }
        continue;
      }
      const elementWeight = w.perElement ? ev.options.get(w.perElement) : undefined;
      if (units.value === 1 && lengthOf(elementWeight) === 2 && kept(where(elementWeight!))) {
        ctx.report({
          ...where(elementWeight!),
          message: `${ev.spec.label} \`${w.perElement}\` rescales each element, so a two-entry [negative, positive] vector on a one-unit head broadcasts the prediction to 2 columns and weights both copies; the positive class is not weighted. Use \`${w.perClass ?? 'pos_weight'}\` with one entry for the positives.`,
          related,
        });
      }
    }
    const compiles = new Map<object, CompileEvent>();
    for (const ev of eventsOfType(ctx.events, 'compile')) if (!ev.superseded) compiles.set(modelKey(ev.model), ev);
    for (const ev of eventsOfType(ctx.events, 'fit')) {
      const c = ev.classWeight && compiles.get(modelKey(ev.model));
      if (!ev.classWeight || !c || !compiledLossOf(c)) continue;
      const units = certainFact(c.output, t => t.units);
      if (!units) continue;
      const k = units.value === 1 ? 2 : units.value;
      const keys = literalKeys(ev.classWeight.expr);
      const outside = keys?.filter(key => key < 0 || key >= k);
      if (!outside?.length || !kept({ uri: ev.classWeight.uri, span: ev.classWeight.expr.span })) continue;
      ctx.report({
        uri: ev.classWeight.uri,
        span: ev.classWeight.expr.span,
        message: `Class-weight key${outside.length > 1 ? 's' : ''} ${outside.join(', ')} ${outside.length > 1 ? 'are' : 'is'} outside the model's classes 0..${k - 1} (${k} classes from its ${units.value}-unit output): no label takes ${outside.length > 1 ? 'these ids' : 'this id'}, so the weight never applies.`,
        related: relatedToOrigin(units.tensor.origin, `${units.value} output unit${units.value === 1 ? '' : 's'}`),
      });
    }
  },
};

/** The length of a weight vector known on every path: a 1-D tensor of known size. */
function lengthOf(o: LossOption | undefined): number | undefined {
  const s = o ? certainShape(o.value) : undefined;
  return s && s.length === 1 && s[0] !== null ? s[0] : undefined;
}

function where(o: LossOption): { uri: string; span: LossOption['argSpan'] } {
  return { uri: o.uri, span: o.argSpan };
}

/** The integer keys of a dictionary literal (`{0: 1.0, 1: 5.0}`); undefined when any key is not one. */
function literalKeys(e: Expr): number[] | undefined {
  if (e.k !== 'dict' || e.entries.length === 0) return undefined;
  const keys: number[] = [];
  for (const en of e.entries) {
    const k = en.key;
    const v = k?.k === 'num' ? k.value : k?.k === 'str' && /^\d+$/.test(k.value) ? Number(k.value) : undefined;
    if (v === undefined || !Number.isInteger(v)) return undefined;
    keys.push(v);
  }
  return keys;
}

/** A model is known by the call that created it (see LL022). */
function modelKey(m: ObjectValue | InstanceValue): object {
  return (m.t === 'object' ? m.call?.expr : m.site) ?? m;
}
