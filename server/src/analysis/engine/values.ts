// Abstract values of the value-kind analysis (docs/ARCHITECTURE.md). A tensor's `kind` says what its numbers
// mean (logits, probabilities, labels…); everything else models the objects that produce tensors:
// framework symbols, layers, loss objects, user classes, functions and containers.
import type { ClassDef, Expr, FunctionDef, Span } from '../../ir';
import type { ActivationEvent, MaskedMeanEvent } from './events';

import type { DtypeClass, Framework, Kind } from '../../frameworks/types';

export type { Kind };

/** Where a kind was produced: the activation call or layer, for messages, related information and fixes. */
export interface Origin {
  uri: string;
  span: Span;
  /** How the producer reads in a message: `F.softmax`, `nn.Softmax(dim=1)`, `Dense(10, activation='softmax')`. */
  label: string;
  /** The activation's input expression when the producer is a call like `softmax(x, …)` (fixes replace the call by it). */
  inner?: Span;
  /** The framework of the producer's API (from its resolved path): messages and fixes speak it. */
  framework?: Framework;
  /**
   * The producer is a layer written in place as element `index` of a container's layer list
   * (`nn.Sequential(…, nn.Softmax(dim=1))`); `elements` are the spans of all elements of that list,
   * so a fix can remove the layer together with its comma.
   */
  element?: { elements: Span[]; index: number };
}

/** Where a value entered a user-defined function (the argument at the call site), outermost first. */
export interface Entry {
  uri: string;
  span: Span;
  callee: string;
}

export interface TensorValue {
  t: 'tensor';
  kind: Kind;
  origin?: Origin;
  /**
   * Softmax axis: -1 when it certainly normalises over the last axis (written so, or the framework's
   * default), else as written (null when omitted).
   */
  dim?: number | null;
  /**
   * A distribution over the last axis (probabilities, log-probabilities, one-hot rows) cut along that axis
   * (`p[:, 1:]`, `p.view(-1)`): the numbers keep their kind, but no longer sum to 1 over the last axis.
   */
  partial?: boolean;
  /**
   * Made from the kind's producer by an op that keeps the kind but is not the producer itself (a mean over
   * rows, a weighted sum of rows): no logits stand right behind these numbers, so advice about the
   * activation (remove it, use log_softmax) does not apply.
   */
  derived?: boolean;
  /** Size of the class axis when known (Linear out_features, Dense units). */
  units?: number;
  /**
   * What the code says an otherwise unknown tensor holds: the labels a framework passes a compiled
   * loss function (Keras calls it as `loss(y_true, y_pred)`), or a parameter named like labels or
   * predictions of a function analysed on its own.
   */
  role?: 'labels' | 'predictions';
  entries?: Entry[];
  /** Clamped or offset away from 0 (`p.clamp(min=eps)`): a log of it is guarded. */
  guarded?: boolean;
  /**
   * A new leaf tensor with no autograd history (a factory asked for `requires_grad=True`, or a tensor
   * built from numbers cut from the graph such as `torch.tensor(loss.item())`): the creating call.
   */
  fresh?: Span;
  /**
   * The sizes of the axes where the code makes them known: the rank is the length, `null` an axis of
   * unknown size (`Linear(h, 1)` gives `[null, 1]`, `y.view(-1)` gives `[null]`).
   */
  shape?: readonly (number | null)[];
  /** Integer, boolean or floating-point elements, where a factory, cast or comparison says so. */
  dtype?: DtypeClass;
  /** Class ids in 0..classes−1 (`randint(0, K)`, `argmax` over K logits, a literal's largest id + 1). */
  classes?: number;
  /** Rows of 0/1 with several ones (multi-label targets), as a literal writes them. */
  multiHot?: boolean;
  /** 0/1 values from a comparison (`ids != pad_id`), whatever their dtype after casts. */
  mask?: boolean;
  /**
   * The last operation applied elementwise bounds the values to [lo, hi] (ReLU, tanh, `clamp(min=0)`):
   * where it was applied, for messages.
   */
  range?: { lo: number; hi: number; origin: Origin };
  /** A loss computed per element (`reduction='none'`): the loss call. */
  unreduced?: Origin;
  /** A per-element loss times a 0/1 mask (`l * mask`): the loss call and the mask's expression. */
  masked?: { loss: Origin; mask: Span };
  /** The mean over all positions of a masked loss: its event, until arithmetic rescales it. */
  maskedMean?: MaskedMeanEvent;
  /**
   * The log calls and user functions this tensor was computed through (a log's result, a function's
   * return, and anything arithmetic, reductions or framework functions make of them): what rules ask
   * to learn whether a log or a function's result reaches a loss or a gradient (docs/ARCHITECTURE.md).
   */
  lineage?: readonly Place[];
}

/** A place in a file: a log call, a function definition. */
export interface Place {
  uri: string;
  span: Span;
  /** Multiplied after it (`y * log(p)`, `tf.mul(labels, logp)`): a term of a hand-written likelihood. */
  product?: boolean;
}

/** A framework symbol reached through imports: a module, function or class such as `torch.nn.functional.softmax`. */
export interface SymbolValue {
  t: 'sym';
  path: string;
}

/** An instance of a framework class (layer, loss object, optimizer…) with the constructor call that made it. */
export interface ObjectValue {
  t: 'object';
  /** The analysis unit that created it (see Interpreter.own). */
  owner?: number;
  path: string;
  call?: CallSite;
  /** For containers (nn.Sequential, keras Sequential, tfjs sequential): the layers in order. */
  layers?: Value[];
  /** For functional models (keras.Model / tf.model): what calling it returns. */
  output?: Value;
  /** For layers: what applying the layer gives (`passThrough`: the input's own kind). */
  layerOut?: Value;
  passThrough?: boolean;
  /** For layers that apply a function given at construction (Keras `Lambda(fn)`): that function. */
  layerFn?: Value;
  /** Containers whose layers are not all visible (`nn.Sequential(*blocks)`): applying them gives unknown. */
  opaque?: boolean;
  /** The last layer was added on one path only. */
  tailUncertain?: boolean;
  /** Branch depth at creation (see Interpreter.branchDepth). */
  depth?: number;
  /** Activation and shape layers: the output has as many units as the input (nn.Softmax after Linear(h, 1)). */
  keepsUnits?: boolean;
  /** For activation layers: the activation event emitted at construction (re-emitted with the axis size once known). */
  activation?: ActivationEvent;
  /** For records (`TrainState.create(apply_fn=…)`): the keyword arguments, read back as attributes. */
  fields?: Map<string, Value>;
  /** A module's apply method read as a value (`apply_fn=model.apply`): calling it applies that module. */
  applies?: InstanceValue | ObjectValue;
}

export interface CallSite {
  uri: string;
  expr: Extract<Expr, { k: 'call' }>;
  /** Evaluated arguments by position and keyword (TS object-literal options are spread into `keywords`). */
  positional: Value[];
  keywords: Map<string, Value>;
}

export interface FunctionValue {
  t: 'function';
  def: FunctionDef;
  uri: string;
  /** The environment the function closes over. */
  scope: Scope;
  /** Bound `self` for methods reached through an instance. */
  self?: Value;
  qualname: string;
  /** A transform of the function (`jax.grad(f)`): calling it runs the function, but returns something else (unknown). */
  opaqueResult?: boolean;
}

export interface ClassValue {
  t: 'class';
  def: ClassDef;
  uri: string;
  scope: Scope;
  bases: Value[];
}

export interface InstanceValue {
  t: 'instance';
  /** The analysis unit that created it (see Interpreter.own). */
  owner?: number;
  cls: ClassValue;
  /** `self.x = …` assignments seen so far (all paths joined). */
  attrs: Map<string, Value>;
  /** The constructor call that created it, when there was one. */
  site?: Expr;
}

export interface TupleValue {
  t: 'tuple';
  elts: Value[];
}

export interface DictValue {
  t: 'dict';
  /** The analysis unit that created it (see Interpreter.own). */
  owner?: number;
  entries: Map<string, Value>;
  /** Branch depth at creation: entries set deeper join with the old value. */
  depth?: number;
}

export interface ConstValue {
  t: 'const';
  value: number | string | boolean | null | undefined;
}

/** A module of the workspace (import of a user file). */
export interface ModuleValue {
  t: 'module';
  uri: string;
  exports: Scope;
}

/** A dataset (`tf.data`, `tfds.load`) whose elements are `element`: what iterating it or `fit(ds)` sees. */
export interface DatasetValue {
  t: 'dataset';
  element: Value;
}

/**
 * One test on the way to a branch arm: `if <span>:` taken (`holds`) or not. A path is the list of tests
 * from the outermost branch in.
 */
export interface PathTest {
  uri: string;
  span: Span;
  holds: boolean;
}

/** Values that disagree on different paths (if/else). Rules treat a union as unknown unless every member agrees. */
export interface UnionValue {
  t: 'union';
  options: Value[];
  /**
   * Set when the union was made by branch joins (engine/arms.ts): for each option, the path on which it
   * is the value, or undefined when that is not one known path (the option holds on several arms, or came
   * from a loop or an expression that joined values). A finding about one option may then be reported on
   * its path (docs/ARCHITECTURE.md, "Certainty over recall").
   */
  when?: (PathTest[] | undefined)[];
}

export interface UnknownValue {
  t: 'unknown';
  /** Nothing is known of it, except what it was computed through (see TensorValue.lineage). */
  lineage?: readonly Place[];
}

export type Value =
  | TensorValue
  | SymbolValue
  | ObjectValue
  | FunctionValue
  | ClassValue
  | InstanceValue
  | TupleValue
  | DictValue
  | ConstValue
  | ModuleValue
  | UnionValue
  | DatasetValue
  | UnknownValue;

export const UNKNOWN: UnknownValue = { t: 'unknown' };

export function tensor(kind: Kind, extra: Partial<Omit<TensorValue, 't' | 'kind'>> = {}): TensorValue {
  return { t: 'tensor', kind, ...extra };
}

/** Variables of a module, function or class body; reads fall through to the parent. */
export class Scope {
  readonly vars = new Map<string, Value>();
  /**
   * Told of the names looked up (found or not) and set in this scope, when someone listens: the
   * interpreter points the checked module's scope at the unit being run, to know what a kept unit depends on.
   */
  listener: { read(name: string): void; write(name: string): void } | undefined;
  /**
   * Open branch journals, innermost last: each maps the names written since it opened to their value
   * before (undefined: the name was not bound). A branch then costs its writes, not the scope's size.
   */
  private journals: Map<string, Value | undefined>[] | undefined;
  constructor(
    readonly parent: Scope | undefined,
    readonly uri: string,
  ) {}
  lookup(name: string): Value | undefined {
    for (let s: Scope | undefined = this; s; s = s.parent) {
      if (s.listener !== undefined) s.listener.read(name);
      const v = s.vars.get(name);
      if (v !== undefined) return v;
    }
    return undefined;
  }
  set(name: string, v: Value): void {
    if (this.listener !== undefined) this.listener.write(name);
    this.put(name, v);
  }

  /** Binds without telling the listener (joining branches is no read or write of the program's). */
  put(name: string, v: Value): void {
    if (this.journals !== undefined) this.record(name);
    this.vars.set(name, v);
  }

  /** Unbinds, without telling the listener. */
  unbind(name: string): void {
    if (this.journals !== undefined) this.record(name);
    this.vars.delete(name);
  }

  /** How many journals are open (the index the next `openJournal` gets). */
  get journalCount(): number {
    return this.journals?.length ?? 0;
  }

  /** The names written since the journal at `index` (0: outermost) opened, with their values before it. */
  journalAt(index: number): ReadonlyMap<string, Value | undefined> | undefined {
    return this.journals?.[index];
  }

  /** Starts recording the names written until `closeJournal`. */
  openJournal(): void {
    (this.journals ??= []).push(new Map());
  }

  /** The names written since the matching `openJournal`, with their values before it. */
  closeJournal(): Map<string, Value | undefined> {
    const j = this.journals!.pop()!;
    if (this.journals!.length === 0) this.journals = undefined;
    return j;
  }

  private record(name: string): void {
    for (const j of this.journals!) if (!j.has(name)) j.set(name, this.vars.get(name));
  }
}

/** Joins the values two paths give one variable. Equal tensors merge; anything else becomes a union. */
export function join(a: Value | undefined, b: Value | undefined): Value {
  if (a === undefined) return b ?? UNKNOWN;
  if (b === undefined || a === b) return a;
  const opts: Value[] = [];
  for (const v of [a, b]) {
    for (const o of v.t === 'union' ? v.options : [v]) if (!opts.some(x => sameValue(x, o))) opts.push(o);
  }
  if (opts.length === 1) return opts[0];
  return { t: 'union', options: opts.slice(0, 8) };
}

/** Whether two values are one option of a union (`join` keeps one of them). */
export function sameValue(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (a.t === 'tensor' && b.t === 'tensor') return a.kind === b.kind && sameSpan(a.origin?.span, b.origin?.span);
  if (a.t === 'sym' && b.t === 'sym') return a.path === b.path;
  if (a.t === 'const' && b.t === 'const') return a.value === b.value;
  if (a.t === 'unknown' && b.t === 'unknown') return true;
  return false;
}

function sameSpan(a: Span | undefined, b: Span | undefined): boolean {
  return a === b || (!!a && !!b && a.start === b.start && a.end === b.end);
}

/**
 * The tensor a value certainly is: every path must agree on the kind (docs/ARCHITECTURE.md, "Certainty over recall").
 * Mixed or unknown gives undefined, and rules stay silent.
 */
export function certainTensor(v: Value | undefined): TensorValue | undefined {
  if (!v) return undefined;
  if (v.t === 'tensor') return v.kind === 'unknown' ? undefined : v;
  if (v.t === 'union') {
    const ts = v.options.map(certainTensor);
    const first = ts[0];
    if (first && ts.every(t => t && t.kind === first.kind)) return first;
  }
  return undefined;
}
