// How confident a classifier can be when its logits are bounded (ReLU, tanh, clamp before the loss).

/** Largest softmax probability over `classes` classes with every logit in [lo, hi]: p = e^hi / (e^hi + (K − 1)·e^lo). */
export function softmaxCeiling(lo: number, hi: number, classes: number): number {
  if (classes <= 1) return 1;
  if (hi === Infinity || lo === -Infinity) return 1;
  return 1 / (1 + (classes - 1) * Math.exp(lo - hi));
}

/** The probabilities a sigmoid reaches from a logit in [lo, hi]: [σ(lo), σ(hi)] with σ(z) = 1 / (1 + e^−z). */
export function sigmoidRange(lo: number, hi: number): [number, number] {
  const s = (z: number) => (z === Infinity ? 1 : z === -Infinity ? 0 : 1 / (1 + Math.exp(-z)));
  return [s(lo), s(hi)];
}
