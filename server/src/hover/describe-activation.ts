// Hover on an activation whose output reaches a loss that does not want it: the mismatch with
// numbers computed by core (the floor a cross-entropy on softmax outputs can reach, and so on).
import { binaryCrossEntropyWithLogits, crossEntropy } from '../../../core/src/index';
import type { Span } from '../ir';
import type { LossCallEvent } from '../analysis/engine/events';
import type { Kind } from '../analysis/engine/values';
import { formatNumber } from './format';
import type { ActivationHover } from './model';

/** Cross-entropy of the best possible softmax output fed to a loss that applies softmax again. */
function doubleSoftmaxFloor(classes: number): number {
  const row = new Float64Array(classes);
  row[0] = 1;
  return crossEntropy({ data: row, shape: [1, classes] }, { data: [0], shape: [1] }).loss.data[0];
}

function sigmoidFloor(target: 0 | 1): number {
  // Best case: σ(z) = 1 for positives, 0 for negatives, then the loss applies the sigmoid again.
  const x = target === 1 ? 1 : 0;
  return binaryCrossEntropyWithLogits({ data: [x], shape: [1] }, { data: [target], shape: [1] }).loss.data[0];
}

export function describeActivation(
  kind: Kind,
  activationLabel: string,
  loss: LossCallEvent,
  span: Span,
  units: number | undefined,
): ActivationHover | undefined {
  const lossLabel = loss.spec.label;
  if (kind === 'probs-softmax' && loss.family === 'softmax-ce') {
    const sizes = units && units > 1 ? [units] : [2, 10, 100, 1000];
    return {
      type: 'activation',
      activation: activationLabel,
      loss: lossLabel,
      lossId: loss.spec.coreId,
      span,
      findings: [],
      explanation:
        `${lossLabel} applies log-softmax itself, so these probabilities are treated as logits and squashed a second time. ` +
        'Inputs confined to [0, 1] cannot make any class confident: even a perfect one-hot output leaves a loss floor that training can never get under, and the gradients shrink accordingly. Pass the logits instead.',
      table: {
        headers: ['classes C', 'lowest reachable loss', 'p_true at best'],
        rows: sizes.map(c => {
          const floor = doubleSoftmaxFloor(c);
          return [String(c), formatNumber(floor), formatNumber(Math.exp(-floor))];
        }),
      },
    };
  }
  if (kind === 'probs-sigmoid' && loss.family === 'sigmoid-ce') {
    return {
      type: 'activation',
      activation: activationLabel,
      loss: lossLabel,
      lossId: loss.spec.coreId,
      span,
      findings: [],
      explanation: `${lossLabel} applies the sigmoid itself: σ(σ(z)) lies in (0.5, 0.73), so the loss can neither reach 0 for positives nor for negatives. Pass the logits instead.`,
      table: {
        headers: ['target', 'lowest reachable loss', 'with logits'],
        rows: [
          ['1', formatNumber(sigmoidFloor(1)), '→ 0'],
          ['0', formatNumber(sigmoidFloor(0)), '→ 0'],
        ],
      },
    };
  }
  if ((kind === 'probs-softmax' || kind === 'probs-sigmoid') && loss.family === 'nll') {
    return {
      type: 'activation',
      activation: activationLabel,
      loss: lossLabel,
      lossId: loss.spec.coreId,
      span,
      findings: [],
      explanation: `${lossLabel} expects log-probabilities and only negates the true class's entry: on probabilities the "loss" is −p ∈ [−1, 0] and its gradient is a constant −1, whatever the prediction. Use log_softmax.`,
      table: {
        headers: ['p_true', 'NLL on p (wrong)', 'NLL on log p'],
        rows: [0.1, 0.5, 0.9].map(p => [formatNumber(p), formatNumber(-p), formatNumber(-Math.log(p))]),
      },
    };
  }
  return undefined;
}
