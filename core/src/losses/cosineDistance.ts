import type { LossResult, Reduction, Tensor } from '../types';
import { fail, numberOption, readOptions, requireRank, requireSameShape, tensor, toF64 } from '../tensor';
import { gradScale, readReduction, reduceLoss } from '../reduction';

export interface CosineDistanceOptions {
  reduction?: Reduction;
  /** ε ≥ 0, default 0: each squared norm is clipped from below at ε (optax's `epsilon`) */
  eps?: number;
}

/**
 * Cosine distance (optax.cosine_distance) over the last axis: ℓᵢ = 1 − xᵢ·yᵢ / (‖xᵢ‖‖yᵢ‖) with ‖v‖ = √max(Σv², ε);
 * ∂ℓᵢ/∂xᵢ = −(yᵢ/(‖xᵢ‖‖yᵢ‖) − cos·xᵢ/‖xᵢ‖²), the second term only where Σx² > ε (a clipped norm is constant).
 */
export function cosineDistance(input: Tensor, target: Tensor, options?: CosineDistanceOptions): LossResult {
  const fn = 'cosineDistance';
  const opts = readOptions(fn, options, ['reduction', 'eps']);
  const reduction = readReduction(fn, opts);
  const eps = numberOption(fn, opts, 'eps', 0, { ge: 0 });
  const a = toF64(fn, 'input', input);
  requireRank(fn, 'input', a, [1, 2], '(D) or (N, D) vectors');
  const b = toF64(fn, 'target', target);
  requireSameShape(fn, 'target', b, 'input', a);
  const dim = a.shape[a.shape.length - 1];
  if (dim === 0) fail(fn, 'vectors must have at least one component');
  const rows = a.size / dim;
  const outShape = a.shape.slice(0, -1);
  const s = gradScale(reduction, rows);
  const g1 = new Float64Array(a.size);
  const g2 = new Float64Array(a.size);
  const keep = reduction === 'none' ? new Float64Array(rows) : null;
  const total = cosineDistanceKernel(a.data, b.data, dim, g1, g2, keep, eps, s);
  return { loss: reduceLoss(reduction, total, keep, outShape, rows), grads: [tensor(g1, a.shape), tensor(g2, a.shape)] };
}

// Kernel (see ./index.ts): the loop alone, returning the total.
function cosineDistanceKernel(
  ad: Float64Array,
  bd: Float64Array,
  dim: number,
  g1: Float64Array,
  g2: Float64Array,
  keep: Float64Array | null,
  eps: number,
  s: number,
): number {
  let total = 0;
  for (let off = 0; off < ad.length; off += dim) {
    let dot = 0;
    let m1 = 0;
    let m2 = 0;
    for (let k = 0; k < dim; k++) {
      const u = ad[off + k];
      const v = bd[off + k];
      dot += u * v;
      m1 += u * u;
      m2 += v * v;
    }
    // A norm clipped at √ε does not move with its vector: no radial term in its gradient.
    const r1 = m1 > eps ? 1 : 0;
    const r2 = m2 > eps ? 1 : 0;
    const n1 = Math.sqrt(m1 > eps ? m1 : eps);
    const n2 = Math.sqrt(m2 > eps ? m2 : eps);
    const denom = n1 * n2;
    const cos = dot / denom;
    const l = 1 - cos;
    total += l;
    if (keep) keep[off / dim] = l;
    for (let k = 0; k < dim; k++) {
      const u = ad[off + k];
      const v = bd[off + k];
      g1[off + k] = -s * (v / denom - (r1 * cos * u) / (n1 * n1));
      g2[off + k] = -s * (u / denom - (r2 * cos * v) / (n2 * n2));
    }
  }
  return total;
}
