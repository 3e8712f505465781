// Public surface of dist/core.js (docs/ARCHITECTURE.md "Contracts"). Losses come from ./losses, knowledge from ./knowledge.
export type { Tensor, F64Tensor, LossResult, Reduction } from './types';
export * from './losses';
export * from './knowledge';
export { mineTriplets } from './mineTriplets';
