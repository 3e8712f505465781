// What Dice, Jaccard and Tversky share: per (sample, class) sums over the spatial positions of an
// (N, C, …) probability map and its target, and the ratio ℓ = 1 − (k·tp + sₙ)/(k·tp + α·fp + β·fn + s_d).
import type { LossResult, Reduction, Tensor } from '../../types';
import { fail, readOptions, requireInRange, requireSameShape, tensor, toF64 } from '../../tensor';
import { readReduction, reduceLoss } from '../../reduction';

export interface OverlapOptions {
  reduction?: Reduction;
  /** added to the numerator (MONAI `smooth_nr`), default 1e-5 */
  smoothNr?: number;
  /** added to the denominator (MONAI `smooth_dr`), default 1e-5 */
  smoothDr?: number;
}

/** The loss of every (sample, class) pair, reduced; `k`, `alpha`, `beta` select Dice (2, 1, 1), Jaccard (1, 1, 1) or Tversky (1, α, β). */
export function overlapLoss(
  fn: string,
  input: Tensor,
  target: Tensor,
  options: unknown,
  extra: readonly string[],
  coefficients: (opts: Record<string, unknown>) => { k: number; alpha: number; beta: number },
): LossResult {
  const opts = readOptions(fn, options, ['reduction', 'smoothNr', 'smoothDr', ...extra]);
  const reduction = readReduction(fn, opts);
  const smoothNr = nonNegative(fn, opts, 'smoothNr');
  const smoothDr = nonNegative(fn, opts, 'smoothDr');
  const { k, alpha, beta } = coefficients(opts);
  const p = toF64(fn, 'input', input);
  const y = toF64(fn, 'target', target);
  if (p.shape.length < 2) fail(fn, `input must have shape (N, C, …), got rank ${p.shape.length}`);
  requireSameShape(fn, 'target', y, 'input', p);
  requireInRange(fn, 'input', p, 0, 1, 'probabilities (apply sigmoid or softmax first)');
  requireInRange(fn, 'target', y, 0, 1, 'a mask or one-hot labels');
  const pairs = p.shape[0] * p.shape[1];
  const spatial = pairs === 0 ? 0 : p.size / pairs;
  const g = new Float64Array(p.size);
  const keep = reduction === 'none' ? new Float64Array(pairs) : null;
  const scale = reduction === 'mean' ? 1 / pairs : 1;
  const total = overlapKernel(p.data, y.data, g, keep, pairs, spatial, k, alpha, beta, smoothNr, smoothDr, scale);
  return { loss: reduceLoss(reduction, total, keep, p.shape.slice(0, 2), pairs), grads: [tensor(g, p.shape), null] };
}

function nonNegative(fn: string, opts: Record<string, unknown>, name: string): number {
  const v = opts[name];
  if (v === undefined) return 1e-5;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) fail(fn, `option ${name} must be a finite number >= 0, got ${String(v)}`);
  return v;
}

// Kernel (see ../index.ts): per pair, tp = Σ p·y, P = Σ p, Y = Σ y; A = k·tp + sₙ,
// B = (k − α − β)·tp + α·P + β·Y + s_d; ℓ = 1 − A/B, ∂ℓ/∂pᵢ = −(k·yᵢ·B − A·((k − α − β)·yᵢ + α))/B².
function overlapKernel(
  pd: Float64Array,
  yd: Float64Array,
  g: Float64Array,
  keep: Float64Array | null,
  pairs: number,
  spatial: number,
  k: number,
  alpha: number,
  beta: number,
  smoothNr: number,
  smoothDr: number,
  scale: number,
): number {
  let total = 0;
  const c = k - alpha - beta;
  for (let j = 0; j < pairs; j++) {
    const base = j * spatial;
    let tp = 0;
    let sp = 0;
    let sy = 0;
    for (let i = base; i < base + spatial; i++) {
      tp += pd[i] * yd[i];
      sp += pd[i];
      sy += yd[i];
    }
    const a = k * tp + smoothNr;
    const b = c * tp + alpha * sp + beta * sy + smoothDr;
    const l = 1 - a / b;
    total += l;
    if (keep) keep[j] = l;
    const b2 = b * b;
    for (let i = base; i < base + spatial; i++) g[i] = (-scale * (k * yd[i] * b - a * (c * yd[i] + alpha))) / b2;
  }
  return total;
}
