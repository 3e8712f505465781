import type { Rule } from './api';
import { eventsOfType, keptReports } from './api';
import { adviceOf, checkLossArgument, isSwitchedLoss, reportAtCompiledLoss } from './helpers';

export const singleUnitClassifier: Rule = {
  meta: {
    id: 'LL012',
    name: 'single-unit-classifier',
    severity: 'error',
    frameworks: ['torch', 'keras', 'tfjs', 'jax', 'smp', 'monai'],
    summary: 'Softmax over one unit, or one output unit into softmax cross-entropy',
    docs: {
      what: "Flags a softmax over an axis of size 1 (`Dense(1, activation='softmax')`, `F.softmax` over the output of `Linear(h, 1)`, `nn.Sequential(nn.Flatten(), …, nn.Linear(h, 1), nn.Softmax(dim=1))` wherever it is built, Flax `nn.softmax(nn.Dense(1)(x))`) and a single output unit fed to a softmax cross-entropy (`Linear(h, 1)` + `CrossEntropyLoss`, `Dense(1)` + categorical cross-entropy). Also a segmentation loss that applies softmax over the channels of a one-channel output: an smp loss in `mode='multiclass'` on `smp.Unet(classes=1)`, or MONAI `DiceLoss(softmax=True)` on a network with `out_channels=1` (MONAI then skips the softmax with only a warning and computes the loss on the raw logits).",
      why: 'Softmax over one value is always exactly 1.0, and softmax cross-entropy over one class is always 0: the loss is constant, every gradient is 0 and the model never learns, with no error or warning. Binary classification needs one unit with sigmoid (and binary cross-entropy) or two units with softmax.',
      example: {
        language: 'python',
        code: [
          'from tensorflow import keras',
          '',
          'model = keras.Sequential([keras.layers.Dense(16, activation="relu"), keras.layers.Dense(1, activation="softmax")])',
          'model.compile(optimizer="adam", loss="binary_crossentropy")',
        ].join('\n'),
      },
      useInstead: {
        language: 'python',
        code: [
          'from tensorflow import keras',
          '',
          'model = keras.Sequential([keras.layers.Dense(16, activation="relu"), keras.layers.Dense(1, activation="sigmoid")])',
          'model.compile(optimizer="adam", loss="binary_crossentropy")',
        ].join('\n'),
      },
    },
  },
  check(ctx) {
    const kept = keptReports(ctx);
    for (const ev of eventsOfType(ctx.events, 'activation')) {
      if (ev.spec.act !== 'softmax' || ev.axisSize !== 1 || !kept({ uri: ev.site.uri, span: ev.site.expr.span })) continue;
      ctx.report({
        uri: ev.site.uri,
        span: ev.site.expr.span,
        message:
          'Softmax over a single unit always outputs 1.0: the loss is constant and no gradient flows. For binary classification use one unit with sigmoid, or two units with softmax.',
      });
    }
    checkLossArgument(ctx, {
      families: ['softmax-ce'],
      kinds: ['logits'],
      when: (_ev, t) => t.units === 1,
      message: (ev, t) => {
        const { singleChannelSoftmax, binaryHead } = adviceOf(ev.spec.framework);
        if (singleChannelSoftmax && ev.spec.activationSwitches?.some(s => s.name === 'softmax'))
          return `${ev.spec.label} with softmax=True over a single output channel (${t.origin?.label ?? 'one channel'}): ${singleChannelSoftmax}`;
        // An overlap loss after a softmax over one value compares a constant 1 with the mask: constant, not 0.
        const value = isSwitchedLoss(ev.spec) ? 'is constant' : 'is always 0';
        return `${ev.spec.label} over a single output unit (${t.origin?.label ?? 'one unit'}) ${value}: nothing is learned. Use ${binaryHead}, or two output units.`;
      },
      related: 'single output unit',
    });
    reportAtCompiledLoss(ctx, {
      families: ['cce-prob', 'softmax-ce'],
      when: (_loss, out) => out.units === 1 && out.kind !== 'probs-softmax',
      message: (loss, _out, ev) =>
        `${loss.label} over a single output unit is always 0: nothing is learned. Use ${adviceOf(ev.framework).binaryHead}, or one unit per class with softmax.`,
      related: 'single output unit',
    });
  },
};
