import type { LossResult, Reduction, Tensor } from '../types';
import { classIndices, readOptions, requireRank, tensor, toF64 } from '../tensor';
import { gradScale, readReduction, reduceLoss } from '../reduction';

export interface MulticlassHingeLossOptions {
  reduction?: Reduction;
}

/**
 * Weston–Watkins multi-class hinge: ℓᵢ = Σ_{j≠y} max(0, 1 − f_y + f_j) (no 1/C, unlike multiMarginLoss);
 * ∂ℓᵢ/∂f_j = 1 for each active j ≠ y and ∂ℓᵢ/∂f_y = −(number of active j).
 */
export function multiclassHingeLoss(input: Tensor, target: Tensor, options?: MulticlassHingeLossOptions): LossResult {
  const fn = 'multiclassHingeLoss';
  const opts = readOptions(fn, options, ['reduction']);
  const reduction = readReduction(fn, opts);
  const x = toF64(fn, 'input', input);
  requireRank(fn, 'input', x, [2], '(N, C) scores');
  const [n, c] = x.shape;
  const y = classIndices(fn, 'target', toF64(fn, 'target', target), n, c);
  const xd = x.data;
  const s = gradScale(reduction, n);
  const g = new Float64Array(n * c);
  const keep = reduction === 'none' ? new Float64Array(n) : null;
  const total = multiclassHingeKernel(xd, y, c, g, keep, s);
  return { loss: reduceLoss(reduction, total, keep, [n], n), grads: [tensor(g, [n, c]), null] };
}

// Kernel (see ./index.ts): the loop alone, returning the total.
function multiclassHingeKernel(xd: Float64Array, y: Int32Array, c: number, g: Float64Array, keep: Float64Array | null, s: number): number {
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    const off = i * c;
    const t = y[i];
    const fy = xd[off + t];
    let l = 0;
    let active = 0;
    for (let j = 0; j < c; j++) {
      if (j === t) continue;
      const z = 1 - fy + xd[off + j];
      if (z > 0) {
        l += z;
        g[off + j] = s;
        active++;
      }
    }
    g[off + t] = -s * active;
    total += l;
    if (keep) keep[i] = l;
  }
  return total;
}
