// Statements and expressions: the abstract evaluation of the IR (assignments, branches and loops with
// their joins, attribute and subscript reads, call sites). What a call does is decided by the layers
// above: user code (user-code.ts) and framework symbols (framework-semantics.ts).
import type { ClassDef, Expr, Module, Stmt } from '../../ir';
import { CALL_THROUGH, LOSS_SPECS, MODULE_BASES, applyConventionOf, packOf } from '../../frameworks/registry';
import { frameworkModule, memberPath, normalizePath } from '../../frameworks/symbols';
import { classVar, inheritsFrom, lookupMethod } from './classes';
import { LoopExits, elementOf, entryOf, isProcessExit, joinArms, sameArguments } from './arms';
import type { LossArm } from './events';
import { derived, indexed, joinPaths, mapUnion, matrixProduct } from './kinds';
import { boundLoss, isNone, loopElements } from './dispatch';
import { COMPARISONS, comparison, isLogCall, journaled, passesFunction, recordConstructorOf, setOrUnbind } from './evaluate-helpers';
import { EngineState, type Frame } from './state';
import type { UnitTrack } from './units';
import {
  Scope,
  UNKNOWN,
  join,
  tensor,
  type CallSite,
  type ClassValue,
  type FunctionValue,
  type InstanceValue,
  type ObjectValue,
  type Origin,
  type PathTest,
  type UnionValue,
  type Value,
} from './values';

/** Operators whose result is computed from both operands' numbers (comparisons and logic are not). */
const ARITHMETIC = new Set(['+', '-', '*', '/', '//', '%', '**', '@']);

export abstract class Evaluator extends EngineState {
  // ---- branches (branches.ts) --------------------------------------------------------------------
  protected abstract execIf(s: Extract<Stmt, { k: 'if' }>, scope: Scope, frame: Frame): void;
  protected abstract callArms(callee: UnionValue, site: CallSite, frame: Frame): Value;
  // ---- provided by the layers above -------------------------------------------------------

  abstract callFunction(
    fn: FunctionValue,
    positional: Value[],
    keywords: Map<string, Value>,
    site: CallSite | undefined,
    frame: Frame,
    standalone: boolean,
  ): Value;
  protected abstract defineClass(def: ClassDef, scope: Scope, frame: Frame): ClassValue;
  protected abstract instantiate(cls: ClassValue, site: CallSite | undefined, frame: Frame): InstanceValue;
  protected abstract evalModule(uri: string, module: Module, text: string, tracks?: UnitTrack[], starts?: number[]): Scope;
  protected abstract importModule(module: string, level: number, fromUri: string): Value;
  protected abstract defaultExportOf(m: Extract<Value, { t: 'module' }>): Value | undefined;
  protected abstract callSymbol(path: string, site: CallSite, frame: Frame): Value;
  /** Tensor and framework-object methods; undefined when the receiver has no special meaning for `name`. */
  protected abstract callMethod(recv: Value, name: string, site: CallSite, frame: Frame): Value | undefined;
  protected abstract callObject(obj: ObjectValue, site: CallSite, frame: Frame): Value;
  protected abstract productOrigin(path: string, expr: Expr, frame: Frame): Origin;

  /** The branch arm of a callee that differs between paths being run (see callArms): loss calls made there hold on its path. */
  protected arm: LossArm | undefined;
  private readonly loops = new LoopExits();
  /** try/with/switch blocks open per frame (a frame an exception leaves is not run again): a jump inside one may land in a handler, so it ends no path there. */
  private readonly openBlocks = new WeakMap<Frame, number>();
  /** An `if` one of whose arms cannot complete: the tests on the path of the arm that does (read by an enclosing `if` of an `elif`). */
  protected readonly survivingPath = new WeakMap<Stmt, PathTest[]>();

  // ---- statements -------------------------------------------------------------------------

  /**
   * A `return` at the top level is a syntax error the parser recovered from (or a CommonJS early exit):
   * the statements after it are analysed all the same, as the rest of a file with an error is.
   */
  protected execTopLevel(s: Stmt, scope: Scope, frame: Frame): void {
    this.exec(s, scope, frame);
    frame.done = false;
  }

  protected execBlock(stmts: Stmt[], scope: Scope, frame: Frame): void {
    for (const s of stmts) {
      if (frame.done) return;
      this.exec(s, scope, frame);
    }
  }

  protected exec(s: Stmt, scope: Scope, frame: Frame): void {
    switch (s.k) {
      case 'assign': {
        const v = this.evalExpr(s.value, scope, frame);
        for (const t of s.targets) this.assign(t, s.aug ? UNKNOWN : v, scope, frame);
        return;
      }
      case 'expr':
        this.evalExpr(s.expr, scope, frame);
        if (isProcessExit(s.expr, scope)) this.jump('raise', scope, frame);
        return;
      case 'jump':
        return this.jump(s.kind, scope, frame);
      case 'return': {
        const v = s.value ? this.evalExpr(s.value, scope, frame) : ({ t: 'const', value: null } as Value);
        frame.returns = join(frame.returns, v);
        frame.done = true;
        if (frame.fn && s.value) {
          const self = frame.fn.self;
          this.events.push({
            type: 'return',
            uri: frame.uri,
            span: s.span,
            value: v,
            expr: s.value,
            inFunction: frame.fn.def.name,
            fnUri: frame.fn.uri,
            def: frame.fn.def,
            className: self?.t === 'instance' ? self.cls.def.name : undefined,
          });
        }
        return;
      }
      case 'if':
        return this.execIf(s, scope, frame);
      case 'loop': {
        let elements: Value[] | undefined;
        if (s.iter) {
          const it = this.evalExpr(s.iter, scope, frame);
          elements = s.target ? loopElements(s.iter, it, scope) : undefined;
          if (s.target && !elements)
            this.assign(s.target, it.t === 'tensor' ? it : it.t === 'dataset' ? it.element : UNKNOWN, scope, frame);
        }
        // The body runs zero or more times: its writes join with the values before it and at each break/continue.
        const loop = this.loops.enter(scope, frame);
        this.branchDepth++;
        let written: Map<string, Value | undefined>;
        try {
          written = journaled(scope, () => {
            // Over a literal list, tuple or dict of losses or models, the body runs once per element.
            for (const el of elements ?? [undefined]) {
              if (el !== undefined) this.assign(s.target!, el, scope, frame);
              this.execBlock(s.body, scope, frame);
              // A body that returns on every path never reaches the next element.
              const returned = frame.done;
              frame.done = false;
              if (returned) break;
            }
            this.execBlock(s.orelse, scope, frame);
            frame.done = false;
          });
        } finally {
          this.branchDepth--;
          this.loops.leave();
        }
        for (const [name, before] of written) setOrUnbind(scope, name, loop.joined(name, joinPaths(before, scope.vars.get(name))));
        return;
      }
      case 'block':
        // try/except/finally are lowered in order; a return in `try` does not make the handlers
        // unreachable, so every statement runs and the block never ends the path.
        for (const it of s.items) this.evalExpr(it, scope, frame);
        this.openBlocks.set(frame, (this.openBlocks.get(frame) ?? 0) + 1);
        for (const b of s.body) {
          this.exec(b, scope, frame);
          frame.done = false;
        }
        this.openBlocks.set(frame, this.openBlocks.get(frame)! - 1);
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
          if (mod) v = n.name === 'default' ? (mod.vars.get('__default__') ?? UNKNOWN) : (mod.vars.get(n.name) ?? UNKNOWN);
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

  /**
   * `raise`, `break`, `continue` and calls that end the program: the path ends (branch joins leave it
   * out); `break` and `continue` leave their values to the loop's join. Inside a try/with/switch block
   * the path goes on, as before (a handler may run next, a `break` may leave a `switch`).
   */
  private jump(kind: 'raise' | 'break' | 'continue', scope: Scope, frame: Frame): void {
    if ((this.openBlocks.get(frame) ?? 0) > 0) return;
    if (kind !== 'raise' && !this.loops.jumped(scope, frame)) return;
    frame.done = true;
  }

  /** The tests known to hold through an arm that is one `if` (an `elif`) with a single arm that completes. */
  protected armPath(stmts: Stmt[]): PathTest[] {
    return stmts.length === 1 ? (this.survivingPath.get(stmts[0]) ?? []) : [];
  }

  protected assign(target: Expr, v: Value, scope: Scope, frame: Frame): void {
    switch (target.k) {
      case 'name':
        scope.set(target.id, v);
        return;
      case 'tuple':
      case 'list':
        target.elts.forEach((t, i) => this.assign(t, elementOf(v, i), scope, frame));
        return;
      case 'dict':
        for (const e of target.entries) {
          const key = e.key && e.key.k === 'str' ? e.key.value : undefined;
          this.assign(e.value, key !== undefined ? entryOf(v, key) : UNKNOWN, scope, frame);
        }
        return;
      case 'attr': {
        const obj = this.evalExpr(target.obj, scope, frame);
        if (obj.t === 'instance' || obj.t === 'dict') this.mutated(obj);
        // A `None` placeholder (`self.loss_op = None` in `__init__`) is replaced, not joined, by an
        // assignment outside any branch (setter injection: `model.add_loss_op(nn.NLLLoss())`).
        if (obj.t === 'instance')
          obj.attrs.set(
            target.name,
            this.branchDepth === 0 && isNone(obj.attrs.get(target.name)) ? v : join(obj.attrs.get(target.name), v),
          );
        // JS objects: `o.x = v` is the entry `x` (a branch may keep the old value on another path).
        else if (obj.t === 'dict')
          obj.entries.set(target.name, this.branchDepth > (obj.depth ?? 0) ? join(obj.entries.get(target.name), v) : v);
        return;
      }
      case 'subscript': {
        const obj = this.evalExpr(target.obj, scope, frame);
        const key = target.index.k === 'str' ? target.index.value : undefined;
        // Inside a branch or loop the dict may keep its old entry on another path.
        if (obj.t === 'dict' && key !== undefined) this.mutated(obj);
        if (obj.t === 'dict' && key !== undefined)
          obj.entries.set(key, this.branchDepth > (obj.depth ?? 0) ? join(obj.entries.get(key), v) : v);
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
        return e.op === '-' ? derived([v]) : UNKNOWN;
      }
      case 'cond': {
        const test = this.evalExpr(e.test, scope, frame);
        const body = this.evalExpr(e.body, scope, frame);
        const orelse = this.evalExpr(e.orelse, scope, frame);
        if (test.t === 'const') return join(body, orelse);
        return joinArms(body, orelse, { uri: frame.uri, span: e.test.span, holds: true }) ?? UNKNOWN;
      }
      case 'lambda':
        return { t: 'function', def: e.fn, uri: frame.uri, scope, qualname: '<lambda>' };
      case 'unknown':
        for (const c of e.children) this.evalExpr(c, scope, frame);
        return UNKNOWN;
    }
  }

  protected binop(e: Extract<Expr, { k: 'binop' }>, scope: Scope, frame: Frame): Value {
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
        case '+':
          return { t: 'const', value: l.value + r.value };
        case '-':
          return { t: 'const', value: l.value - r.value };
        case '*':
          return { t: 'const', value: l.value * r.value };
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
    if (e.op === '@') {
      const product = matrixProduct(l, r, this.productOrigin('@', e, frame));
      if (product.t !== 'unknown') return product;
    }
    // `ids != pad_id`: a 0/1 mask of the tensor's shape.
    if (COMPARISONS.has(e.op)) return comparison(l, r);
    // A masked mean multiplied or divided afterwards may be normalised (`/ mask.float().mean()`).
    for (const x of [l, r]) if ((e.op === '*' || e.op === '/') && x.t === 'tensor' && x.maskedMean) x.maskedMean.rescaled = true;
    // `loss * mask` with a per-element loss and a 0/1 mask.
    if (e.op === '*') {
      const loss = [l, r].find(x => x.t === 'tensor' && x.unreduced);
      const mask = loss && (loss === l ? r : l);
      if (loss?.t === 'tensor' && mask?.t === 'tensor' && mask.mask)
        return tensor('unknown', { masked: { loss: loss.unreduced!, mask: (loss === l ? e.right : e.left).span } });
    }
    // `p + eps` keeps the meaning of p but guards a log against 0.
    if (e.op === '+' && l.t === 'tensor' && r.t === 'const' && typeof r.value === 'number' && r.value > 0) return { ...l, guarded: true };
    return ARITHMETIC.has(e.op) ? derived([l, r], e.op === '*') : UNKNOWN;
  }

  protected subscript(obj: Value, index: Expr, scope: Scope, frame: Frame): Value {
    const idx = this.evalExpr(index, scope, frame);
    const n = idx.t === 'const' && typeof idx.value === 'number' ? idx.value : undefined;
    if (obj.t === 'tuple' && n !== undefined) return obj.elts[n < 0 ? obj.elts.length + n : n] ?? UNKNOWN;
    if (obj.t === 'dict' && idx.t === 'const' && typeof idx.value === 'string') return obj.entries.get(idx.value) ?? UNKNOWN;
    if (obj.t === 'object' && obj.layers && n !== undefined) return obj.layers[n < 0 ? obj.layers.length + n : n] ?? UNKNOWN;
    if (obj.t === 'tensor') return indexed(obj, index);
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
        // `self.__call__(x)` without a `__call__` of its own is `self(x)`.
        if (!m && name === '__call__') return obj;
        if (m) return { t: 'function', def: m.def, uri: m.cls.uri, scope: m.cls.scope, self: obj, qualname: `${m.cls.def.name}.${name}` };
        return classVar(obj.cls, name) ?? this.boundApply(obj, name) ?? UNKNOWN;
      }
      case 'class': {
        const m = lookupMethod(obj, name);
        return m
          ? { t: 'function', def: m.def, uri: m.cls.uri, scope: m.cls.scope, qualname: `${m.cls.def.name}.${name}` }
          : (obj.scope.vars.get(name) ?? recordConstructorOf(obj, name) ?? UNKNOWN);
      }
      case 'object':
        return obj.fields?.get(name) ?? this.boundApply(obj, name) ?? UNKNOWN;
      case 'tensor':
        return name === 'data' ? obj : name === 'T' || name === 'mT' ? { ...obj, shape: undefined, multiHot: undefined } : UNKNOWN;
      case 'dict':
        // A JS object literal's property (`config.model`); Python dicts have no attributes by key, so nothing matches there.
        return obj.entries.get(name) ?? UNKNOWN;
      case 'union':
        return mapUnion(obj, o => this.getAttr(o, name));
      default:
        return UNKNOWN;
    }
  }

  /** `model.apply` read as a value (Flax `apply_fn=model.apply`): an object that applies the module when called. */
  protected boundApply(model: InstanceValue | ObjectValue, name: string): ObjectValue | undefined {
    const base = model.t === 'instance' ? inheritsFrom(model.cls, MODULE_BASES) : model.layers ? model.path : undefined;
    const conv = base === undefined ? undefined : applyConventionOf(base);
    return conv && conv.method === name ? { t: 'object', path: `${base}.${name}`, applies: model } : undefined;
  }

  // ---- calls ------------------------------------------------------------------------------

  protected evalCall(e: Extract<Expr, { k: 'call' }>, scope: Scope, frame: Frame): Value {
    // Method calls on tensors and framework objects are dispatched on the receiver.
    if (e.callee.k === 'attr') {
      let recv = this.evalExpr(e.callee.obj, scope, frame);
      // `import model from './model'` binds the default export (see defaultExportOf).
      if (recv.t === 'module' && !recv.exports.vars.has(e.callee.name)) recv = this.defaultExportOf(recv) ?? recv;
      const site = this.callSite(e, scope, frame, recv);
      const method = e.callee.name;
      // A receiver that differs between paths (two models, a model or None): call the method on each.
      const viaReceiver =
        recv.t === 'union' && !recv.options.some(o => o.t === 'tensor')
          ? mapUnion(recv, o => this.callMethod(o, method, site, frame) ?? this.call(this.getAttr(o, method), site, frame))
          : this.callMethod(recv, method, site, frame);
      // `out.sigmoid_()` changes `out` itself; any other in-place op leaves its kind unknown.
      if (method.endsWith('_') && e.callee.obj.k === 'name' && (recv.t === 'tensor' || recv.t === 'union')) {
        scope.set(e.callee.obj.id, viaReceiver && (viaReceiver.t === 'tensor' || viaReceiver.t === 'union') ? viaReceiver : UNKNOWN);
      }
      if (viaReceiver !== undefined) return viaReceiver;
      const callee = this.getAttr(recv, method);
      const bound = boundLoss(e, callee, site);
      if (bound) return this.own(bound);
      const out = this.call(callee, site, frame);
      this.runCallbacks(callee, site, frame);
      return out;
    }
    // `getattr(nn, "CrossEntropyLoss")` with a constant name is the attribute.
    if (e.callee.k === 'name' && e.callee.id === 'getattr' && e.args.length === 2 && e.args.every(a => !a.name && !a.star)) {
      const name = e.args[1].value;
      if (name.k === 'str' && scope.lookup('getattr') === undefined)
        return this.getAttr(this.evalExpr(e.args[0].value, scope, frame), name.value);
    }
    const callee = this.evalExpr(e.callee, scope, frame);
    const site = this.callSite(e, scope, frame, callee);
    const bound = boundLoss(e, callee, site);
    if (bound) return this.own(bound);
    const out = this.call(callee, site, frame);
    this.runCallbacks(callee, site, frame);
    return out;
  }

  /**
   * Function expressions handed to code LossLens does not run (`optimizer.minimize(() => loss)`,
   * `tf.grad(f)`, `map(lambda …)`) are analysed on their own, so the losses inside them are seen.
   */
  protected runCallbacks(callee: Value, site: CallSite, frame: Frame): void {
    if (callee.t === 'function' || callee.t === 'class' || callee.t === 'instance' || (callee.t === 'sym' && CALL_THROUGH.has(callee.path)))
      return;
    // Only function values matter, and most calls pass none: look before counting positions.
    if (!passesFunction(site)) return;
    let positional = 0;
    for (const a of site.expr.args) {
      if (a.star) continue;
      const v = a.name ? site.keywords.get(a.name) : site.positional[positional++];
      if (v && v.t === 'function') this.callFunction(v, [], new Map(), undefined, frame, true);
    }
  }

  protected callSite(e: Extract<Expr, { k: 'call' }>, scope: Scope, frame: Frame, callee: Value): CallSite {
    const positional: Value[] = [];
    const keywords = new Map<string, Value>();
    for (const a of e.args) {
      const v = this.evalExpr(a.value, scope, frame);
      if (a.name) keywords.set(a.name, v);
      else if (!a.star) positional.push(v);
      // A model passed anywhere may be trained there: its compile has an effect.
      if (v.t === 'object' || v.t === 'instance') this.pendingCompiles.delete(v);
    }
    // TF.js takes options as one object literal: its properties act as keyword arguments.
    if ((callee.t === 'sym' || callee.t === 'object') && packOf(callee.path)?.optionsObject) {
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
      case 'function': {
        const out = this.callFunction(callee, site.positional, site.keywords, site, frame, false);
        if (!callee.opaqueResult) return out;
        // `jax.grad(f)(params)`: f's result is what the gradient is taken of; the call gives gradients.
        this.events.push({ type: 'gradient', value: out, uri: site.uri, span: site.expr.span });
        return UNKNOWN;
      }
      case 'class':
        return this.instantiate(callee, site, frame);
      case 'instance': {
        const m = lookupMethod(callee.cls, 'forward') ?? lookupMethod(callee.cls, 'call') ?? lookupMethod(callee.cls, '__call__');
        if (!m) return UNKNOWN;
        const fn: FunctionValue = {
          t: 'function',
          def: m.def,
          uri: m.cls.uri,
          scope: m.cls.scope,
          self: callee,
          qualname: `${m.cls.def.name}.${m.def.name}`,
        };
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
        // losses computed on this call are not reported (each holds on one path only) — unless the union
        // knows each option's path: then each runs on its arm (callArms).
        const sameLoss = callee.options.every(
          o => o.t === 'object' && LOSS_SPECS.has(o.path) && o.path === (callee.options[0] as ObjectValue).path,
        );
        if (callee.when && !(sameLoss && sameArguments(callee.options, this.texts))) return this.callArms(callee, site, frame);
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
}
