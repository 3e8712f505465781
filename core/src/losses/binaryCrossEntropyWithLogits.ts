import type { LossResult, Reduction, Tensor } from '../types';
import { broadcastTo, elementwiseArgs, readOptions, tensor, tensorOption } from '../tensor';
import { gradScale, readReduction, reduceLoss } from '../reduction';
import { expNonPositive, log1pUnit } from './internal/fastMath';

export interface BinaryCrossEntropyWithLogitsOptions {
  reduction?: Reduction;
  /** rescales each element; broadcast to the input's shape */
  weight?: Tensor;
  /** weight of the positive term, usually one per class (shape [C]); broadcast to the input's shape */
  posWeight?: Tensor;
}

/**
 * Binary cross-entropy on logits, stable for any z: ℓᵢ = wᵢ[(1 − yᵢ)zᵢ + (1 + (pᵢ − 1)yᵢ)·(max(−zᵢ, 0) + log1p(e^−|zᵢ|))]
 * (= max(z, 0) − z·y + log1p(e^−|z|) without posWeight); ∂ℓᵢ/∂zᵢ = wᵢ[(1 + (pᵢ − 1)yᵢ)σ(zᵢ) − pᵢyᵢ].
 */
export function binaryCrossEntropyWithLogits(input: Tensor, target: Tensor, options?: BinaryCrossEntropyWithLogitsOptions): LossResult {
  const fn = 'binaryCrossEntropyWithLogits';
  const opts = readOptions(fn, options, ['reduction', 'weight', 'posWeight']);
  const reduction = readReduction(fn, opts);
  const [x, y] = elementwiseArgs(fn, input, target);
  const wArr = tensorOption(fn, opts, 'weight');
  const w = wArr ? broadcastTo(fn, 'option weight', wArr, x.shape) : null;
  const pwArr = tensorOption(fn, opts, 'posWeight');
  const pw = pwArr ? broadcastTo(fn, 'option posWeight', pwArr, x.shape) : null;
  const n = x.size;
  const xd = x.data;
  const yd = y.data;
  const s = gradScale(reduction, n);
  const g = new Float64Array(n);
  const keep = reduction === 'none' ? new Float64Array(n) : null;
  // Branch-free on purpose: logits have random signs, and a sign test per element mispredicts half the time.
  // max(z, 0) = ½(|z| + z); σ(z) = (1 or e)/(1 + e) with e = e^−|z|, picked by neg ∈ {0, 1} (exactly 1 for
  // z < 0, 0 for z ≥ 0, since 2|z| + 1e-300 rounds to 2|z| for any |z| that matters).
  const total = !w && !pw && !keep ? plainKernel(xd, yd, g, s) : generalKernel(xd, yd, g, keep, w, pw, s);
  return { loss: reduceLoss(reduction, total, keep, x.shape, n), grads: [tensor(g, x.shape), null] };
}

// Kernels (see ./index.ts). The common case (reduced, unweighted) has its own: without the weight loads and
// the maybe-null `keep` store it is about 2× faster.
function plainKernel(xd: Float64Array, yd: Float64Array, g: Float64Array, s: number): number {
  let total = 0;
  for (let i = 0; i < xd.length; i++) {
    const z = xd[i];
    const t = yd[i];
    const a = Math.abs(z);
    const e = expNonPositive(-a);
    const neg = (a - z) / (2 * a + 1e-300);
    total += 0.5 * (a + z) - z * t + log1pUnit(e);
    g[i] = s * ((neg * e + (1 - neg)) / (1 + e) - t);
  }
  return total;
}

function generalKernel(
  xd: Float64Array,
  yd: Float64Array,
  g: Float64Array,
  keep: Float64Array | null,
  w: Float64Array | null,
  pw: Float64Array | null,
  s: number,
): number {
  let total = 0;
  for (let i = 0; i < xd.length; i++) {
    const z = xd[i];
    const t = yd[i];
    const a = Math.abs(z);
    const e = expNonPositive(-a);
    const neg = (a - z) / (2 * a + 1e-300);
    const p = pw ? pw[i] : 1;
    const logWeight = 1 + (p - 1) * t;
    const softplusNeg = 0.5 * (a - z) + log1pUnit(e);
    const sig = (neg * e + (1 - neg)) / (1 + e);
    const wi = w ? w[i] : 1;
    const l = wi * ((1 - t) * z + logWeight * softplusNeg);
    total += l;
    if (keep) keep[i] = l;
    g[i] = s * wi * (logWeight * sig - p * t);
  }
  return total;
}
