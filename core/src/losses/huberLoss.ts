import type { LossResult, Reduction, Tensor } from '../types';
import { elementwiseArgs, numberOption, readOptions, tensor } from '../tensor';
import { gradScale, readReduction, reduceLoss } from '../reduction';

export interface HuberLossOptions {
  reduction?: Reduction;
  /** > 0, default 1 */
  delta?: number;
}

/** Huber: ℓᵢ = ½dᵢ² if |dᵢ| < δ else δ(|dᵢ| − ½δ), dᵢ = xᵢ − yᵢ; ∂ℓᵢ/∂xᵢ = clamp(dᵢ, −δ, δ). */
export function huberLoss(input: Tensor, target: Tensor, options?: HuberLossOptions): LossResult {
  const fn = 'huberLoss';
  const opts = readOptions(fn, options, ['reduction', 'delta']);
  const reduction = readReduction(fn, opts);
  const delta = numberOption(fn, opts, 'delta', 1, { gt: 0 });
  const [x, y] = elementwiseArgs(fn, input, target);
  const n = x.size;
  const xd = x.data;
  const yd = y.data;
  const s = gradScale(reduction, n);
  const g = new Float64Array(n);
  const keep = reduction === 'none' ? new Float64Array(n) : null;
  const far = 1024 * delta;
  let total = NaN;
  if (far < Infinity) total = keep ? huberElementwise(xd, yd, g, keep, delta, far) : huberReduced(xd, yd, g, delta, s, far);
  if (Number.isNaN(total)) total = exactFallback(xd, yd, g, keep, delta, s);
  return { loss: reduceLoss(reduction, total, keep, x.shape, n), grads: [tensor(g, x.shape), null] };
}

// One kernel per output variant (see ./index.ts); the elementwise one stores the unscaled derivative.
// Outside the quadratic zone c = d − (d − δ) is exactly δ when d − δ is exact (δ = 1, 0.5, 2.5, …) and
// otherwise within ulp(d)/2 of it. Past 1024·δ that can grow, so at the first such element (or a NaN) the
// kernel returns NaN (a total it cannot otherwise reach: every term is ≥ 0 and finite or +∞) and the caller
// redoes the input with plain branches. The test is a branch that is never taken on ordinary data, so it
// predicts perfectly.
function huberReduced(xd: Float64Array, yd: Float64Array, g: Float64Array, delta: number, s: number, far: number): number {
  let total = 0;
  for (let i = 0; i < xd.length; i++) {
    const d = xd[i] - yd[i];
    if (!(Math.abs(d) <= far)) return NaN;
    const c = clamp(d, delta);
    total += c * (d - 0.5 * c);
    g[i] = s * c;
  }
  return total;
}

function huberElementwise(xd: Float64Array, yd: Float64Array, g: Float64Array, keep: Float64Array, delta: number, far: number): number {
  let total = 0;
  for (let i = 0; i < xd.length; i++) {
    const d = xd[i] - yd[i];
    if (!(Math.abs(d) <= far)) return NaN;
    const c = clamp(d, delta);
    const l = c * (d - 0.5 * c);
    total += l;
    keep[i] = l;
    g[i] = c;
  }
  return total;
}

/**
 * clamp(d, −δ, δ), the Huber derivative; c·(d − c/2) is then the loss on both sides (½d² inside, δ(|d| − ½δ)
 * outside). Written with relu(v) = ½(|v| + v), which is exact and branch-free: with random errors a branch
 * per element mispredicts half the time (~3× slower).
 */
function clamp(d: number, delta: number): number {
  const hi = d - delta;
  const lo = -d - delta;
  return d - 0.5 * (Math.abs(hi) + hi) + 0.5 * (Math.abs(lo) + lo);
}

function exactFallback(xd: Float64Array, yd: Float64Array, g: Float64Array, keep: Float64Array | null, delta: number, s: number): number {
  let total = 0;
  for (let i = 0; i < xd.length; i++) {
    const d = xd[i] - yd[i];
    const c = d < -delta ? -delta : d > delta ? delta : d;
    const l = c * (d - 0.5 * c);
    total += l;
    if (keep) keep[i] = l;
    g[i] = s * c;
  }
  return total;
}
