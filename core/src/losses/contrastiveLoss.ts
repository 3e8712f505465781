import type { LossResult, Reduction, Tensor } from '../types';
import { numberOption, readOptions, requireBinary, requireRank, requireSameShape, tensor, toF64, fail, shapeText } from '../tensor';
import { gradScale, readReduction, reduceLoss } from '../reduction';
import { rowDistance } from './internal/pairwiseDistance';

export interface ContrastiveLossOptions {
  reduction?: Reduction;
  /** default 1 */
  margin?: number;
}

/**
 * Contrastive (siamese) loss, label 0 = similar, 1 = dissimilar: ℓᵢ = (1 − yᵢ)dᵢ²/2 + yᵢ·max(0, m − dᵢ)²/2 with
 * dᵢ = ‖x1ᵢ − x2ᵢ + 1e-6‖₂ (pairwise_distance); ∂ℓᵢ/∂x1ᵢ = [(1 − yᵢ)dᵢ − yᵢ max(0, m − dᵢ)]·(x1ᵢ − x2ᵢ + 1e-6)/dᵢ.
 */
export function contrastiveLoss(x1: Tensor, x2: Tensor, label: Tensor, options?: ContrastiveLossOptions): LossResult {
  const fn = 'contrastiveLoss';
  const opts = readOptions(fn, options, ['reduction', 'margin']);
  const reduction = readReduction(fn, opts);
  const margin = numberOption(fn, opts, 'margin', 1);
  const a = toF64(fn, 'x1', x1);
  requireRank(fn, 'x1', a, [2], '(N, D) embeddings');
  const b = toF64(fn, 'x2', x2);
  requireSameShape(fn, 'x2', b, 'x1', a);
  const [n, dim] = a.shape;
  const y = toF64(fn, 'label', label);
  if (y.shape.length !== 1 || y.shape[0] !== n) fail(fn, `label must have shape [${n}], got ${shapeText(y.shape)}`);
  requireBinary(fn, 'label', y, '0 = similar, 1 = dissimilar');
  const s = gradScale(reduction, n);
  const g1 = new Float64Array(a.size);
  const g2 = new Float64Array(a.size);
  const keep = reduction === 'none' ? new Float64Array(n) : null;
  const total = contrastiveKernel(a.data, b.data, y.data, dim, g1, g2, keep, new Float64Array(dim), margin, s);
  return { loss: reduceLoss(reduction, total, keep, [n], n), grads: [tensor(g1, a.shape), tensor(g2, a.shape), null] };
}

// Kernel (see ./index.ts): the loop alone, returning the total.
function contrastiveKernel(
  ad: Float64Array,
  bd: Float64Array,
  yd: Float64Array,
  dim: number,
  g1: Float64Array,
  g2: Float64Array,
  keep: Float64Array | null,
  u: Float64Array,
  margin: number,
  s: number,
): number {
  let total = 0;
  for (let i = 0; i < yd.length; i++) {
    const d = rowDistance(ad, i, bd, i, dim, 2, 1e-6, u);
    const t = yd[i];
    const gap = margin - d > 0 ? margin - d : 0;
    const l = 0.5 * ((1 - t) * d * d + t * gap * gap);
    total += l;
    if (keep) keep[i] = l;
    const dl = s * ((1 - t) * d - t * gap);
    const off = i * dim;
    for (let k = 0; k < dim; k++) {
      g1[off + k] = dl * u[k];
      g2[off + k] = -dl * u[k];
    }
  }
  return total;
}
