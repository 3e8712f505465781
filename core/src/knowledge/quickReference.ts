// Task → loss → output activation, as in the quick-reference table of the project's loss reference.
import type { QuickReferenceRow } from './types';

export const quickReference: readonly QuickReferenceRow[] = [
  { task: 'Binary classification', lossId: 'binaryCrossEntropyWithLogits', activation: 'sigmoid (feed logits)' },
  { task: 'Multi-class, mutually exclusive', lossId: 'crossEntropy', activation: 'softmax (feed logits)' },
  { task: 'Multi-label', lossId: 'binaryCrossEntropyWithLogits', activation: 'sigmoid per class (feed logits)' },
  { task: 'Class imbalance', lossId: 'sigmoidFocalLoss', activation: 'sigmoid / softmax' },
  { task: 'Regression', lossId: 'mseLoss', activation: 'linear' },
  { task: 'Robust regression', lossId: 'huberLoss', activation: 'linear' },
  { task: 'Ranking / metric learning', lossId: 'tripletMarginLoss', activation: 'L2-normalised embedding' },
  { task: 'VAE (generative)', lossId: 'vaeElbo', activation: 'sigmoid / linear' },
  { task: 'GAN discriminator', lossId: 'binaryCrossEntropy', activation: 'sigmoid (hinge variant: linear)' },
  { task: 'Calibration', lossId: 'labelSmoothingCrossEntropy', activation: 'softmax' },
];
