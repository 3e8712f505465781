// The value-kind interpreter (DESIGN.md §4): an abstract interpretation of the IR that gives every
// expression a kind and records the events rules look at. Calls of user functions and methods are
// evaluated with the caller's argument values (context-sensitive, bounded), so kinds flow through
// wrappers, `forward`, `nn.Sequential`, Keras/TF.js models and imports between files.
import type { Arg, ClassDef, Expr, FunctionDef, Module, Stmt } from '../../ir';
import type { ActivationEvent, AnalysisEvent, ArgInfo, LossOption } from './events';
import {
  ACTIVATION_FUNCTIONS, ACTIVATION_METHODS, ACTIVATION_NAMES, CONTAINERS, EXP_FUNCTIONS, FUNCTIONAL_MODELS,
  KIND_KEEPING_FUNCTIONS, KIND_KEEPING_METHODS, LAYERS, LOG_FUNCTIONS, type ActivationSpec, type LayerSpec,
} from './apis/activations';
import { LOSS_SPECS, type ArgRef, type LossSpec } from './apis/losses';
import { frameworkModule, memberPath, normalizePath } from './symbols';
import {
  UnitTrack, definedName, disjoint, mapDefinitions, unitsOf,
  type Resolution, type RunRecord, type RunStats, type TopLevelRecord, type Unit, type UnitRecord,
} from './units';
import {
  Scope, UNKNOWN, certainTensor, join, tensor,
  type CallSite, type ClassValue, type FunctionValue, type InstanceValue, type Kind, type ObjectValue, type Origin,
  type DictValue, type TensorValue, type Value,
} from './values';

/** How the interpreter reaches other files of the workspace. */
export interface ModuleLoader {
  /** The lowered module and its text for an import seen in `fromUri`, or undefined when it is not a workspace file. */
  resolve(fromUri: string, module: string, level: number): { uri: string; module: Module; text: string } | undefined;
}

interface Frame {
  uri: string;
  fn?: FunctionValue;
  returns?: Value;
  depth: number;
  /** The current path has returned: the statements after it are not reached on this path. */
  done?: boolean;
}

/** Which top-level statement each function and class definition belongs to (filled per statement, kept across checks). */
const DEF_ROOTS = new WeakMap<FunctionDef | ClassDef, Stmt>();
const WALKED = new WeakSet<Stmt>();

/** What running (or patching) the top level gives the units. */
interface TopLevelResult {
  scope: Scope;
  /** Module-level names whose value may differ from the previous check's. */
  changedNames: Set<string>;
  top: RunRecord['top'];
  exportsTop: TopLevelRecord;
  contrib: RunRecord['topContrib'];
  patched: boolean;
  /** Why every unit must run. */
  reason?: string;
}

const PATCH_FAILED = new Error('the top level could not be patched');

/** Owner ids of mutable values, unique across checks (values kept from a previous check keep theirs). */
let nextOwner = 1;

const MAX_DEPTH = 5;
/** User-function bodies run per unit (the top level is one unit, each function and class another). */
const MAX_CALLS = 4000;
/** Real instances per class whose methods are analysed (more would multiply the work for little gain). */
const MAX_INSTANCES = 3;
const LABEL_NAMES = /^(y|y_?true|labels?|targets?|gts?|ground_?truth|y_?batch|onehot_?labels|one_?hot|classes)$/i;
const PRED_NAMES = /^(logits?|preds?|predictions?|outputs?|out|y_?pred|y_?hat|scores?|probs?)$/i;

export class Interpreter {
  readonly events: AnalysisEvent[] = [];
  private readonly modules = new Map<string, Scope>();
  private readonly texts = new Map<string, string>();
  private readonly languages = new Map<string, Module['language']>();
  private readonly active = new Set<FunctionDef>();
  /** log calls that are factors of a product (`y * log(p)`), marked before they are evaluated */
  private readonly productLogs = new Set<Expr>();
  private readonly analysedFunctions = new Set<FunctionDef>();
  private calls = 0;
  /** How many conditional or repeated blocks (if branches, loop bodies) enclose the code being run. */
  private branchDepth = 0;
  /** Inside a call whose callee differs between paths: loss calls made there are not certain to happen. */
  private uncertainCallee = 0;
  /** Operand values of the binary operations evaluated (read back by patterns such as `2 * y - 1`). */
  private lastProduct: { expr: Expr; l: Value; r: Value } | undefined;
  private readonly memo = new Map<FunctionDef, Map<string, { value: Value; depth: number }>>();
  private readonly ids = new WeakMap<object, number>();
  private nextId = 1;
  /** The unit (or top-level statement) being run, and which one created each mutable value (see units.ts). */
  private cur = new UnitTrack(0);
  /** The checked module: its scope and top-level statements. */
  private rootScope: Scope | undefined;
  private rootBody = new Set<Stmt>();
  private recording = true;
  /** Modules evaluated before the current unit began (the others are evaluated again by each unit that imports them). */
  private sharedModules: Set<string> | undefined;
  /** Instances created by real constructor calls, per class, with the unit that made them (-1: the top level). */
  private readonly contributions = new Map<ClassDef, { unit: number; instances: InstanceValue[] }[]>();
  stats: RunStats = { unitsRun: 0, unitsKept: 0 };

  constructor(private readonly loader: ModuleLoader) {}

  /**
   * Evaluates a module's top level, then every function, lambda and class once on its own (parameters
   * unknown). With the record of the previous check of the same file, units whose code and module-level
   * names did not change keep their events instead of running again, and when only definitions changed
   * the top level is patched instead of run again; the result is the same either way (units.ts).
   */
  run(uri: string, module: Module, text: string, previous?: RunRecord, options: { record?: boolean } = {}): RunRecord {
    const bodySet = new Set(module.body);
    this.rootBody = bodySet;
    // Without a next check to serve (the CLI), what units read and ran is not recorded.
    this.recording = options.record !== false;
    if (this.recording) for (const s of module.body) mapDefinitions(s, DEF_ROOTS, WALKED);
    let reason = previous === undefined ? 'first check' : previous.uri !== uri ? 'another file' : !previous.reusable ? 'a unit changed shared values' : undefined;
    if (previous && reason === undefined && !this.sameResolutions(previous)) reason = 'an imported file changed';
    const changed = new Set<Stmt>();
    const removed: Stmt[] = [];
    if (previous && reason === undefined) {
      for (const s of module.body) if (!previous.bodySet.has(s)) changed.add(s);
      for (const s of previous.body) if (!bodySet.has(s)) removed.push(s);
    }

    let top: TopLevelResult | undefined;
    if (previous && reason === undefined) {
      try {
        top = this.patchTopLevel(uri, module, text, previous, bodySet, changed, removed);
      } catch (e) {
        if (e !== PATCH_FAILED) throw e;
        // The old top level was partly patched: only a check from scratch is right now (see index.ts).
        this.stats = { unitsRun: 0, unitsKept: 0 };
        return { ...previous, reusable: false };
      }
    }
    if (top === undefined) {
      top = this.runTopLevel(uri, module, text, previous, reason === undefined ? changed : undefined, removed);
      reason ??= top.reason;
    }
    const { scope, changedNames } = top;
    const old = reason === undefined ? previous : undefined;
    this.stats = { unitsRun: 0, unitsKept: 0, fullReason: reason, topLevel: top.patched ? 'patched' : 'ran' };

    const units = unitsOf(module.body);
    const record: RunRecord = {
      uri, body: module.body, bodySet, defaultExport: module.defaultExport, exports: module.exports, top: top.top, exportsTop: top.exportsTop,
      scope, modules: new Map(this.modules), texts: new Map(this.texts), languages: new Map(this.languages), topContrib: top.contrib,
      units: new Map(), reusable: true,
    };
    const kept: (UnitRecord | undefined)[] = units.map(u => {
      const r = old?.units.get(u.stmt);
      if (r === undefined || r.foreign || !disjoint(r.reads, changedNames)) return undefined;
      for (const root of r.roots) if (!bodySet.has(root)) return undefined;
      return r;
    });
    // Which units gave instances to which class last time: a class unit works on them.
    const oldContributors = new Map<ClassDef, number[]>();
    units.forEach((u, i) => {
      for (const c of old?.units.get(u.stmt)?.contributedTo ?? []) {
        const list = oldContributors.get(c);
        if (list) list.push(i);
        else oldContributors.set(c, [i]);
      }
    });
    const ran: boolean[] = [];
    const runUnit = (i: number, discardEvents: boolean): void => {
      const start = this.events.length;
      const t = this.runUnit(units[i], scope, uri, i, oldContributors, ran, runUnit);
      ran[i] = true;
      this.stats.unitsRun++;
      if (t.foreign) record.reusable = false;
      if (discardEvents) { this.events.length = start; return; }
      record.units.set(units[i].stmt, {
        events: this.events.slice(start), reads: t.reads, roots: t.roots, foreign: t.foreign, resolutions: t.resolutions,
        contributedTo: new Set(t.contributes ? t.contrib.keys() : []),
      });
    };
    units.forEach((u, i) => {
      let keep = kept[i];
      if (keep && u.kind === 'class') {
        // The instances it analyses must come from the same, unchanged units as last time.
        const def = u.stmt.def;
        if ((oldContributors.get(def) ?? []).some(j => kept[j] === undefined)) keep = undefined;
        else if ((this.contributions.get(def) ?? []).some(c => c.unit >= 0 && kept[c.unit] === undefined)) keep = undefined;
      }
      if (keep === undefined) return runUnit(i, false);
      for (const e of keep.events) this.events.push(e);
      record.units.set(u.stmt, keep);
      this.stats.unitsKept++;
    });
    if (this.rootScope) this.rootScope.listener = undefined;
    return record;
  }

  /** Whether every import resolution the previous check made (top level and units) finds the same module now. */
  private sameResolutions(previous: RunRecord): boolean {
    const same = (rs: readonly Resolution[]) => rs.every(r => this.loader.resolve(r.from, r.module, r.level)?.module === r.found);
    for (const t of previous.top.values()) if (!same(t.resolutions)) return false;
    if (!same(previous.exportsTop.resolutions)) return false;
    for (const u of previous.units.values()) if (!same(u.resolutions)) return false;
    return true;
  }

  /**
   * Runs the top level, statement by statement. With the previous check's record (and `changed` when it
   * may be used), works out which module-level names the edit changed: the names an edited or removed
   * statement sets, and those of unchanged statements that read a changed name or ran edited code (to a
   * fixed point). Anything else a top-level statement does that later units could see — changing a value
   * another statement created, creating instances the class units analyse — gives a `reason` to run them all.
   */
  private runTopLevel(uri: string, module: Module, text: string, previous: RunRecord | undefined, changed: Set<Stmt> | undefined, removed: Stmt[]): TopLevelResult {
    const tracks: UnitTrack[] = [];
    const starts: number[] = [];
    const scope = this.evalModule(uri, module, text, tracks, starts);
    const contrib: RunRecord['topContrib'] = [];
    for (const t of tracks) if (t.contributes) for (const [def, instances] of t.contrib) contrib.push({ def, instances });
    for (const c of contrib) this.addContribution(c.def, -1, c.instances as InstanceValue[]);
    const top: RunRecord['top'] = new Map();
    const record = (t: UnitTrack, from: number, to: number): TopLevelRecord => ({
      reads: t.reads, writes: t.writes, roots: t.roots, sideEffects: t.foreign || t.contributes, resolutions: t.resolutions,
      events: this.recording ? this.events.slice(from, to) : [],
    });
    module.body.forEach((s, i) => top.set(s, record(tracks[i], starts[i], starts[i + 1])));
    const exportsTop = record(tracks[module.body.length], starts[module.body.length], this.events.length);
    const result: TopLevelResult = { scope, changedNames: new Set(), top, exportsTop, contrib, patched: false };
    if (!previous || !changed) return result;

    const changedNames = result.changedNames;
    for (const s of changed) {
      const info = top.get(s)!;
      if (info.sideEffects) result.reason = 'an edited top-level statement did more than set names';
      for (const n of info.writes) changedNames.add(n);
    }
    for (const s of removed) {
      const info = previous.top.get(s);
      if (!info || info.sideEffects) result.reason = 'a removed top-level statement did more than set names';
      for (const n of info?.writes ?? []) changedNames.add(n);
    }
    // An unchanged statement that read a changed name or ran edited code may set other values now: the
    // names it sets change too (until nothing more changes), provided it did nothing else.
    const affected = new Set<Stmt>();
    for (let grew = true; grew && result.reason === undefined;) {
      grew = false;
      module.body.forEach((s, i) => {
        if (changed.has(s) || affected.has(s)) return;
        const t = tracks[i];
        let hit = !disjoint(t.reads, changedNames);
        if (!hit) for (const r of t.roots) if (changed.has(r)) { hit = true; break; }
        if (!hit) return;
        if (top.get(s)!.sideEffects || previous.top.get(s)?.sideEffects !== false) result.reason = 'module-level code that uses an edited name did more than set names';
        affected.add(s);
        for (const n of t.writes) if (!changedNames.has(n)) { changedNames.add(n); grew = true; }
      });
    }
    // Default export and export aliases (TS/JS) run after the body.
    if (exportsTop.sideEffects) result.reason = 'the exports changed shared values';
    if (module.defaultExport !== previous.defaultExport || !disjoint(exportsTop.reads, changedNames)) for (const n of exportsTop.writes) changedNames.add(n);
    return result;
  }

  /**
   * When an edit only changed definitions (functions, classes, lambdas bound to a name) that no other
   * top-level statement uses, the previous check's top level is patched instead of run again: removed
   * names are unbound, edited definitions are evaluated in the old module scope in order, and the other
   * statements keep their values and events. Undefined when that does not hold; throws PATCH_FAILED when
   * an edited class body turns out to do more than define (the old scope is then no longer usable).
   */
  private patchTopLevel(uri: string, module: Module, text: string, previous: RunRecord, bodySet: Set<Stmt>, changed: Set<Stmt>, removed: Stmt[]): TopLevelResult | undefined {
    if (!this.recording || module.defaultExport !== previous.defaultExport || module.exports !== previous.exports) return undefined;
    const changedNames = new Set<string>();
    for (const s of changed) { const n = definedName(s); if (n === undefined) return undefined; changedNames.add(n); }
    for (const s of removed) { const n = definedName(s); if (n === undefined) return undefined; changedNames.add(n); }
    // Position of the last statement setting each name, to check an edited class reads nothing set after it.
    const lastWrite = new Map<string, number>();
    for (let i = 0; i < module.body.length; i++) {
      const s = module.body[i];
      if (changed.has(s)) { lastWrite.set(definedName(s)!, i); continue; }
      const r = previous.top.get(s)!;
      if (!disjoint(r.reads, changedNames)) return undefined;
      for (const n of r.writes) { if (changedNames.has(n)) return undefined; lastWrite.set(n, i); }
      for (const root of r.roots) if (!bodySet.has(root)) return undefined;
    }
    if (!disjoint(previous.exportsTop.reads, changedNames)) return undefined;

    const scope = previous.scope;
    for (const [k, v] of previous.modules) this.modules.set(k, v);
    for (const [k, v] of previous.texts) this.texts.set(k, v);
    for (const [k, v] of previous.languages) this.languages.set(k, v);
    this.texts.set(uri, text);
    this.rootScope = scope;
    for (const s of removed) scope.vars.delete(definedName(s)!);
    const top = previous.top;
    for (const s of removed) top.delete(s);
    const frame: Frame = { uri, depth: 0 };
    module.body.forEach((s, i) => {
      if (!changed.has(s)) {
        for (const e of top.get(s)!.events) this.events.push(e);
        return;
      }
      const t = this.begin(false);
      const start = this.events.length;
      this.execTopLevel(s, scope, frame);
      if (t.foreign || t.contributes) throw PATCH_FAILED;
      for (const n of t.reads) if ((lastWrite.get(n) ?? -1) > i) throw PATCH_FAILED;
      top.set(s, { reads: t.reads, writes: t.writes, roots: t.roots, sideEffects: false, resolutions: t.resolutions, events: this.events.slice(start) });
    });
    for (const e of previous.exportsTop.events) this.events.push(e);
    for (const c of previous.topContrib) this.addContribution(c.def, -1, c.instances as InstanceValue[]);
    return { scope, changedNames, top, exportsTop: previous.exportsTop, contrib: previous.topContrib, patched: true };
  }

  /** User-function bodies run so far (bounded by the call budget). */
  get callCount(): number {
    return this.calls;
  }

  textOf(uri: string): string | undefined {
    return this.texts.get(uri);
  }

  /** Starts tracking a unit (or a top-level statement); a unit also gets its own call budget and memo. */
  private begin(unit: boolean): UnitTrack {
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

  /** Modules a unit imported for itself are forgotten: the next unit that imports them evaluates them afresh. */
  private endUnit(): void {
    const shared = this.sharedModules;
    if (shared) for (const uri of [...this.modules.keys()]) if (!shared.has(uri)) this.modules.delete(uri);
    this.sharedModules = undefined;
  }

  private runUnit(
    u: Unit, scope: Scope, uri: string, index: number, oldContributors: Map<ClassDef, number[]>, ran: boolean[],
    runUnit: (i: number, discardEvents: boolean) => void,
  ): UnitTrack {
    // A class unit needs the instances of the units before it: those kept from last time run again, quietly.
    let selves: InstanceValue[] | undefined;
    if (u.kind === 'class') {
      for (const j of oldContributors.get(u.stmt.def) ?? []) if (j < index && !ran[j]) runUnit(j, true);
      selves = (this.contributions.get(u.stmt.def) ?? [])
        .filter(c => c.unit < index)
        .sort((a, b) => a.unit - b.unit)
        .flatMap(c => c.instances)
        .slice(0, MAX_INSTANCES);
    }
    const t = this.begin(true);
    const frame: Frame = { uri, depth: 0 };
    try {
      const root = DEF_ROOTS.get(u.kind === 'lambdas' ? u.lambdas[0].fn : u.stmt.def);
      if (root && this.rootBody.has(root)) t.ran(root);
      if (u.kind === 'function') {
        const fn = scope.lookup(u.stmt.def.name);
        if (fn && fn.t === 'function' && fn.def === u.stmt.def) this.callFunction(fn, [], new Map(), undefined, frame, true);
      } else if (u.kind === 'lambdas') {
        for (const l of u.lambdas) {
          const fn: FunctionValue = { t: 'function', def: l.fn, uri, scope, qualname: l.fn.name };
          this.callFunction(fn, [], new Map(), undefined, frame, true);
        }
      } else {
        const def = u.stmt.def;
        const cls = scope.lookup(def.name);
        if (cls && cls.t === 'class' && cls.def === def) {
          // Copies, so that what the methods assign to `self` stays within this unit.
          const own = selves && selves.length ? selves.map(s => this.own<InstanceValue>({ t: 'instance', cls: s.cls, attrs: new Map(s.attrs), site: s.site })) : [this.instantiate(cls, undefined, frame)];
          for (const self of own) {
            for (const m of def.body) {
              if (m.k === 'func' && m.def.name !== '__init__' && m.def.name !== 'constructor') {
                const fn: FunctionValue = { t: 'function', def: m.def, uri, scope: cls.scope, self, qualname: `${def.name}.${m.def.name}` };
                this.callFunction(fn, [], new Map(), undefined, frame, true);
              }
            }
          }
        }
      }
    } finally {
      this.endUnit();
    }
    if (t.contributes) for (const [def, instances] of t.contrib) this.addContribution(def, index, instances as InstanceValue[]);
    return t;
  }

  private addContribution(def: ClassDef, unit: number, instances: InstanceValue[]): void {
    const list = this.contributions.get(def);
    if (list) list.push({ unit, instances });
    else this.contributions.set(def, [{ unit, instances }]);
  }

  /** Marks a mutable value as created by the current unit. */
  private own<T extends InstanceValue | DictValue | ObjectValue>(v: T): T {
    v.owner = this.cur.id;
    return v;
  }

  /** A unit changes a value: one it did not create makes the check's units depend on one another. */
  private mutated(v: Value): void {
    if ((v.t !== 'instance' && v.t !== 'dict' && v.t !== 'object') || v.owner !== this.cur.id) this.cur.foreign = true;
  }

  private noteRoot(def: FunctionDef | ClassDef): void {
    const r = DEF_ROOTS.get(def);
    if (r !== undefined && this.rootBody.has(r)) this.cur.ran(r);
  }

  private resolve(fromUri: string, module: string, level: number): ReturnType<ModuleLoader['resolve']> {
    const found = this.loader.resolve(fromUri, module, level);
    if (this.recording) this.cur.resolved({ from: fromUri, module, level, found: found?.module });
    return found;
  }

  /** Evaluates a module's top level once per check; `tracks` (checked module only) gets one track per statement. */
  private evalModule(uri: string, module: Module, text: string, tracks?: UnitTrack[], starts?: number[]): Scope {
    const cached = this.modules.get(uri);
    if (cached) return cached;
    const scope = new Scope(undefined, uri);
    this.modules.set(uri, scope);
    this.texts.set(uri, text);
    this.languages.set(uri, module.language);
    const frame: Frame = { uri, depth: 0 };
    if (tracks) this.rootScope = scope;
    const track = (): UnitTrack => this.begin(false);
    // CommonJS: `exports.f = …` and `module.exports = {…}` fill an object the importer reads names from.
    const cjs = module.language === 'typescript' ? commonJsObjects(scope, v => this.own(v)) : undefined;
    if (tracks) {
      for (const s of module.body) {
        tracks.push(track());
        starts?.push(this.events.length);
        this.execTopLevel(s, scope, frame);
      }
      tracks.push(track());
      starts?.push(this.events.length);
    } else for (const s of module.body) this.execTopLevel(s, scope, frame);
    if (cjs) {
      const exported = cjs.entries.get('exports');
      if (exported?.t === 'dict') for (const [k, v] of exported.entries) if (!scope.vars.has(k)) scope.set(k, v);
    }
    if (module.defaultExport) scope.set('__default__', this.evalExpr(module.defaultExport, scope, frame));
    if (module.exports) {
      // TS/JS: exported names may differ from local names.
      for (const [exported, local] of module.exports) if (exported !== local) scope.set(exported, scope.lookup(local) ?? UNKNOWN);
    }
    return scope;
  }

  // ---- statements -------------------------------------------------------------------------

  /**
   * A `return` at the top level is a syntax error the parser recovered from (or a CommonJS early exit):
   * the statements after it are analysed all the same, as the rest of a file with an error is.
   */
  private execTopLevel(s: Stmt, scope: Scope, frame: Frame): void {
    this.exec(s, scope, frame);
    frame.done = false;
  }

  private execBlock(stmts: Stmt[], scope: Scope, frame: Frame): void {
    for (const s of stmts) {
      if (frame.done) return;
      this.exec(s, scope, frame);
    }
  }

  private exec(s: Stmt, scope: Scope, frame: Frame): void {
    switch (s.k) {
      case 'assign': {
        const v = this.evalExpr(s.value, scope, frame);
        for (const t of s.targets) this.assign(t, s.aug ? UNKNOWN : v, scope, frame);
        return;
      }
      case 'expr':
        this.evalExpr(s.expr, scope, frame);
        return;
      case 'return': {
        const v = s.value ? this.evalExpr(s.value, scope, frame) : { t: 'const', value: null } as Value;
        frame.returns = join(frame.returns, v);
        frame.done = true;
        if (frame.fn && s.value) {
          const self = frame.fn.self;
          this.events.push({
            type: 'return', uri: frame.uri, span: s.span, value: v, expr: s.value, inFunction: frame.fn.def.name,
            className: self?.t === 'instance' ? self.cls.def.name : undefined,
          });
        }
        return;
      }
      case 'if':
        return this.execIf(s, scope, frame);
      case 'loop': {
        if (s.iter) {
          const it = this.evalExpr(s.iter, scope, frame);
          if (s.target) this.assign(s.target, it.t === 'tensor' ? it : UNKNOWN, scope, frame);
        }
        // The body runs zero or more times: its assignments join with the values before it.
        this.branchDepth++;
        let written: Map<string, Value | undefined>;
        try {
          written = journaled(scope, () => {
            this.execBlock(s.body, scope, frame);
            frame.done = false;
            this.execBlock(s.orelse, scope, frame);
            frame.done = false;
          });
        } finally {
          this.branchDepth--;
        }
        for (const [name, before] of written) setOrUnbind(scope, name, joinPaths(before, scope.vars.get(name)));
        return;
      }
      case 'block':
        // try/except/finally are lowered in order; a return in `try` does not make the handlers
        // unreachable, so every statement runs and the block never ends the path.
        for (const it of s.items) this.evalExpr(it, scope, frame);
        for (const b of s.body) {
          this.exec(b, scope, frame);
          frame.done = false;
        }
        return;
      case 'func': {
        const fn: FunctionValue = { t: 'function', def: s.def, uri: frame.uri, scope, qualname: s.def.name };
        scope.set(s.def.name, fn);
        return;
      }
      case 'class':
        scope.set(s.def.name, this.defineClass(s.def, scope, frame));
        return;
      case 'import': {
        if (s.alias) scope.set(s.alias, this.importModule(s.module, 0, frame.uri));
        else {
          const first = s.module.split('.')[0];
          scope.set(first, this.importModule(first, 0, frame.uri));
        }
        return;
      }
      case 'importFrom': {
        const fw = s.level === 0 ? frameworkModule(s.module) : undefined;
        if (fw) {
          for (const n of s.names) scope.set(n.alias ?? n.name, { t: 'sym', path: normalizePath(`${fw}.${n.name}`) });
          return;
        }
        const loaded = this.resolve(frame.uri, s.module, s.level);
        const mod = loaded ? this.evalModule(loaded.uri, loaded.module, loaded.text) : undefined;
        for (const n of s.names) {
          let v: Value = UNKNOWN;
          if (mod) v = n.name === 'default' ? mod.vars.get('__default__') ?? UNKNOWN : mod.vars.get(n.name) ?? UNKNOWN;
          if (v === UNKNOWN && !mod && s.level > 0) {
            // `from . import network`: the name may be a module of the package.
            const sub = this.resolve(frame.uri, s.module ? `${s.module}.${n.name}` : n.name, s.level);
            if (sub) v = { t: 'module', uri: sub.uri, exports: this.evalModule(sub.uri, sub.module, sub.text) };
          }
          scope.set(n.alias ?? n.name, v);
        }
        if (s.star && mod) for (const [k, v] of mod.vars) scope.set(k, v);
        return;
      }
    }
  }

  private execIf(s: Extract<Stmt, { k: 'if' }>, scope: Scope, frame: Frame): void {
    this.evalExpr(s.test, scope, frame);
    // The loss sees the training path: `if self.training:` takes the body, `if not self.training:` the else branch.
    const training = trainingTest(s.test);
    if (training === 'train') return this.execBlock(s.body, scope, frame);
    if (training === 'eval') return this.execBlock(s.orelse, scope, frame);
    // Each branch runs from the state before the `if`; only the names a branch writes are saved,
    // undone and joined (journals), never the whole scope.
    let bodyDone = false;
    let elseDone = false;
    let elseWrites: Map<string, Value | undefined>;
    const afterBody = new Map<string, Value | undefined>();
    this.branchDepth++;
    try {
      const bodyWrites = journaled(scope, () => this.execBlock(s.body, scope, frame));
      bodyDone = !!frame.done;
      frame.done = false;
      for (const [name, before] of bodyWrites) {
        afterBody.set(name, scope.vars.get(name));
        setOrUnbind(scope, name, before);
      }
      elseWrites = journaled(scope, () => this.execBlock(s.orelse, scope, frame));
      elseDone = !!frame.done;
    } finally {
      this.branchDepth--;
    }
    // A branch that returned does not reach the code after the `if`: only the other one does.
    if (bodyDone && elseDone) return;
    frame.done = false;
    if (bodyDone) return;
    if (elseDone) {
      for (const [name, before] of elseWrites) setOrUnbind(scope, name, before);
      for (const [name, v] of afterBody) setOrUnbind(scope, name, v);
      return;
    }
    // Names either branch wrote: the body's value against the else path's (the state before the `if`
    // where the else branch did not write).
    for (const [name, v] of afterBody) setOrUnbind(scope, name, joinPaths(v, scope.vars.get(name)));
    for (const [name, before] of elseWrites) if (!afterBody.has(name)) setOrUnbind(scope, name, joinPaths(before, scope.vars.get(name)));
  }

  private assign(target: Expr, v: Value, scope: Scope, frame: Frame): void {
    switch (target.k) {
      case 'name':
        scope.set(target.id, v);
        return;
      case 'tuple':
      case 'list':
        target.elts.forEach((t, i) => this.assign(t, v.t === 'tuple' ? v.elts[i] ?? UNKNOWN : v.t === 'tensor' ? v : UNKNOWN, scope, frame));
        return;
      case 'dict':
        for (const e of target.entries) {
          const key = e.key && e.key.k === 'str' ? e.key.value : undefined;
          this.assign(e.value, key !== undefined && v.t === 'dict' ? v.entries.get(key) ?? UNKNOWN : UNKNOWN, scope, frame);
        }
        return;
      case 'attr': {
        const obj = this.evalExpr(target.obj, scope, frame);
        if (obj.t === 'instance' || obj.t === 'dict') this.mutated(obj);
        if (obj.t === 'instance') obj.attrs.set(target.name, join(obj.attrs.get(target.name), v));
        // JS objects: `o.x = v` is the entry `x` (a branch may keep the old value on another path).
        else if (obj.t === 'dict') obj.entries.set(target.name, this.branchDepth > (obj.depth ?? 0) ? join(obj.entries.get(target.name), v) : v);
        return;
      }
      case 'subscript': {
        const obj = this.evalExpr(target.obj, scope, frame);
        const key = target.index.k === 'str' ? target.index.value : undefined;
        // Inside a branch or loop the dict may keep its old entry on another path.
        if (obj.t === 'dict' && key !== undefined) this.mutated(obj);
        if (obj.t === 'dict' && key !== undefined) obj.entries.set(key, this.branchDepth > (obj.depth ?? 0) ? join(obj.entries.get(key), v) : v);
        return;
      }
      default:
        return;
    }
  }

  // ---- expressions ------------------------------------------------------------------------

  evalExpr(e: Expr, scope: Scope, frame: Frame): Value {
    switch (e.k) {
      case 'name':
        return scope.lookup(e.id) ?? UNKNOWN;
      case 'attr':
        return this.getAttr(this.evalExpr(e.obj, scope, frame), e.name);
      case 'call':
        return this.evalCall(e, scope, frame);
      case 'subscript':
        return this.subscript(this.evalExpr(e.obj, scope, frame), e.index, scope, frame);
      case 'num':
        return { t: 'const', value: e.value };
      case 'str':
        return { t: 'const', value: e.value };
      case 'const':
        return { t: 'const', value: e.value };
      case 'tuple':
      case 'list':
        return { t: 'tuple', elts: e.elts.map(x => this.evalExpr(x, scope, frame)) };
      case 'dict': {
        const entries = new Map<string, Value>();
        for (const en of e.entries) {
          const v = this.evalExpr(en.value, scope, frame);
          if (en.key && en.key.k === 'str') entries.set(en.key.value, v);
          else if (en.key) this.evalExpr(en.key, scope, frame);
        }
        return this.own({ t: 'dict', entries, depth: this.branchDepth });
      }
      case 'binop':
        return this.binop(e, scope, frame);
      case 'unary': {
        const v = this.evalExpr(e.operand, scope, frame);
        if (e.op === '-' && v.t === 'const' && typeof v.value === 'number') return { t: 'const', value: -v.value };
        return UNKNOWN;
      }
      case 'cond': {
        this.evalExpr(e.test, scope, frame);
        return join(this.evalExpr(e.body, scope, frame), this.evalExpr(e.orelse, scope, frame));
      }
      case 'lambda':
        return { t: 'function', def: e.fn, uri: frame.uri, scope, qualname: '<lambda>' };
      case 'unknown':
        for (const c of e.children) this.evalExpr(c, scope, frame);
        return UNKNOWN;
    }
  }

  private binop(e: Extract<Expr, { k: 'binop' }>, scope: Scope, frame: Frame): Value {
    if (e.op === '*') {
      if (isLogCall(e.left)) this.productLogs.add(e.left);
      if (isLogCall(e.right)) this.productLogs.add(e.right);
    }
    const l = this.evalExpr(e.left, scope, frame);
    // The operands of a product on the left, just evaluated (read by `2 * y - 1`).
    const leftProduct = this.lastProduct !== undefined && this.lastProduct.expr === e.left ? this.lastProduct : undefined;
    const r = this.evalExpr(e.right, scope, frame);
    if (l.t === 'const' && r.t === 'const' && typeof l.value === 'number' && typeof r.value === 'number') {
      switch (e.op) {
        case '+': return { t: 'const', value: l.value + r.value };
        case '-': return { t: 'const', value: l.value - r.value };
        case '*': return { t: 'const', value: l.value * r.value };
      }
    }
    if (e.op === '*') this.lastProduct = { expr: e, l, r };
    // `2 * y - 1` turns {0,1} labels into ±1 labels.
    const product = e.op === '-' && r.t === 'const' && r.value === 1 && leftProduct ? [leftProduct.l, leftProduct.r] : undefined;
    if (product) {
      const lab = product.find(x => x.t === 'tensor' && x.kind === 'labels01');
      if (lab && product.some(x => x.t === 'const' && x.value === 2)) return tensor('labels-pm1');
    }
    if (e.op === 'or' || e.op === '||' || e.op === '??') return join(l, r);
    // `p + eps` keeps the meaning of p but guards a log against 0.
    if (e.op === '+' && l.t === 'tensor' && r.t === 'const' && typeof r.value === 'number' && r.value > 0) return { ...l, guarded: true };
    return UNKNOWN;
  }

  private subscript(obj: Value, index: Expr, scope: Scope, frame: Frame): Value {
    const idx = this.evalExpr(index, scope, frame);
    const n = idx.t === 'const' && typeof idx.value === 'number' ? idx.value : undefined;
    if (obj.t === 'tuple' && n !== undefined) return obj.elts[n < 0 ? obj.elts.length + n : n] ?? UNKNOWN;
    if (obj.t === 'dict' && idx.t === 'const' && typeof idx.value === 'string') return obj.entries.get(idx.value) ?? UNKNOWN;
    if (obj.t === 'object' && obj.layers && n !== undefined) return obj.layers[n < 0 ? obj.layers.length + n : n] ?? UNKNOWN;
    if (obj.t === 'tensor') return obj.units === undefined ? obj : { ...obj, units: undefined };
    if (obj.t === 'union') return mapUnion(obj, o => this.subscript(o, index, scope, frame));
    return UNKNOWN;
  }

  getAttr(obj: Value, name: string): Value {
    switch (obj.t) {
      case 'sym':
        return { t: 'sym', path: memberPath(obj.path, name) };
      case 'module': {
        const own = obj.exports.vars.get(name);
        if (own) return own;
        const d = this.defaultExportOf(obj);
        return d ? this.getAttr(d, name) : UNKNOWN;
      }
      case 'instance': {
        const own = obj.attrs.get(name);
        if (own) return own;
        const m = lookupMethod(obj.cls, name);
        if (m) return { t: 'function', def: m.def, uri: m.cls.uri, scope: m.cls.scope, self: obj, qualname: `${m.cls.def.name}.${name}` };
        return classVar(obj.cls, name) ?? UNKNOWN;
      }
      case 'class': {
        const m = lookupMethod(obj, name);
        return m ? { t: 'function', def: m.def, uri: m.cls.uri, scope: m.cls.scope, qualname: `${m.cls.def.name}.${name}` } : obj.scope.vars.get(name) ?? UNKNOWN;
      }
      case 'tensor':
        return name === 'T' || name === 'data' || name === 'mT' ? obj : UNKNOWN;
      case 'dict':
        // A JS object literal's property (`config.model`); Python dicts have no attributes by key, so nothing matches there.
        return obj.entries.get(name) ?? UNKNOWN;
      case 'union':
        return mapUnion(obj, o => this.getAttr(o, name));
      default:
        return UNKNOWN;
    }
  }

  // ---- calls ------------------------------------------------------------------------------

  private evalCall(e: Extract<Expr, { k: 'call' }>, scope: Scope, frame: Frame): Value {
    // Method calls on tensors and framework objects are dispatched on the receiver.
    if (e.callee.k === 'attr') {
      let recv = this.evalExpr(e.callee.obj, scope, frame);
      // `import model from './model'` binds the default export (see defaultExportOf).
      if (recv.t === 'module' && !recv.exports.vars.has(e.callee.name)) recv = this.defaultExportOf(recv) ?? recv;
      const site = this.callSite(e, scope, frame, recv);
      const method = e.callee.name;
      // A receiver that differs between paths (two models, a model or None): call the method on each.
      const viaReceiver = recv.t === 'union' && !recv.options.some(o => o.t === 'tensor')
        ? mapUnion(recv, o => this.callMethod(o, method, site, frame) ?? this.call(this.getAttr(o, method), site, frame))
        : this.callMethod(recv, method, site, frame);
      // `out.sigmoid_()` changes `out` itself; any other in-place op leaves its kind unknown.
      if (method.endsWith('_') && e.callee.obj.k === 'name' && (recv.t === 'tensor' || recv.t === 'union')) {
        scope.set(e.callee.obj.id, viaReceiver && (viaReceiver.t === 'tensor' || viaReceiver.t === 'union') ? viaReceiver : UNKNOWN);
      }
      if (viaReceiver !== undefined) return viaReceiver;
      const callee = this.getAttr(recv, method);
      const out = this.call(callee, site, frame);
      this.runCallbacks(callee, site, frame);
      return out;
    }
    const callee = this.evalExpr(e.callee, scope, frame);
    const site = this.callSite(e, scope, frame, callee);
    const out = this.call(callee, site, frame);
    this.runCallbacks(callee, site, frame);
    return out;
  }

  /**
   * Function expressions handed to code LossLens does not run (`optimizer.minimize(() => loss)`,
   * `tf.grad(f)`, `map(lambda …)`) are analysed on their own, so the losses inside them are seen.
   */
  private runCallbacks(callee: Value, site: CallSite, frame: Frame): void {
    if (callee.t === 'function' || callee.t === 'class' || callee.t === 'instance' || (callee.t === 'sym' && callee.path === 'tfjs.tidy')) return;
    // Only function values matter, and most calls pass none: look before counting positions.
    if (!passesFunction(site)) return;
    let positional = 0;
    for (const a of site.expr.args) {
      if (a.star) continue;
      const v = a.name ? site.keywords.get(a.name) : site.positional[positional++];
      if (v && v.t === 'function') this.callFunction(v, [], new Map(), undefined, frame, true);
    }
  }

  private callSite(e: Extract<Expr, { k: 'call' }>, scope: Scope, frame: Frame, callee: Value): CallSite {
    const positional: Value[] = [];
    const keywords = new Map<string, Value>();
    for (const a of e.args) {
      const v = this.evalExpr(a.value, scope, frame);
      if (a.name) keywords.set(a.name, v);
      else if (!a.star) positional.push(v);
    }
    // TF.js takes options as one object literal: its properties act as keyword arguments.
    if (isTfjs(callee) || (callee.t === 'object' && callee.path.startsWith('tfjs'))) {
      e.args.forEach((a, i) => {
        if (!a.name && a.value.k === 'dict') {
          const d = positional[i];
          if (d && d.t === 'dict') for (const [k, v] of d.entries) keywords.set(k, v);
        }
      });
    }
    return { uri: frame.uri, expr: e, positional, keywords };
  }

  call(callee: Value, site: CallSite, frame: Frame): Value {
    switch (callee.t) {
      case 'sym':
        return this.callSymbol(callee.path, site, frame);
      case 'function':
        return this.callFunction(callee, site.positional, site.keywords, site, frame, false);
      case 'class':
        return this.instantiate(callee, site, frame);
      case 'instance': {
        const m = lookupMethod(callee.cls, 'forward') ?? lookupMethod(callee.cls, 'call') ?? lookupMethod(callee.cls, '__call__');
        if (!m) return UNKNOWN;
        const fn: FunctionValue = { t: 'function', def: m.def, uri: m.cls.uri, scope: m.cls.scope, self: callee, qualname: `${m.cls.def.name}.${m.def.name}` };
        return this.callFunction(fn, site.positional, site.keywords, site, frame, false);
      }
      case 'object':
        return this.callObject(callee, site, frame);
      case 'module': {
        const d = this.defaultExportOf(callee);
        return d ? this.call(d, site, frame) : UNKNOWN;
      }
      case 'union': {
        // `criterion = nn.CrossEntropyLoss() if a else nn.NLLLoss()`: which loss runs is not known, so the
        // losses computed on this call are not reported (each holds on one path only).
        const sameLoss = callee.options.every(o => o.t === 'object' && LOSS_SPECS.has(o.path) && o.path === (callee.options[0] as ObjectValue).path);
        if (!sameLoss) this.uncertainCallee++;
        let out: Value | undefined;
        try {
          for (const o of callee.options) out = join(out, this.call(o, site, frame));
        } finally {
          if (!sameLoss) this.uncertainCallee--;
        }
        return out ?? UNKNOWN;
      }
      default:
        return UNKNOWN;
    }
  }

  private callSymbol(path: string, site: CallSite, frame: Frame): Value {
    const loss = LOSS_SPECS.get(path);
    if (loss) {
      if (loss.form === 'class') {
        this.events.push({ type: 'loss-object', spec: loss, site });
        return this.own({ t: 'object', path, call: site });
      }
      this.emitLoss(loss, site, undefined, frame);
      return tensor('unknown');
    }
    const act = ACTIVATION_FUNCTIONS.get(path);
    if (act) return this.applyActivation(act, site, site.positional[0], 0, frame, path);
    if (LOG_FUNCTIONS.has(path)) return this.applyLog(site, site.positional[0], 0, frame);
    if (EXP_FUNCTIONS.has(path)) return expOf(site.positional[0]);
    if (KIND_KEEPING_FUNCTIONS.has(path)) return transferKind(path.slice(path.lastIndexOf('.') + 1), site.positional[0]);
    if (CONTAINERS.has(path)) {
      const layersArg = path === 'torch.nn.Sequential' ? undefined
        : path === 'tfjs.sequential' ? site.keywords.get('layers') : site.positional[0] ?? site.keywords.get('layers');
      const layers = path === 'torch.nn.Sequential' ? site.positional : tupleElts(layersArg);
      const container: ObjectValue = this.own({ t: 'object', path, call: site, layers: layers.slice(), depth: this.branchDepth });
      // `nn.Sequential(*blocks)`, `Sequential(layer_list)`: the layers are not all visible.
      if (site.expr.args.some(a => a.star) || (layersArg !== undefined && layersArg.t !== 'tuple')) container.opaque = true;
      else markLayerElements(container.layers!, layerListExprs(path, site.expr), l => this.mutated(l));
      this.checkStackedActivations(container.layers!, 0);
      return container;
    }
    if (FUNCTIONAL_MODELS.has(path)) {
      const out = site.keywords.get('outputs') ?? (path === 'keras.Model' ? site.positional[1] : undefined);
      return this.own({ t: 'object', path, call: site, output: out ?? UNKNOWN });
    }
    const layer = LAYERS.get(path);
    if (layer) return this.makeLayer(path, layer, site, frame);
    // Wrappers that run the module they are given: calling them calls the module.
    if (path === 'torch.nn.DataParallel' || path === 'torch.nn.parallel.DistributedDataParallel' || path === 'torch.compile') {
      return site.positional[0] ?? site.keywords.get('module') ?? site.keywords.get('model') ?? UNKNOWN;
    }
    if (path === 'tfjs.tidy') {
      const fn = site.positional.find(v => v.t === 'function');
      return fn ? this.call(fn, { ...site, positional: [], keywords: new Map() }, frame) : UNKNOWN;
    }
    if (/^torch\.(tensor|zeros|ones|full|empty|randn|rand|zeros_like|ones_like|as_tensor)$/.test(path)) {
      if (frame.fn) this.events.push({ type: 'tensor-creation', site, path, inFunction: frame.fn.def.name });
      const rg = site.keywords.get('requires_grad');
      if ((rg && rg.t === 'const' && rg.value === true) || (path === 'torch.tensor' && containsItemCall(site.expr.args[0]?.value))) {
        return tensor('unknown', { created: site.expr.span });
      }
    }
    if (path === 'torch.randint') return randintKind(site);
    if (path === 'torch.tensor' || path === 'tf.constant' || path === 'tfjs.tensor' || path === 'tfjs.tensor1d' || path === 'tfjs.tensor2d' || path === 'numpy.array') {
      return literalTensorKind(site.expr.args[0]?.value);
    }
    return UNKNOWN;
  }

  /** Tensor and framework-object methods; undefined when the receiver has no special meaning for `name`. */
  private callMethod(recv: Value, name: string, site: CallSite, frame: Frame): Value | undefined {
    const recvArg = site.expr.callee.k === 'attr' ? site.expr.callee.obj : site.expr;
    if (recv.t === 'tensor' || recv.t === 'unknown' || recv.t === 'union') {
      if (recv.t === 'unknown' && !ACTIVATION_METHODS.has(name) && name !== 'log') return undefined;
      const act = ACTIVATION_METHODS.get(name);
      if (act) return this.applyActivation(act, site, recv, -1, frame, '.' + name, recvArg);
      if (name === 'log') return this.applyLog(site, recv, -1, frame, recvArg);
      if (name === 'exp') return expOf(recv);
      if (KIND_KEEPING_METHODS.has(name)) return transferKind(name, recv);
      if (recv.t === 'tensor') return UNKNOWN;
    }
    if (recv.t === 'object') {
      if (name === 'add' && recv.layers) {
        this.mutated(recv);
        recv.layers.push(site.positional[0] ?? UNKNOWN);
        // A layer added on one path only (`if flag: model.add(Softmax())`) leaves the output uncertain until
        // a layer is added unconditionally after it.
        recv.tailUncertain = this.branchDepth > (recv.depth ?? 0);
        this.checkStackedActivations(recv.layers, recv.layers.length - 1);
        return { t: 'const', value: null };
      }
      if (name === 'compile' && (recv.layers || recv.output)) {
        const output = () => this.callObject(recv, { ...site, positional: [UNKNOWN], keywords: new Map() }, frame);
        return this.compileModel(recv, recv.path.startsWith('tfjs'), output, site, frame);
      }
      if (name === 'fit' && (recv.layers || recv.output)) return this.fitModel(recv, site, frame);
    }
    // `model.to(device)`, `model.eval()`, `nn.Sequential(...).cuda()` return the module itself.
    if ((recv.t === 'instance' || recv.t === 'object') && SELF_RETURNING_METHODS.has(name) && !(recv.t === 'instance' && lookupMethod(recv.cls, name))) return recv;
    // A subclassed Keras model (`class Net(keras.Model)` with `call`): compile and fit act on what `call` returns.
    if (recv.t === 'instance' && (name === 'compile' || name === 'fit') && !lookupMethod(recv.cls, name) && inheritsFrom(recv.cls, KERAS_MODEL_BASES)) {
      if (name === 'fit') return this.fitModel(recv, site, frame);
      return this.compileModel(recv, false, () => this.call(recv, { ...site, positional: [UNKNOWN], keywords: new Map() }, frame), site, frame);
    }
    if (recv.t === 'object') {
      if ((name === 'predict' || name === 'apply' || name === 'call' || name === 'forward') && (recv.layers || recv.output || LAYERS.has(recv.path))) {
        return this.callObject(recv, site, frame);
      }
    }
    return undefined;
  }

  private compileModel(model: ObjectValue | InstanceValue, tfjs: boolean, output: () => Value, site: CallSite, frame: Frame): Value {
    const lossExpr = argExpr(site.expr.args, { pos: tfjs ? 99 : 1, kw: ['loss'] }, tfjs);
    const loss = tfjs ? site.keywords.get('loss') : site.keywords.get('loss') ?? site.positional[1];
    if (lossExpr && loss) {
      const out = output();
      this.events.push({ type: 'compile', framework: tfjs ? 'tfjs' : 'keras', site, model, output: out, loss: { value: loss, expr: lossExpr, uri: frame.uri } });
      if (loss.t === 'function') this.callCompiledLossFunction(loss, out, lossExpr, frame);
    }
    return { t: 'const', value: null };
  }

  private fitModel(model: ObjectValue | InstanceValue, site: CallSite, frame: Frame): Value {
    const yExpr = argExpr(site.expr.args, { pos: 1, kw: ['y'] });
    this.events.push({ type: 'fit', model, y: yExpr ? { value: argValue(site, { pos: 1, kw: ['y'] }) ?? UNKNOWN, expr: yExpr, uri: frame.uri } : undefined });
    return UNKNOWN;
  }

  /**
   * `compile(loss=my_loss)`: Keras calls `my_loss(y_true, y_pred)` with the model's output, so the function
   * is run with it; a finding inside is reported at the `loss=` argument (one finding per flow).
   */
  private callCompiledLossFunction(fn: FunctionValue, output: Value, lossExpr: Expr, frame: Frame): void {
    const entry = { uri: frame.uri, span: lossExpr.span, callee: fn.qualname };
    const withEntry = (v: Value): Value => v.t === 'tensor' ? { ...v, entries: [entry] } : v.t === 'union' ? mapUnion(v, withEntry) : v;
    this.callFunction(fn, [tensor('unknown', { nameHint: 'labels' }), withEntry(output)], new Map(), undefined, frame, false);
  }

  private callObject(obj: ObjectValue, site: CallSite, frame: Frame): Value {
    const loss = LOSS_SPECS.get(obj.path);
    if (loss) {
      this.emitLoss(loss, site, obj.call, frame);
      return tensor('unknown');
    }
    if (obj.layers) {
      if (obj.opaque || obj.tailUncertain) return UNKNOWN;
      let v: Value = site.positional[0] ?? UNKNOWN;
      for (const layer of obj.layers) v = this.applyLayer(layer, v, site, frame);
      return v;
    }
    if (obj.output) return obj.output;
    return this.applyLayer(obj, site.positional[0] ?? UNKNOWN, site, frame);
  }

  private applyLayer(layer: Value, input: Value, site: CallSite, frame: Frame): Value {
    if (layer.t === 'object') {
      if (layer.layers || layer.output) return this.callObject(layer, { ...site, positional: [input] }, frame);
      if (layer.passThrough) return keepKind(input);
      const out = layer.layerOut ?? UNKNOWN;
      const inUnits = certainTensor(input)?.units;
      if (layer.keepsUnits && out.t === 'tensor' && out.units === undefined && inUnits !== undefined) return { ...out, units: inUnits };
      return out;
    }
    if (layer.t === 'instance' || layer.t === 'function' || layer.t === 'sym') return this.call(layer, { ...site, positional: [input], keywords: new Map() }, frame);
    return UNKNOWN;
  }

  /**
   * An activation layer stacked after a layer with a known output size (`Sequential(Linear(h, 1), Softmax(dim=1))`,
   * `model.add(Activation('softmax'))`): re-emits its activation event with that axis size, from layer `from` on.
   */
  private checkStackedActivations(layers: Value[], from: number): void {
    let units: number | undefined;
    layers.forEach((l, i) => {
      if (l.t !== 'object' || l.layers || l.output) { units = undefined; return; }
      if (l.keepsUnits) {
        const a = l.activation;
        if (i >= from && a && units !== undefined && a.axisSize === undefined && isLastAxis(a.path, !!a.dim, a.dim?.value)) this.events.push({ ...a, axisSize: units });
        return;
      }
      units = l.layerOut?.t === 'tensor' ? l.layerOut.units : undefined;
    });
  }

  private makeLayer(path: string, spec: LayerSpec, site: CallSite, frame: Frame): Value {
    const obj: ObjectValue = this.own({ t: 'object', path, call: site });
    const unitsV = spec.units ? argValue(site, { pos: spec.units.pos, kw: [spec.units.kw] }) : undefined;
    const units = unitsV && unitsV.t === 'const' && typeof unitsV.value === 'number' ? unitsV.value : undefined;
    let act: ActivationSpec | undefined;
    if (spec.activation) {
      const a = argValue(site, { pos: spec.activation.pos, kw: [spec.activation.kw] });
      act = activationFromValue(a);
      if (a && !act && !(a.t === 'const' && (a.value === null || a.value === undefined))) {
        obj.layerOut = UNKNOWN; // an activation LossLens does not model (relu, tanh, a custom one)
        return obj;
      }
    } else if (spec.out !== 'keep' && spec.out !== 'linear') {
      act = { kind: spec.out, act: spec.act ?? 'other', dim: spec.dim };
    }
    const label = layerLabel(path, site, frame, this.texts.get(frame.uri));
    obj.keepsUnits = spec.out !== 'linear' && !spec.units;
    if (act && act.act !== 'other') {
      const dimExpr = spec.dim ? argExpr(site.expr.args, { pos: spec.dim.pos, kw: [spec.dim.kw] }) : undefined;
      const ev: ActivationEvent = {
        type: 'activation', path, spec: act, site, layer: true, axisSize: units,
        dim: dimExpr ? { value: argValue(site, { pos: spec.dim!.pos, kw: [spec.dim!.kw] }) ?? UNKNOWN, expr: dimExpr, uri: frame.uri } : undefined,
      };
      this.events.push(ev);
      if (obj.keepsUnits) obj.activation = ev;
    }
    const origin: Origin = { uri: frame.uri, span: site.expr.span, label };
    if (act) obj.layerOut = tensor(act.kind, { origin, units, dim: null });
    else if (spec.out === 'linear') obj.layerOut = tensor('logits', { origin, units });
    else obj.passThrough = true;
    return obj;
  }

  private applyActivation(spec: ActivationSpec, site: CallSite, operand: Value | undefined, operandPos: number, frame: Frame, path: string, operandExpr?: Expr): Value {
    const opExpr = operandExpr ?? (operandPos >= 0 ? site.expr.args[operandPos]?.value : undefined);
    const dimExpr = spec.dim ? argExpr(site.expr.args, { pos: spec.dim.pos, kw: [spec.dim.kw, 'dim', 'axis'] }) : undefined;
    const input = operand && operand.t === 'tensor' ? operand : undefined;
    if (spec.act !== 'other') {
      const dimValue = dimExpr ? argValue(site, { pos: spec.dim!.pos, kw: [spec.dim!.kw, 'dim', 'axis'] }) ?? UNKNOWN : undefined;
      this.events.push({
        type: 'activation', path, spec, site, layer: false,
        dim: dimExpr ? { value: dimValue!, expr: dimExpr, uri: frame.uri } : undefined,
        axisSize: isLastAxis(path, dimExpr !== undefined, dimValue) ? input?.units : undefined,
        operand: opExpr ? { value: operand ?? UNKNOWN, expr: opExpr, uri: frame.uri } : undefined,
      });
    }
    const text = this.texts.get(frame.uri);
    const calleeText = text ? text.slice(site.expr.callee.span.start, site.expr.callee.span.end) : path;
    const origin: Origin = { uri: frame.uri, span: site.expr.span, label: operandPos < 0 ? `${path}()` : calleeText, inner: opExpr?.span };
    return tensor(spec.kind, { origin, units: input?.units, dim: null });
  }

  private applyLog(site: CallSite, operand: Value | undefined, pos: number, frame: Frame, operandExpr?: Expr): Value {
    const expr = operandExpr ?? site.expr.args[pos]?.value;
    if (expr) this.events.push({ type: 'log', site, arg: { value: operand ?? UNKNOWN, expr, uri: frame.uri }, inProduct: this.productLogs.has(site.expr), inFunction: frame.fn?.def.name });
    const t = certainTensor(operand);
    if (t?.kind === 'probs-softmax') return tensor('log-probs', { origin: { uri: frame.uri, span: site.expr.span, label: 'log(softmax(…))' }, units: t.units });
    if (t?.kind === 'probs-sigmoid') return tensor('log-sigmoid', { origin: { uri: frame.uri, span: site.expr.span, label: 'log(sigmoid(…))' } });
    return UNKNOWN;
  }

  private emitLoss(spec: LossSpec, site: CallSite, ctor: CallSite | undefined, frame: Frame): void {
    if (this.uncertainCallee > 0) return;
    const options = new Map<string, LossOption>();
    for (const cs of ctor ? [ctor, site] : [site]) {
      for (const a of cs.expr.args) if (a.name) options.set(a.name, { value: cs.keywords.get(a.name) ?? UNKNOWN, expr: a.value, argSpan: a.span, uri: cs.uri });
    }
    let family = spec.family;
    if (spec.fromLogits) {
      const fl = options.get('from_logits')?.value;
      family = fl && fl.t === 'const' && fl.value === true ? spec.fromLogits.logits : spec.fromLogits.probs;
      if (fl && fl.t !== 'const') family = 'other'; // from_logits computed at run time: say nothing
    }
    const info = (ref: ArgRef | undefined): ArgInfo | undefined => {
      if (!ref) return undefined;
      const expr = argExpr(site.expr.args, ref);
      if (!expr) return undefined;
      return { value: argValue(site, ref) ?? UNKNOWN, expr, uri: frame.uri };
    };
    this.events.push({
      type: 'loss', spec, family, site, ctor, options,
      input: info(spec.input), target: info(spec.target), input2: info(spec.input2),
      inFunction: frame.fn?.def.name,
    });
  }

  // ---- user functions and classes ---------------------------------------------------------

  callFunction(fn: FunctionValue, positional: Value[], keywords: Map<string, Value>, site: CallSite | undefined, frame: Frame, standalone: boolean): Value {
    if (this.active.has(fn.def) || frame.depth >= MAX_DEPTH || this.calls >= MAX_CALLS) return UNKNOWN;
    // Calls whose arguments carry no kind give the same result every time: reuse it (helper methods that call
    // each other would otherwise be re-run for every caller). A result computed deeper may be cut short, so it
    // is reused only at the same depth or deeper.
    const key = standalone ? undefined : this.memoKey(fn, positional, keywords);
    const memo = key === undefined ? undefined : this.memo.get(fn.def)?.get(key);
    if (memo && frame.depth >= memo.depth) return memo.value;
    const result = this.runFunction(fn, positional, keywords, site, frame, standalone);
    if (key !== undefined) {
      let m = this.memo.get(fn.def);
      if (!m) this.memo.set(fn.def, m = new Map());
      m.set(key, { value: result, depth: frame.depth });
    }
    return result;
  }

  private memoKey(fn: FunctionValue, positional: Value[], keywords: Map<string, Value>): string | undefined {
    let key = this.idOf(fn.self);
    for (let i = 0; i < positional.length; i++) {
      const part = memoPart(String(i), positional[i]);
      if (part === undefined) return undefined;
      key += '|' + part;
    }
    for (const [k, v] of keywords) {
      const part = memoPart(k, v);
      if (part === undefined) return undefined;
      key += '|' + part;
    }
    return key;
  }

  private idOf(o: Value | undefined): string {
    if (!o) return '-';
    let id = this.ids.get(o);
    if (id === undefined) this.ids.set(o, id = this.nextId++);
    return String(id);
  }

  private runFunction(fn: FunctionValue, positional: Value[], keywords: Map<string, Value>, site: CallSite | undefined, frame: Frame, standalone: boolean): Value {
    this.calls++;
    this.noteRoot(fn.def);
    this.active.add(fn.def);
    try {
      const scope = new Scope(fn.scope, fn.uri);
      const params = fn.def.params;
      let pi = 0;
      if (fn.self !== undefined && this.languages.get(fn.uri) === 'typescript') scope.set('this', fn.self);
      else if (fn.self !== undefined && params.length > 0 && !params[0].star && !hasDecorator(fn.def, 'staticmethod')) {
        scope.set(params[0].name, hasDecorator(fn.def, 'classmethod') && fn.self.t === 'instance' ? fn.self.cls : fn.self);
        pi = 1;
      }
      let ai = 0;
      for (; pi < params.length; pi++) {
        const p = params[pi];
        if (p.star) { scope.set(p.name, UNKNOWN); continue; }
        let v: Value | undefined = ai < positional.length ? positional[ai++] : keywords.get(p.name);
        if (v === undefined) {
          if (standalone) v = paramGuess(p.name);
          else v = p.default ? this.evalExpr(p.default, fn.scope, { uri: fn.uri, depth: frame.depth + 1 }) : UNKNOWN;
        } else if (site && v.t === 'tensor') {
          // Remember where the value entered the function: a finding inside is reported at this argument.
          const argE = ai - 1 < site.expr.args.length && ai - 1 >= 0 && !site.expr.args[ai - 1].name ? site.expr.args[ai - 1] : site.expr.args.find(a => a.name === p.name);
          if (argE) v = { ...v, entries: [...(v.entries ?? []), { uri: site.uri, span: argE.value.span, callee: fn.qualname }] };
        }
        scope.set(p.name, v);
      }
      if (standalone && !this.analysedFunctions.has(fn.def)) {
        this.analysedFunctions.add(fn.def);
        this.events.push({ type: 'function', uri: fn.uri, def: fn.def, className: fn.self?.t === 'instance' ? fn.self.cls.def.name : undefined });
      }
      const inner: Frame = { uri: fn.uri, fn, depth: frame.depth + 1 };
      if (!this.texts.has(fn.uri)) return UNKNOWN;
      this.execBlock(fn.def.body, scope, inner);
      return inner.returns ?? UNKNOWN;
    } finally {
      this.active.delete(fn.def);
    }
  }

  private defineClass(def: ClassDef, scope: Scope, frame: Frame): ClassValue {
    this.noteRoot(def);
    const bases = def.bases.map(b => this.evalExpr(b, scope, frame));
    const clsScope = new Scope(scope, frame.uri);
    const cls: ClassValue = { t: 'class', def, uri: frame.uri, scope: clsScope, bases };
    // TS/JS instance fields (`model = build();` in a class body) run per instance (initFields), not here.
    const ts = this.languages.get(frame.uri) === 'typescript';
    for (const s of def.body) {
      if (frame.done) break;
      if (ts && isInstanceField(s)) continue;
      this.exec(s, clsScope, frame);
    }
    return cls;
  }

  private instantiate(cls: ClassValue, site: CallSite | undefined, frame: Frame): InstanceValue {
    const inst: InstanceValue = this.own({ t: 'instance', cls, attrs: new Map(), site: site?.expr });
    this.noteRoot(cls.def);
    if (this.languages.get(cls.uri) === 'typescript') this.initFields(cls, inst, frame);
    for (const init of ['__init__', 'constructor', 'build']) {
      const m = lookupMethod(cls, init);
      if (m) {
        const fn: FunctionValue = { t: 'function', def: m.def, uri: m.cls.uri, scope: m.cls.scope, self: inst, qualname: `${cls.def.name}.${init}` };
        this.callFunction(fn, site?.positional ?? [], site?.keywords ?? new Map(), undefined, frame, site === undefined);
      }
    }
    if (site) {
      const known = this.cur.contrib.get(cls.def) ?? [];
      if (known.length < MAX_INSTANCES) this.cur.contrib.set(cls.def, [...known, inst]);
    }
    return inst;
  }

  /** TS field initializers (`model = tf.sequential();` in a class body) run for each new instance, bases first. */
  private initFields(cls: ClassValue, inst: InstanceValue, frame: Frame, seen = new Set<ClassValue>()): void {
    if (seen.has(cls)) return;
    seen.add(cls);
    this.noteRoot(cls.def);
    for (const b of cls.bases) if (b.t === 'class') this.initFields(b, inst, frame, seen);
    const scope = new Scope(cls.scope, cls.uri);
    scope.set('this', inst);
    for (const st of cls.def.body) {
      if (isInstanceField(st)) {
        this.exec(st, scope, { uri: cls.uri, depth: frame.depth + 1 });
      }
    }
  }

  /**
   * The default export of a TS/JS workspace module. The IR lowers `import m from './m'` and
   * `import * as m from './m'` alike (an `import` with an alias), so a module value stands for both:
   * calling it, or reading a name it does not export, reaches its default export.
   */
  private defaultExportOf(m: Extract<Value, { t: 'module' }>): Value | undefined {
    if (this.languages.get(m.uri) !== 'typescript') return undefined;
    const d = m.exports.vars.get('__default__');
    return d && d.t !== 'unknown' && d.t !== 'module' ? d : undefined;
  }

  private importModule(module: string, level: number, fromUri: string): Value {
    const fw = level === 0 ? frameworkModule(module) : undefined;
    if (fw) return { t: 'sym', path: fw };
    const loaded = this.resolve(fromUri, module, level);
    if (!loaded) return UNKNOWN;
    return { t: 'module', uri: loaded.uri, exports: this.evalModule(loaded.uri, loaded.module, loaded.text) };
  }
}

// ---- helpers --------------------------------------------------------------------------------

/** A TS/JS field initializer of the instance (lowered to `this.x = …` in the class body). */
function isInstanceField(s: Stmt): boolean {
  return s.k === 'assign' && s.targets.every(t => t.k === 'attr' && t.obj.k === 'name' && t.obj.id === 'this');
}

/** `exports` and `module` (with `module.exports === exports`) for a CommonJS module; returns `module`. */
function commonJsObjects(scope: Scope, own: (v: DictValue) => DictValue): DictValue {
  const exports: Value = own({ t: 'dict', entries: new Map(), depth: 0 });
  const module: DictValue = own({ t: 'dict', entries: new Map([['exports', exports]]), depth: 0 });
  scope.set('exports', exports);
  scope.set('module', module);
  return module;
}

function lookupMethod(cls: ClassValue, name: string, seen = new Set<ClassValue>()): { def: FunctionDef; cls: ClassValue } | undefined {
  if (seen.has(cls)) return undefined;
  seen.add(cls);
  for (const s of cls.def.body) if (s.k === 'func' && s.def.name === name) return { def: s.def, cls };
  for (const b of cls.bases) if (b.t === 'class') { const m = lookupMethod(b, name, seen); if (m) return m; }
  return undefined;
}

/** A class-level variable (`criterion = nn.BCELoss()` in the class body), searched through the bases. */
function classVar(cls: ClassValue, name: string, seen = new Set<ClassValue>()): Value | undefined {
  if (seen.has(cls)) return undefined;
  seen.add(cls);
  const own = cls.scope.vars.get(name);
  if (own && own.t !== 'function') return own;
  for (const b of cls.bases) if (b.t === 'class') { const v = classVar(b, name, seen); if (v) return v; }
  return undefined;
}

/**
 * Whether a softmax certainly normalises over the last axis (where Linear/Dense put their units). Only an
 * explicit -1 says so in PyTorch: `dim=1` is the last axis of a 2-D input but the time axis of a 3-D one
 * (attention pooling over `Linear(d, 1)` scores). Keras and TF.js default to the last axis.
 */
function isLastAxis(path: string, given: boolean, dim: Value | undefined): boolean {
  if (dim && dim.t === 'const') return dim.value === -1;
  if (given) return false;
  return !path.startsWith('torch');
}

const SELF_RETURNING_METHODS = new Set(['to', 'cuda', 'cpu', 'train', 'eval', 'float', 'double', 'half', 'bfloat16', 'requires_grad_', 'share_memory', 'to_empty']);

const KERAS_MODEL_BASES = new Set(['keras.Model', 'keras.Sequential']);

function inheritsFrom(cls: ClassValue, paths: ReadonlySet<string>, seen = new Set<ClassValue>()): boolean {
  if (seen.has(cls)) return false;
  seen.add(cls);
  return cls.bases.some(b => (b.t === 'sym' && paths.has(b.path)) || (b.t === 'class' && inheritsFrom(b, paths, seen)));
}

function hasDecorator(def: FunctionDef, name: string): boolean {
  return def.decorators.some(d => (d.k === 'name' && d.id === name) || (d.k === 'attr' && d.name === name));
}

function trainingTest(test: Expr): 'train' | 'eval' | undefined {
  if (test.k === 'attr' && test.name === 'training') return 'train';
  if (test.k === 'unary' && (test.op === 'not' || test.op === '!') && test.operand.k === 'attr' && test.operand.name === 'training') return 'eval';
  return undefined;
}

/** Runs `run`, returning the names it wrote in `scope` with their values before. */
function journaled(scope: Scope, run: () => void): Map<string, Value | undefined> {
  scope.openJournal();
  try {
    run();
  } catch (e) {
    scope.closeJournal();
    throw e;
  }
  return scope.closeJournal();
}

function setOrUnbind(scope: Scope, name: string, v: Value | undefined): void {
  if (v === undefined) scope.unbind(name);
  else scope.put(name, v);
}

/**
 * A name after two paths that bound it to `a` and `b` (undefined: not bound on that path): equal
 * values stay, others join (a path without it contributes UNKNOWN); unbound on both stays unbound.
 */
function joinPaths(a: Value | undefined, b: Value | undefined): Value | undefined {
  if (a === undefined) return b === undefined ? undefined : join(UNKNOWN, b);
  return a === b ? a : join(a, b ?? UNKNOWN);
}

/** An argument's part of a memo key; undefined when the argument carries a kind (no memo then). */
function memoPart(k: string, v: Value): string | undefined {
  if (v.t === 'unknown' || (v.t === 'tensor' && v.kind === 'unknown' && !v.nameHint && !v.created)) return `${k}=?`;
  if (v.t === 'const') return `${k}=${typeof v.value}:${String(v.value)}`;
  return undefined;
}

function passesFunction(site: CallSite): boolean {
  for (const v of site.positional) if (v.t === 'function') return true;
  for (const v of site.keywords.values()) if (v.t === 'function') return true;
  return false;
}

function mapUnion(u: Extract<Value, { t: 'union' }>, f: (v: Value) => Value): Value {
  let out: Value | undefined;
  for (const o of u.options) out = join(out, f(o));
  return out ?? UNKNOWN;
}

function keepKind(v: Value | undefined): Value {
  if (!v) return UNKNOWN;
  if (v.t === 'tensor' || v.t === 'union') return v;
  return UNKNOWN;
}

/**
 * What a kind-keeping operation gives: clamping guards probabilities against log(0) but bounds logits
 * (no longer unbounded: unknown); reshaping keeps the kind but not the class-axis size.
 */
function transferKind(op: string, v: Value | undefined): Value {
  if (!v) return UNKNOWN;
  if (v.t === 'union') return mapUnion(v, o => transferKind(op, o));
  if (v.t !== 'tensor') return UNKNOWN;
  if (CLAMP_OPS.has(op)) return v.kind === 'logits' ? UNKNOWN : { ...v, guarded: true };
  if (SHAPE_OPS.has(op)) return v.units === undefined ? v : { ...v, units: undefined };
  return v;
}
const CLAMP_OPS = new Set(['clamp', 'clamp_', 'clip', 'clipByValue', 'clip_by_value']);
const SHAPE_OPS = new Set([
  'view', 'reshape', 'squeeze', 'unsqueeze', 'squeeze_', 'unsqueeze_', 'flatten', 'permute', 'transpose', 'view_as',
  'reshape_as', 'expandDims', 'expand_dims', 'T',
]);

function isLogCall(e: Expr): boolean {
  if (e.k === 'unary') return isLogCall(e.operand);
  if (e.k !== 'call') return false;
  const c = e.callee;
  return (c.k === 'attr' && c.name === 'log') || (c.k === 'name' && c.id === 'log');
}

function containsItemCall(e: Expr | undefined): boolean {
  if (!e) return false;
  if (e.k === 'call' && e.callee.k === 'attr' && e.callee.name === 'item') return true;
  if (e.k === 'call') return containsItemCall(e.callee) || e.args.some(a => containsItemCall(a.value));
  if (e.k === 'attr') return containsItemCall(e.obj);
  if (e.k === 'binop') return containsItemCall(e.left) || containsItemCall(e.right);
  return false;
}

function expOf(v: Value | undefined): Value {
  const t = certainTensor(v);
  if (t?.kind === 'log-probs') return tensor('probs-softmax', { origin: t.origin, units: t.units });
  if (t?.kind === 'log-sigmoid') return tensor('probs-sigmoid', { origin: t.origin });
  return UNKNOWN;
}

function tupleElts(v: Value | undefined): Value[] {
  return v && v.t === 'tuple' ? v.elts : [];
}

function isTfjs(v: Value): boolean {
  return v.t === 'sym' && v.path.startsWith('tfjs');
}

/** The argument expression for a parameter given by position or keyword; `dictOnly` for TF.js option objects. */
export function argExpr(args: Arg[], ref: { pos: number; kw: string[] }, dictOnly = false): Expr | undefined {
  for (const a of args) if (a.name && ref.kw.includes(a.name)) return a.value;
  if (!dictOnly) {
    let i = 0;
    for (const a of args) {
      if (a.name || a.star) continue;
      if (i === ref.pos) return a.value;
      i++;
    }
  }
  for (const a of args) {
    if (!a.name && a.value.k === 'dict') {
      for (const en of a.value.entries) if (en.key && en.key.k === 'str' && ref.kw.includes(en.key.value)) return en.value;
    }
  }
  return undefined;
}

export function argValue(site: CallSite, ref: { pos: number; kw: string[] }): Value | undefined {
  for (const k of ref.kw) { const v = site.keywords.get(k); if (v) return v; }
  return ref.pos < site.positional.length ? site.positional[ref.pos] : undefined;
}

function activationFromValue(v: Value | undefined): ActivationSpec | undefined {
  if (!v) return undefined;
  if (v.t === 'const' && typeof v.value === 'string') return ACTIVATION_NAMES.get(v.value);
  if (v.t === 'sym') {
    const a = ACTIVATION_FUNCTIONS.get(v.path);
    return a && a.act !== 'other' ? a : undefined;
  }
  return undefined;
}

function layerLabel(path: string, site: CallSite, frame: Frame, text: string | undefined): string {
  void frame;
  // The call as written reads best (`Dense(10, activation='softmax')`) when it is short and on one line.
  const written = text?.slice(site.expr.span.start, site.expr.span.end);
  if (written && written.length <= 64 && !written.includes('\n')) return written;
  const short = path.replace(/^torch\.nn\./, 'nn.').replace(/^keras\.layers\./, '').replace(/^tfjs\./, 'tf.');
  return site.expr.args.length ? `${short}(…)` : `${short}()`;
}

function paramGuess(name: string): Value {
  if (LABEL_NAMES.test(name)) return tensor('unknown', { nameHint: 'labels' });
  if (PRED_NAMES.test(name)) return tensor('unknown', { nameHint: 'predictions' });
  return UNKNOWN;
}

function randintKind(site: CallSite): Value {
  const lo = site.positional.length >= 3 ? site.positional[0] : { t: 'const', value: 0 } as Value;
  const hi = site.positional.length >= 3 ? site.positional[1] : site.positional[0] ?? site.keywords.get('high');
  if (lo.t === 'const' && lo.value === 0 && hi && hi.t === 'const' && hi.value === 2) return tensor('labels01');
  return tensor('class-indices');
}

/** Kind of a literal tensor: integer labels, {0,1}, ±1 or one-hot rows; anything else unknown. */
function literalTensorKind(e: Expr | undefined): Value {
  if (!e || (e.k !== 'list' && e.k !== 'tuple')) return tensor('unknown');
  const nums: number[] = [];
  let rows = 0;
  let oneHot = true;
  let floats = false;
  for (const x of e.elts) {
    if (x.k === 'list' || x.k === 'tuple') {
      rows++;
      const row = x.elts.map(v => v.k === 'num' ? v.value : v.k === 'unary' && v.op === '-' && v.operand.k === 'num' ? -v.operand.value : NaN);
      if (row.some(v => v !== 0 && v !== 1) || row.filter(v => v === 1).length !== 1) oneHot = false;
      if (x.elts.some(v => v.k === 'num' && /[.eE]/.test(v.raw))) floats = true;
      nums.push(...row);
    } else {
      nums.push(x.k === 'num' ? x.value : x.k === 'unary' && x.op === '-' && x.operand.k === 'num' ? -x.operand.value : NaN);
      if (x.k === 'num' && /[.eE]/.test(x.raw)) floats = true;
    }
  }
  if (nums.length === 0 || nums.some(Number.isNaN)) return tensor('unknown');
  if (rows > 0) return oneHot ? tensor('one-hot') : tensor('unknown');
  if (floats) return tensor('unknown');
  if (nums.every(v => v === 0 || v === 1)) return tensor('labels01');
  if (nums.every(v => v === -1 || v === 1)) return tensor('labels-pm1');
  if (nums.every(v => Number.isInteger(v) && v >= 0)) return tensor('class-indices');
  return tensor('unknown');
}

export type { Kind, TensorValue };

/** The layer expressions of a container call as written: `nn.Sequential(a, b)` or `Sequential([a, b])`. */
function layerListExprs(path: string, call: Extract<Expr, { k: 'call' }>): Expr[] | undefined {
  if (path === 'torch.nn.Sequential') return call.args.every(a => !a.name && !a.star) ? call.args.map(a => a.value) : undefined;
  const first = call.args.find(a => !a.name || a.name === 'layers')?.value;
  return first && first.k === 'list' ? first.elts : undefined;
}

/**
 * Records on each layer written in place in the list where it stands (Origin.element), so fixes can
 * remove it with its comma. A layer built elsewhere and passed by name keeps no such place.
 */
function markLayerElements(layers: Value[], exprs: Expr[] | undefined, mutated: (l: Value) => void): void {
  if (!exprs || exprs.length !== layers.length) return;
  const elements = exprs.map(e => e.span);
  layers.forEach((l, index) => {
    const out = l.t === 'object' ? l.layerOut : undefined;
    const o = out?.t === 'tensor' ? out.origin : undefined;
    if (l.t !== 'object' || !out || out.t !== 'tensor' || !o) return;
    if (o.span.start !== elements[index].start || o.span.end !== elements[index].end) return;
    mutated(l);
    l.layerOut = { ...out, origin: { ...o, element: { elements, index } } };
  });
}
