import type { Rule } from './api';
import { anchorOf, compiledLossOf, eventsOfType, keptReports } from './api';
import type { CompileEvent } from '../analysis/engine/events';
import type { InstanceValue, ObjectValue, TensorValue } from '../analysis/engine/values';
import type { LossSpec } from '../frameworks/types';
import { adviceOf, certainFact } from './helpers';

const SOFTMAX_CE = ['softmax-ce', 'cce-prob'];

/** Multi-hot rows the loss reads as class probabilities: dense targets, or float targets where the loss takes them as probabilities. */
function readAsProbabilities(spec: LossSpec | undefined, t: TensorValue): boolean {
  if (!t.multiHot) return false;
  if (!spec) return true;
  return spec.floatTargetsAreProbabilities ? t.dtype === 'float' : !spec.sparseTarget;
}

export const multiHotIntoSoftmaxCe: Rule = {
  meta: {
    id: 'LL025',
    name: 'multi-hot-into-softmax-ce',
    severity: 'error',
    frameworks: ['torch', 'keras', 'tf', 'tfjs'],
    summary: 'Multi-hot targets (several ones per row) fed to a softmax cross-entropy',
    docs: {
      what: 'Flags multi-label targets — 0/1 rows with more than one 1, as written in a literal (`torch.tensor([[1., 0., 1.], …])`, `np.array(…)`, `tf.constant(…)`) — passed to `CrossEntropyLoss`/`F.cross_entropy` (as floats, which PyTorch reads as class probabilities), Keras `categorical_crossentropy` (called, or compiled and fit), `tf.nn.softmax_cross_entropy_with_logits` or TF.js `tf.losses.softmaxCrossEntropy`.',
      why: 'Softmax cross-entropy takes each target row as a probability distribution over mutually exclusive classes. A row with k ones sums to k, so the loss is k times the cross-entropy towards the uniform mix of the k labels: the model is trained to split its probability among the labels (at best 1/k each) instead of predicting each label independently, and no error is raised. Multi-label problems need an independent sigmoid per label: binary cross-entropy on logits.',
      example: {
        language: 'python',
        code: [
          'import torch',
          'import torch.nn as nn',
          '',
          'logits = nn.Linear(16, 3)(torch.randn(2, 16))',
          'labels = torch.tensor([[1.0, 0.0, 1.0], [0.0, 1.0, 1.0]])',
          'loss = nn.CrossEntropyLoss()(logits, labels)',
        ].join('\n'),
      },
      useInstead: {
        language: 'python',
        code: [
          'import torch',
          'import torch.nn as nn',
          '',
          'logits = nn.Linear(16, 3)(torch.randn(2, 16))',
          'labels = torch.tensor([[1.0, 0.0, 1.0], [0.0, 1.0, 1.0]])',
          'loss = nn.BCEWithLogitsLoss()(logits, labels)',
        ].join('\n'),
      },
    },
  },
  check(ctx) {
    const kept = keptReports(ctx);
    for (const ev of eventsOfType(ctx.events, 'loss')) {
      if (!ev.target || !SOFTMAX_CE.includes(ev.family)) continue;
      if (!certainFact(ev.target, t => readAsProbabilities(ev.spec, t) || undefined)) continue;
      const where = anchorOf(ev.target);
      if (!kept(where)) continue;
      ctx.report({ ...where, message: message(ev.spec.label, ev.spec.framework) });
    }
    const compiles = new Map<object, CompileEvent>();
    for (const ev of eventsOfType(ctx.events, 'compile')) if (!ev.superseded) compiles.set(modelKey(ev.model), ev);
    for (const ev of eventsOfType(ctx.events, 'fit')) {
      const c = ev.y && compiles.get(modelKey(ev.model));
      const loss = c && compiledLossOf(c);
      if (!ev.y || !c || !loss || loss.sparse || !SOFTMAX_CE.includes(loss.family)) continue;
      if (!certainFact(ev.y, t => t.multiHot) || !kept({ uri: c.loss.uri, span: c.loss.expr.span })) continue;
      ctx.report({
        uri: c.loss.uri,
        span: c.loss.expr.span,
        message: message(loss.label, c.framework),
        related: [{ uri: ev.y.uri, span: ev.y.expr.span, message: 'multi-hot targets' }],
      });
    }
  },
};

function message(label: string, framework: Parameters<typeof adviceOf>[0]): string {
  return `${label} gets multi-hot targets (rows with several ones): softmax cross-entropy reads each row as a probability distribution, and a row with k ones sums to k, so the model learns to split its probability among the labels. For multi-label targets use ${adviceOf(framework).multiLabel}.`;
}

/** A model is known by the call that created it (see LL022). */
function modelKey(m: ObjectValue | InstanceValue): object {
  return (m.t === 'object' ? m.call?.expr : m.site) ?? m;
}
