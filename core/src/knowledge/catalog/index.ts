// Assembles the one-file-per-loss catalog. Order is the display order: by family, common losses first.
import type { CatalogEntry, LossId } from '../types';
import { mseLoss } from './mseLoss';
import { l1Loss } from './l1Loss';
import { huberLoss } from './huberLoss';
import { smoothL1Loss } from './smoothL1Loss';
import { binaryCrossEntropy } from './binaryCrossEntropy';
import { binaryCrossEntropyWithLogits } from './binaryCrossEntropyWithLogits';
import { crossEntropy } from './crossEntropy';
import { sparseCrossEntropy } from './sparseCrossEntropy';
import { labelSmoothingCrossEntropy } from './labelSmoothingCrossEntropy';
import { nllLoss } from './nllLoss';
import { sigmoidFocalLoss } from './sigmoidFocalLoss';
import { softmaxFocalLoss } from './softmaxFocalLoss';
import { multilabelSoftMarginLoss } from './multilabelSoftMarginLoss';
import { hingeLoss } from './hingeLoss';
import { softMarginLoss } from './softMarginLoss';
import { multiMarginLoss } from './multiMarginLoss';
import { multiclassHingeLoss } from './multiclassHingeLoss';
import { contrastiveLoss } from './contrastiveLoss';
import { tripletMarginLoss } from './tripletMarginLoss';
import { infoNce } from './infoNce';
import { marginRankingLoss } from './marginRankingLoss';
import { cosineEmbeddingLoss } from './cosineEmbeddingLoss';
import { hingeEmbeddingLoss } from './hingeEmbeddingLoss';
import { klDiv } from './klDiv';
import { gaussianNllLoss } from './gaussianNllLoss';
import { poissonNllLoss } from './poissonNllLoss';
import { gaussianKlDivergence } from './gaussianKlDivergence';
import { vaeElbo } from './vaeElbo';
import { flowNll } from './flowNll';
import { logCosh } from './logCosh';
import { cosineDistance } from './cosineDistance';
import { safeSoftmaxCrossEntropy } from './safeSoftmaxCrossEntropy';
import { diceLoss } from './diceLoss';
import { jaccardLoss } from './jaccardLoss';
import { tverskyLoss } from './tverskyLoss';

export const catalog: readonly CatalogEntry[] = [
  mseLoss,
  l1Loss,
  huberLoss,
  smoothL1Loss,
  logCosh,
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
  crossEntropy,
  safeSoftmaxCrossEntropy,
  sparseCrossEntropy,
  labelSmoothingCrossEntropy,
  nllLoss,
  sigmoidFocalLoss,
  softmaxFocalLoss,
  multilabelSoftMarginLoss,
  diceLoss,
  jaccardLoss,
  tverskyLoss,
  hingeLoss,
  softMarginLoss,
  multiMarginLoss,
  multiclassHingeLoss,
  contrastiveLoss,
  tripletMarginLoss,
  infoNce,
  marginRankingLoss,
  cosineEmbeddingLoss,
  cosineDistance,
  hingeEmbeddingLoss,
  klDiv,
  gaussianNllLoss,
  poissonNllLoss,
  gaussianKlDivergence,
  vaeElbo,
  flowNll,
];

const byId = new Map<LossId, CatalogEntry>(catalog.map(e => [e.id, e]));

/** The catalog entry with this id, or undefined. */
export function getCatalogEntry(id: LossId): CatalogEntry | undefined {
  return byId.get(id);
}

/**
 * Entries whose framework names include `name` (e.g. 'F.huber_loss', 'keras.losses.Huber', 'huber').
 * Names are matched exactly; several entries can share one (CrossEntropyLoss computes sparse and smoothed CE too).
 */
export function findCatalogEntriesByName(name: string): CatalogEntry[] {
  return catalog.filter(e => Object.values(e.names).some(list => list?.includes(name)));
}
