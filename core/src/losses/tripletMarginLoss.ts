import type { LossResult, Reduction, Tensor } from '../types';
import { boolOption, numberOption, readOptions, requireRank, requireSameShape, rowsCols, tensor, toF64 } from '../tensor';
import { gradScale, readReduction, reduceLoss } from '../reduction';
import { rowDistance } from './internal/pairwiseDistance';

export interface TripletMarginLossOptions {
  reduction?: Reduction;
  /** default 1 */
  margin?: number;
  /** norm degree, default 2 */
  p?: number;
  /** added to the difference before the norm, default 1e-6 */
  eps?: number;
  /** use min(d(a, n), d(p, n)) as the negative distance */
  swap?: boolean;
}

/**
 * Triplet margin loss on (N, D) embeddings: ℓᵢ = max(0, Δ + d(aᵢ, pᵢ) − d(aᵢ, nᵢ)) with d(u, v) = ‖u − v + ε‖_p
 * (PyTorch's pairwise_distance); ∂ℓᵢ/∂aᵢ = ∇d(aᵢ, pᵢ) − ∇d(aᵢ, nᵢ) where the hinge is active (≥ 0, as PyTorch's clamp).
 * A (D) input is one triplet and gives a shape-[] loss for 'none'.
 */
export function tripletMarginLoss(anchor: Tensor, positive: Tensor, negative: Tensor, options?: TripletMarginLossOptions): LossResult {
  const fn = 'tripletMarginLoss';
  const opts = readOptions(fn, options, ['reduction', 'margin', 'p', 'eps', 'swap']);
  const reduction = readReduction(fn, opts);
  const margin = numberOption(fn, opts, 'margin', 1);
  const p = numberOption(fn, opts, 'p', 2, { gt: 0, infinite: true });
  const eps = numberOption(fn, opts, 'eps', 1e-6);
  const swap = boolOption(fn, opts, 'swap', false);
  const a = toF64(fn, 'anchor', anchor);
  requireRank(fn, 'anchor', a, [1, 2], '(N, D) or (D)');
  const pos = toF64(fn, 'positive', positive);
  const neg = toF64(fn, 'negative', negative);
  requireSameShape(fn, 'positive', pos, 'anchor', a);
  requireSameShape(fn, 'negative', neg, 'anchor', a);
  const [n, dim] = a.shape.length === 2 ? rowsCols(a) : [1, a.size];
  const outShape = a.shape.length === 2 ? [n] : [];
  const s = gradScale(reduction, n);
  const ga = new Float64Array(a.size);
  const gp = new Float64Array(a.size);
  const gn = new Float64Array(a.size);
  const keep = reduction === 'none' ? new Float64Array(n) : null;
  const [uAP, uAN, uPN] = [new Float64Array(dim), new Float64Array(dim), new Float64Array(dim)]; // ∂d/∂(first row) per distance
  const total = tripletKernel(a.data, pos.data, neg.data, n, dim, ga, gp, gn, keep, uAP, uAN, uPN, margin, p, eps, swap, s);
  return {
    loss: reduceLoss(reduction, total, keep, outShape, n),
    grads: [tensor(ga, a.shape), tensor(gp, a.shape), tensor(gn, a.shape)],
  };
}

// Kernel (see ./index.ts): the loop alone, returning the total.
function tripletKernel(
  ad: Float64Array,
  pd: Float64Array,
  nd: Float64Array,
  n: number,
  dim: number,
  ga: Float64Array,
  gp: Float64Array,
  gn: Float64Array,
  keep: Float64Array | null,
  uAP: Float64Array,
  uAN: Float64Array,
  uPN: Float64Array,
  margin: number,
  p: number,
  eps: number,
  swap: boolean,
  s: number,
): number {
  let total = 0;
  for (let i = 0; i < n; i++) {
    const dAP = rowDistance(ad, i, pd, i, dim, p, eps, uAP);
    const dAN = rowDistance(ad, i, nd, i, dim, p, eps, uAN);
    // Share of the negative-distance gradient going to d(a, n) and to d(p, n); PyTorch's min splits ties.
    let wAN = 1;
    let wPN = 0;
    let dNeg = dAN;
    if (swap) {
      const dPN = rowDistance(pd, i, nd, i, dim, p, eps, uPN);
      if (dPN < dAN) [wAN, wPN, dNeg] = [0, 1, dPN];
      else if (dPN === dAN) [wAN, wPN] = [0.5, 0.5];
    }
    const z = margin + dAP - dNeg;
    const l = z > 0 ? z : 0;
    total += l;
    if (keep) keep[i] = l;
    if (z >= 0) {
      const off = i * dim;
      for (let k = 0; k < dim; k++) {
        ga[off + k] += s * (uAP[k] - wAN * uAN[k]);
        gp[off + k] += s * (-uAP[k] - wPN * uPN[k]);
        gn[off + k] += s * (wAN * uAN[k] + wPN * uPN[k]);
      }
    }
  }
  return total;
}
