// Invalid input throws an Error naming the function and the offending argument — never a silent NaN.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as L from '../../../core/src/losses';
import { mineTriplets } from '../../../core/src/mineTriplets';
import { t } from './lossTestUtils';

const x4 = t([0.1, 0.2, 0.3, 0.4]);
const logits = t([1, 2, 3, 4, 5, 6], [2, 3]);
const cases: { what: string; run: () => unknown; error: RegExp }[] = [
  // shapes
  {
    what: 'mse target shape mismatch',
    run: () => L.mseLoss(x4, t([1, 2, 3])),
    error: /^mseLoss: target has shape \[3\] but input has shape \[4\]/,
  },
  {
    what: 'rank-3 input',
    run: () => L.l1Loss(t([1, 2], [1, 1, 2]), t([1, 2], [1, 1, 2])),
    error: /^l1Loss: input must be \(N\) or \(N, C\)/,
  },
  {
    what: 'data length vs shape',
    run: () => L.mseLoss(t([1, 2, 3], [2, 2]), t([1, 2, 3, 4], [2, 2])),
    error: /^mseLoss: input\.data has 3 elements but shape \[2, 2\] needs 4/,
  },
  { what: 'not a tensor', run: () => L.huberLoss(null as never, x4), error: /^huberLoss: input must be a tensor/ },
  { what: 'non-numeric data', run: () => L.mseLoss(t(['a' as never, 1]), t([1, 1])), error: /^mseLoss: input\.data\[0\] is not a number/ },
  { what: 'crossEntropy 1-D input', run: () => L.crossEntropy(x4, t([0])), error: /^crossEntropy: input must be \(N, C\) logits/ },
  {
    what: 'crossEntropy target length',
    run: () => L.crossEntropy(logits, t([0, 1, 2])),
    error: /^crossEntropy: target must be \(N\) class indices with N = 2/,
  },
  {
    what: 'triplet shape mismatch',
    run: () => L.tripletMarginLoss(logits, logits, t([1, 2, 3], [1, 3])),
    error: /^tripletMarginLoss: negative has shape \[1, 3\] but anchor has shape \[2, 3\]/,
  },
  {
    what: 'gaussianNll var shape',
    run: () => L.gaussianNllLoss(logits, logits, t([1, 1, 1])),
    error: /^gaussianNllLoss: var has shape \[3\]/,
  },
  {
    what: 'weight shape',
    run: () => L.crossEntropy(logits, t([0, 1]), { weight: t([1, 2]) }),
    error: /^crossEntropy: option weight must have shape \[3\]/,
  },
  {
    what: 'weight not broadcastable',
    run: () => L.binaryCrossEntropy(t([0.5, 0.5, 0.5, 0.5], [2, 2]), t([1, 0, 1, 0], [2, 2]), { weight: t([1, 2, 3]) }),
    error: /^binaryCrossEntropy: option weight of shape \[3\] cannot be broadcast to \[2, 2\]/,
  },
  // class indices
  {
    what: 'class index too large',
    run: () => L.crossEntropy(logits, t([0, 3])),
    error: /^crossEntropy: target\[1\] = 3 is out of range for 3 classes/,
  },
  {
    what: 'negative class index',
    run: () => L.nllLoss(logits, t([-1, 0])),
    error: /^nllLoss: target\[0\] = -1 is out of range for 3 classes/,
  },
  {
    what: 'fractional class index',
    run: () => L.multiMarginLoss(logits, t([0.5, 1])),
    error: /^multiMarginLoss: target\[0\] = 0.5 is not an integer class index/,
  },
  {
    what: 'softmax focal class',
    run: () => L.softmaxFocalLoss(logits, t([0, 7])),
    error: /^softmaxFocalLoss: target\[1\] = 7 is out of range/,
  },
  // value ranges
  {
    what: 'BCE input above 1 (logits passed)',
    run: () => L.binaryCrossEntropy(t([0.2, 1.5]), t([0, 1])),
    error: /^binaryCrossEntropy: input\[1\] = 1.5 is outside \[0, 1\].*binaryCrossEntropyWithLogits/,
  },
  {
    what: 'BCE negative input',
    run: () => L.binaryCrossEntropy(t([-0.1, 0.5]), t([0, 1])),
    error: /^binaryCrossEntropy: input\[0\] = -0.1 is outside \[0, 1\]/,
  },
  {
    what: 'BCE NaN input',
    run: () => L.binaryCrossEntropy(t([NaN, 0.5]), t([0, 1])),
    error: /^binaryCrossEntropy: input\[0\] = NaN is outside \[0, 1\]/,
  },
  {
    what: 'BCE target outside [0, 1]',
    run: () => L.binaryCrossEntropy(t([0.5, 0.5]), t([0, 2])),
    error: /^binaryCrossEntropy: target\[1\] = 2 is outside \[0, 1\]/,
  },
  {
    what: 'CE probability target outside [0, 1]',
    run: () => L.crossEntropy(logits, t([0, 1, 0, 2, -1, 0], [2, 3])),
    error: /^crossEntropy: target\[3\] = 2 is outside \[0, 1\]/,
  },
  {
    what: 'negative variance',
    run: () => L.gaussianNllLoss(x4, x4, t([1, -1, 1, 1])),
    error: /^gaussianNllLoss: var\[1\] = -1 is negative/,
  },
  { what: 'hinge 0/1 labels', run: () => L.hingeLoss(x4, t([0, 1, 1, 0])), error: /^hingeLoss: target\[0\] = 0 must be -1 or \+1/ },
  {
    what: 'cosine embedding 0/1 labels',
    run: () => L.cosineEmbeddingLoss(logits, logits, t([0, 1])),
    error: /^cosineEmbeddingLoss: target\[0\] = 0 must be -1 or \+1/,
  },
  {
    what: 'contrastive ±1 labels',
    run: () => L.contrastiveLoss(logits, logits, t([-1, 1])),
    error: /^contrastiveLoss: label\[0\] = -1 must be 0 or 1/,
  },
  {
    what: 'klDiv negative probability target',
    run: () => L.klDiv(x4, t([0.5, -0.5, 0.5, 0.5])),
    error: /^klDiv: target\[1\] = -0.5 is negative/,
  },
  {
    what: 'poisson negative rate',
    run: () => L.poissonNllLoss(t([-1, 1]), t([1, 1]), { logInput: false }),
    error: /^poissonNllLoss: input\[0\] = -1 is negative/,
  },
  {
    what: 'sigmoid focal target',
    run: () => L.sigmoidFocalLoss(x4, t([0, 1, 2, 0])),
    error: /^sigmoidFocalLoss: target\[2\] = 2 is outside \[0, 1\]/,
  },
  // options
  {
    what: 'unknown option',
    run: () => L.mseLoss(x4, x4, { reduce: 'sum' } as never),
    error: /^mseLoss: unknown option 'reduce' \(expected one of: reduction\)/,
  },
  {
    what: 'snake_case option',
    run: () => L.crossEntropy(logits, t([0, 1]), { label_smoothing: 0.1 } as never),
    error: /^crossEntropy: unknown option 'label_smoothing'/,
  },
  {
    what: 'unknown reduction',
    run: () => L.l1Loss(x4, x4, { reduction: 'avg' as never }),
    error: /^l1Loss: option reduction must be one of 'none', 'mean', 'sum', got 'avg'/,
  },
  {
    what: 'batchmean outside klDiv',
    run: () => L.mseLoss(x4, x4, { reduction: 'batchmean' as never }),
    error: /^mseLoss: option reduction must be one of/,
  },
  {
    what: 'labelSmoothing > 1',
    run: () => L.crossEntropy(logits, t([0, 1]), { labelSmoothing: 1.5 }),
    error: /^crossEntropy: option labelSmoothing must be <= 1/,
  },
  {
    what: 'unknown smoothing mode',
    run: () => L.crossEntropy(logits, t([0, 1]), { labelSmoothingMode: 'keras' as never }),
    error: /^crossEntropy: option labelSmoothingMode must be one of 'torch', 'uniform-others'/,
  },
  {
    what: 'ignoreIndex with probabilities',
    run: () => L.crossEntropy(logits, t([0, 1, 0, 1, 0, 0], [2, 3]), { ignoreIndex: 1 }),
    error: /^crossEntropy: option ignoreIndex is not supported with probability targets/,
  },
  { what: 'huber delta 0', run: () => L.huberLoss(x4, x4, { delta: 0 }), error: /^huberLoss: option delta must be > 0/ },
  { what: 'smoothL1 negative beta', run: () => L.smoothL1Loss(x4, x4, { beta: -1 }), error: /^smoothL1Loss: option beta must be >= 0/ },
  {
    what: 'multiMargin p = 3',
    run: () => L.multiMarginLoss(logits, t([0, 1]), { p: 3 }),
    error: /^multiMarginLoss: option p must be 1 or 2/,
  },
  {
    what: 'boolean option as string',
    run: () => L.klDiv(x4, x4, { logTarget: 'yes' as never }),
    error: /^klDiv: option logTarget must be true or false/,
  },
  {
    what: 'NaN margin',
    run: () => L.marginRankingLoss(x4, x4, t([1, 1, 1, 1]), { margin: NaN }),
    error: /^marginRankingLoss: option margin must be a finite number/,
  },
  {
    what: 'gaussianKlDivergence takes no options',
    run: () => L.gaussianKlDivergence(x4, x4, { reduction: 'sum' } as never),
    error: /^gaussianKlDivergence: takes no options, got 'reduction'/,
  },
  {
    what: 'negative gamma',
    run: () => L.sigmoidFocalLoss(x4, t([0, 1, 1, 0]), { gamma: -1 }),
    error: /^sigmoidFocalLoss: option gamma must be >= 0/,
  },
  { what: 'options not an object', run: () => L.mseLoss(x4, x4, 'sum' as never), error: /^mseLoss: options must be an object/ },
  // mining
  {
    what: 'mineTriplets strategy',
    run: () => mineTriplets(logits, t([0, 1]), { strategy: 'hardest' as never }),
    error: /^mineTriplets: option strategy must be one of 'batch-hard', 'semi-hard'/,
  },
  {
    what: 'mineTriplets labels length',
    run: () => mineTriplets(logits, t([0, 1, 1])),
    error: /^mineTriplets: labels must have shape \[2\]/,
  },
];

for (const c of cases) {
  test(`throws a clear error: ${c.what}`, () => {
    assert.throws(c.run, (e: unknown) => {
      assert.ok(e instanceof Error, 'an Error');
      assert.match(e.message, c.error);
      return true;
    });
  });
}
