import type { LossResult, Reduction, Tensor } from '../types';
import { elementwiseArgs, numberOption, readOptions, tensor } from '../tensor';
import { gradScale, readReduction, reduceLoss } from '../reduction';

export interface SmoothL1LossOptions {
  reduction?: Reduction;
  /** ≥ 0, default 1; 0 gives the L1 loss */
  beta?: number;
}

/** Smooth L1: ℓᵢ = ½dᵢ²/β if |dᵢ| < β else |dᵢ| − ½β, dᵢ = xᵢ − yᵢ; ∂ℓᵢ/∂xᵢ = clamp(dᵢ/β, −1, 1). */
export function smoothL1Loss(input: Tensor, target: Tensor, options?: SmoothL1LossOptions): LossResult {
  const fn = 'smoothL1Loss';
  const opts = readOptions(fn, options, ['reduction', 'beta']);
  const reduction = readReduction(fn, opts);
  const beta = numberOption(fn, opts, 'beta', 1, { ge: 0 });
  const [x, y] = elementwiseArgs(fn, input, target);
  const n = x.size;
  const s = gradScale(reduction, n);
  const g = new Float64Array(n);
  const keep = reduction === 'none' ? new Float64Array(n) : null;
  const total = smoothL1Kernel(x.data, y.data, g, keep, beta, 0.5 * beta, s);
  return { loss: reduceLoss(reduction, total, keep, x.shape, n), grads: [tensor(g, x.shape), null] };
}

// Kernel (see ./index.ts): the loop alone, returning the total.
function smoothL1Kernel(
  xd: Float64Array,
  yd: Float64Array,
  g: Float64Array,
  keep: Float64Array | null,
  beta: number,
  halfBeta: number,
  s: number,
): number {
  let total = 0;
  for (let i = 0; i < xd.length; i++) {
    const d = xd[i] - yd[i];
    let l: number;
    let gi: number;
    if (d < -beta) {
      l = -d - halfBeta;
      gi = -1;
    } else if (d > beta) {
      l = d - halfBeta;
      gi = 1;
    } else if (beta === 0) {
      // d = 0 with β = 0: PyTorch 1.13's kernel tests d <= −β first and returns −1 here.
      l = 0;
      gi = -1;
    } else {
      l = (0.5 * d * d) / beta;
      gi = d / beta;
    }
    total += l;
    if (keep) keep[i] = l;
    g[i] = s * gi;
  }
  return total;
}
