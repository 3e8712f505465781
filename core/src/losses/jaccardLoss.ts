import type { LossResult, Reduction, Tensor } from '../types';
import { overlapLoss } from './internal/overlap';

export interface JaccardLossOptions {
  reduction?: Reduction;
  smoothNr?: number;
  smoothDr?: number;
}

/**
 * Soft Jaccard (IoU) loss on probabilities (smp `JaccardLoss(from_logits=False)`), per (sample, class) of an
 * (N, C, …) map: ℓ = 1 − (Σpy + sₙ)/(Σp + Σy − Σpy + s_d); ∂ℓ/∂pᵢ = −(yᵢ·B − A·(1 − yᵢ))/B² with A, B the two sums.
 */
export function jaccardLoss(input: Tensor, target: Tensor, options?: JaccardLossOptions): LossResult {
  return overlapLoss('jaccardLoss', input, target, options, [], () => ({ k: 1, alpha: 1, beta: 1 }));
}
