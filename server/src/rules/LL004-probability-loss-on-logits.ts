import type { Rule } from './api';
import { checkLossArgument, reportAtCompiledLoss } from './helpers';
import { advice } from '../frameworks/registry';

export const probabilityLossOnLogits: Rule = {
  meta: {
    id: 'LL004',
    name: 'probability-loss-on-logits',
    severity: 'error',
    frameworks: ['torch', 'tf', 'keras', 'tfjs', 'smp', 'monai'],
    summary: 'A loss that expects probabilities is fed unbounded logits',
    docs: {
      what: 'Flags unbounded values (the output of a Linear/Dense layer with no activation) passed to a loss that expects probabilities: `nn.BCELoss`, `F.binary_cross_entropy`, `tf.losses.logLoss`, Keras cross-entropy with `from_logits=False` (the default) on a linear output, TF.js compile strings `categoricalCrossentropy` / `binaryCrossentropy` on a linear output, smp losses with `from_logits=False`, and MONAI `DiceLoss`/`GeneralizedDiceLoss`/`TverskyLoss` without `sigmoid=True`/`softmax=True` on the output of a network (a MONAI network or an smp model built with `activation=None` outputs logits).',
      why: 'These losses take log(p) and log(1 − p). PyTorch raises at run time as soon as a value leaves [0, 1]; Keras silently clips the values to [1e-7, 1 − 1e-7], so every negative logit becomes probability 1e-7 and the gradient through the clip is zero: the model stops learning from those examples. Dice, Jaccard and Tversky losses raise nothing: on logits the overlap ratio leaves [0, 1] (the loss can go below 0 or above 1) and the model is rewarded for making logits large rather than for matching the mask.',
      example: {
        language: 'python',
        code: [
          'from tensorflow import keras',
          '',
          'model = keras.Sequential([keras.layers.Dense(64, activation="relu"), keras.layers.Dense(10)])',
          'model.compile(optimizer="adam", loss="categorical_crossentropy")',
        ].join('\n'),
      },
      useInstead: {
        language: 'python',
        code: [
          'from tensorflow import keras',
          '',
          'model = keras.Sequential([keras.layers.Dense(64, activation="relu"), keras.layers.Dense(10)])',
          'model.compile(optimizer="adam", loss=keras.losses.CategoricalCrossentropy(from_logits=True))',
        ].join('\n'),
      },
    },
  },
  check(ctx) {
    checkLossArgument(ctx, {
      families: ['bce-prob', 'cce-prob', 'probs-any'],
      kinds: ['logits'],
      message: (ev, t) => {
        const instead =
          advice(ev.spec.framework).logitsSwitch ??
          (ev.spec.framework === 'keras'
            ? 'pass from_logits=True'
            : ev.spec.framework === 'tfjs'
              ? 'use tf.losses.sigmoidCrossEntropy'
              : 'use the with-logits loss');
        return `${ev.spec.label} expects probabilities in [0, 1] but gets unbounded logits from ${t.origin?.label ?? 'a linear layer'}: ${instead}.`;
      },
      related: 'unbounded output produced here',
    });
    reportAtCompiledLoss(ctx, {
      families: ['bce-prob', 'cce-prob'],
      outputKinds: ['logits'],
      message: (loss, out, ev) => {
        const activation = loss.family === 'bce-prob' ? 'sigmoid' : 'softmax';
        const withLogits = advice(ev.framework).fromLogitsLosses;
        const instead = withLogits
          ? `use ${loss.family === 'bce-prob' ? withLogits.binary : loss.sparse ? withLogits.sparseCategorical : withLogits.categorical}(from_logits=True) or add activation='${activation}' to the last layer`
          : `add activation: '${activation}' to the last layer`;
        return `${loss.label} expects probabilities but the model's last layer (${out.origin?.label ?? 'linear'}) has no activation, so it outputs unbounded logits: ${instead}.`;
      },
      related: 'last layer without activation',
    });
  },
};
