// What rule files share: the loss-argument and compiled-model checks most rules are specifications
// of, the activation-twice check (LL001, LL002), fixes, and which functions compute a loss.
export { checkLossArgument, type LossArgumentCheck } from './loss-argument';
export { reportAtCompiledLoss, type CompiledLossCheck } from './compiled-model';
export { checkActivationTwice, doubleSoftmaxFloor, type ActivationTwice } from './activation-twice';
export { appendArgumentEdit, listElementRemoval, removeActivationFix } from './fixes';
export { isLossFunction } from './loss-function';
export { adviceOf, frameworkNote } from './advice';
export { certainFact, certainShape, tensorsOf } from './facts';
