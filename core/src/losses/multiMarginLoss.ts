import type { LossResult, Reduction, Tensor } from '../types';
import { classIndices, classWeightOption, fail, numberOption, readOptions, requireRank, tensor, toF64 } from '../tensor';
import { gradScale, readReduction, reduceLoss } from '../reduction';

export interface MultiMarginLossOptions {
  reduction?: Reduction;
  /** 1 (default) or 2 */
  p?: number;
  /** default 1 */
  margin?: number;
  /** per-class weight, shape [C], applied by the target class */
  weight?: Tensor;
}

/**
 * PyTorch's multi-class margin loss: ℓᵢ = (1/C) Σ_{j≠y} w_y·max(0, Δ − x_y + x_j)^p;
 * ∂ℓᵢ/∂x_j = w_y·p·max(0, ·)^{p−1}/C for j ≠ y, and ∂ℓᵢ/∂x_y = −Σ of those.
 */
export function multiMarginLoss(input: Tensor, target: Tensor, options?: MultiMarginLossOptions): LossResult {
  const fn = 'multiMarginLoss';
  const opts = readOptions(fn, options, ['reduction', 'p', 'margin', 'weight']);
  const reduction = readReduction(fn, opts);
  const p = numberOption(fn, opts, 'p', 1);
  if (p !== 1 && p !== 2) fail(fn, `option p must be 1 or 2, got ${p}`);
  const margin = numberOption(fn, opts, 'margin', 1);
  const x = toF64(fn, 'input', input);
  requireRank(fn, 'input', x, [2], '(N, C) scores');
  const [n, c] = x.shape;
  const weight = classWeightOption(fn, opts, c);
  const y = classIndices(fn, 'target', toF64(fn, 'target', target), n, c);
  const xd = x.data;
  const s = gradScale(reduction, n) / c;
  const g = new Float64Array(n * c);
  const keep = reduction === 'none' ? new Float64Array(n) : null;
  const total = multiMarginKernel(xd, y, c, g, keep, weight, p, margin, s);
  return { loss: reduceLoss(reduction, total, keep, [n], n), grads: [tensor(g, [n, c]), null] };
}

// Kernel (see ./index.ts): the loop alone, returning the total.
function multiMarginKernel(
  xd: Float64Array,
  y: Int32Array,
  c: number,
  g: Float64Array,
  keep: Float64Array | null,
  weight: Float64Array | null,
  p: number,
  margin: number,
  s: number,
): number {
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    const off = i * c;
    const t = y[i];
    const wy = weight ? weight[t] : 1;
    const xy = xd[off + t];
    let sum = 0;
    let gy = 0;
    for (let j = 0; j < c; j++) {
      if (j === t) continue;
      const z = margin - xy + xd[off + j];
      if (z > 0) {
        sum += p === 1 ? z : z * z;
        const h = s * wy * (p === 1 ? 1 : 2 * z);
        g[off + j] = h;
        gy -= h;
      }
    }
    g[off + t] = gy;
    const l = (wy * sum) / c;
    total += l;
    if (keep) keep[i] = l;
  }
  return total;
}
