import type { LossResult, Reduction, Tensor } from '../types';
import {
  choiceOption,
  classIndices,
  classWeightOption,
  fail,
  numberOption,
  readOptions,
  requireInRange,
  requireRank,
  sameShape,
  tensor,
  toF64,
} from '../tensor';
import { gradScale, readReduction, reduceLoss, type ReductionMode } from '../reduction';
import { expNonPositive } from './internal/fastMath';

export interface CrossEntropyOptions {
  reduction?: Reduction;
  /** per-class weight, shape [C] */
  weight?: Tensor;
  /** class-index target value that contributes nothing (default −100); class-index targets only */
  ignoreIndex?: number;
  /** ε in [0, 1], default 0 */
  labelSmoothing?: number;
  /** 'torch' (default): target 1 − ε + ε/C, others ε/C. 'uniform-others': target 1 − ε, others ε/(C − 1). */
  labelSmoothingMode?: 'torch' | 'uniform-others';
}

/**
 * Softmax cross-entropy on logits via log-sum-exp: ℓᵢ = −Σₖ wₖ qᵢₖ log softmax(zᵢ)ₖ with q the (smoothed) target
 * distribution (class index y: ℓᵢ = w_y(lse(zᵢ) − z_{i,y}) plus the smoothing term); ∂ℓᵢ/∂zᵢₖ = (Σⱼ wⱼqᵢⱼ)pᵢₖ − wₖqᵢₖ.
 * 'mean' divides class-index losses by Σ w_{yᵢ} over non-ignored rows (NaN when every row is ignored, exactly
 * like PyTorch — the gradient is then all zeros), and probability-target losses by N.
 * 'uniform-others' smoothing ε equals PyTorch's smoothing with ε·C/(C − 1).
 */
export function crossEntropy(input: Tensor, target: Tensor, options?: CrossEntropyOptions): LossResult {
  const fn = 'crossEntropy';
  const opts = readOptions(fn, options, ['reduction', 'weight', 'ignoreIndex', 'labelSmoothing', 'labelSmoothingMode']);
  const reduction = readReduction(fn, opts);
  const x = toF64(fn, 'input', input);
  requireRank(fn, 'input', x, [2], '(N, C) logits');
  const [n, c] = x.shape;
  const y = toF64(fn, 'target', target);
  const weight = classWeightOption(fn, opts, c);
  const ignoreIndex = numberOption(fn, opts, 'ignoreIndex', -100, { integer: true });
  const smoothing = numberOption(fn, opts, 'labelSmoothing', 0, { ge: 0, le: 1 });
  const mode = choiceOption(fn, opts, 'labelSmoothingMode', 'torch', ['torch', 'uniform-others'] as const);
  let eps = smoothing;
  if (mode === 'uniform-others' && smoothing > 0) {
    if (c < 2) fail(fn, `labelSmoothingMode 'uniform-others' needs at least 2 classes, input has ${c}`);
    eps = (smoothing * c) / (c - 1);
  }
  if (sameShape(y.shape, x.shape)) {
    if (opts.ignoreIndex !== undefined && ignoreIndex >= 0) fail(fn, 'option ignoreIndex is not supported with probability targets');
    requireInRange(fn, 'target', y, 0, 1, 'probability targets (target has the same shape as input)');
    return probabilityTargets(x.data, y.data, n, c, weight, eps, reduction);
  }
  const classes = classIndices(fn, 'target', y, n, c, ignoreIndex);
  return classTargets(x.data, classes, n, c, weight, ignoreIndex, eps, reduction);
}

function classTargets(
  z: Float64Array,
  y: Int32Array,
  n: number,
  c: number,
  weight: Float64Array | null,
  ignoreIndex: number,
  eps: number,
  reduction: ReductionMode,
): LossResult {
  // Both the NLL part and PyTorch's smoothing part divide a 'mean' by Σ w_y over non-ignored rows.
  const denom = classDenominator(y, weight, ignoreIndex);
  let wSum = c;
  if (weight) {
    wSum = 0;
    for (let k = 0; k < c; k++) wSum += weight[k];
  }
  const s = gradScale(reduction, denom);
  const g = new Float64Array(n * c);
  const keep = reduction === 'none' ? new Float64Array(n) : null;
  const total =
    !weight && eps === 0 && !keep
      ? plainClassKernel(z, y, c, g, ignoreIndex, s)
      : classKernel(z, y, c, g, keep, weight, ignoreIndex, 1 - eps, eps / c, wSum, s);
  return { loss: reduceLoss(reduction, total, keep, [n], denom), grads: [tensor(g, [n, c]), null] };
}

function probabilityTargets(
  z: Float64Array,
  q: Float64Array,
  n: number,
  c: number,
  weight: Float64Array | null,
  eps: number,
  reduction: ReductionMode,
): LossResult {
  const s = gradScale(reduction, n);
  const g = new Float64Array(n * c);
  const keep = reduction === 'none' ? new Float64Array(n) : null;
  const total = probabilityKernel(z, q, n, c, g, keep, weight, eps, eps / c, s);
  return { loss: reduceLoss(reduction, total, keep, [n], n), grads: [tensor(g, [n, c]), null] };
}

// Kernels (see ./index.ts): loops only, returning the total.

/** Σ w_{yᵢ} over the rows whose target is not ignoreIndex (the row count without weights). */
function classDenominator(y: Int32Array, weight: Float64Array | null, ignoreIndex: number): number {
  let denom = 0;
  for (let i = 0; i < y.length; i++) if (y[i] !== ignoreIndex) denom += weight ? weight[y[i]] : 1;
  return denom;
}

/**
 * classKernel for the common case (reduced, no weights, no smoothing), which TurboFan compiles in about half
 * the time, so a first call spends less of itself in the interpreter. It is classKernel with a = wy = 1 and
 * b = 0, and since multiplying by 1 is exact, gives the same bits.
 */
function plainClassKernel(z: Float64Array, y: Int32Array, c: number, g: Float64Array, ignoreIndex: number, s: number): number {
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    const t = y[i];
    if (t === ignoreIndex) continue;
    const off = i * c;
    let m = -Infinity;
    for (let k = 0; k < c; k++) if (z[off + k] > m) m = z[off + k];
    if (m === -Infinity || m === Infinity) m = 0;
    let sumExp = 0;
    for (let k = 0; k < c; k++) {
      const e = expNonPositive(z[off + k] - m);
      g[off + k] = e;
      sumExp += e;
    }
    const coef = s * (1 / sumExp);
    for (let k = 0; k < c; k++) g[off + k] *= coef;
    g[off + t] -= s;
    total += m + Math.log(sumExp) - z[off + t];
  }
  return total;
}

/** Fills g (softmax-based gradient) and keep (per-row loss, when given) for class-index targets; a = 1 − ε, b = ε/C. */
function classKernel(
  z: Float64Array,
  y: Int32Array,
  c: number,
  g: Float64Array,
  keep: Float64Array | null,
  weight: Float64Array | null,
  ignoreIndex: number,
  a: number,
  b: number,
  wSum: number,
  s: number,
): number {
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    const t = y[i];
    if (t === ignoreIndex) continue;
    const off = i * c;
    let m = -Infinity;
    for (let k = 0; k < c; k++) if (z[off + k] > m) m = z[off + k];
    if (m === -Infinity || m === Infinity) m = 0; // all −∞ (or a +∞) rows: let IEEE arithmetic give PyTorch's NaN/∞
    let sumExp = 0;
    for (let k = 0; k < c; k++) {
      const e = expNonPositive(z[off + k] - m);
      g[off + k] = e;
      sumExp += e;
    }
    const lse = m + Math.log(sumExp);
    const wy = weight ? weight[t] : 1;
    let l = a * wy * (lse - z[off + t]);
    const inv = 1 / sumExp;
    if (b !== 0) {
      let wz = 0;
      if (weight) for (let k = 0; k < c; k++) wz += weight[k] * z[off + k];
      else for (let k = 0; k < c; k++) wz += z[off + k];
      l += b * (wSum * lse - wz);
      const coef = s * (a * wy + b * wSum) * inv;
      for (let k = 0; k < c; k++) g[off + k] = coef * g[off + k] - s * b * (weight ? weight[k] : 1);
    } else {
      const coef = s * a * wy * inv;
      for (let k = 0; k < c; k++) g[off + k] *= coef;
    }
    g[off + t] -= s * a * wy;
    total += l;
    if (keep) keep[i] = l;
  }
  return total;
}

/** The same for probability targets q (smoothed: (1 − ε)q + ε/C, with uniform = ε/C). */
function probabilityKernel(
  z: Float64Array,
  q: Float64Array,
  n: number,
  c: number,
  g: Float64Array,
  keep: Float64Array | null,
  weight: Float64Array | null,
  eps: number,
  uniform: number,
  s: number,
): number {
  let total = 0;
  for (let i = 0; i < n; i++) {
    const off = i * c;
    let m = -Infinity;
    for (let k = 0; k < c; k++) if (z[off + k] > m) m = z[off + k];
    if (m === -Infinity || m === Infinity) m = 0;
    let sumExp = 0;
    for (let k = 0; k < c; k++) {
      const e = expNonPositive(z[off + k] - m);
      g[off + k] = e;
      sumExp += e;
    }
    const lse = m + Math.log(sumExp);
    let l = 0;
    let mass = 0; // Σₖ wₖ qₖ
    for (let k = 0; k < c; k++) {
      const wq = (weight ? weight[k] : 1) * (q[off + k] * (1 - eps) + uniform);
      if (wq !== 0) l += wq * (lse - z[off + k]); // skip zero-mass classes so a −∞ logit there adds 0, not NaN
      mass += wq;
    }
    const coef = (s * mass) / sumExp;
    for (let k = 0; k < c; k++) {
      const wq = (weight ? weight[k] : 1) * (q[off + k] * (1 - eps) + uniform);
      g[off + k] = coef * g[off + k] - s * wq;
    }
    total += l;
    if (keep) keep[i] = l;
  }
  return total;
}
