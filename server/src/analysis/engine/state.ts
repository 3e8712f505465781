// What the interpreter's layers share: the events, the modules and texts read, the current unit and
// its bookkeeping (who created each mutable value, which top-level code ran, which imports resolved).
// The layers stack as classes, each one concern: state → evaluate (statements, expressions) →
// user-code (functions, classes, modules) → framework-semantics (packs) → interpreter (incremental runs).
import type { ClassDef, Expr, FunctionDef, Module, Stmt } from '../../ir';
import type { Span } from '../../ir';
import type { AnalysisEvent, CompileEvent } from './events';
import { UnitTrack, type RunStats } from './units';
import type { DictValue, FunctionValue, InstanceValue, ObjectValue, Scope, Value } from './values';

/** How the interpreter reaches other files of the workspace. */
export interface ModuleLoader {
  /** The lowered module and its text for an import seen in `fromUri`, or undefined when it is not a workspace file. */
  resolve(fromUri: string, module: string, level: number): { uri: string; module: Module; text: string } | undefined;
}

export interface Frame {
  uri: string;
  fn?: FunctionValue;
  returns?: Value;
  depth: number;
  /** The current path has returned: the statements after it are not reached on this path. */
  done?: boolean;
}

/** Which top-level statement each function and class definition belongs to (filled per statement, kept across checks). */
export const DEF_ROOTS = new WeakMap<FunctionDef | ClassDef, Stmt>();
export const WALKED = new WeakSet<Stmt>();

/** Owner ids of mutable values, unique across checks (values kept from a previous check keep theirs). */
let nextOwner = 1;

/** Where the checked file's code called into another file's function or class (see `via`). */
export interface ViaSite {
  uri: string;
  span: Span;
  /** The function or class called. */
  callee: string;
}

/**
 * Events raised in other files during a call the checked file made into them, with that call: a
 * finding there is caused by the caller's values and is reported on the callee's file with the call
 * site (analysis/index.ts). Kept per event object, so events kept by an incremental check keep it.
 */
const VIA = new WeakMap<AnalysisEvent, ViaSite>();

export function viaOf(e: AnalysisEvent): ViaSite | undefined {
  return VIA.get(e);
}

/** The file an event is located in (undefined: it has no place of its own). */
export function eventUri(e: AnalysisEvent): string | undefined {
  return 'uri' in e ? e.uri : 'site' in e ? e.site.uri : undefined;
}

export const MAX_DEPTH = 5;
/** User-function bodies run per unit (the top level is one unit, each function and class another). */
export const MAX_CALLS = 4000;
/** Real instances per class whose methods are analysed (more would multiply the work for little gain). */
export const MAX_INSTANCES = 3;

export abstract class EngineState {
  readonly events: AnalysisEvent[] = [];
  protected readonly modules = new Map<string, Scope>();
  protected readonly texts = new Map<string, string>();
  protected readonly languages = new Map<string, Module['language']>();
  protected readonly active = new Set<FunctionDef>();
  /** log calls that are factors of a product (`y * log(p)`), marked before they are evaluated */
  protected readonly productLogs = new Set<Expr>();
  protected readonly analysedFunctions = new Set<FunctionDef>();
  protected calls = 0;
  /** How many conditional or repeated blocks (if branches, loop bodies) enclose the code being run. */
  protected branchDepth = 0;
  /**
   * The last `compile` of each model whose effect is not yet seen: no training call, no other method, and
   * the model not passed anywhere since. A later compile in the same frame replaces it (see compileModel).
   */
  protected readonly pendingCompiles = new WeakMap<object, { event: CompileEvent; fn: unknown; uri: string }>();
  /** Inside a call whose callee differs between paths: loss calls made there are not certain to happen. */
  protected uncertainCallee = 0;
  /** Operand values of the binary operations evaluated (read back by patterns such as `2 * y - 1`). */
  protected lastProduct: { expr: Expr; l: Value; r: Value } | undefined;
  protected readonly memo = new Map<FunctionDef, Map<string, { value: Value; depth: number }>>();
  protected readonly ids = new WeakMap<object, number>();
  protected nextId = 1;
  /** The unit (or top-level statement) being run, and which one created each mutable value (see units.ts). */
  protected cur = new UnitTrack(0);
  /** The checked module: its scope and top-level statements. */
  protected rootScope: Scope | undefined;
  protected rootBody = new Set<Stmt>();
  /** The checked file. */
  protected rootUri: string | undefined;
  protected recording = true;
  /** Modules evaluated before the current unit began (the others are evaluated again by each unit that imports them). */
  protected sharedModules: Set<string> | undefined;
  /** Instances created by real constructor calls, per class, with the unit that made them (-1: the top level). */
  protected readonly contributions = new Map<ClassDef, { unit: number; instances: InstanceValue[] }[]>();
  stats: RunStats = { unitsRun: 0, unitsKept: 0 };
  constructor(protected readonly loader: ModuleLoader) {}

  get callCount(): number {
    return this.calls;
  }

  textOf(uri: string): string | undefined {
    return this.texts.get(uri);
  }

  /** Starts tracking a unit (or a top-level statement); a unit also gets its own call budget and memo. */
  protected begin(unit: boolean): UnitTrack {
    const t = new UnitTrack(nextOwner++);
    this.cur = t;
    if (this.rootScope && this.recording) this.rootScope.listener = t;
    if (unit) {
      this.memo.clear();
      this.analysedFunctions.clear();
      this.calls = 0;
      this.sharedModules = new Set(this.modules.keys());
    }
    return t;
  }

  /** Marks a mutable value as created by the current unit. */
  protected own<T extends InstanceValue | DictValue | ObjectValue>(v: T): T {
    v.owner = this.cur.id;
    return v;
  }

  /** A unit changes a value: one it did not create makes the check's units depend on one another. */
  protected mutated(v: Value): void {
    if ((v.t !== 'instance' && v.t !== 'dict' && v.t !== 'object') || v.owner !== this.cur.id) this.cur.foreign = true;
  }

  protected noteRoot(def: FunctionDef | ClassDef): void {
    const r = DEF_ROOTS.get(def);
    if (r !== undefined && this.rootBody.has(r)) this.cur.ran(r);
  }

  /**
   * After a call from the checked file's code into another file (`site` in the checked file, the callee
   * elsewhere): the events it raised outside the checked file since `start` remember the call.
   */
  protected markVia(start: number, site: ViaSite): void {
    for (let i = start; i < this.events.length; i++) {
      const e = this.events[i];
      const u = eventUri(e);
      if (u !== undefined && u !== this.rootUri && !VIA.has(e)) VIA.set(e, site);
    }
  }

  /** A call at `frame` of code in `calleeUri` goes from the checked file into another. */
  protected crossing(frame: Frame, calleeUri: string): boolean {
    return this.rootUri !== undefined && frame.uri === this.rootUri && calleeUri !== this.rootUri;
  }

  protected resolve(fromUri: string, module: string, level: number): ReturnType<ModuleLoader['resolve']> {
    const found = this.loader.resolve(fromUri, module, level);
    if (this.recording) this.cur.resolved({ from: fromUri, module, level, found: found?.module });
    return found;
  }
}
