import type { LossResult, Reduction, Tensor } from '../types';
import { overlapLoss } from './internal/overlap';

export interface DiceLossOptions {
  reduction?: Reduction;
  smoothNr?: number;
  smoothDr?: number;
}

/**
 * Soft Dice loss on probabilities (MONAI `DiceLoss`, smp `DiceLoss(from_logits=False)`), per (sample, class) over
 * the positions of an (N, C, …) map: ℓ = 1 − (2Σpy + sₙ)/(Σp + Σy + s_d); ∂ℓ/∂pᵢ = −(2yᵢ·B − A)/B² with A, B the two sums.
 */
export function diceLoss(input: Tensor, target: Tensor, options?: DiceLossOptions): LossResult {
  return overlapLoss('diceLoss', input, target, options, [], () => ({ k: 2, alpha: 1, beta: 1 }));
}
