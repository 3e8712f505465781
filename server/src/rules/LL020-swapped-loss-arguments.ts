import type { Rule } from './api';
import { eventsOfType, keptReports } from './api';
import type { ArgInfo } from '../analysis/engine/events';

const LABEL_KINDS = new Set(['class-indices', 'one-hot', 'labels01', 'labels-pm1']);
const PRED_KINDS = new Set(['logits', 'probs-softmax', 'probs-sigmoid', 'log-probs', 'log-sigmoid']);
/**
 * 'labels' | 'predictions' from the value's kind (class ids, one-hot, {0,1}/±1 labels vs. logits and
 * probabilities) or the role the framework's calling convention gives it (Keras calls a compiled loss
 * function as `loss(y_true, y_pred)`); never from a name.
 */
function roleOf(a: ArgInfo | undefined): 'labels' | 'predictions' | undefined {
  if (!a) return undefined;
  const v = a.value;
  if (v.t === 'tensor') {
    if (LABEL_KINDS.has(v.kind)) return 'labels';
    if (PRED_KINDS.has(v.kind)) return 'predictions';
    if (v.role) return v.role;
  }
  return undefined;
}

export const swappedLossArguments: Rule = {
  meta: {
    id: 'LL020',
    name: 'swapped-loss-arguments',
    severity: 'warning',
    frameworks: ['torch', 'tf', 'keras', 'tfjs', 'jax'],
    summary: 'Loss arguments in the wrong order (target first in PyTorch, predictions first in tf.losses)',
    fix: { title: 'Swap the arguments', applicability: 'unsafe' },
    docs: {
      what: 'Flags loss calls whose arguments look swapped: PyTorch losses take (input, target), so a first argument that is labels and a second that is logits or probabilities is suspicious; Keras and TensorFlow/TF.js `tf.losses.*` take (labels, predictions), so the reverse is; optax losses take (logits, labels) or (predictions, targets). Evidence is what the analysis knows of each value (integer class ids from `randint`/`argmax`/a dataset, one-hot labels, the logits or probabilities of a model), never the names of the variables.',
      why: 'Many losses run without error on swapped arguments and compute something else: MSE is symmetric but BCE, KL, cross-entropy with probability targets and all TF.js losses are not. `F.binary_cross_entropy(y, p)` takes log of the labels (log 0 = −inf, clamped to −100) and trains on garbage.',
      example: {
        language: 'python',
        code: [
          'import torch',
          'import torch.nn as nn',
          'import torch.nn.functional as F',
          '',
          'head = nn.Linear(16, 1)',
          '',
          'def step(x):',
          '    labels01 = torch.randint(0, 2, (x.shape[0], 1)).float()',
          '    return F.binary_cross_entropy_with_logits(labels01, head(x))',
        ].join('\n'),
      },
      useInstead: {
        language: 'python',
        code: [
          'import torch',
          'import torch.nn as nn',
          'import torch.nn.functional as F',
          '',
          'head = nn.Linear(16, 1)',
          '',
          'def step(x):',
          '    labels01 = torch.randint(0, 2, (x.shape[0], 1)).float()',
          '    return F.binary_cross_entropy_with_logits(head(x), labels01)',
        ].join('\n'),
      },
      fixSafety: 'Unsafe: swapping changes what is computed; check which argument is which before applying.',
    },
  },
  check(ctx) {
    const kept = keptReports(ctx);
    for (const ev of eventsOfType(ctx.events, 'loss')) {
      // A call made on one branch arm only (LossArm) is left to the argument rules.
      if (!ev.input || !ev.target || ev.input2 || ev.arm) continue;
      // MSE, L1 and Huber are symmetric in their two arguments: the order changes nothing.
      if (ev.family === 'regression') continue;
      // Only positional calls can be swapped by accident; keywords say what they are.
      const args = ev.site.expr.args;
      if (args.length < 2 || args[0].name || args[1].name) continue;
      const first = ev.spec.target && ev.spec.target.pos === 0 ? ev.target : ev.input;
      const second = first === ev.target ? ev.input : ev.target;
      const expectFirst = first === ev.target ? 'labels' : 'predictions';
      const r1 = roleOf(first);
      const r2 = roleOf(second);
      if (!r1 || !r2 || r1 === r2 || r1 === expectFirst || !kept({ uri: ev.site.uri, span: ev.site.expr.span })) continue;
      const text = ctx.text(ev.site.uri);
      const a0 = args[0].value.span;
      const a1 = args[1].value.span;
      const order =
        ev.spec.framework === 'jax' && ev.spec.target
          ? `(${ev.spec.input.kw[0]}, ${ev.spec.target.kw[0]})`
          : expectFirst === 'predictions'
            ? '(input, target)'
            : '(labels, predictions)';
      ctx.report({
        uri: ev.site.uri,
        span: ev.site.expr.span,
        message: `Arguments of ${ev.spec.label} look swapped: it takes ${order}, but the first argument looks like ${r1} and the second like ${r2}.`,
        fix:
          text === undefined
            ? undefined
            : {
                title: 'Swap the arguments',
                applicability: 'unsafe',
                edits: [
                  { uri: ev.site.uri, span: a0, newText: text.slice(a1.start, a1.end) },
                  { uri: ev.site.uri, span: a1, newText: text.slice(a0.start, a0.end) },
                ],
              },
      });
    }
  },
};
