// Small read-only walks over the IR for hover: calls, definitions and simple name bindings. The
// interpreter's events cover framework losses; user-defined losses and compile strings on models the
// interpreter could not follow are found syntactically here.
import type { ClassDef, Expr, FunctionDef, Module, Span, Stmt } from '../ir';

export type CallExpr = Extract<Expr, { k: 'call' }>;

/** Values assigned to a name as seen from one place in the file: `x` or `self.x`. */
export interface Bindings {
  get(name: string): readonly Expr[] | undefined;
}

interface ScopeRec {
  span: Span | null;
  parent: ScopeRec | null;
  vars: Map<string, Expr[]>;
}

interface ClassRec {
  span: Span;
  attrs: Map<string, Expr[]>;
}

export interface Definitions {
  classes: ClassDef[];
  functions: FunctionDef[];
  calls: CallExpr[];
  /** Bindings visible at an offset: the enclosing functions' and the module's names, the enclosing class's `self.x`. */
  bindingsAt(offset: number): Bindings;
}

/** One pass over a module: every class, function, call and simple binding, at any depth. */
export function collectDefinitions(module: Module): Definitions {
  const moduleScope: ScopeRec = { span: null, parent: null, vars: new Map() };
  const scopes: ScopeRec[] = [];
  const classes: ClassRec[] = [];
  const out: Walk = { classes: [], functions: [], calls: [], scope: moduleScope, cls: undefined, scopes, classRecs: classes };
  walkStmts(module.body, out);
  if (module.defaultExport) walkExpr(module.defaultExport, out);
  const innermost = <T extends { span: Span | null }>(list: T[], offset: number): T | undefined => {
    let best: T | undefined;
    for (const r of list) {
      if (r.span && contains(r.span, offset) && (!best || spanLength(r.span) < spanLength(best.span!))) best = r;
    }
    return best;
  };
  return {
    classes: out.classes,
    functions: out.functions,
    calls: out.calls,
    bindingsAt(offset: number): Bindings {
      const fn = innermost(scopes, offset) ?? moduleScope;
      const cls = innermost(classes, offset);
      return {
        get(name: string) {
          if (name.startsWith('self.')) return cls?.attrs.get(name);
          for (let s: ScopeRec | null = fn; s; s = s.parent) {
            const v = s.vars.get(name);
            if (v) return v;
          }
          return undefined;
        },
      };
    },
  };
}

interface Walk {
  classes: ClassDef[];
  functions: FunctionDef[];
  calls: CallExpr[];
  scope: ScopeRec;
  cls: ClassRec | undefined;
  scopes: ScopeRec[];
  classRecs: ClassRec[];
}

function bind(map: Map<string, Expr[]>, key: string, value: Expr): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function walkStmts(body: Stmt[], out: Walk): void {
  for (const s of body) {
    switch (s.k) {
      case 'assign':
        for (const t of s.targets) {
          const key = bindingKey(t);
          if (key && !s.aug) {
            if (key.startsWith('self.')) { if (out.cls) bind(out.cls.attrs, key, s.value); }
            else bind(out.scope.vars, key, s.value);
          }
          walkExpr(t, out);
        }
        walkExpr(s.value, out);
        break;
      case 'expr': walkExpr(s.expr, out); break;
      case 'return': if (s.value) walkExpr(s.value, out); break;
      case 'if': walkExpr(s.test, out); walkStmts(s.body, out); walkStmts(s.orelse, out); break;
      case 'loop':
        if (s.target) walkExpr(s.target, out);
        if (s.iter) walkExpr(s.iter, out);
        walkStmts(s.body, out); walkStmts(s.orelse, out);
        break;
      case 'block': for (const e of s.items) walkExpr(e, out); walkStmts(s.body, out); break;
      case 'func': walkFunction(s.def, out); break;
      case 'class': {
        out.classes.push(s.def);
        for (const d of s.def.decorators) walkExpr(d, out);
        for (const b of s.def.bases) walkExpr(b, out);
        const rec: ClassRec = { span: s.def.span, attrs: new Map() };
        out.classRecs.push(rec);
        const saved = out.cls;
        out.cls = rec;
        walkStmts(s.def.body, out);
        out.cls = saved;
        break;
      }
      default: break;
    }
  }
}

function walkFunction(def: FunctionDef, out: Walk): void {
  out.functions.push(def);
  for (const d of def.decorators) walkExpr(d, out);
  for (const p of def.params) if (p.default) walkExpr(p.default, out);
  const scope: ScopeRec = { span: def.span, parent: out.scope, vars: new Map() };
  out.scopes.push(scope);
  const saved = out.scope;
  out.scope = scope;
  walkStmts(def.body, out);
  out.scope = saved;
}

function walkExpr(e: Expr, out: Walk): void {
  switch (e.k) {
    case 'call':
      out.calls.push(e);
      walkExpr(e.callee, out);
      for (const a of e.args) walkExpr(a.value, out);
      break;
    case 'attr': walkExpr(e.obj, out); break;
    case 'subscript': walkExpr(e.obj, out); walkExpr(e.index, out); break;
    case 'tuple': case 'list': for (const x of e.elts) walkExpr(x, out); break;
    case 'dict': for (const en of e.entries) { if (en.key) walkExpr(en.key, out); walkExpr(en.value, out); } break;
    case 'binop': walkExpr(e.left, out); walkExpr(e.right, out); break;
    case 'unary': walkExpr(e.operand, out); break;
    case 'cond': walkExpr(e.test, out); walkExpr(e.body, out); walkExpr(e.orelse, out); break;
    case 'lambda': walkFunction(e.fn, out); break;
    case 'unknown': for (const c of e.children) walkExpr(c, out); break;
    default: break;
  }
}

/** `x` → 'x', `self.x` / `this.x` → 'self.x'; anything else is not tracked. */
export function bindingKey(e: Expr): string | undefined {
  if (e.k === 'name') return e.id;
  if (e.k === 'attr' && e.obj.k === 'name' && (e.obj.id === 'self' || e.obj.id === 'this')) return `self.${e.name}`;
  return undefined;
}

/** The last identifier of a callee: `FocalLoss`, `losses.FocalLoss` → 'FocalLoss'. */
export function calleeName(e: Expr): string | undefined {
  if (e.k === 'name') return e.id;
  if (e.k === 'attr') return e.name;
  return undefined;
}

export function contains(span: Span, offset: number): boolean {
  return span.start <= offset && offset < span.end;
}

export function spanLength(span: Span): number {
  return span.end - span.start;
}
