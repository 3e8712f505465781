import type { LossResult, Reduction, Tensor } from '../types';
import { elementwiseArgs, numberOption, readOptions, requireSigns, tensor } from '../tensor';
import { gradScale, readReduction, reduceLoss } from '../reduction';

export interface HingeEmbeddingLossOptions {
  reduction?: Reduction;
  /** default 1 */
  margin?: number;
}

/**
 * Hinge embedding loss on distances: ℓᵢ = xᵢ if yᵢ = 1, max(0, Δ − xᵢ) if yᵢ = −1; ∂ℓᵢ/∂xᵢ = 1, or −1 where Δ − xᵢ ≥ 0
 * (PyTorch's clamp lets the gradient through at the kink).
 */
export function hingeEmbeddingLoss(input: Tensor, target: Tensor, options?: HingeEmbeddingLossOptions): LossResult {
  const fn = 'hingeEmbeddingLoss';
  const opts = readOptions(fn, options, ['reduction', 'margin']);
  const reduction = readReduction(fn, opts);
  const margin = numberOption(fn, opts, 'margin', 1);
  const [x, y] = elementwiseArgs(fn, input, target);
  requireSigns(fn, 'target', y);
  const n = x.size;
  const s = gradScale(reduction, n);
  const g = new Float64Array(n);
  const keep = reduction === 'none' ? new Float64Array(n) : null;
  const total = hingeEmbeddingKernel(x.data, y.data, g, keep, margin, s);
  return { loss: reduceLoss(reduction, total, keep, x.shape, n), grads: [tensor(g, x.shape), null] };
}

// Kernel (see ./index.ts): the loop alone, returning the total.
function hingeEmbeddingKernel(
  xd: Float64Array,
  yd: Float64Array,
  g: Float64Array,
  keep: Float64Array | null,
  margin: number,
  s: number,
): number {
  let total = 0;
  for (let i = 0; i < xd.length; i++) {
    let l: number;
    if (yd[i] === 1) {
      l = xd[i];
      g[i] = s;
    } else {
      const m = margin - xd[i];
      l = m > 0 ? m : 0;
      g[i] = m >= 0 ? -s : 0;
    }
    total += l;
    if (keep) keep[i] = l;
  }
  return total;
}
