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
  let total = 0;
  // Outside the quadratic zone c = d − (d − δ) is exactly δ when d − δ is exact (δ = 1, 0.5, 2.5, …) and
  // otherwise within ulp(d)/2 of it; past 1024·δ (rare, so the branch predicts well) ±δ is taken directly.
  const far = 1024 * delta;
  for (let i = 0; i < n; i++) {
    const d = xd[i] - yd[i];
    // c = clamp(d, −δ, δ) is the derivative and c·(d − c/2) the loss on both sides (½d² inside,
    // δ(|d| − ½δ) outside). The clamp is written with relu(v) = ½(|v| + v), which is exact and
    // branch-free: with random errors a branch per element mispredicts half the time (3× slower).
    const hi = d - delta;
    const lo = -d - delta;
    let c = d - 0.5 * (Math.abs(hi) + hi) + 0.5 * (Math.abs(lo) + lo);
    if (Math.abs(d) > far) c = d > 0 ? delta : -delta;
    const l = c * (d - 0.5 * c);
    total += l;
    if (keep) keep[i] = l;
    g[i] = s * c;
  }
  return { loss: reduceLoss(reduction, total, keep, x.shape, n), grads: [tensor(g, x.shape), null] };
}
