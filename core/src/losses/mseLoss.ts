import type { LossResult, Reduction, Tensor } from '../types';
import { elementwiseArgs, readOptions, tensor } from '../tensor';
import { gradScale, readReduction, reduceLoss } from '../reduction';

export interface MseLossOptions {
  reduction?: Reduction;
}

/** Mean squared error: ℓᵢ = (xᵢ − yᵢ)², ∂ℓᵢ/∂xᵢ = 2(xᵢ − yᵢ). */
export function mseLoss(input: Tensor, target: Tensor, options?: MseLossOptions): LossResult {
  const fn = 'mseLoss';
  const opts = readOptions(fn, options, ['reduction']);
  const reduction = readReduction(fn, opts);
  const [x, y] = elementwiseArgs(fn, input, target);
  const n = x.size;
  const s = 2 * gradScale(reduction, n);
  const g = new Float64Array(n);
  const keep = reduction === 'none' ? new Float64Array(n) : null;
  const total = keep ? mseElementwise(x.data, y.data, g, keep, s) : mseReduced(x.data, y.data, g, s);
  return { loss: reduceLoss(reduction, total, keep, x.shape, n), grads: [tensor(g, x.shape), null] };
}

// Kernels: the loop alone, returning the total (why: see ./index.ts).
function mseReduced(xd: Float64Array, yd: Float64Array, g: Float64Array, s: number): number {
  let total = 0;
  for (let i = 0; i < xd.length; i++) {
    const d = xd[i] - yd[i];
    total += d * d;
    g[i] = s * d;
  }
  return total;
}

function mseElementwise(xd: Float64Array, yd: Float64Array, g: Float64Array, keep: Float64Array, s: number): number {
  let total = 0;
  for (let i = 0; i < xd.length; i++) {
    const d = xd[i] - yd[i];
    const l = d * d;
    total += l;
    keep[i] = l;
    g[i] = s * d;
  }
  return total;
}
