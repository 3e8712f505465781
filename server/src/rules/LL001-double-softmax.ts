import type { Rule } from './api';
import { advice } from '../frameworks/registry';
import { checkActivationTwice, doubleSoftmaxCeiling, doubleSoftmaxFloor, frameworkNote, isSwitchedLoss } from './helpers';

export const doubleSoftmax: Rule = {
  meta: {
    id: 'LL001',
    name: 'double-softmax',
    severity: 'error',
    frameworks: ['torch', 'tf', 'keras', 'tfjs', 'jax', 'smp', 'monai', 'timm'],
    summary: 'Softmax output passed to a loss that applies softmax itself',
    fix: { title: 'Remove the softmax and pass the logits', applicability: 'unsafe' },
    docs: {
      what: "Flags softmax probabilities passed to a loss that computes log-softmax of its input itself: `nn.CrossEntropyLoss`, `F.cross_entropy`, `tf.nn.softmax_cross_entropy_with_logits`, `tf.losses.softmax_cross_entropy`, TF.js `tf.losses.softmaxCrossEntropy`, optax `softmax_cross_entropy` (and `_with_integer_labels`, `safe_softmax_cross_entropy`), Keras cross-entropy with `from_logits=True` after a softmax layer, the timm cross-entropies, and the segmentation losses that apply softmax themselves: smp `DiceLoss`/`JaccardLoss`/`TverskyLoss`/`LovaszLoss` with `mode='multiclass'` (`from_logits=True` is their default) after a model built with `activation='softmax2d'`, and MONAI losses with `softmax=True`.",
      why: `These losses expect logits. Fed probabilities, they apply a second softmax to numbers in [0, 1], which squashes every prediction towards uniform: with 10 classes the loss can never fall below ${doubleSoftmaxFloor(10).toFixed(3)} even for a perfect prediction, and the gradients shrink accordingly, so training stalls at poor accuracy without any error.`,
      example: {
        language: 'python',
        code: [
          'import torch.nn as nn',
          'import torch.nn.functional as F',
          '',
          'def train_step(model, x, y):',
          '    probs = F.softmax(model(x), dim=1)',
          '    return nn.CrossEntropyLoss()(probs, y)',
        ].join('\n'),
      },
      useInstead: {
        language: 'python',
        code: [
          'import torch.nn as nn',
          '',
          'def train_step(model, x, y):',
          '    logits = model(x)',
          '    return nn.CrossEntropyLoss()(logits, y)',
        ].join('\n'),
      },
      fixSafety:
        'Unsafe: removing the softmax changes the values the loss sees (that is the point) and any other use of the softmax output in between.',
    },
  },
  check(ctx) {
    checkActivationTwice(ctx, {
      family: 'softmax-ce',
      kind: 'probs-softmax',
      activation: 'softmax',
      lossMessage: (label, lossLabel, t, framework, spec) => {
        if (isSwitchedLoss(spec)) {
          const ceiling =
            t.units && t.units > 1
              ? ` With ${t.units} classes no class can get a probability above ${doubleSoftmaxCeiling(t.units).toFixed(3)}.`
              : '';
          return `${label} output is passed to ${lossLabel}, which applies softmax itself: the softmax is applied twice, flattening the predictions and shrinking the gradients.${ceiling} ${advice(framework).probsSwitch ?? 'Pass the logits.'}`;
        }
        const floor =
          t.units && t.units > 1 ? ` With ${t.units} classes the loss can never go below ${doubleSoftmaxFloor(t.units).toFixed(3)}.` : '';
        return `${label} output is passed to ${lossLabel}, which applies log-softmax itself: the softmax is applied twice, flattening the predictions and shrinking the gradients.${floor}${frameworkNote(framework, t.origin?.framework)} Pass the logits.`;
      },
      compileMessage: (label, lossLabel, framework) =>
        `The model ends in a softmax (${label}) but ${lossLabel} has from_logits=True, so it applies softmax again.${frameworkNote(framework, framework)} Use from_logits=True with a linear last layer, or keep the softmax and from_logits=False.`,
      fixTitle: 'Remove the softmax and pass the logits',
    });
  },
};
