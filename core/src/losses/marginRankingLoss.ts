import type { LossResult, Reduction, Tensor } from '../types';
import { elementwiseArgs, numberOption, readOptions, requireSameShape, requireSigns, tensor, toF64 } from '../tensor';
import { gradScale, readReduction, reduceLoss } from '../reduction';

export interface MarginRankingLossOptions {
  reduction?: Reduction;
  /** default 0 */
  margin?: number;
}

/**
 * Margin ranking loss, y = 1 when input1 should rank higher: ℓᵢ = max(0, −yᵢ(x1ᵢ − x2ᵢ) + Δ);
 * ∂ℓᵢ/∂x1ᵢ = −yᵢ and ∂ℓᵢ/∂x2ᵢ = yᵢ where the hinge is ≥ 0 (PyTorch's clamp passes the gradient at 0).
 */
export function marginRankingLoss(input1: Tensor, input2: Tensor, target: Tensor, options?: MarginRankingLossOptions): LossResult {
  const fn = 'marginRankingLoss';
  const opts = readOptions(fn, options, ['reduction', 'margin']);
  const reduction = readReduction(fn, opts);
  const margin = numberOption(fn, opts, 'margin', 0);
  const [a, b] = elementwiseArgs(fn, input1, input2, 'input1', 'input2');
  const y = toF64(fn, 'target', target);
  requireSameShape(fn, 'target', y, 'input1', a);
  requireSigns(fn, 'target', y);
  const n = a.size;
  const s = gradScale(reduction, n);
  const g1 = new Float64Array(n);
  const g2 = new Float64Array(n);
  const keep = reduction === 'none' ? new Float64Array(n) : null;
  const total = marginRankingKernel(a.data, b.data, y.data, g1, g2, keep, margin, s);
  return { loss: reduceLoss(reduction, total, keep, a.shape, n), grads: [tensor(g1, a.shape), tensor(g2, a.shape), null] };
}

// Kernel (see ./index.ts): the loop alone, returning the total.
function marginRankingKernel(
  ad: Float64Array,
  bd: Float64Array,
  yd: Float64Array,
  g1: Float64Array,
  g2: Float64Array,
  keep: Float64Array | null,
  margin: number,
  s: number,
): number {
  let total = 0;
  for (let i = 0; i < ad.length; i++) {
    const t = yd[i];
    const z = -t * (ad[i] - bd[i]) + margin;
    const l = z > 0 ? z : 0;
    total += l;
    if (keep) keep[i] = l;
    if (z >= 0) {
      g1[i] = -s * t;
      g2[i] = s * t;
    }
  }
  return total;
}
