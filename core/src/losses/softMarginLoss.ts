import type { LossResult, Reduction, Tensor } from '../types';
import { elementwiseArgs, readOptions, requireSigns, tensor } from '../tensor';
import { gradScale, readReduction, reduceLoss } from '../reduction';
import { sigmoid, softplus } from './internal/stableMath';

export interface SoftMarginLossOptions {
  reduction?: Reduction;
}

/**
 * Soft margin (logistic) loss with ±1 labels: ℓᵢ = log(1 + e^{−yᵢxᵢ}), computed as a stable softplus;
 * ∂ℓᵢ/∂xᵢ = −yᵢσ(−yᵢxᵢ). Finite for any input (PyTorch's own kernel overflows to ∞/NaN beyond |x| ≈ 710).
 */
export function softMarginLoss(input: Tensor, target: Tensor, options?: SoftMarginLossOptions): LossResult {
  const fn = 'softMarginLoss';
  const opts = readOptions(fn, options, ['reduction']);
  const reduction = readReduction(fn, opts);
  const [x, y] = elementwiseArgs(fn, input, target);
  requireSigns(fn, 'target', y);
  const n = x.size;
  const s = gradScale(reduction, n);
  const g = new Float64Array(n);
  const keep = reduction === 'none' ? new Float64Array(n) : null;
  const total = softMarginKernel(x.data, y.data, g, keep, s);
  return { loss: reduceLoss(reduction, total, keep, x.shape, n), grads: [tensor(g, x.shape), null] };
}

// Kernel (see ./index.ts): the loop alone, returning the total.
function softMarginKernel(xd: Float64Array, yd: Float64Array, g: Float64Array, keep: Float64Array | null, s: number): number {
  let total = 0;
  for (let i = 0; i < xd.length; i++) {
    const m = -yd[i] * xd[i];
    const l = softplus(m);
    total += l;
    if (keep) keep[i] = l;
    g[i] = -s * yd[i] * sigmoid(m);
  }
  return total;
}
