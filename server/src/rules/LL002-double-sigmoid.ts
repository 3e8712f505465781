import type { Rule } from '../analysis/engine/rule-api';
import { anchorOf, compiledLossOf, eventsOfType, keptReports, relatedToOrigin, tensorOf } from '../analysis/engine/rule-api';
import { certainTensor } from '../analysis/engine/values';
import { removeActivationFix } from './helpers';

// With s = sigmoid(z) in (0, 1) fed as a logit, the with-logits loss is log(1 + e^{±s}): bounded away from 0.
const FLOOR_TARGET0 = Math.log(2);
const FLOOR_TARGET1 = Math.log1p(Math.exp(-1));

export const doubleSigmoid: Rule = {
  meta: {
    id: 'LL002',
    name: 'double-sigmoid',
    severity: 'error',
    frameworks: ['torch', 'tf', 'keras', 'tfjs'],
    summary: 'Sigmoid output passed to a loss that applies sigmoid itself',
    fix: { title: 'Remove the sigmoid and pass the logits', applicability: 'unsafe' },
    docs: {
      what: 'Flags sigmoid outputs passed to a loss that applies the sigmoid itself: `nn.BCEWithLogitsLoss`, `F.binary_cross_entropy_with_logits`, torchvision `sigmoid_focal_loss`, `tf.nn.sigmoid_cross_entropy_with_logits`, TF.js `tf.losses.sigmoidCrossEntropy`, and Keras binary cross-entropy with `from_logits=True` after a sigmoid layer.',
      why: `The with-logits loss computes sigmoid(input) again. The input is already in (0, 1), so the second sigmoid maps it into (0.5, 0.73): the model can never express confidence. With a sigmoid in front, BCEWithLogitsLoss can never go below ${FLOOR_TARGET0.toFixed(3)} for target 0 or ${FLOOR_TARGET1.toFixed(3)} for target 1, and the gradient with respect to the logits is scaled down by the extra sigmoid's slope.`,
      example: {
        language: 'python',
        code: [
          'import torch',
          'import torch.nn as nn',
          '',
          'def step(model, x, y):',
          '    p = torch.sigmoid(model(x))',
          '    return nn.BCEWithLogitsLoss()(p, y)',
        ].join('\n'),
      },
      useInstead: {
        language: 'python',
        code: [
          'import torch.nn as nn',
          '',
          'def step(model, x, y):',
          '    return nn.BCEWithLogitsLoss()(model(x), y)',
        ].join('\n'),
      },
      fixSafety: 'Unsafe: the loss then sees different numbers (the logits), and any other use of the sigmoid output changes too.',
    },
  },
  check(ctx) {
    const kept = keptReports(ctx);
    for (const ev of eventsOfType(ctx.events, 'loss', 'compile')) {
      if (ev.type === 'loss' && ev.family === 'sigmoid-ce' && ev.input) {
        const t = tensorOf(ev.input);
        if (t?.kind !== 'probs-sigmoid') continue;
        const where = anchorOf(ev.input);
        if (!kept(where)) continue;
        ctx.report({
          uri: where.uri,
          span: where.span,
          message: `${t.origin?.label ?? 'sigmoid'} output is passed to ${ev.spec.label}, which applies sigmoid itself: the loss can never fall below ${FLOOR_TARGET1.toFixed(3)} (target 1) or ${FLOOR_TARGET0.toFixed(3)} (target 0) and gradients shrink. Pass the logits.`,
          related: relatedToOrigin(t.origin, 'sigmoid applied here'),
          fix: removeActivationFix(ctx, t.origin, 'Remove the sigmoid and pass the logits'),
        });
      } else if (ev.type === 'compile') {
        const loss = compiledLossOf(ev);
        const out = certainTensor(ev.output);
        if (!loss || loss.family !== 'sigmoid-ce' || out?.kind !== 'probs-sigmoid') continue;
        if (!kept({ uri: ev.loss.uri, span: ev.loss.expr.span })) continue;
        ctx.report({
          uri: ev.loss.uri,
          span: ev.loss.expr.span,
          message: `The model ends in a sigmoid (${out.origin?.label ?? 'sigmoid'}) but ${loss.label} has from_logits=True, so it applies sigmoid again. Use from_logits=False, or drop the sigmoid.`,
          related: relatedToOrigin(out.origin, 'sigmoid applied here'),
        });
      }
    }
  },
};
