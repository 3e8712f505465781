import type { LossResult, Reduction, Tensor } from '../types';
import { elementwiseArgs, readOptions, tensor } from '../tensor';
import { gradScale, readReduction, reduceLoss } from '../reduction';

export interface L1LossOptions {
  reduction?: Reduction;
}

/** Mean absolute error: ℓᵢ = |xᵢ − yᵢ|, ∂ℓᵢ/∂xᵢ = sign(xᵢ − yᵢ) (0 at 0, like PyTorch). */
export function l1Loss(input: Tensor, target: Tensor, options?: L1LossOptions): LossResult {
  const fn = 'l1Loss';
  const opts = readOptions(fn, options, ['reduction']);
  const reduction = readReduction(fn, opts);
  const [x, y] = elementwiseArgs(fn, input, target);
  const n = x.size;
  const s = gradScale(reduction, n);
  const g = new Float64Array(n);
  const keep = reduction === 'none' ? new Float64Array(n) : null;
  const total = l1Kernel(x.data, y.data, g, keep, s);
  return { loss: reduceLoss(reduction, total, keep, x.shape, n), grads: [tensor(g, x.shape), null] };
}

// Kernel (see ./index.ts): the loop alone, returning the total.
function l1Kernel(xd: Float64Array, yd: Float64Array, g: Float64Array, keep: Float64Array | null, s: number): number {
  let total = 0;
  for (let i = 0; i < xd.length; i++) {
    const d = xd[i] - yd[i];
    const l = Math.abs(d);
    total += l;
    if (keep) keep[i] = l;
    g[i] = d > 0 ? s : d < 0 ? -s : 0;
  }
  return total;
}
