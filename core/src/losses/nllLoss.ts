import type { LossResult, Reduction, Tensor } from '../types';
import { classIndices, classWeightOption, numberOption, readOptions, requireRank, tensor, toF64 } from '../tensor';
import { gradScale, readReduction, reduceLoss } from '../reduction';

export interface NllLossOptions {
  reduction?: Reduction;
  /** per-class weight, shape [C] */
  weight?: Tensor;
  /** target value that contributes nothing (default −100) */
  ignoreIndex?: number;
}

/**
 * Negative log-likelihood on log-probabilities: ℓᵢ = −w_{yᵢ}·xᵢ,yᵢ, ∂ℓᵢ/∂xᵢ,yᵢ = −w_{yᵢ}.
 * 'mean' divides by Σ w_{yᵢ} over non-ignored rows: NaN when every row is ignored, as in PyTorch (grads are 0).
 */
export function nllLoss(input: Tensor, target: Tensor, options?: NllLossOptions): LossResult {
  const fn = 'nllLoss';
  const opts = readOptions(fn, options, ['reduction', 'weight', 'ignoreIndex']);
  const reduction = readReduction(fn, opts);
  const x = toF64(fn, 'input', input);
  requireRank(fn, 'input', x, [2], '(N, C) log-probabilities');
  const [n, c] = x.shape;
  const weight = classWeightOption(fn, opts, c);
  const ignoreIndex = numberOption(fn, opts, 'ignoreIndex', -100, { integer: true });
  const y = classIndices(fn, 'target', toF64(fn, 'target', target), n, c, ignoreIndex);
  const denom = nllDenominator(y, weight, ignoreIndex);
  const s = gradScale(reduction, denom);
  const xd = x.data;
  const g = new Float64Array(n * c);
  const keep = reduction === 'none' ? new Float64Array(n) : null;
  const total = nllKernel(xd, y, c, g, keep, weight, ignoreIndex, s);
  return { loss: reduceLoss(reduction, total, keep, [n], denom), grads: [tensor(g, [n, c]), null] };
}

// Kernels (see ./index.ts): loops only, returning the total.

/** Σ w_{yᵢ} over the rows whose target is not ignoreIndex (the row count without weights). */
function nllDenominator(y: Int32Array, weight: Float64Array | null, ignoreIndex: number): number {
  let denom = 0;
  for (let i = 0; i < y.length; i++) if (y[i] !== ignoreIndex) denom += weight ? weight[y[i]] : 1;
  return denom;
}

function nllKernel(
  xd: Float64Array,
  y: Int32Array,
  c: number,
  g: Float64Array,
  keep: Float64Array | null,
  weight: Float64Array | null,
  ignoreIndex: number,
  s: number,
): number {
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    const t = y[i];
    if (t === ignoreIndex) continue;
    const wy = weight ? weight[t] : 1;
    const l = -wy * xd[i * c + t];
    total += l;
    if (keep) keep[i] = l;
    g[i * c + t] = -s * wy;
  }
  return total;
}
