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
  const xd = x.data;
  const yd = y.data;
  const s = 2 * gradScale(reduction, n);
  const g = new Float64Array(n);
  const keep = reduction === 'none' ? new Float64Array(n) : null;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const d = xd[i] - yd[i];
    const l = d * d;
    total += l;
    if (keep) keep[i] = l;
    g[i] = s * d;
  }
  return { loss: reduceLoss(reduction, total, keep, x.shape, n), grads: [tensor(g, x.shape), null] };
}
