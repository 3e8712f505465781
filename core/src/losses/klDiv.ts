import type { LossResult, Tensor } from '../types';
import { boolOption, elementwiseArgs, fail, readOptions, tensor } from '../tensor';
import { gradScale, readReduction, reduceLoss, type ReductionMode } from '../reduction';

export interface KlDivOptions {
  /** default 'mean' (PyTorch's default, which averages over every element; 'batchmean' is the true KL) */
  reduction?: ReductionMode;
  /** target holds log-probabilities */
  logTarget?: boolean;
}

/**
 * KL divergence with input = log q: ℓᵢ = yᵢ(log yᵢ − xᵢ) (0 where yᵢ = 0), or e^{yᵢ}(yᵢ − xᵢ) with logTarget;
 * ∂ℓᵢ/∂xᵢ = −yᵢ (−e^{yᵢ}). 'batchmean' divides the sum by N = shape[0].
 */
export function klDiv(input: Tensor, target: Tensor, options?: KlDivOptions): LossResult {
  const fn = 'klDiv';
  const opts = readOptions(fn, options, ['reduction', 'logTarget']);
  const reduction = readReduction(fn, opts, 'mean', ['none', 'mean', 'sum', 'batchmean']);
  const logTarget = boolOption(fn, opts, 'logTarget', false);
  const [x, y] = elementwiseArgs(fn, input, target);
  const n = x.size;
  const xd = x.data;
  const yd = y.data;
  const denom = reduction === 'batchmean' ? x.shape[0] : n;
  const s = gradScale(reduction, denom);
  const g = new Float64Array(n);
  const keep = reduction === 'none' ? new Float64Array(n) : null;
  if (!logTarget) requireProbabilities(fn, yd);
  const total = klDivKernel(xd, yd, g, keep, logTarget, s);
  return { loss: reduceLoss(reduction, total, keep, x.shape, denom), grads: [tensor(g, x.shape), null] };
}

function requireProbabilities(fn: string, yd: Float64Array): void {
  for (let i = 0; i < yd.length; i++) {
    const t = yd[i];
    if (!(t >= 0)) fail(fn, `target[${i}] = ${t} is negative; target holds probabilities (set logTarget: true for log-probabilities)`);
  }
}

// Kernel (see ./index.ts): the loop alone, returning the total.
function klDivKernel(
  xd: Float64Array,
  yd: Float64Array,
  g: Float64Array,
  keep: Float64Array | null,
  logTarget: boolean,
  s: number,
): number {
  let total = 0;
  for (let i = 0; i < xd.length; i++) {
    const t = yd[i];
    let l: number;
    if (logTarget) {
      const p = Math.exp(t);
      l = p * (t - xd[i]);
      g[i] = -s * p;
    } else {
      l = (t === 0 ? 0 : t * Math.log(t)) - t * xd[i];
      g[i] = -s * t;
    }
    total += l;
    if (keep) keep[i] = l;
  }
  return total;
}
