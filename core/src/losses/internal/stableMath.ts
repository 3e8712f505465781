// Overflow-free building blocks: every exp() below has a non-positive argument.

/** log(1 + eˣ) */
export function softplus(x: number): number {
  return (x > 0 ? x : 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

/** 1 / (1 + e⁻ˣ) */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}
