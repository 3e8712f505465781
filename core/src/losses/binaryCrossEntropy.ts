import type { LossResult, Reduction, Tensor } from '../types';
import { broadcastTo, elementwiseArgs, readOptions, requireInRange, tensor, tensorOption } from '../tensor';
import { gradScale, readReduction, reduceLoss } from '../reduction';

// PyTorch's clamp constant is the float32 literal 1e-12f; matching it keeps the gradient at 0 and 1 identical.
const GRAD_EPS = Math.fround(1e-12);

export interface BinaryCrossEntropyOptions {
  reduction?: Reduction;
  /** rescales each element; broadcast to the input's shape */
  weight?: Tensor;
}

/**
 * Binary cross-entropy on probabilities: ℓᵢ = −wᵢ[yᵢ·max(log xᵢ, −100) + (1 − yᵢ)·max(log(1 − xᵢ), −100)];
 * ∂ℓᵢ/∂xᵢ = wᵢ(xᵢ − yᵢ) / max(xᵢ(1 − xᵢ), 1e-12), the clamps PyTorch uses so 0 and 1 stay finite.
 */
export function binaryCrossEntropy(input: Tensor, target: Tensor, options?: BinaryCrossEntropyOptions): LossResult {
  const fn = 'binaryCrossEntropy';
  const opts = readOptions(fn, options, ['reduction', 'weight']);
  const reduction = readReduction(fn, opts);
  const [x, y] = elementwiseArgs(fn, input, target);
  requireInRange(fn, 'input', x, 0, 1, 'probabilities; apply sigmoid first or use binaryCrossEntropyWithLogits');
  requireInRange(fn, 'target', y, 0, 1, 'probabilities');
  const wArr = tensorOption(fn, opts, 'weight');
  const w = wArr ? broadcastTo(fn, 'option weight', wArr, x.shape) : null;
  const n = x.size;
  const s = gradScale(reduction, n);
  const g = new Float64Array(n);
  const keep = reduction === 'none' ? new Float64Array(n) : null;
  const total = bceKernel(x.data, y.data, g, keep, w, s);
  return { loss: reduceLoss(reduction, total, keep, x.shape, n), grads: [tensor(g, x.shape), null] };
}

// Kernel (see ./index.ts): the loop alone, returning the total.
function bceKernel(
  xd: Float64Array,
  yd: Float64Array,
  g: Float64Array,
  keep: Float64Array | null,
  w: Float64Array | null,
  s: number,
): number {
  let total = 0;
  for (let i = 0; i < xd.length; i++) {
    const p = xd[i];
    const t = yd[i];
    const logP = Math.max(Math.log(p), -100);
    const log1mP = Math.max(Math.log1p(-p), -100);
    const wi = w ? w[i] : 1;
    const l = -wi * (t * logP + (1 - t) * log1mP);
    total += l;
    if (keep) keep[i] = l;
    g[i] = (s * wi * (p - t)) / Math.max((1 - p) * p, GRAD_EPS);
  }
  return total;
}
