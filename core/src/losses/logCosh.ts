import type { LossResult, Reduction, Tensor } from '../types';
import { elementwiseArgs, readOptions, tensor } from '../tensor';
import { gradScale, readReduction, reduceLoss } from '../reduction';

export interface LogCoshOptions {
  reduction?: Reduction;
}

/** Log-cosh (optax.log_cosh): ℓᵢ = log cosh(dᵢ) = |dᵢ| + log1p(e^{−2|dᵢ|}) − log 2, dᵢ = xᵢ − yᵢ; ∂ℓᵢ/∂xᵢ = tanh(dᵢ). */
export function logCosh(input: Tensor, target: Tensor, options?: LogCoshOptions): LossResult {
  const fn = 'logCosh';
  const opts = readOptions(fn, options, ['reduction']);
  const reduction = readReduction(fn, opts);
  const [x, y] = elementwiseArgs(fn, input, target);
  const n = x.size;
  const s = gradScale(reduction, n);
  const g = new Float64Array(n);
  const keep = reduction === 'none' ? new Float64Array(n) : null;
  const total = logCoshKernel(x.data, y.data, g, keep, s, Math.LN2);
  return { loss: reduceLoss(reduction, total, keep, x.shape, n), grads: [tensor(g, x.shape), null] };
}

// Kernel (see ./index.ts): the loop alone, returning the total. The |d| form never overflows (cosh does past
// |d| ≈ 710) and keeps full precision near 0, where log(cosh d) ≈ d²/2.
function logCoshKernel(xd: Float64Array, yd: Float64Array, g: Float64Array, keep: Float64Array | null, s: number, ln2: number): number {
  let total = 0;
  for (let i = 0; i < xd.length; i++) {
    const d = xd[i] - yd[i];
    const a = Math.abs(d);
    const e = Math.exp(-2 * a);
    const l = a + Math.log1p(e) - ln2;
    total += l;
    if (keep) keep[i] = l;
    g[i] = s * Math.tanh(d);
  }
  return total;
}
