import type { Arg, ClassDef, DictEntry, Expr, FunctionDef, Param, Span, Stmt } from '../../ir';

// Incremental parses keep the lowering of every statement whose text did not change. When an edit
// before it moved it, its spans are moved here, in place: the statement keeps its object identity
// (so whatever is keyed on IR objects stays valid) and nothing is allocated. A lowered module is
// therefore valid until the next parse of the same document. The Python lowering never shares one
// span object between two places (its incremental parsing tests check that); the TS/JS lowering
// does (`export default x`, shorthand properties…), so it passes a set of the spans already moved.

/** Spans moved by the current call, when the IR may share span objects. */
let moved: Set<Span> | undefined;

export function shiftStmtsInPlace(ss: readonly Stmt[], delta: number): void {
  shiftInPlace(ss, [], delta, false);
}

/** Moves statements and loose expressions (TS default exports) in one pass, each shared span once. */
export function shiftInPlace(ss: readonly Stmt[], loose: readonly Expr[], delta: number, sharedSpans: boolean): void {
  if (delta === 0) return;
  moved = sharedSpans ? new Set() : undefined;
  try {
    stmts(ss, delta);
    for (let i = 0; i < loose.length; i++) expr(loose[i], delta);
  } finally {
    moved = undefined;
  }
}

export function shiftExprInPlace(e: Expr, delta: number): void {
  shiftInPlace([], [e], delta, false);
}

function move(s: Span, d: number): void {
  if (moved !== undefined) {
    if (moved.has(s)) return;
    moved.add(s);
  }
  s.start += d;
  s.end += d;
}

function stmts(ss: readonly Stmt[], d: number): void {
  for (let i = 0; i < ss.length; i++) stmt(ss[i], d);
}

function stmt(s: Stmt, d: number): void {
  move(s.span, d);
  switch (s.k) {
    case 'assign':
      exprs(s.targets, d);
      expr(s.value, d);
      return;
    case 'expr':
      expr(s.expr, d);
      return;
    case 'return':
      if (s.value !== null) expr(s.value, d);
      return;
    case 'if':
      expr(s.test, d);
      stmts(s.body, d);
      stmts(s.orelse, d);
      return;
    case 'loop':
      if (s.target !== null) expr(s.target, d);
      if (s.iter !== null) expr(s.iter, d);
      stmts(s.body, d);
      stmts(s.orelse, d);
      return;
    case 'block':
      exprs(s.items, d);
      stmts(s.body, d);
      return;
    case 'func':
      fn(s.def, d);
      return;
    case 'class':
      cls(s.def, d);
      return;
    case 'import':
      return;
    case 'importFrom':
      for (const n of s.names) move(n.span, d);
      return;
  }
}

function fn(f: FunctionDef, d: number): void {
  move(f.span, d);
  move(f.nameSpan, d);
  exprs(f.decorators, d);
  params(f.params, d);
  stmts(f.body, d);
}

function cls(c: ClassDef, d: number): void {
  move(c.span, d);
  move(c.nameSpan, d);
  exprs(c.decorators, d);
  exprs(c.bases, d);
  stmts(c.body, d);
}

function params(ps: readonly Param[], d: number): void {
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i];
    move(p.span, d);
    if (p.default !== null) expr(p.default, d);
  }
}

function exprs(es: readonly Expr[], d: number): void {
  for (let i = 0; i < es.length; i++) expr(es[i], d);
}

function args(as: readonly Arg[], d: number): void {
  for (let i = 0; i < as.length; i++) {
    move(as[i].span, d);
    expr(as[i].value, d);
  }
}

function entries(es: readonly DictEntry[], d: number): void {
  for (let i = 0; i < es.length; i++) {
    const e = es[i];
    move(e.span, d);
    if (e.key !== null) expr(e.key, d);
    expr(e.value, d);
  }
}

function expr(e: Expr, d: number): void {
  move(e.span, d);
  switch (e.k) {
    case 'name': case 'num': case 'str': case 'const':
      return;
    case 'attr':
      move(e.nameSpan, d);
      expr(e.obj, d);
      return;
    case 'call':
      move(e.argsSpan, d);
      expr(e.callee, d);
      args(e.args, d);
      return;
    case 'subscript':
      expr(e.obj, d);
      expr(e.index, d);
      return;
    case 'tuple': case 'list':
      exprs(e.elts, d);
      return;
    case 'dict':
      entries(e.entries, d);
      return;
    case 'binop':
      expr(e.left, d);
      expr(e.right, d);
      return;
    case 'unary':
      expr(e.operand, d);
      return;
    case 'cond':
      expr(e.test, d);
      expr(e.body, d);
      expr(e.orelse, d);
      return;
    case 'lambda':
      fn(e.fn, d);
      return;
    case 'unknown':
      exprs(e.children, d);
      return;
  }
}
