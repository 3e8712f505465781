import type { LossResult, Reduction, Tensor } from '../types';
import { fail, numberOption, readOptions, requireRank, requireSameShape, requireSigns, shapeText, tensor, toF64 } from '../tensor';
import { gradScale, readReduction, reduceLoss } from '../reduction';

export interface CosineEmbeddingLossOptions {
  reduction?: Reduction;
  /** default 0, sensible in [−1, 1] */
  margin?: number;
}

// PyTorch adds this to each squared norm so zero vectors give cos = 0 instead of NaN (a float32 1e-12 there).
const NORM_EPS = Math.fround(1e-12);

/**
 * Cosine embedding loss: ℓᵢ = 1 − cos(x1ᵢ, x2ᵢ) if yᵢ = 1, max(0, cos − Δ) if yᵢ = −1, with
 * cos = x1·x2 / √((‖x1‖² + 1e-12)(‖x2‖² + 1e-12)); ∂cos/∂x1 = x2/√(…) − cos·x1/(‖x1‖² + 1e-12).
 */
export function cosineEmbeddingLoss(input1: Tensor, input2: Tensor, target: Tensor, options?: CosineEmbeddingLossOptions): LossResult {
  const fn = 'cosineEmbeddingLoss';
  const opts = readOptions(fn, options, ['reduction', 'margin']);
  const reduction = readReduction(fn, opts);
  const margin = numberOption(fn, opts, 'margin', 0);
  const a = toF64(fn, 'input1', input1);
  requireRank(fn, 'input1', a, [2], '(N, D) embeddings');
  const b = toF64(fn, 'input2', input2);
  requireSameShape(fn, 'input2', b, 'input1', a);
  const [n, dim] = a.shape;
  const y = toF64(fn, 'target', target);
  if (y.shape.length !== 1 || y.shape[0] !== n) fail(fn, `target must have shape [${n}], got ${shapeText(y.shape)}`);
  requireSigns(fn, 'target', y);
  const s = gradScale(reduction, n);
  const g1 = new Float64Array(a.size);
  const g2 = new Float64Array(a.size);
  const keep = reduction === 'none' ? new Float64Array(n) : null;
  const total = cosineEmbeddingKernel(a.data, b.data, y.data, dim, g1, g2, keep, margin, s);
  return { loss: reduceLoss(reduction, total, keep, [n], n), grads: [tensor(g1, a.shape), tensor(g2, a.shape), null] };
}

// Kernel (see ./index.ts): the loop alone, returning the total.
function cosineEmbeddingKernel(
  ad: Float64Array,
  bd: Float64Array,
  yd: Float64Array,
  dim: number,
  g1: Float64Array,
  g2: Float64Array,
  keep: Float64Array | null,
  margin: number,
  s: number,
): number {
  let total = 0;
  for (let i = 0; i < yd.length; i++) {
    const off = i * dim;
    let dot = 0;
    let m1 = NORM_EPS;
    let m2 = NORM_EPS;
    for (let k = 0; k < dim; k++) {
      const u = ad[off + k];
      const v = bd[off + k];
      dot += u * v;
      m1 += u * u;
      m2 += v * v;
    }
    const denom = Math.sqrt(m1 * m2);
    const cos = dot / denom;
    let l: number;
    let dcos: number; // ∂ℓ/∂cos
    if (yd[i] === 1) {
      l = 1 - cos;
      dcos = -1;
    } else {
      const z = cos - margin;
      l = z > 0 ? z : 0;
      dcos = z >= 0 ? 1 : 0;
    }
    total += l;
    if (keep) keep[i] = l;
    if (dcos !== 0) {
      const c = s * dcos;
      for (let k = 0; k < dim; k++) {
        const u = ad[off + k];
        const v = bd[off + k];
        g1[off + k] = c * (v / denom - (cos * u) / m1);
        g2[off + k] = c * (u / denom - (cos * v) / m2);
      }
    }
  }
  return total;
}
