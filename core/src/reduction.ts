// The one reduction helper every loss uses. Kernels accumulate the total in their own loop (and keep
// the per-element values only for 'none'), so a reduced 1e6-element loss allocates nothing extra.
import type { F64Tensor, Reduction } from './types';
import { fail, type OptionBag } from './tensor';

export type ReductionMode = Reduction | 'batchmean';

const STANDARD: readonly ReductionMode[] = ['none', 'mean', 'sum'];

export function readReduction(
  fn: string,
  opts: OptionBag,
  dflt: ReductionMode = 'mean',
  allowed: readonly ReductionMode[] = STANDARD,
): ReductionMode {
  const v = opts.reduction;
  if (v === undefined) return dflt;
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    fail(
      fn,
      `option reduction must be one of ${allowed.map(a => `'${a}'`).join(', ')}, got ${typeof v === 'string' ? `'${v}'` : typeof v}`,
    );
  }
  return v as ReductionMode;
}

/**
 * Factor applied to every per-element derivative so that grads are d(reduced loss)/d(input).
 * `denominator` is what 'mean'/'batchmean' divide by (element count, batch size or Σ weights).
 */
export function gradScale(reduction: ReductionMode, denominator: number): number {
  return reduction === 'mean' || reduction === 'batchmean' ? 1 / denominator : 1;
}

/**
 * Builds the loss tensor. `elements` (the per-element losses, shape `shape`) is only read for
 * 'none'. A mean over a zero denominator is 0/0 = NaN, exactly as PyTorch.
 */
export function reduceLoss(
  reduction: ReductionMode,
  total: number,
  elements: Float64Array | null,
  shape: readonly number[],
  denominator: number,
): F64Tensor {
  if (reduction === 'none') {
    if (!elements) throw new Error('reduceLoss: per-element values are required for reduction none');
    return { data: elements, shape: shape.slice() };
  }
  const value = reduction === 'sum' ? total : total / denominator;
  return { data: new Float64Array([value]), shape: [] };
}
