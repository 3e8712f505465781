import type { Rule } from './api';
import { reportAtCompiledLoss } from './helpers';

export const lossActivationMismatch: Rule = {
  meta: {
    id: 'LL013',
    name: 'loss-activation-mismatch',
    severity: 'warning',
    frameworks: ['keras', 'tfjs'],
    summary: 'Binary CE with a multi-unit softmax, or categorical CE with sigmoid outputs (compile)',
    docs: {
      what: 'Flags Keras and TF.js models compiled with a loss whose family does not match the output activation: binary cross-entropy on a multi-unit softmax, categorical cross-entropy on sigmoid outputs.',
      why: 'Binary cross-entropy treats each softmax output as an independent yes/no probability, which contradicts the softmax constraint that they sum to 1; categorical cross-entropy on independent sigmoids ignores the false classes entirely (only −log p_true counts), so nothing pushes the other outputs down. Either way Keras reports a meaningless accuracy and the model learns the wrong thing.',
      example: {
        language: 'python',
        code: [
          'from tensorflow import keras',
          '',
          'model = keras.Sequential([keras.layers.Dense(64, activation="relu"), keras.layers.Dense(10, activation="softmax")])',
          'model.compile(optimizer="adam", loss="binary_crossentropy")',
        ].join('\n'),
      },
      useInstead: {
        language: 'python',
        code: [
          'from tensorflow import keras',
          '',
          'model = keras.Sequential([keras.layers.Dense(64, activation="relu"), keras.layers.Dense(10, activation="softmax")])',
          'model.compile(optimizer="adam", loss="categorical_crossentropy")',
        ].join('\n'),
      },
    },
  },
  check(ctx) {
    // A single output unit is LL012's finding.
    reportAtCompiledLoss(
      ctx,
      {
        families: ['bce-prob'],
        outputKinds: ['probs-softmax'],
        when: (_loss, out) => out.units !== 1,
        message: (loss, out) =>
          `${loss.label} treats each output as an independent probability, but the model ends in a softmax (${out.origin?.label ?? 'softmax'}): use categorical cross-entropy for one-of-N classes, or sigmoid outputs for multi-label.`,
        related: 'output activation',
      },
      {
        families: ['cce-prob'],
        outputKinds: ['probs-sigmoid'],
        when: (_loss, out) => out.units !== 1,
        message: (loss, out) =>
          `${loss.label} expects a softmax distribution but the model ends in sigmoid (${out.origin?.label ?? 'sigmoid'}): use binary cross-entropy for multi-label outputs, or softmax for one-of-N classes.`,
        related: 'output activation',
      },
    );
  },
};
