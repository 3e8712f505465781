import type { LossResult, Reduction, Tensor } from '../types';
import { boolOption, elementwiseArgs, fail, numberOption, readOptions, sameShape, shapeText, tensor, toF64 } from '../tensor';
import { gradScale, readReduction, reduceLoss } from '../reduction';

export interface GaussianNllLossOptions {
  reduction?: Reduction;
  /** add the constant ½·log(2π) */
  full?: boolean;
  /** lower clamp of var, default 1e-6 */
  eps?: number;
}

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * Gaussian negative log-likelihood: ℓᵢ = ½(log v + (xᵢ − yᵢ)²/v) (+ ½log 2π if full) with v = max(varᵢ, eps);
 * ∂ℓᵢ/∂xᵢ = (xᵢ − yᵢ)/v, ∂ℓᵢ/∂varᵢ = ½(1/v − (xᵢ − yᵢ)²/v²) — the clamp does not block the gradient, as in PyTorch.
 * var has input's shape, or input's shape without (or with 1 as) its last dimension (one variance per row).
 */
export function gaussianNllLoss(input: Tensor, target: Tensor, variance: Tensor, options?: GaussianNllLossOptions): LossResult {
  const fn = 'gaussianNllLoss';
  const opts = readOptions(fn, options, ['reduction', 'full', 'eps']);
  const reduction = readReduction(fn, opts);
  const full = boolOption(fn, opts, 'full', false);
  const eps = numberOption(fn, opts, 'eps', 1e-6, { gt: 0 });
  const [x, y] = elementwiseArgs(fn, input, target);
  const v = toF64(fn, 'var', variance);
  const lead = x.shape.slice(0, -1);
  const perElement = sameShape(v.shape, x.shape);
  if (!perElement && !sameShape(v.shape, lead) && !sameShape(v.shape, [...lead, 1])) {
    fail(fn, `var has shape ${shapeText(v.shape)}; expected ${shapeText(x.shape)}, ${shapeText(lead)} or ${shapeText([...lead, 1])}`);
  }
  requireVariances(fn, v.data);
  const n = x.size;
  const last = x.shape[x.shape.length - 1];
  const s = gradScale(reduction, n);
  const gx = new Float64Array(n);
  const gv = new Float64Array(v.size);
  const keep = reduction === 'none' ? new Float64Array(n) : null;
  const constant = full ? HALF_LOG_2PI : 0;
  const total = gaussianNllKernel(x.data, y.data, v.data, gx, gv, keep, perElement, last, eps, constant, s);
  return { loss: reduceLoss(reduction, total, keep, x.shape, n), grads: [tensor(gx, x.shape), null, tensor(gv, v.shape)] };
}

function requireVariances(fn: string, vd: Float64Array): void {
  for (let i = 0; i < vd.length; i++) if (!(vd[i] >= 0)) fail(fn, `var[${i}] = ${vd[i]} is negative; variances must be >= 0`);
}

// Kernel (see ./index.ts): the loop alone, returning the total. Variances are per element or one per row of
// `last` elements.
function gaussianNllKernel(
  xd: Float64Array,
  yd: Float64Array,
  vd: Float64Array,
  gx: Float64Array,
  gv: Float64Array,
  keep: Float64Array | null,
  perElement: boolean,
  last: number,
  eps: number,
  constant: number,
  s: number,
): number {
  let total = 0;
  for (let i = 0; i < xd.length; i++) {
    const j = perElement ? i : Math.floor(i / last);
    const vc = Math.max(vd[j], eps);
    const d = xd[i] - yd[i];
    const l = 0.5 * (Math.log(vc) + (d * d) / vc) + constant;
    total += l;
    if (keep) keep[i] = l;
    gx[i] = (s * d) / vc;
    gv[j] += s * 0.5 * (1 / vc - (d * d) / (vc * vc));
  }
  return total;
}
