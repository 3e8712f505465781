// dist/core.js: exactly the contract of docs/ARCHITECTURE.md "Contracts" — the losses, catalog, guide, quickReference,
// curve, renderSvg and mineTriplets. The extension's own code imports the wider barrel (./index).
export type { Tensor, F64Tensor, LossResult, Reduction } from './types';
export type { CatalogEntry, GuideNode, GuideLeaf, LossId } from './knowledge/types';
export {
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
} from './losses';
export { catalog, guide, quickReference, curve, renderSvg } from './knowledge';
export { mineTriplets } from './mineTriplets';
