// Small read-only walks over the IR for hover: calls, definitions and simple name bindings. The
// interpreter's events cover framework losses; user-defined losses and compile strings on models the
// interpreter could not follow are found syntactically here.
import type { ClassDef, Expr, FunctionDef, Module, Span } from '../ir';
import { walkExpr, walkStmts, type IrVisitor } from '../ir-walk';

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
  const classRecs: ClassRec[] = [];
  const classes: ClassDef[] = [];
  const functions: FunctionDef[] = [];
  const calls: CallExpr[] = [];
  let scope = moduleScope;
  let cls: ClassRec | undefined;
  // Saved on entry, restored on exit: definitions nest.
  const savedScopes: ScopeRec[] = [];
  const savedClasses: (ClassRec | undefined)[] = [];
  const visitor: IrVisitor = {
    enterStmt(s) {
      if (s.k === 'func') functions.push(s.def);
      else if (s.k === 'class') classes.push(s.def);
      else if (s.k === 'assign' && !s.aug) {
        for (const t of s.targets) {
          const key = bindingKey(t);
          if (!key) continue;
          if (key.startsWith('self.')) {
            if (cls) bind(cls.attrs, key, s.value);
          } else bind(scope.vars, key, s.value);
        }
      }
    },
    enterExpr(e) {
      if (e.k === 'call') calls.push(e);
      else if (e.k === 'lambda') functions.push(e.fn);
    },
    enterFunction(def) {
      const rec: ScopeRec = { span: def.span, parent: scope, vars: new Map() };
      scopes.push(rec);
      savedScopes.push(scope);
      scope = rec;
    },
    leaveFunction() {
      scope = savedScopes.pop()!;
    },
    enterClass(def) {
      const rec: ClassRec = { span: def.span, attrs: new Map() };
      classRecs.push(rec);
      savedClasses.push(cls);
      cls = rec;
    },
    leaveClass() {
      cls = savedClasses.pop();
    },
  };
  walkStmts(module.body, visitor);
  if (module.defaultExport) walkExpr(module.defaultExport, visitor);
  const innermost = <T extends { span: Span | null }>(list: T[], offset: number): T | undefined => {
    let best: T | undefined;
    for (const r of list) {
      if (r.span && contains(r.span, offset) && (!best || spanLength(r.span) < spanLength(best.span!))) best = r;
    }
    return best;
  };
  return {
    classes,
    functions,
    calls,
    bindingsAt(offset: number): Bindings {
      const fn = innermost(scopes, offset) ?? moduleScope;
      const cls = innermost(classRecs, offset);
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

function bind(map: Map<string, Expr[]>, key: string, value: Expr): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
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
