import type { Rule } from './api';
import { advice } from '../frameworks/registry';
import { checkActivationTwice, frameworkNote, isSwitchedLoss } from './helpers';

// With s = sigmoid(z) in (0, 1) fed as a logit, the with-logits loss is log(1 + e^{±s}): bounded away from 0.
const FLOOR_TARGET0 = Math.log(2);
const FLOOR_TARGET1 = Math.log1p(Math.exp(-1));
// A second sigmoid maps (0, 1) into (sigmoid(0), sigmoid(1)).
const SQUEEZED = [0.5, 1 / (1 + Math.exp(-1))];

export const doubleSigmoid: Rule = {
  meta: {
    id: 'LL002',
    name: 'double-sigmoid',
    severity: 'error',
    frameworks: ['torch', 'tf', 'keras', 'tfjs', 'jax', 'smp', 'monai', 'timm'],
    summary: 'Sigmoid output passed to a loss that applies sigmoid itself',
    fix: { title: 'Remove the sigmoid and pass the logits', applicability: 'unsafe' },
    docs: {
      what: "Flags sigmoid outputs passed to a loss that applies the sigmoid itself: `nn.BCEWithLogitsLoss`, `F.binary_cross_entropy_with_logits`, torchvision `sigmoid_focal_loss`, `tf.nn.sigmoid_cross_entropy_with_logits`, TF.js `tf.losses.sigmoidCrossEntropy`, optax `sigmoid_binary_cross_entropy` and `sigmoid_focal_loss`, Keras binary cross-entropy with `from_logits=True` after a sigmoid layer, timm `BinaryCrossEntropy`/`AsymmetricLossMultiLabel`, and the segmentation losses that apply the sigmoid themselves: smp losses in `'binary'`/`'multilabel'` mode (`from_logits=True` is their default) after a model built with `activation='sigmoid'`, `smp.losses.SoftBCEWithLogitsLoss`, and MONAI losses with `sigmoid=True` (and MONAI `FocalLoss`, which always takes logits).",
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
        code: ['import torch.nn as nn', '', 'def step(model, x, y):', '    return nn.BCEWithLogitsLoss()(model(x), y)'].join('\n'),
      },
      fixSafety: 'Unsafe: the loss then sees different numbers (the logits), and any other use of the sigmoid output changes too.',
    },
  },
  check(ctx) {
    checkActivationTwice(ctx, {
      family: 'sigmoid-ce',
      kind: 'probs-sigmoid',
      activation: 'sigmoid',
      lossMessage: (label, lossLabel, t, framework, spec) =>
        isSwitchedLoss(spec)
          ? `${label} output is passed to ${lossLabel}, which applies sigmoid itself: the second sigmoid squeezes every prediction into (${SQUEEZED[0].toFixed(3)}, ${SQUEEZED[1].toFixed(3)}), so the loss cannot reach its minimum and gradients shrink. ${advice(framework).probsSwitch ?? 'Pass the logits.'}`
          : `${label} output is passed to ${lossLabel}, which applies sigmoid itself: the loss can never fall below ${FLOOR_TARGET1.toFixed(3)} (target 1) or ${FLOOR_TARGET0.toFixed(3)} (target 0) and gradients shrink.${frameworkNote(framework, t.origin?.framework)} Pass the logits.`,
      compileMessage: (label, lossLabel, framework) =>
        `The model ends in a sigmoid (${label}) but ${lossLabel} has from_logits=True, so it applies sigmoid again.${frameworkNote(framework, framework)} Use from_logits=False, or drop the sigmoid.`,
      fixTitle: 'Remove the sigmoid and pass the logits',
    });
  },
};
