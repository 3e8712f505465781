import type { LossResult, Tensor } from '../types';
import { readOptions, requireRank, requireSameShape, tensor, toF64 } from '../tensor';
import { gradScale, reduceLoss } from '../reduction';

/**
 * KL(N(μ, e^{logVar}) ‖ N(0, I)) of a VAE encoder: ℓ = (1/N) Σᵢ −½ Σⱼ (1 + logVarᵢⱼ − μᵢⱼ² − e^{logVarᵢⱼ}),
 * summed over latent dimensions and averaged over the batch; ∂ℓ/∂μ = μ/N, ∂ℓ/∂logVar = ½(e^{logVar} − 1)/N.
 * A (D) input is a single sample. Takes no options.
 */
export function gaussianKlDivergence(mu: Tensor, logVar: Tensor, options?: Record<string, never>): LossResult {
  const fn = 'gaussianKlDivergence';
  readOptions(fn, options, []);
  const m = toF64(fn, 'mu', mu);
  requireRank(fn, 'mu', m, [1, 2], '(N, D) or (D)');
  const lv = toF64(fn, 'logVar', logVar);
  requireSameShape(fn, 'logVar', lv, 'mu', m);
  const batch = m.shape.length === 2 ? m.shape[0] : 1;
  const inv = gradScale('mean', batch);
  const gm = new Float64Array(m.size);
  const gl = new Float64Array(m.size);
  const total = gaussianKlKernel(m.data, lv.data, gm, gl, inv);
  return { loss: reduceLoss('mean', total, null, [], batch), grads: [tensor(gm, m.shape), tensor(gl, m.shape)] };
}

// Kernel (see ./index.ts): the loop alone, returning the total.
function gaussianKlKernel(md: Float64Array, lvd: Float64Array, gm: Float64Array, gl: Float64Array, inv: number): number {
  let total = 0;
  for (let i = 0; i < md.length; i++) {
    const mu_i = md[i];
    const e = Math.exp(lvd[i]);
    total += -0.5 * (1 + lvd[i] - mu_i * mu_i - e);
    gm[i] = mu_i * inv;
    gl[i] = 0.5 * (e - 1) * inv;
  }
  return total;
}
