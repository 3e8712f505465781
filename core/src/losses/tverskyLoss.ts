import type { LossResult, Reduction, Tensor } from '../types';
import { fail } from '../tensor';
import { overlapLoss } from './internal/overlap';

export interface TverskyLossOptions {
  reduction?: Reduction;
  smoothNr?: number;
  smoothDr?: number;
  /** weight of false positives, default 0.5 */
  alpha?: number;
  /** weight of false negatives, default 0.5 */
  beta?: number;
}

/**
 * Tversky loss on probabilities (MONAI `TverskyLoss`, smp `TverskyLoss(from_logits=False)`), per (sample, class):
 * ℓ = 1 − (TP + sₙ)/(TP + α·FP + β·FN + s_d), TP = Σpy, FP = Σp(1 − y), FN = Σ(1 − p)y;
 * ∂ℓ/∂pᵢ = −(yᵢ·B − A·((1 − α − β)yᵢ + α))/B². α = β = ½ is Dice, α = β = 1 Jaccard.
 */
export function tverskyLoss(input: Tensor, target: Tensor, options?: TverskyLossOptions): LossResult {
  const fn = 'tverskyLoss';
  return overlapLoss(fn, input, target, options, ['alpha', 'beta'], opts => ({
    k: 1,
    alpha: weight(fn, opts.alpha, 'alpha'),
    beta: weight(fn, opts.beta, 'beta'),
  }));
}

function weight(fn: string, v: unknown, name: string): number {
  if (v === undefined) return 0.5;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) fail(fn, `option ${name} must be a finite number >= 0, got ${String(v)}`);
  return v;
}
