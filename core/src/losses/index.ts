// Every loss of docs/ARCHITECTURE.md "Contracts", by its contract name. The knowledge catalog looks functions up here by id.
//
// Every loss file has the same shape: the exported function validates, allocates the outputs and wraps the
// result; the hot loop is a separate small kernel function that takes only typed arrays and numbers and
// whose body is `let total = 0; for (…) {…} return total;`. Why: V8 optimizes a long first call by on-stack
// replacement while it is inside the loop, and OSR code compiled mid-call has no type feedback for the code
// after the loop. Any such operation (a property load, a comparison, an array literal, a call) deoptimizes on
// the way out, and the cached OSR code then deoptimizes again on each of the next calls (mseLoss on 1e6
// elements: ~4× slower for twenty calls and more). Code before the loop is no better: it ran in call 1 before
// the feedback vector existed, so the regular optimized code used from call 2 on deoptimizes there. Hence
// outputs, scratch arrays and derived constants come in as arguments, and a result the loop decides
// (huberLoss's exact fallback) is a sentinel returned from inside the loop. bench/core/deopts.mjs counts what
// is left; docs/PERFORMANCE.md has the numbers.
export { mseLoss, type MseLossOptions } from './mseLoss';
export { l1Loss, type L1LossOptions } from './l1Loss';
export { huberLoss, type HuberLossOptions } from './huberLoss';
export { smoothL1Loss, type SmoothL1LossOptions } from './smoothL1Loss';
export { binaryCrossEntropy, type BinaryCrossEntropyOptions } from './binaryCrossEntropy';
export { binaryCrossEntropyWithLogits, type BinaryCrossEntropyWithLogitsOptions } from './binaryCrossEntropyWithLogits';
export { crossEntropy, type CrossEntropyOptions } from './crossEntropy';
export { nllLoss, type NllLossOptions } from './nllLoss';
export { klDiv, type KlDivOptions } from './klDiv';
export { hingeLoss, type HingeLossOptions } from './hingeLoss';
export { hingeEmbeddingLoss, type HingeEmbeddingLossOptions } from './hingeEmbeddingLoss';
export { softMarginLoss, type SoftMarginLossOptions } from './softMarginLoss';
export { multiMarginLoss, type MultiMarginLossOptions } from './multiMarginLoss';
export { multiclassHingeLoss, type MulticlassHingeLossOptions } from './multiclassHingeLoss';
export { tripletMarginLoss, type TripletMarginLossOptions } from './tripletMarginLoss';
export { marginRankingLoss, type MarginRankingLossOptions } from './marginRankingLoss';
export { cosineEmbeddingLoss, type CosineEmbeddingLossOptions } from './cosineEmbeddingLoss';
export { contrastiveLoss, type ContrastiveLossOptions } from './contrastiveLoss';
export { sigmoidFocalLoss, type SigmoidFocalLossOptions } from './sigmoidFocalLoss';
export { softmaxFocalLoss, type SoftmaxFocalLossOptions } from './softmaxFocalLoss';
export { gaussianNllLoss, type GaussianNllLossOptions } from './gaussianNllLoss';
export { poissonNllLoss, type PoissonNllLossOptions } from './poissonNllLoss';
export { multilabelSoftMarginLoss, type MultilabelSoftMarginLossOptions } from './multilabelSoftMarginLoss';
export { gaussianKlDivergence } from './gaussianKlDivergence';
export { logCosh, type LogCoshOptions } from './logCosh';
export { cosineDistance, type CosineDistanceOptions } from './cosineDistance';
export { safeSoftmaxCrossEntropy, type SafeSoftmaxCrossEntropyOptions } from './safeSoftmaxCrossEntropy';
export { diceLoss, type DiceLossOptions } from './diceLoss';
export { jaccardLoss, type JaccardLossOptions } from './jaccardLoss';
export { tverskyLoss, type TverskyLossOptions } from './tverskyLoss';
export type { ReductionMode } from '../reduction';

import type { LossResult } from '../types';
import { mseLoss } from './mseLoss';
import { l1Loss } from './l1Loss';
import { huberLoss } from './huberLoss';
import { smoothL1Loss } from './smoothL1Loss';
import { binaryCrossEntropy } from './binaryCrossEntropy';
import { binaryCrossEntropyWithLogits } from './binaryCrossEntropyWithLogits';
import { crossEntropy } from './crossEntropy';
import { nllLoss } from './nllLoss';
import { klDiv } from './klDiv';
import { hingeLoss } from './hingeLoss';
import { hingeEmbeddingLoss } from './hingeEmbeddingLoss';
import { softMarginLoss } from './softMarginLoss';
import { multiMarginLoss } from './multiMarginLoss';
import { multiclassHingeLoss } from './multiclassHingeLoss';
import { tripletMarginLoss } from './tripletMarginLoss';
import { marginRankingLoss } from './marginRankingLoss';
import { cosineEmbeddingLoss } from './cosineEmbeddingLoss';
import { contrastiveLoss } from './contrastiveLoss';
import { sigmoidFocalLoss } from './sigmoidFocalLoss';
import { softmaxFocalLoss } from './softmaxFocalLoss';
import { gaussianNllLoss } from './gaussianNllLoss';
import { poissonNllLoss } from './poissonNllLoss';
import { multilabelSoftMarginLoss } from './multilabelSoftMarginLoss';
import { gaussianKlDivergence } from './gaussianKlDivergence';
import { logCosh } from './logCosh';
import { cosineDistance } from './cosineDistance';
import { safeSoftmaxCrossEntropy } from './safeSoftmaxCrossEntropy';
import { diceLoss } from './diceLoss';
import { jaccardLoss } from './jaccardLoss';
import { tverskyLoss } from './tverskyLoss';

/** Name → function, for callers that pick a loss by catalog id. */
export const lossFunctions = {
  mseLoss,
  l1Loss,
  huberLoss,
  smoothL1Loss,
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
  crossEntropy,
  nllLoss,
  klDiv,
  hingeLoss,
  hingeEmbeddingLoss,
  softMarginLoss,
  multiMarginLoss,
  multiclassHingeLoss,
  tripletMarginLoss,
  marginRankingLoss,
  cosineEmbeddingLoss,
  contrastiveLoss,
  sigmoidFocalLoss,
  softmaxFocalLoss,
  gaussianNllLoss,
  poissonNllLoss,
  multilabelSoftMarginLoss,
  gaussianKlDivergence,
  logCosh,
  cosineDistance,
  safeSoftmaxCrossEntropy,
  diceLoss,
  jaccardLoss,
  tverskyLoss,
} as const satisfies Record<string, (...args: never[]) => LossResult>;

export type LossFunctionName = keyof typeof lossFunctions;
