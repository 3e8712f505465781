// Every span object of a piece of IR, for the front ends that keep lowered IR across edits: they list a
// chunk's spans once, or a kept subtree's, and move the list when text before it changes, instead of
// lowering again. One walk serves the Python and the TS/JS front end.
import type { Arg, ClassDef, DictEntry, Expr, FunctionDef, Param, Span, Stmt } from '../ir';

/** Appends every span object reachable from `ss` and `es` to `out`, in IR order (a shared span once per place). */
export function pushSpans(ss: readonly Stmt[], es: readonly Expr[], out: Span[]): Span[] {
  stmts(ss, out);
  exprs(es, out);
  return out;
}

/** Moves every span of a list by `delta`, in place. */
export function moveSpans(spans: readonly Span[], delta: number): void {
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i];
    s.start += delta;
    s.end += delta;
  }
}

function stmts(ss: readonly Stmt[], out: Span[]): void {
  for (let i = 0; i < ss.length; i++) stmt(ss[i], out);
}

function stmt(s: Stmt, out: Span[]): void {
  out.push(s.span);
  switch (s.k) {
    case 'assign': exprs(s.targets, out); expr(s.value, out); return;
    case 'expr': expr(s.expr, out); return;
    case 'return': if (s.value !== null) expr(s.value, out); return;
    case 'if': expr(s.test, out); stmts(s.body, out); stmts(s.orelse, out); return;
    case 'loop':
      if (s.target !== null) expr(s.target, out);
      if (s.iter !== null) expr(s.iter, out);
      stmts(s.body, out);
      stmts(s.orelse, out);
      return;
    case 'block': exprs(s.items, out); stmts(s.body, out); return;
    case 'func': fn(s.def, out); return;
    case 'class': cls(s.def, out); return;
    case 'import': return;
    case 'importFrom': for (const n of s.names) out.push(n.span); return;
  }
}

function fn(f: FunctionDef, out: Span[]): void {
  out.push(f.span, f.nameSpan);
  exprs(f.decorators, out);
  params(f.params, out);
  stmts(f.body, out);
}

function cls(c: ClassDef, out: Span[]): void {
  out.push(c.span, c.nameSpan);
  exprs(c.decorators, out);
  exprs(c.bases, out);
  stmts(c.body, out);
}

function params(ps: readonly Param[], out: Span[]): void {
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i];
    out.push(p.span);
    if (p.default !== null) expr(p.default, out);
  }
}

function exprs(es: readonly Expr[], out: Span[]): void {
  for (let i = 0; i < es.length; i++) expr(es[i], out);
}

function args(as: readonly Arg[], out: Span[]): void {
  for (let i = 0; i < as.length; i++) {
    out.push(as[i].span);
    expr(as[i].value, out);
  }
}

function entries(es: readonly DictEntry[], out: Span[]): void {
  for (let i = 0; i < es.length; i++) {
    const e = es[i];
    out.push(e.span);
    if (e.key !== null) expr(e.key, out);
    expr(e.value, out);
  }
}

function expr(e: Expr, out: Span[]): void {
  out.push(e.span);
  switch (e.k) {
    case 'name': case 'num': case 'str': case 'const': return;
    case 'attr': out.push(e.nameSpan); expr(e.obj, out); return;
    case 'call': out.push(e.argsSpan); expr(e.callee, out); args(e.args, out); return;
    case 'subscript': expr(e.obj, out); expr(e.index, out); return;
    case 'tuple': case 'list': exprs(e.elts, out); return;
    case 'dict': entries(e.entries, out); return;
    case 'binop': expr(e.left, out); expr(e.right, out); return;
    case 'unary': expr(e.operand, out); return;
    case 'cond': expr(e.test, out); expr(e.body, out); expr(e.orelse, out); return;
    case 'lambda': fn(e.fn, out); return;
    case 'unknown': exprs(e.children, out); return;
  }
}
