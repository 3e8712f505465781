// What rule files share: the loss-argument and compiled-model checks most rules are specifications
// of, the activation-twice check (LL001, LL002), fixes, and what training uses (which logs and functions reach a loss or a gradient).
export { checkLossArgument, type LossArgumentCheck } from './loss-argument';
export { reportAtCompiledLoss, type CompiledLossCheck } from './compiled-model';
export { checkActivationTwice, doubleSoftmaxCeiling, doubleSoftmaxFloor, isSwitchedLoss, type ActivationTwice } from './activation-twice';
export { appendArgumentEdit, listElementRemoval, removeActivationFix } from './fixes';
export { placeKey, trainingUse, type TrainingUse } from './training-use';
export { adviceOf, frameworkNote } from './advice';
export { certainFact, certainShape, tensorsOf } from './facts';
