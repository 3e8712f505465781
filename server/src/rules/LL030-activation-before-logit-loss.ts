import type { Rule } from './api';
import { anchorOf, eventsOfType, compiledLossOf, keptReports, relatedToOrigin } from './api';
import type { LossFamily } from '../frameworks/types';
import type { TensorValue } from '../analysis/engine/values';
import { sigmoidRange, softmaxCeiling } from '../../../core/src/knowledge/logit-bounds';
import { certainFact, removeActivationFix } from './helpers';

type Range = NonNullable<TensorValue['range']>;

/** A range that limits logits: non-negative, or bounded on both sides. */
function limiting(t: TensorValue): Range | undefined {
  const r = t.range;
  return r && (r.lo >= 0 || (Number.isFinite(r.lo) && Number.isFinite(r.hi))) ? r : undefined;
}

const sameRange = (a: Range, b: Range) => a.lo === b.lo && a.hi === b.hi && a.origin.span.start === b.origin.span.start;

function fmt(x: number): string {
  return x.toFixed(2);
}

function bound(x: number): string {
  return x === Infinity ? '∞' : Number.isInteger(x) ? String(x).replace('-', '−') : fmt(x);
}

/** What the bound does to the loss's probabilities (a clause after "so"), with the numbers from core. */
export function boundEffect(family: LossFamily, r: Range, units: number | undefined): string {
  const within = `the logits lie in [${bound(r.lo)}, ${bound(r.hi)}${r.hi === Infinity ? ')' : ']'}`;
  if (family === 'sigmoid-ce') {
    const [lo, hi] = sigmoidRange(r.lo, r.hi);
    if (hi === 1) return `${within} and every predicted probability is at least ${fmt(lo)}: the negative class can never be predicted.`;
    return `${within} and every predicted probability stays within [${fmt(lo)}, ${fmt(hi)}]: the model can never be confident.`;
  }
  if (Number.isFinite(r.hi) && Number.isFinite(r.lo) && units !== undefined && units > 1)
    return `${within} and, over ${units} classes, no class probability can exceed ${fmt(softmaxCeiling(r.lo, r.hi, units))}: the loss never approaches 0.`;
  if (Number.isFinite(r.hi)) return `${within}, which caps how confident the model can be: the loss never approaches 0.`;
  return `the logits are never negative: no class can be scored below 0, a wrong class is only pushed down by raising the others, and a logit clamped at 0 gets no gradient.`;
}

export const activationBeforeLogitLoss: Rule = {
  meta: {
    id: 'LL030',
    name: 'activation-before-logit-loss',
    severity: 'warning',
    frameworks: ['torch', 'keras', 'tf', 'tfjs'],
    summary: 'ReLU, softplus, abs, clamp(min=0) or tanh as the last operation on logits fed to a logits loss',
    fix: { title: 'Remove the activation before the loss', applicability: 'unsafe' },
    docs: {
      what: 'Flags a ReLU/ReLU6/softplus/abs/`clamp(min=0)` or tanh applied last to the values that reach a loss taking logits: `CrossEntropyLoss`, `BCEWithLogitsLoss` (and their `F.` functions), Keras losses with `from_logits=True` (called, or compiled on a model whose last layer has `activation="relu"`/`"tanh"`), `tf.nn.softmax_cross_entropy_with_logits`, `tf.nn.sigmoid_cross_entropy_with_logits`, TF.js `tf.losses.softmaxCrossEntropy`/`sigmoidCrossEntropy`. A ReLU in hidden layers followed by a linear output layer is fine and stays silent.',
      why: `Logits must range over the whole real line. Bounded logits cap the confidence: tanh logits over 10 classes give p ≤ ${fmt(softmaxCeiling(-1, 1, 10))} for the right class however well the model fits, so the loss never approaches 0 and keeps pushing. Non-negative logits cannot score a class below 0; with a sigmoid, a logit ≥ 0 means p ≥ ${fmt(sigmoidRange(0, Infinity)[0])}, so a binary model can never predict the negative class. ReLU also kills the gradient of every logit it clamps at 0. No error or warning is raised.`,
      example: {
        language: 'python',
        code: [
          'import torch',
          'import torch.nn as nn',
          '',
          'model = nn.Sequential(nn.Linear(16, 32), nn.ReLU(), nn.Linear(32, 10), nn.ReLU())',
          'loss = nn.CrossEntropyLoss()(model(torch.randn(8, 16)), torch.randint(0, 10, (8,)))',
        ].join('\n'),
      },
      useInstead: {
        language: 'python',
        code: [
          'import torch',
          'import torch.nn as nn',
          '',
          'model = nn.Sequential(nn.Linear(16, 32), nn.ReLU(), nn.Linear(32, 10))',
          'loss = nn.CrossEntropyLoss()(model(torch.randn(8, 16)), torch.randint(0, 10, (8,)))',
        ].join('\n'),
      },
      fixSafety:
        'Unsafe: removes the activation call or layer. Retraining is needed, and code that read the clamped outputs elsewhere (metrics, thresholds) sees raw logits afterwards.',
    },
  },
  check(ctx) {
    const kept = keptReports(ctx);
    for (const ev of eventsOfType(ctx.events, 'loss')) {
      if ((ev.family !== 'softmax-ce' && ev.family !== 'sigmoid-ce') || !ev.input) continue;
      const r = certainFact(ev.input, limiting, sameRange);
      if (!r) continue;
      const where = anchorOf(ev.input);
      if (!kept(where)) continue;
      const units = certainFact(ev.input, t => t.units)?.value;
      ctx.report({
        ...where,
        message: `${ev.spec.label} expects logits, but ${r.value.origin.label} comes last, so ${boundEffect(ev.family, r.value, units)}`,
        related: relatedToOrigin(r.value.origin, 'bounds the logits'),
        fix: removeActivationFix(ctx, r.value.origin, 'Remove the activation before the loss'),
      });
    }
    for (const ev of eventsOfType(ctx.events, 'compile')) {
      const loss = compiledLossOf(ev);
      if (!loss || ev.superseded || (loss.family !== 'softmax-ce' && loss.family !== 'sigmoid-ce')) continue;
      const r = certainFact(ev.output, limiting, sameRange);
      const where = { uri: ev.loss.uri, span: ev.loss.expr.span };
      if (!r || !kept(where)) continue;
      const units = certainFact(ev.output, t => t.units)?.value;
      ctx.report({
        ...where,
        message: `${loss.label} expects logits, but the model's last layer is ${r.value.origin.label}, so ${boundEffect(loss.family, r.value, units)}`,
        related: relatedToOrigin(r.value.origin, 'bounds the logits'),
      });
    }
  },
};
