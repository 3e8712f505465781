import type { LossResult, Reduction, Tensor } from '../types';
import { boolOption, elementwiseArgs, fail, numberOption, readOptions, tensor } from '../tensor';
import { gradScale, readReduction, reduceLoss } from '../reduction';

export interface PoissonNllLossOptions {
  reduction?: Reduction;
  /** input is log λ (default true) */
  logInput?: boolean;
  /** add the Stirling term t·log t − t + ½log(2πt) for t > 1 */
  full?: boolean;
  /** added to λ before the log when logInput is false, default 1e-8 */
  eps?: number;
}

/**
 * Poisson negative log-likelihood: ℓᵢ = e^{xᵢ} − yᵢxᵢ (logInput) or xᵢ − yᵢ·log(xᵢ + eps);
 * ∂ℓᵢ/∂xᵢ = e^{xᵢ} − yᵢ or 1 − yᵢ/(xᵢ + eps). full adds Stirling's approximation of log(yᵢ!) where yᵢ > 1.
 */
export function poissonNllLoss(input: Tensor, target: Tensor, options?: PoissonNllLossOptions): LossResult {
  const fn = 'poissonNllLoss';
  const opts = readOptions(fn, options, ['reduction', 'logInput', 'full', 'eps']);
  const reduction = readReduction(fn, opts);
  const logInput = boolOption(fn, opts, 'logInput', true);
  const full = boolOption(fn, opts, 'full', false);
  const eps = numberOption(fn, opts, 'eps', 1e-8, { ge: 0 });
  const [x, y] = elementwiseArgs(fn, input, target);
  const n = x.size;
  const xd = x.data;
  const yd = y.data;
  if (!logInput) requireRates(fn, xd);
  const s = gradScale(reduction, n);
  const g = new Float64Array(n);
  const keep = reduction === 'none' ? new Float64Array(n) : null;
  const total = poissonNllKernel(xd, yd, g, keep, logInput, full, eps, s);
  return { loss: reduceLoss(reduction, total, keep, x.shape, n), grads: [tensor(g, x.shape), null] };
}

function requireRates(fn: string, xd: Float64Array): void {
  for (let i = 0; i < xd.length; i++) {
    if (!(xd[i] >= 0)) fail(fn, `input[${i}] = ${xd[i]} is negative; with logInput: false the input is the rate λ >= 0`);
  }
}

// Kernel (see ./index.ts): the loop alone, returning the total.
function poissonNllKernel(
  xd: Float64Array,
  yd: Float64Array,
  g: Float64Array,
  keep: Float64Array | null,
  logInput: boolean,
  full: boolean,
  eps: number,
  s: number,
): number {
  let total = 0;
  for (let i = 0; i < xd.length; i++) {
    const xi = xd[i];
    const t = yd[i];
    let l: number;
    if (logInput) {
      const e = Math.exp(xi);
      l = e - t * xi;
      g[i] = s * (e - t);
    } else {
      l = xi - t * Math.log(xi + eps);
      g[i] = s * (1 - t / (xi + eps));
    }
    if (full && t > 1) l += t * Math.log(t) - t + 0.5 * Math.log(2 * Math.PI * t);
    total += l;
    if (keep) keep[i] = l;
  }
  return total;
}
