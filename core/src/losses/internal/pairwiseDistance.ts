// PyTorch's pairwise_distance: ‖a − b + eps‖_p over the last dimension (eps is added to the difference).

/**
 * Distance between row `ra` of `a` and row `rb` of `b` (each `dim` wide). When `grad` is given it receives
 * ∂d/∂a (∂d/∂b is its negative); like PyTorch the gradient is 0 where the distance is 0.
 */
export function rowDistance(
  a: Float64Array,
  ra: number,
  b: Float64Array,
  rb: number,
  dim: number,
  p: number,
  eps: number,
  grad: Float64Array | null,
): number {
  const oa = ra * dim;
  const ob = rb * dim;
  if (p === 2) {
    let ss = 0;
    for (let k = 0; k < dim; k++) {
      const v = a[oa + k] - b[ob + k] + eps;
      ss += v * v;
    }
    const d = Math.sqrt(ss);
    if (grad) {
      const inv = d === 0 ? 0 : 1 / d;
      for (let k = 0; k < dim; k++) grad[k] = (a[oa + k] - b[ob + k] + eps) * inv;
    }
    return d;
  }
  if (p === 1) {
    let d = 0;
    for (let k = 0; k < dim; k++) {
      const v = a[oa + k] - b[ob + k] + eps;
      d += Math.abs(v);
      if (grad) grad[k] = v > 0 ? 1 : v < 0 ? -1 : 0;
    }
    return d;
  }
  if (p === Infinity) {
    let d = 0;
    for (let k = 0; k < dim; k++) d = Math.max(d, Math.abs(a[oa + k] - b[ob + k] + eps));
    if (grad) {
      // Ties at the maximum share the gradient equally, as in PyTorch.
      let ties = 0;
      for (let k = 0; k < dim; k++) if (Math.abs(a[oa + k] - b[ob + k] + eps) === d) ties++;
      for (let k = 0; k < dim; k++) {
        const v = a[oa + k] - b[ob + k] + eps;
        grad[k] = d !== 0 && Math.abs(v) === d ? Math.sign(v) / ties : 0;
      }
    }
    return d;
  }
  let acc = 0;
  for (let k = 0; k < dim; k++) acc += Math.abs(a[oa + k] - b[ob + k] + eps) ** p;
  const d = acc ** (1 / p);
  if (grad) {
    const denom = d ** (p - 1);
    for (let k = 0; k < dim; k++) {
      const v = a[oa + k] - b[ob + k] + eps;
      grad[k] = d === 0 ? 0 : (Math.sign(v) * Math.abs(v) ** (p - 1)) / denom;
    }
  }
  return d;
}
