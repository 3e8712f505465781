import type { LossResult, Reduction, Tensor } from '../types';
import { elementwiseArgs, readOptions, requireSigns, tensor } from '../tensor';
import { gradScale, readReduction, reduceLoss } from '../reduction';

export interface HingeLossOptions {
  reduction?: Reduction;
}

/**
 * Binary hinge (SVM) loss on raw scores with ±1 labels: ℓᵢ = max(0, 1 − yᵢfᵢ); ∂ℓᵢ/∂fᵢ = −yᵢ where 1 − yᵢfᵢ > 0, else 0.
 * Labels must be −1/+1: 0/1 labels silently turn every negative example into a zero loss.
 */
export function hingeLoss(input: Tensor, target: Tensor, options?: HingeLossOptions): LossResult {
  const fn = 'hingeLoss';
  const opts = readOptions(fn, options, ['reduction']);
  const reduction = readReduction(fn, opts);
  const [x, y] = elementwiseArgs(fn, input, target);
  requireSigns(fn, 'target', y);
  const n = x.size;
  const s = gradScale(reduction, n);
  const g = new Float64Array(n);
  const keep = reduction === 'none' ? new Float64Array(n) : null;
  const total = hingeKernel(x.data, y.data, g, keep, s);
  return { loss: reduceLoss(reduction, total, keep, x.shape, n), grads: [tensor(g, x.shape), null] };
}

// Kernel (see ./index.ts): the loop alone, returning the total.
function hingeKernel(xd: Float64Array, yd: Float64Array, g: Float64Array, keep: Float64Array | null, s: number): number {
  let total = 0;
  for (let i = 0; i < xd.length; i++) {
    const m = 1 - yd[i] * xd[i];
    const l = m > 0 ? m : 0;
    total += l;
    if (keep) keep[i] = l;
    g[i] = m > 0 ? -s * yd[i] : 0;
  }
  return total;
}
