// What the interpreter observes for rules: loss calls, activations, logs and compiles, each with the
// abstract values of its arguments. Rules never walk syntax themselves.
import type { Expr, FunctionDef, Span } from '../../ir';
import type { ActivationSpec, Framework, LossFamily, LossSpec, MixerSpec } from '../../frameworks/types';
import type { CallSite, InstanceValue, ObjectValue, Origin, PathTest, Value } from './values';

export interface ArgInfo {
  value: Value;
  /** The argument as written at the call. */
  expr: Expr;
  uri: string;
}

/**
 * The branch arm a loss call was made on when the callee differed between paths (`crit(out, y)` with
 * `crit` chosen by an `if`): the tests on its path, and which option of which union call it is, so a rule
 * can tell one arm's finding from one that every arm gives.
 */
export interface LossArm {
  when: PathTest[];
  /** The union call (one object per call of a union callee). */
  group: object;
  index: number;
  /** How many options the callee had. */
  of: number;
}

export interface LossCallEvent {
  type: 'loss';
  spec: LossSpec;
  /** The family after `from_logits` is taken into account. */
  family: LossFamily;
  /** The call that computes the loss (`criterion(out, y)`, `F.cross_entropy(out, y)`). */
  site: CallSite;
  /** The constructor call of a loss object (`nn.CrossEntropyLoss(...)`), when the loss is an object. */
  ctor?: CallSite;
  input?: ArgInfo;
  target?: ArgInfo;
  input2?: ArgInfo;
  /** Keyword arguments that configure the loss (constructor and call merged; call wins). */
  options: Map<string, LossOption>;
  /** Name of the enclosing user function (`forward`, `compute_loss`), or undefined at module level. */
  inFunction?: string;
  /** Made on one arm of a callee that differs between paths: the finding holds on that arm's path only. */
  arm?: LossArm;
}

export interface LossOption {
  value: Value;
  /** the keyword's value as written */
  expr: Expr;
  /** the whole `name=value` argument */
  argSpan: Span;
  uri: string;
}

/** A loss object constructed (`nn.KLDivLoss(...)`), whether or not it is called in this file. */
export interface LossObjectEvent {
  type: 'loss-object';
  spec: LossSpec;
  site: CallSite;
}

export interface ActivationEvent {
  type: 'activation';
  /** canonical path for functions and layers (`torch.nn.functional.softmax`, `torch.nn.Softmax`), `.name` for tensor methods */
  path: string;
  spec: ActivationSpec;
  site: CallSite;
  /** true for layers (nn.Softmax(...), Dense(..., activation='softmax')) */
  layer: boolean;
  /** The axis argument when the activation takes one (undefined: not given). */
  dim?: ArgInfo;
  /** Size of the axis the activation normalises over, when known (Dense units, Linear out_features). */
  axisSize?: number;
  /** The value the activation was applied to (functions and methods). */
  operand?: ArgInfo;
}

export interface LogEvent {
  type: 'log';
  site: CallSite;
  arg: ArgInfo;
  /** The log is a factor of a product (`y * log(p)`): a hand-written cross-entropy term. */
  inProduct: boolean;
  inFunction?: string;
  /** The framework of the log function (from its path, or of the file's language for a `.log()` method). */
  framework?: Framework;
}

export interface CompileEvent {
  type: 'compile';
  framework: Framework;
  site: CallSite;
  /** The compiled model (container, functional model or an instance of a subclassed keras.Model) */
  model: ObjectValue | InstanceValue;
  /** What the model outputs (kind of its last layer). */
  output: Value;
  /** The `loss` argument as written */
  loss: ArgInfo;
  /** Replaced by another `compile` of the same model before anything used it: it never takes effect. */
  superseded?: boolean;
}

export interface ReturnEvent {
  type: 'return';
  uri: string;
  span: Span;
  value: Value;
  expr: Expr;
  inFunction: string;
  /** The function whose return this is (its definition: rules match it with a value's lineage). */
  fnUri: string;
  def: FunctionDef;
  /** The class of the instance a method runs on (`forward` of a loss module). */
  className?: string;
}

/** A user function or method analysed (once per definition), for rules that read its body. */
export interface FunctionEvent {
  type: 'function';
  uri: string;
  def: FunctionDef;
  className?: string;
}

/**
 * A value training minimises: `loss.backward()`, `torch.autograd.grad(loss, …)`, the result of a function
 * given to `tf.grad`/`tf.variableGrads`, a function compiled as a Keras/TF.js loss. Its `lineage` names the
 * logs and user functions that reach a gradient.
 */
export interface GradientEvent {
  type: 'gradient';
  value: Value;
  /** Where the gradient is asked for (the `backward()` call, the `loss=` argument). */
  uri: string;
  span: Span;
}

/** `model.fit(x, y)` on a Keras / TF.js model. */
export interface FitEvent {
  type: 'fit';
  model: ObjectValue | InstanceValue;
  y?: ArgInfo;
  /** The class weights given to fit (Keras `class_weight`, TF.js `classWeight`), as written. */
  classWeight?: ArgInfo;
}

/**
 * `(l * mask).mean()`: a per-element loss times a 0/1 mask, averaged over every position. `rescaled`:
 * the mean was then multiplied or divided (`/ mask.float().mean()`), which may normalise it.
 */
export interface MaskedMeanEvent {
  type: 'masked-mean';
  site: CallSite;
  loss: Origin;
  mask: Span;
  rescaled?: boolean;
  framework?: Framework;
}

/** A batch mixer constructed (timm `Mixup(...)`): the soft targets it makes carry this call's span as their origin. */
export interface MixerEvent {
  type: 'mixer';
  path: string;
  spec: MixerSpec;
  site: CallSite;
}

export type AnalysisEvent =
  | LossCallEvent
  | LossObjectEvent
  | ActivationEvent
  | LogEvent
  | CompileEvent
  | FitEvent
  | ReturnEvent
  | FunctionEvent
  | GradientEvent
  | MixerEvent
  | MaskedMeanEvent;
