// Calls into user code: functions and methods run with the caller's argument values (bounded by
// depth and a call budget, memoised when the arguments carry no kind), classes defined and
// instantiated, and workspace modules evaluated and imported.
import type { ClassDef, Module } from '../../ir';
import { frameworkModule, memberPath, normalizePath } from '../../frameworks/symbols';
import { TENSOR_TYPES } from '../../frameworks/registry';
import { MODULE_BASES, setupMethodOf } from '../../frameworks/registry';
import { hasDecorator, inheritsFrom, isInstanceField, lookupMethod } from './classes';
import { Branches } from './branches';
import { withLineage } from './kinds';
import { MAX_CALLS, MAX_DEPTH, MAX_INSTANCES, type Frame } from './state';
import type { UnitTrack } from './units';
import {
  Scope,
  UNKNOWN,
  tensor,
  type CallSite,
  type ClassValue,
  type DictValue,
  type FunctionValue,
  type InstanceValue,
  type Value,
} from './values';

export abstract class UserCode extends Branches {
  // ---- user functions and classes ---------------------------------------------------------

  callFunction(
    fn: FunctionValue,
    positional: Value[],
    keywords: Map<string, Value>,
    site: CallSite | undefined,
    frame: Frame,
    standalone: boolean,
  ): Value {
    if (this.active.has(fn.def) || frame.depth >= MAX_DEPTH || this.calls >= MAX_CALLS) return UNKNOWN;
    // Calls whose arguments carry no kind give the same result every time: reuse it (helper methods that call
    // each other would otherwise be re-run for every caller). A result computed deeper may be cut short, so it
    // is reused only at the same depth or deeper.
    const key = standalone ? undefined : this.memoKey(fn, positional, keywords);
    const memo = key === undefined ? undefined : this.memo.get(fn.def)?.get(key);
    if (memo && frame.depth >= memo.depth) return memo.value;
    const start = this.events.length;
    const result = this.runFunction(fn, positional, keywords, site, frame, standalone);
    if (site && this.crossing(frame, fn.uri)) this.markVia(start, { uri: site.uri, span: site.expr.span, callee: fn.qualname });
    if (key !== undefined) {
      let m = this.memo.get(fn.def);
      if (!m) this.memo.set(fn.def, (m = new Map()));
      m.set(key, { value: result, depth: frame.depth });
    }
    return result;
  }

  protected memoKey(fn: FunctionValue, positional: Value[], keywords: Map<string, Value>): string | undefined {
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

  protected idOf(o: Value | undefined): string {
    if (!o) return '-';
    let id = this.ids.get(o);
    if (id === undefined) this.ids.set(o, (id = this.nextId++));
    return String(id);
  }

  protected runFunction(
    fn: FunctionValue,
    positional: Value[],
    keywords: Map<string, Value>,
    site: CallSite | undefined,
    frame: Frame,
    standalone: boolean,
  ): Value {
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
        if (p.star) {
          scope.set(p.name, UNKNOWN);
          continue;
        }
        let v: Value | undefined = ai < positional.length ? positional[ai++] : keywords.get(p.name);
        if (v === undefined) {
          // A function analysed on its own knows nothing of its parameters (their names decide nothing),
          // except a parameter annotated with a class of the workspace.
          if (standalone) v = this.annotatedInstance(p.annotation, fn, frame) ?? UNKNOWN;
          else v = p.default ? this.evalExpr(p.default, fn.scope, { uri: fn.uri, depth: frame.depth + 1 }) : UNKNOWN;
        } else if (site && v.t === 'tensor') {
          // Remember where the value entered the function: a finding inside is reported at this argument.
          const argE =
            ai - 1 < site.expr.args.length && ai - 1 >= 0 && !site.expr.args[ai - 1].name
              ? site.expr.args[ai - 1]
              : site.expr.args.find(a => a.name === p.name);
          if (argE) v = { ...v, entries: [...(v.entries ?? []), { uri: site.uri, span: argE.value.span, callee: fn.qualname }] };
        }
        scope.set(p.name, v);
      }
      if (standalone && !this.analysedFunctions.has(fn.def)) {
        this.analysedFunctions.add(fn.def);
        this.events.push({
          type: 'function',
          uri: fn.uri,
          def: fn.def,
          className: fn.self?.t === 'instance' ? fn.self.cls.def.name : undefined,
        });
      }
      const inner: Frame = { uri: fn.uri, fn, depth: frame.depth + 1 };
      if (!this.texts.has(fn.uri)) return UNKNOWN;
      this.execBlock(fn.def.body, scope, inner);
      // What the function returns was computed through it: rules follow a function's result to a gradient.
      return withLineage(inner.returns ?? UNKNOWN, { uri: fn.uri, span: fn.def.span });
    } finally {
      this.active.delete(fn.def);
    }
  }

  /**
   * A parameter of a function analysed on its own, annotated with a class the workspace defines
   * (`model: SegNet`): an instance of it (built with its own parameters unknown), as a caller would pass.
   */
  private annotatedInstance(annotation: string | undefined, fn: FunctionValue, frame: Frame): Value | undefined {
    if (annotation === undefined) return undefined;
    const [head, ...rest] = annotation.split('.');
    let v = fn.scope.lookup(head);
    // `x: torch.Tensor`: a tensor, nothing else known of it.
    if (v?.t === 'sym')
      return TENSOR_TYPES.has(normalizePath(rest.reduce((path, name) => memberPath(path, name), v.path))) ? tensor('unknown') : undefined;
    for (const name of rest) v = v?.t === 'module' ? v.exports.vars.get(name) : undefined;
    return v?.t === 'class' ? this.instantiate(v, undefined, frame) : undefined;
  }

  protected defineClass(def: ClassDef, scope: Scope, frame: Frame): ClassValue {
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

  /**
   * Classes whose instance is being built: a field initializer or constructor that builds one of them
   * again (A builds B builds A, or through a base class) gets a bare instance, as a recursive call
   * gets UNKNOWN from `callFunction`, instead of recursing until the stack overflows.
   */
  private readonly building = new Set<ClassValue['def']>();

  protected instantiate(cls: ClassValue, site: CallSite | undefined, frame: Frame): InstanceValue {
    const inst: InstanceValue = this.own({ t: 'instance', cls, attrs: new Map(), site: site?.expr });
    this.noteRoot(cls.def);
    if (this.building.has(cls.def)) return inst;
    this.building.add(cls.def);
    const start = this.events.length;
    try {
      this.runInitializers(cls, inst, site, frame);
    } finally {
      this.building.delete(cls.def);
    }
    if (site && this.crossing(frame, cls.uri)) this.markVia(start, { uri: site.uri, span: site.expr.span, callee: cls.def.name });
    if (site) {
      const known = this.cur.contrib.get(cls.def) ?? [];
      if (known.length < MAX_INSTANCES) this.cur.contrib.set(cls.def, [...known, inst]);
    }
    return inst;
  }

  private runInitializers(cls: ClassValue, inst: InstanceValue, site: CallSite | undefined, frame: Frame): void {
    if (this.languages.get(cls.uri) === 'typescript') this.initFields(cls, inst, frame);
    // Flax linen modules are dataclasses that build their submodules in `setup`.
    const base = inheritsFrom(cls, MODULE_BASES);
    const setup = base === undefined ? undefined : setupMethodOf(base);
    // Their fields are the constructor's keywords (`MLP(num_classes=10)`).
    if (setup && site && !lookupMethod(cls, '__init__')) for (const [k, v] of site.keywords) inst.attrs.set(k, v);
    for (const init of ['__init__', 'constructor', 'build', ...(setup ? [setup] : [])]) {
      const m = lookupMethod(cls, init);
      if (m) {
        const fn: FunctionValue = {
          t: 'function',
          def: m.def,
          uri: m.cls.uri,
          scope: m.cls.scope,
          self: inst,
          qualname: `${cls.def.name}.${init}`,
        };
        this.callFunction(fn, site?.positional ?? [], site?.keywords ?? new Map(), undefined, frame, site === undefined);
      }
    }
  }

  /** TS field initializers (`model = tf.sequential();` in a class body) run for each new instance, bases first. */
  protected initFields(cls: ClassValue, inst: InstanceValue, frame: Frame, seen = new Set<ClassValue>()): void {
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
  protected defaultExportOf(m: Extract<Value, { t: 'module' }>): Value | undefined {
    if (this.languages.get(m.uri) !== 'typescript') return undefined;
    const d = m.exports.vars.get('__default__');
    return d && d.t !== 'unknown' && d.t !== 'module' ? d : undefined;
  }

  protected importModule(module: string, level: number, fromUri: string): Value {
    const fw = level === 0 ? frameworkModule(module) : undefined;
    if (fw) return { t: 'sym', path: fw };
    const loaded = this.resolve(fromUri, module, level);
    if (!loaded) return UNKNOWN;
    return { t: 'module', uri: loaded.uri, exports: this.evalModule(loaded.uri, loaded.module, loaded.text) };
  }

  /** Evaluates a module's top level once per check; `tracks` (checked module only) gets one track per statement. */
  protected evalModule(uri: string, module: Module, text: string, tracks?: UnitTrack[], starts?: number[]): Scope {
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
}

/** `exports` and `module` (with `module.exports === exports`) for a CommonJS module; returns `module`. */
function commonJsObjects(scope: Scope, own: (v: DictValue) => DictValue): DictValue {
  const exports: Value = own({ t: 'dict', entries: new Map(), depth: 0 });
  const module: DictValue = own({ t: 'dict', entries: new Map([['exports', exports]]), depth: 0 });
  scope.set('exports', exports);
  scope.set('module', module);
  return module;
}

/** An argument's part of a memo key; undefined when the argument carries a kind (no memo then). */
function memoPart(k: string, v: Value): string | undefined {
  if ((v.t === 'unknown' && !v.lineage) || (v.t === 'tensor' && v.kind === 'unknown' && !v.role && !v.fresh && !v.lineage)) return `${k}=?`;
  if (v.t === 'const') return `${k}=${typeof v.value}:${String(v.value)}`;
  return undefined;
}
