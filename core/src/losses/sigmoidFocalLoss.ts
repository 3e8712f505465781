import type { LossResult, Reduction, Tensor } from '../types';
import { elementwiseArgs, numberOption, readOptions, requireInRange, tensor } from '../tensor';
import { gradScale, readReduction, reduceLoss } from '../reduction';

export interface SigmoidFocalLossOptions {
  /** default 'none', as torchvision.ops.sigmoid_focal_loss */
  reduction?: Reduction;
  /** weight of the positive class in [0, 1], default 0.25; a negative value disables α-balancing */
  alpha?: number;
  /** focusing parameter ≥ 0, default 2 */
  gamma?: number;
}

/**
 * Sigmoid focal loss (torchvision, Lin et al.): ℓᵢ = αₜ(1 − pₜ)^γ·BCEWithLogits(zᵢ, yᵢ), pₜ = p·y + (1 − p)(1 − y), p = σ(z);
 * ∂ℓ/∂z = αₜ[(p − y)(1 − pₜ)^γ + BCE·γ(1 − pₜ)^{γ−1}·p(1 − p)(1 − 2y)]. Stable for any logit (1 − p is σ(−z), not 1 − σ(z)).
 */
export function sigmoidFocalLoss(input: Tensor, target: Tensor, options?: SigmoidFocalLossOptions): LossResult {
  const fn = 'sigmoidFocalLoss';
  const opts = readOptions(fn, options, ['reduction', 'alpha', 'gamma']);
  const reduction = readReduction(fn, opts, 'none');
  const alpha = numberOption(fn, opts, 'alpha', 0.25, { le: 1 });
  const gamma = numberOption(fn, opts, 'gamma', 2, { ge: 0 });
  const [x, y] = elementwiseArgs(fn, input, target);
  requireInRange(fn, 'target', y, 0, 1, 'binary labels or probabilities');
  const n = x.size;
  const s = gradScale(reduction, n);
  const g = new Float64Array(n);
  const keep = reduction === 'none' ? new Float64Array(n) : null;
  const total = sigmoidFocalKernel(x.data, y.data, g, keep, alpha, gamma, s);
  return { loss: reduceLoss(reduction, total, keep, x.shape, n), grads: [tensor(g, x.shape), null] };
}

// Kernel (see ./index.ts): the loop alone, returning the total.
function sigmoidFocalKernel(
  xd: Float64Array,
  yd: Float64Array,
  g: Float64Array,
  keep: Float64Array | null,
  alpha: number,
  gamma: number,
  s: number,
): number {
  let total = 0;
  for (let i = 0; i < xd.length; i++) {
    const z = xd[i];
    const t = yd[i];
    const e = Math.exp(-Math.abs(z));
    const p = z >= 0 ? 1 / (1 + e) : e / (1 + e);
    const q = z >= 0 ? e / (1 + e) : 1 / (1 + e); // 1 − p without cancellation
    const ce = (z > 0 ? z : 0) - z * t + Math.log1p(e);
    const u = p * (1 - t) + q * t; // 1 − pₜ
    const mod = u ** gamma;
    const dmod = gamma === 0 || u === 0 ? 0 : gamma * u ** (gamma - 1) * p * q * (1 - 2 * t);
    const at = alpha >= 0 ? alpha * t + (1 - alpha) * (1 - t) : 1;
    const l = at * ce * mod;
    total += l;
    if (keep) keep[i] = l;
    g[i] = s * at * ((p - t) * mod + ce * dmod);
  }
  return total;
}
