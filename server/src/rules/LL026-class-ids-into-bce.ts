import type { Rule } from './api';
import { compiledLossOf, eventsOfType, keptReports } from './api';
import type { CompileEvent } from '../analysis/engine/events';
import type { InstanceValue, ObjectValue } from '../analysis/engine/values';
import { adviceOf, certainFact, checkLossArgument } from './helpers';
import type { TensorValue } from '../analysis/engine/values';

const BCE = ['bce-prob', 'sigmoid-ce'] as const;

/** Class ids 0..K−1 with K > 2 known on every path (values above 1 certainly occur in the encoding). */
function multiClassIds(t: TensorValue): number | undefined {
  return t.kind === 'class-indices' && t.classes !== undefined && t.classes > 2 ? t.classes : undefined;
}

export const classIdsIntoBce: Rule = {
  meta: {
    id: 'LL026',
    name: 'class-ids-into-bce',
    severity: 'error',
    frameworks: ['torch', 'keras', 'tf', 'tfjs'],
    summary: 'Integer class ids 0..K−1 (K > 2) as the target of a binary cross-entropy',
    docs: {
      what: 'Flags `BCELoss`, `BCEWithLogitsLoss` (and their `F.` functions), Keras `binary_crossentropy` (direct calls and `compile` + `fit(x, y)`), `tf.nn.sigmoid_cross_entropy_with_logits` and TF.js `tf.losses.sigmoidCrossEntropy` whose target is integer class ids with more than two classes, where the code shows the number of classes: `randint(0, K)`, `argmax` over the last axis of K scores, `tf.random.uniform(…, maxval=K, dtype=tf.int32)`, a literal with an id above 1.',
      why: 'Binary cross-entropy reads each target as the probability of a positive: −(y·log p + (1 − y)·log(1 − p)). With y = 3 this is −3·log p + 2·log(1 − p), which is unbounded below: the loss goes negative and the optimiser pushes p to whatever makes it most negative. Nothing raises, so a K-class problem trains on a meaningless objective.',
      example: {
        language: 'python',
        code: [
          'import torch',
          'import torch.nn as nn',
          '',
          'logits = nn.Linear(16, 1)(torch.randn(8, 16)).squeeze(-1)',
          'labels = torch.randint(0, 5, (8,))',
          'loss = nn.BCEWithLogitsLoss()(logits, labels.float())',
        ].join('\n'),
      },
      useInstead: {
        language: 'python',
        code: [
          'import torch',
          'import torch.nn as nn',
          '',
          'logits = nn.Linear(16, 5)(torch.randn(8, 16))',
          'labels = torch.randint(0, 5, (8,))',
          'loss = nn.CrossEntropyLoss()(logits, labels)',
        ].join('\n'),
      },
    },
  },
  check(ctx) {
    checkLossArgument(ctx, {
      families: BCE,
      argument: 'target',
      kinds: ['class-indices'],
      when: ev => certainFact(ev.target, multiClassIds) !== undefined,
      message: (ev, t) => message(ev.spec.label, certainFact(ev.target, multiClassIds)?.value ?? t.classes!, ev.spec.framework),
      related: 'class ids made here',
    });
    const kept = keptReports(ctx);
    const compiles = new Map<object, CompileEvent>();
    for (const ev of eventsOfType(ctx.events, 'compile')) if (!ev.superseded) compiles.set(modelKey(ev.model), ev);
    for (const ev of eventsOfType(ctx.events, 'fit')) {
      const c = ev.y && compiles.get(modelKey(ev.model));
      const loss = c && compiledLossOf(c);
      if (!ev.y || !c || !loss || !(BCE as readonly string[]).includes(loss.family)) continue;
      const k = certainFact(ev.y, multiClassIds)?.value;
      if (k === undefined || !kept({ uri: c.loss.uri, span: c.loss.expr.span })) continue;
      ctx.report({
        uri: c.loss.uri,
        span: c.loss.expr.span,
        message: message(loss.label, k, c.framework),
        related: [{ uri: ev.y.uri, span: ev.y.expr.span, message: `class ids 0..${k - 1}` }],
      });
    }
  },
};

function message(label: string, k: number, framework: Parameters<typeof adviceOf>[0]): string {
  return `${label} gets integer class ids 0..${k - 1} (${k} classes) as its target: binary cross-entropy reads targets as probabilities in [0, 1], so ids above 1 make the loss meaningless (it is unbounded below). Use ${adviceOf(framework).sparseCrossEntropy} over ${k} logits.`;
}

/** A model is known by the call that created it (see LL022). */
function modelKey(m: ObjectValue | InstanceValue): object {
  return (m.t === 'object' ? m.call?.expr : m.site) ?? m;
}
