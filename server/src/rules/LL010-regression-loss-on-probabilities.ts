import type { Rule } from './api';
import { anchorOf, compiledLossOf, eventsOfType, keptReports, relatedToOrigin, tensorOf } from './api';
import { certainTensor } from '../analysis/engine/values';

const CLASS_TARGETS = new Set(['class-indices', 'one-hot', 'labels01']);

export const regressionLossOnProbabilities: Rule = {
  meta: {
    id: 'LL010',
    name: 'regression-loss-on-probabilities',
    severity: 'warning',
    frameworks: ['torch', 'keras', 'tfjs'],
    summary: 'MSE/MAE/Huber between softmax/sigmoid outputs and class labels',
    docs: {
      what: 'Flags a regression loss (MSE, MAE, Huber, Smooth L1) computed between softmax/sigmoid outputs and class targets (class indices, one-hot rows or {0,1} labels), and Keras/TF.js models compiled with a regression loss on a multi-unit softmax output. Autoencoders (target = input) and distillation (target = probabilities) are not flagged.',
      why: 'Squared error on a probability has gradient 2(p − y)·p(1 − p) through the activation: when the model is confidently wrong (p ≈ 0 for the true class) the factor p(1 − p) is ≈ 0 and learning stalls, whereas cross-entropy keeps the gradient at p − y. For p = 0.01 on the true class MSE gives a logit gradient of about 0.02, cross-entropy 0.99: fifty times more signal where it is needed.',
      example: {
        language: 'python',
        code: [
          'import torch',
          'import torch.nn.functional as F',
          '',
          'def step(model, x, y):',
          '    probs = torch.softmax(model(x), dim=1)',
          '    return F.mse_loss(probs, F.one_hot(y, 10).float())',
        ].join('\n'),
      },
      useInstead: {
        language: 'python',
        code: [
          'import torch.nn.functional as F',
          '',
          'def step(model, x, y):',
          '    return F.cross_entropy(model(x), y)',
        ].join('\n'),
      },
    },
  },
  check(ctx) {
    const kept = keptReports(ctx);
    for (const ev of eventsOfType(ctx.events, 'loss', 'compile')) {
      if (ev.type === 'loss' && ev.family === 'regression' && ev.input && ev.target) {
        const p = tensorOf(ev.input);
        const y = tensorOf(ev.target);
        if ((p?.kind !== 'probs-softmax' && p?.kind !== 'probs-sigmoid') || !y || !CLASS_TARGETS.has(y.kind)) continue;
        const ce = p.kind === 'probs-softmax' ? 'cross-entropy on the logits' : 'binary cross-entropy with logits';
        const where = anchorOf(ev.input);
        if (!kept(where)) continue;
        ctx.report({
          uri: where.uri,
          span: where.span,
          message: `${ev.spec.label} between ${p.origin?.label ?? 'probabilities'} and class labels: its gradient vanishes when the model is confidently wrong (factor p·(1 − p)). Use ${ce}.`,
          related: relatedToOrigin(p.origin, 'activation applied here'),
        });
      } else if (ev.type === 'compile') {
        const loss = compiledLossOf(ev);
        const out = certainTensor(ev.output);
        if (loss?.family !== 'regression' || out?.kind !== 'probs-softmax' || out.units === 1) continue;
        if (!kept({ uri: ev.loss.uri, span: ev.loss.expr.span })) continue;
        ctx.report({
          uri: ev.loss.uri,
          span: ev.loss.expr.span,
          message: `${loss.label} on a softmax classifier output (${out.origin?.label ?? 'softmax'}): the gradient vanishes when the model is confidently wrong. Use ${ev.framework === 'tfjs' ? "'categoricalCrossentropy'" : "'categorical_crossentropy'"}.`,
          related: relatedToOrigin(out.origin, 'softmax output'),
        });
      }
    }
  },
};
