// The one walk over the IR (./ir.ts): every statement and expression, in source order, with enter/leave
// hooks. Span lists for the incremental front ends (parse/irSpans.ts), the definition map of the
// incremental check (analysis/engine/units.ts), hover's definitions and bindings (hover/ir-walk.ts)
// and LL017's loop search all go through it, so a new IR node kind is added here once.
//
// Order: a statement's or expression's own hook, then its children as written (an assignment's targets
// before its value, a call's callee before its arguments). A function's decorators and parameter
// defaults and a class's decorators and bases are evaluated in the enclosing scope, so they are walked
// before `enterFunction` / `enterClass`, whose pair brackets only the body: a visitor that tracks scopes
// opens and closes them there.
import type { ClassDef, Expr, FunctionDef, Stmt } from './ir';

/** Every hook is optional. An `enter*` hook that returns `false` skips the node's children and its `leave*`. */
export interface IrVisitor {
  enterStmt?(s: Stmt): boolean | void;
  leaveStmt?(s: Stmt): void;
  enterExpr?(e: Expr): boolean | void;
  leaveExpr?(e: Expr): void;
  /** The body of a `def` / `function` / method, or of a lambda / arrow function. */
  enterFunction?(f: FunctionDef): boolean | void;
  leaveFunction?(f: FunctionDef): void;
  /** The body of a class. */
  enterClass?(c: ClassDef): boolean | void;
  leaveClass?(c: ClassDef): void;
}

export function walkStmts(ss: readonly Stmt[], v: IrVisitor): void {
  for (let i = 0; i < ss.length; i++) walkStmt(ss[i], v);
}

export function walkExprs(es: readonly Expr[], v: IrVisitor): void {
  for (let i = 0; i < es.length; i++) walkExpr(es[i], v);
}

export function walkStmt(s: Stmt, v: IrVisitor): void {
  if (v.enterStmt !== undefined && v.enterStmt(s) === false) return;
  switch (s.k) {
    case 'assign': walkExprs(s.targets, v); walkExpr(s.value, v); break;
    case 'expr': walkExpr(s.expr, v); break;
    case 'return': if (s.value !== null) walkExpr(s.value, v); break;
    case 'if': walkExpr(s.test, v); walkStmts(s.body, v); walkStmts(s.orelse, v); break;
    case 'loop':
      if (s.target !== null) walkExpr(s.target, v);
      if (s.iter !== null) walkExpr(s.iter, v);
      walkStmts(s.body, v);
      walkStmts(s.orelse, v);
      break;
    case 'block': walkExprs(s.items, v); walkStmts(s.body, v); break;
    case 'func': walkFunction(s.def, v); break;
    case 'class': walkClass(s.def, v); break;
    case 'import': case 'importFrom': break;
  }
  if (v.leaveStmt !== undefined) v.leaveStmt(s);
}

export function walkExpr(e: Expr, v: IrVisitor): void {
  if (v.enterExpr !== undefined && v.enterExpr(e) === false) return;
  switch (e.k) {
    case 'name': case 'num': case 'str': case 'const': break;
    case 'attr': walkExpr(e.obj, v); break;
    case 'call': {
      walkExpr(e.callee, v);
      const args = e.args;
      for (let i = 0; i < args.length; i++) walkExpr(args[i].value, v);
      break;
    }
    case 'subscript': walkExpr(e.obj, v); walkExpr(e.index, v); break;
    case 'tuple': case 'list': walkExprs(e.elts, v); break;
    case 'dict': {
      const entries = e.entries;
      for (let i = 0; i < entries.length; i++) {
        const en = entries[i];
        if (en.key !== null) walkExpr(en.key, v);
        walkExpr(en.value, v);
      }
      break;
    }
    case 'binop': walkExpr(e.left, v); walkExpr(e.right, v); break;
    case 'unary': walkExpr(e.operand, v); break;
    case 'cond': walkExpr(e.test, v); walkExpr(e.body, v); walkExpr(e.orelse, v); break;
    case 'lambda': walkFunction(e.fn, v); break;
    case 'unknown': walkExprs(e.children, v); break;
  }
  if (v.leaveExpr !== undefined) v.leaveExpr(e);
}

function walkFunction(f: FunctionDef, v: IrVisitor): void {
  walkExprs(f.decorators, v);
  const params = f.params;
  for (let i = 0; i < params.length; i++) {
    const d = params[i].default;
    if (d !== null) walkExpr(d, v);
  }
  if (v.enterFunction !== undefined && v.enterFunction(f) === false) return;
  walkStmts(f.body, v);
  if (v.leaveFunction !== undefined) v.leaveFunction(f);
}

function walkClass(c: ClassDef, v: IrVisitor): void {
  walkExprs(c.decorators, v);
  walkExprs(c.bases, v);
  if (v.enterClass !== undefined && v.enterClass(c) === false) return;
  walkStmts(c.body, v);
  if (v.leaveClass !== undefined) v.leaveClass(c);
}
