/** Row-major tensor accepted by every core function (docs/ARCHITECTURE.md "Contracts"). Computation is float64 inside. */
export interface Tensor {
  data: Float64Array | Float32Array | number[];
  shape: number[];
}

/** A tensor produced by core: always float64. */
export interface F64Tensor extends Tensor {
  data: Float64Array;
}

export type Reduction = 'none' | 'mean' | 'sum';

/** `loss` is shape [] when reduced; `grads[i]` is d(sum of loss)/d(positional argument i), or null when not differentiable. */
export interface LossResult {
  loss: F64Tensor;
  grads: (F64Tensor | null)[];
}
