import type { Rule } from './api';
import { tensorOf } from './api';
import { checkLossArgument, reportAtCompiledLoss } from './helpers';

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
        code: ['import torch.nn.functional as F', '', 'def step(model, x, y):', '    return F.cross_entropy(model(x), y)'].join('\n'),
      },
    },
  },
  check(ctx) {
    checkLossArgument(ctx, {
      families: ['regression'],
      kinds: ['probs-softmax', 'probs-sigmoid'],
      when: ev => {
        const y = tensorOf(ev.target);
        return !!y && CLASS_TARGETS.has(y.kind);
      },
      message: (ev, p) => {
        const ce = p.kind === 'probs-softmax' ? 'cross-entropy on the logits' : 'binary cross-entropy with logits';
        return `${ev.spec.label} between ${p.origin?.label ?? 'probabilities'} and class labels: its gradient vanishes when the model is confidently wrong (factor p·(1 − p)). Use ${ce}.`;
      },
      related: 'activation applied here',
    });
    reportAtCompiledLoss(ctx, {
      families: ['regression'],
      outputKinds: ['probs-softmax'],
      when: (_loss, out) => out.units !== 1,
      message: (loss, out, ev) =>
        `${loss.label} on a softmax classifier output (${out.origin?.label ?? 'softmax'}): the gradient vanishes when the model is confidently wrong. Use ${ev.framework === 'tfjs' ? "'categoricalCrossentropy'" : "'categorical_crossentropy'"}.`,
      related: 'softmax output',
    });
  },
};
