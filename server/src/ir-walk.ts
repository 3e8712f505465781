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

/**
 * Every hook is optional. An `enter*` hook that returns `false` skips the node's children and its
 * `leave*`. Hooks are called as plain functions (no `this`).
 */
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

/** Walks statements; a visitor used on every keystroke can keep an `IrWalker` instead (no set-up per walk). */
export function walkStmts(ss: readonly Stmt[], v: IrVisitor): void {
  new IrWalker(v).stmts(ss);
}

export function walkStmt(s: Stmt, v: IrVisitor): void {
  new IrWalker(v).stmt(s);
}

export function walkExpr(e: Expr, v: IrVisitor): void {
  new IrWalker(v).expr(e);
}

type Hook<T> = ((node: T) => boolean | void) | undefined;
type LeaveHook<T> = ((node: T) => void) | undefined;

/**
 * A visitor's hooks copied into one object shape, so the walk reads them with monomorphic property
 * loads whatever visitor it runs (visitors are object literals of many shapes). Hooks are called without
 * `this`.
 */
export class IrWalker {
  private readonly enterStmt: Hook<Stmt>;
  private readonly leaveStmt: LeaveHook<Stmt>;
  private readonly enterExpr: Hook<Expr>;
  private readonly leaveExpr: LeaveHook<Expr>;
  private readonly enterFunction: Hook<FunctionDef>;
  private readonly leaveFunction: LeaveHook<FunctionDef>;
  private readonly enterClass: Hook<ClassDef>;
  private readonly leaveClass: LeaveHook<ClassDef>;

  constructor(v: IrVisitor) {
    this.enterStmt = v.enterStmt;
    this.leaveStmt = v.leaveStmt;
    this.enterExpr = v.enterExpr;
    this.leaveExpr = v.leaveExpr;
    this.enterFunction = v.enterFunction;
    this.leaveFunction = v.leaveFunction;
    this.enterClass = v.enterClass;
    this.leaveClass = v.leaveClass;
  }

  stmts(ss: readonly Stmt[]): void {
    for (let i = 0; i < ss.length; i++) this.stmt(ss[i]);
  }

  exprs(es: readonly Expr[]): void {
    for (let i = 0; i < es.length; i++) this.expr(es[i]);
  }

  stmt(s: Stmt): void {
    const enter = this.enterStmt;
    if (enter !== undefined && enter(s) === false) return;
    switch (s.k) {
      case 'assign':
        this.exprs(s.targets);
        this.expr(s.value);
        break;
      case 'expr':
        this.expr(s.expr);
        break;
      case 'return':
        if (s.value !== null) this.expr(s.value);
        break;
      case 'if':
        this.expr(s.test);
        this.stmts(s.body);
        this.stmts(s.orelse);
        break;
      case 'loop':
        if (s.target !== null) this.expr(s.target);
        if (s.iter !== null) this.expr(s.iter);
        this.stmts(s.body);
        this.stmts(s.orelse);
        break;
      case 'block':
        this.exprs(s.items);
        this.stmts(s.body);
        break;
      case 'func':
        this.function(s.def);
        break;
      case 'class':
        this.class(s.def);
        break;
      case 'import':
      case 'importFrom':
      case 'jump':
        break;
    }
    const leave = this.leaveStmt;
    if (leave !== undefined) leave(s);
  }

  expr(e: Expr): void {
    const enter = this.enterExpr;
    if (enter !== undefined && enter(e) === false) return;
    switch (e.k) {
      case 'name':
      case 'num':
      case 'str':
      case 'const':
        break;
      case 'attr':
        this.expr(e.obj);
        break;
      case 'call': {
        this.expr(e.callee);
        const args = e.args;
        for (let i = 0; i < args.length; i++) this.expr(args[i].value);
        break;
      }
      case 'subscript':
        this.expr(e.obj);
        this.expr(e.index);
        break;
      case 'tuple':
      case 'list':
        this.exprs(e.elts);
        break;
      case 'dict': {
        const entries = e.entries;
        for (let i = 0; i < entries.length; i++) {
          const en = entries[i];
          if (en.key !== null) this.expr(en.key);
          this.expr(en.value);
        }
        break;
      }
      case 'binop':
        this.expr(e.left);
        this.expr(e.right);
        break;
      case 'unary':
        this.expr(e.operand);
        break;
      case 'cond':
        this.expr(e.test);
        this.expr(e.body);
        this.expr(e.orelse);
        break;
      case 'lambda':
        this.function(e.fn);
        break;
      case 'unknown':
        this.exprs(e.children);
        break;
    }
    const leave = this.leaveExpr;
    if (leave !== undefined) leave(e);
  }

  private function(f: FunctionDef): void {
    this.exprs(f.decorators);
    const params = f.params;
    for (let i = 0; i < params.length; i++) {
      const d = params[i].default;
      if (d !== null) this.expr(d);
    }
    const enter = this.enterFunction;
    if (enter !== undefined && enter(f) === false) return;
    this.stmts(f.body);
    const leave = this.leaveFunction;
    if (leave !== undefined) leave(f);
  }

  private class(c: ClassDef): void {
    this.exprs(c.decorators);
    this.exprs(c.bases);
    const enter = this.enterClass;
    if (enter !== undefined && enter(c) === false) return;
    this.stmts(c.body);
    const leave = this.leaveClass;
    if (leave !== undefined) leave(c);
  }
}
