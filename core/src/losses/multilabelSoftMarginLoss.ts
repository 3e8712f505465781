import type { LossResult, Reduction, Tensor } from '../types';
import { broadcastTo, elementwiseArgs, readOptions, requireInRange, requireRank, tensor, tensorOption } from '../tensor';
import { gradScale, readReduction, reduceLoss } from '../reduction';

export interface MultilabelSoftMarginLossOptions {
  reduction?: Reduction;
  /** per-class weight (shape [C]) or anything broadcastable to (N, C) */
  weight?: Tensor;
}

/**
 * Multi-label one-vs-all logistic loss: ℓᵢ = (1/C) Σₖ wₖ[max(xᵢₖ, 0) − yᵢₖxᵢₖ + log1p(e^{−|xᵢₖ|})];
 * ∂ℓᵢ/∂xᵢₖ = wₖ(σ(xᵢₖ) − yᵢₖ)/C.
 */
export function multilabelSoftMarginLoss(input: Tensor, target: Tensor, options?: MultilabelSoftMarginLossOptions): LossResult {
  const fn = 'multilabelSoftMarginLoss';
  const opts = readOptions(fn, options, ['reduction', 'weight']);
  const reduction = readReduction(fn, opts);
  const [x, y] = elementwiseArgs(fn, input, target);
  requireRank(fn, 'input', x, [2], '(N, C) logits');
  requireInRange(fn, 'target', y, 0, 1, 'multi-label targets');
  const [n, c] = x.shape;
  const wArr = tensorOption(fn, opts, 'weight');
  const w = wArr ? broadcastTo(fn, 'option weight', wArr, x.shape) : null;
  const s = gradScale(reduction, n) / c;
  const g = new Float64Array(x.size);
  const keep = reduction === 'none' ? new Float64Array(n) : null;
  const total = multilabelSoftMarginKernel(x.data, y.data, n, c, g, keep, w, s);
  return { loss: reduceLoss(reduction, total, keep, [n], n), grads: [tensor(g, x.shape), null] };
}

// Kernel (see ./index.ts): the loop alone, returning the total.
function multilabelSoftMarginKernel(
  xd: Float64Array,
  yd: Float64Array,
  n: number,
  c: number,
  g: Float64Array,
  keep: Float64Array | null,
  w: Float64Array | null,
  s: number,
): number {
  let total = 0;
  for (let i = 0; i < n; i++) {
    let row = 0;
    for (let k = 0; k < c; k++) {
      const j = i * c + k;
      const z = xd[j];
      const t = yd[j];
      const e = Math.exp(-Math.abs(z));
      const sig = z >= 0 ? 1 / (1 + e) : e / (1 + e);
      const wk = w ? w[j] : 1;
      row += wk * ((z > 0 ? z : 0) - z * t + Math.log1p(e));
      g[j] = s * wk * (sig - t);
    }
    const l = row / c;
    total += l;
    if (keep) keep[i] = l;
  }
  return total;
}
