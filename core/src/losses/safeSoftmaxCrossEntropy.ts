import type { LossResult, Reduction, Tensor } from '../types';
import { readOptions, requireRank, requireSameShape, tensor, toF64 } from '../tensor';
import { gradScale, readReduction, reduceLoss } from '../reduction';

export interface SafeSoftmaxCrossEntropyOptions {
  reduction?: Reduction;
}

/**
 * Softmax cross-entropy with 0·log 0 = 0 (optax.safe_softmax_cross_entropy): ℓᵢ = −Σₖ yᵢₖ log softmax(zᵢ)ₖ over the
 * classes with yᵢₖ ≠ 0, so a −∞ logit of a class with target 0 adds 0 (not NaN); ∂ℓᵢ/∂zᵢₖ = (Σⱼ yᵢⱼ)pᵢₖ − yᵢₖ.
 */
export function safeSoftmaxCrossEntropy(input: Tensor, target: Tensor, options?: SafeSoftmaxCrossEntropyOptions): LossResult {
  const fn = 'safeSoftmaxCrossEntropy';
  const opts = readOptions(fn, options, ['reduction']);
  const reduction = readReduction(fn, opts);
  const z = toF64(fn, 'input', input);
  requireRank(fn, 'input', z, [1, 2], '(C) or (N, C) logits');
  const y = toF64(fn, 'target', target);
  requireSameShape(fn, 'target', y, 'input', z);
  const c = z.shape[z.shape.length - 1];
  const rows = c === 0 ? 0 : z.size / c;
  const s = gradScale(reduction, rows);
  const g = new Float64Array(z.size);
  const keep = reduction === 'none' ? new Float64Array(rows) : null;
  const total = safeCrossEntropyKernel(z.data, y.data, c, g, keep, s);
  return { loss: reduceLoss(reduction, total, keep, z.shape.slice(0, -1), rows), grads: [tensor(g, z.shape), null] };
}

// Kernel (see ./index.ts): the loop alone, returning the total.
function safeCrossEntropyKernel(
  zd: Float64Array,
  yd: Float64Array,
  c: number,
  g: Float64Array,
  keep: Float64Array | null,
  s: number,
): number {
  let total = 0;
  for (let off = 0; off < zd.length; off += c) {
    let max = -Infinity;
    for (let k = 0; k < c; k++) if (zd[off + k] > max) max = zd[off + k];
    let sum = 0;
    for (let k = 0; k < c; k++) sum += Math.exp(zd[off + k] - max);
    const lse = max + Math.log(sum);
    let l = 0;
    let mass = 0;
    for (let k = 0; k < c; k++) {
      const w = yd[off + k];
      if (w !== 0) l -= w * (zd[off + k] - lse);
      mass += w;
    }
    total += l;
    if (keep) keep[off / c] = l;
    for (let k = 0; k < c; k++) g[off + k] = s * (mass * Math.exp(zd[off + k] - lse) - yd[off + k]);
  }
  return total;
}
