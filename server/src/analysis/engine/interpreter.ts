// The value-kind interpreter: an abstract interpretation of the IR that gives every expression a kind
// and records the events rules look at. Calls of user functions and methods are evaluated with the
// caller's argument values (context-sensitive, bounded), so kinds flow through wrappers, `forward`,
// containers, Keras/TF.js models and imports between files.
//
// This file is the top layer: a check as the top level followed by units, run incrementally
// (units.ts, docs/ARCHITECTURE.md "Incremental check"). The layers below: framework-semantics.ts →
// user-code.ts → evaluate.ts → state.ts.
import type { ClassDef, Module, Stmt } from '../../ir';
import { FrameworkSemantics } from './framework-semantics';
import { DEF_ROOTS, MAX_INSTANCES, WALKED, type Frame } from './state';
import {
  UnitTrack,
  definedName,
  disjoint,
  mapDefinitions,
  unitsOf,
  type Resolution,
  type RunRecord,
  type TopLevelRecord,
  type Unit,
  type UnitRecord,
} from './units';
import type { FunctionValue, InstanceValue, Scope } from './values';

export type { ModuleLoader } from './state';

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

export class Interpreter extends FrameworkSemantics {
  /**
   * Evaluates a module's top level, then every function, lambda and class once on its own (parameters
   * unknown). With the record of the previous check of the same file, units whose code and module-level
   * names did not change keep their events instead of running again, and when only definitions changed
   * the top level is patched instead of run again; the result is the same either way (units.ts).
   */
  run(uri: string, module: Module, text: string, previous?: RunRecord, options: { record?: boolean } = {}): RunRecord {
    const bodySet = new Set(module.body);
    this.rootBody = bodySet;
    this.rootUri = uri;
    // Without a next check to serve (the CLI), what units read and ran is not recorded.
    this.recording = options.record !== false;
    if (this.recording) for (const s of module.body) mapDefinitions(s, DEF_ROOTS, WALKED);
    let reason =
      previous === undefined
        ? 'first check'
        : previous.uri !== uri
          ? 'another file'
          : !previous.reusable
            ? 'a unit changed shared values'
            : undefined;
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
      uri,
      body: module.body,
      bodySet,
      defaultExport: module.defaultExport,
      exports: module.exports,
      top: top.top,
      exportsTop: top.exportsTop,
      scope,
      modules: new Map(this.modules),
      texts: new Map(this.texts),
      languages: new Map(this.languages),
      topContrib: top.contrib,
      units: new Map(),
      reusable: true,
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
      if (discardEvents) {
        this.events.length = start;
        return;
      }
      record.units.set(units[i].stmt, {
        events: this.events.slice(start),
        reads: t.reads,
        roots: t.roots,
        foreign: t.foreign,
        resolutions: t.resolutions,
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
  protected sameResolutions(previous: RunRecord): boolean {
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
  protected runTopLevel(
    uri: string,
    module: Module,
    text: string,
    previous: RunRecord | undefined,
    changed: Set<Stmt> | undefined,
    removed: Stmt[],
  ): TopLevelResult {
    const tracks: UnitTrack[] = [];
    const starts: number[] = [];
    const scope = this.evalModule(uri, module, text, tracks, starts);
    const contrib: RunRecord['topContrib'] = [];
    for (const t of tracks) if (t.contributes) for (const [def, instances] of t.contrib) contrib.push({ def, instances });
    for (const c of contrib) this.addContribution(c.def, -1, c.instances as InstanceValue[]);
    const top: RunRecord['top'] = new Map();
    const record = (t: UnitTrack, from: number, to: number): TopLevelRecord => ({
      reads: t.reads,
      writes: t.writes,
      roots: t.roots,
      sideEffects: t.foreign || t.contributes,
      resolutions: t.resolutions,
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
        if (!hit)
          for (const r of t.roots)
            if (changed.has(r)) {
              hit = true;
              break;
            }
        if (!hit) return;
        if (top.get(s)!.sideEffects || previous.top.get(s)?.sideEffects !== false)
          result.reason = 'module-level code that uses an edited name did more than set names';
        affected.add(s);
        for (const n of t.writes)
          if (!changedNames.has(n)) {
            changedNames.add(n);
            grew = true;
          }
      });
    }
    // Default export and export aliases (TS/JS) run after the body.
    if (exportsTop.sideEffects) result.reason = 'the exports changed shared values';
    if (module.defaultExport !== previous.defaultExport || !disjoint(exportsTop.reads, changedNames))
      for (const n of exportsTop.writes) changedNames.add(n);
    return result;
  }

  /**
   * When an edit only changed definitions (functions, classes, lambdas bound to a name) that no other
   * top-level statement uses, the previous check's top level is patched instead of run again: removed
   * names are unbound, edited definitions are evaluated in the old module scope in order, and the other
   * statements keep their values and events. Undefined when that does not hold; throws PATCH_FAILED when
   * an edited class body turns out to do more than define (the old scope is then no longer usable).
   */
  protected patchTopLevel(
    uri: string,
    module: Module,
    text: string,
    previous: RunRecord,
    bodySet: Set<Stmt>,
    changed: Set<Stmt>,
    removed: Stmt[],
  ): TopLevelResult | undefined {
    if (!this.recording || module.defaultExport !== previous.defaultExport || module.exports !== previous.exports) return undefined;
    const changedNames = new Set<string>();
    for (const s of changed) {
      const n = definedName(s);
      if (n === undefined) return undefined;
      changedNames.add(n);
    }
    for (const s of removed) {
      const n = definedName(s);
      if (n === undefined) return undefined;
      changedNames.add(n);
    }
    // Position of the last statement setting each name, to check an edited class reads nothing set after it.
    const lastWrite = new Map<string, number>();
    for (let i = 0; i < module.body.length; i++) {
      const s = module.body[i];
      if (changed.has(s)) {
        lastWrite.set(definedName(s)!, i);
        continue;
      }
      const r = previous.top.get(s)!;
      if (!disjoint(r.reads, changedNames)) return undefined;
      for (const n of r.writes) {
        if (changedNames.has(n)) return undefined;
        lastWrite.set(n, i);
      }
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
      top.set(s, {
        reads: t.reads,
        writes: t.writes,
        roots: t.roots,
        sideEffects: false,
        resolutions: t.resolutions,
        events: this.events.slice(start),
      });
    });
    for (const e of previous.exportsTop.events) this.events.push(e);
    for (const c of previous.topContrib) this.addContribution(c.def, -1, c.instances as InstanceValue[]);
    return { scope, changedNames, top, exportsTop: previous.exportsTop, contrib: previous.topContrib, patched: true };
  }

  /** Modules a unit imported for itself are forgotten: the next unit that imports them evaluates them afresh. */
  protected endUnit(): void {
    const shared = this.sharedModules;
    if (shared) for (const uri of [...this.modules.keys()]) if (!shared.has(uri)) this.modules.delete(uri);
    this.sharedModules = undefined;
  }

  protected runUnit(
    u: Unit,
    scope: Scope,
    uri: string,
    index: number,
    oldContributors: Map<ClassDef, number[]>,
    ran: boolean[],
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
          const own =
            selves && selves.length
              ? selves.map(s => this.own<InstanceValue>({ t: 'instance', cls: s.cls, attrs: new Map(s.attrs), site: s.site }))
              : [this.instantiate(cls, undefined, frame)];
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

  protected addContribution(def: ClassDef, unit: number, instances: InstanceValue[]): void {
    const list = this.contributions.get(def);
    if (list) list.push({ unit, instances });
    else this.contributions.set(def, [{ unit, instances }]);
  }
}
