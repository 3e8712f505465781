import type { LossResult, Reduction, Tensor } from '../types';
import { classIndices, classWeightOption, numberOption, readOptions, requireRank, tensor, toF64 } from '../tensor';
import { gradScale, readReduction, reduceLoss } from '../reduction';

export interface SoftmaxFocalLossOptions {
  reduction?: Reduction;
  /** focusing parameter ≥ 0, default 2 (0 gives cross-entropy) */
  gamma?: number;
  /** per-class weight, shape [C], applied by the target class */
  weight?: Tensor;
}

/**
 * Multi-class focal loss on logits: ℓᵢ = −w_y(1 − p_y)^γ log p_y with p = softmax(zᵢ);
 * ∂ℓᵢ/∂zₖ = w_y[(1 − p_y)^γ − γ(1 − p_y)^{γ−1}p_y log p_y]·(pₖ − δ_{ky}). 'mean' is the plain mean over N
 * (weights scale rows but are not the denominator, unlike crossEntropy).
 */
export function softmaxFocalLoss(input: Tensor, target: Tensor, options?: SoftmaxFocalLossOptions): LossResult {
  const fn = 'softmaxFocalLoss';
  const opts = readOptions(fn, options, ['reduction', 'gamma', 'weight']);
  const reduction = readReduction(fn, opts);
  const gamma = numberOption(fn, opts, 'gamma', 2, { ge: 0 });
  const x = toF64(fn, 'input', input);
  requireRank(fn, 'input', x, [2], '(N, C) logits');
  const [n, c] = x.shape;
  const weight = classWeightOption(fn, opts, c);
  const y = classIndices(fn, 'target', toF64(fn, 'target', target), n, c);
  const z = x.data;
  const s = gradScale(reduction, n);
  const g = new Float64Array(n * c);
  const keep = reduction === 'none' ? new Float64Array(n) : null;
  const total = softmaxFocalKernel(z, y, c, g, keep, weight, gamma, s);
  return { loss: reduceLoss(reduction, total, keep, [n], n), grads: [tensor(g, [n, c]), null] };
}

// Kernel (see ./index.ts): the loop alone, returning the total.
function softmaxFocalKernel(
  z: Float64Array,
  y: Int32Array,
  c: number,
  g: Float64Array,
  keep: Float64Array | null,
  weight: Float64Array | null,
  gamma: number,
  s: number,
): number {
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    const off = i * c;
    const t = y[i];
    let m = -Infinity;
    for (let k = 0; k < c; k++) if (z[off + k] > m) m = z[off + k];
    let sumExp = 0;
    for (let k = 0; k < c; k++) {
      const e = Math.exp(z[off + k] - m);
      g[off + k] = e;
      sumExp += e;
    }
    const logPy = z[off + t] - m - Math.log(sumExp);
    const py = Math.exp(logPy);
    const oneMinus = -Math.expm1(logPy);
    const wy = weight ? weight[t] : 1;
    const mod = oneMinus ** gamma;
    const l = -wy * mod * logPy;
    const dterm = gamma === 0 || oneMinus === 0 ? 0 : gamma * oneMinus ** (gamma - 1) * py * logPy;
    const coef = s * wy * (mod - dterm);
    const inv = 1 / sumExp;
    for (let k = 0; k < c; k++) g[off + k] = coef * g[off + k] * inv;
    g[off + t] -= coef;
    total += l;
    if (keep) keep[i] = l;
  }
  return total;
}
