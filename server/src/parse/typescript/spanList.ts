import type { Arg, ClassDef, DictEntry, Expr, FunctionDef, Param, Span, Stmt } from '../../ir';

// Kept IR is moved in place when text before it changes (analysis keeps references to IR span
// objects, so a moved statement must keep its very span objects). The TS lowering shares one span
// object between IR nodes covering the same text (an expression statement and its expression, a
// shorthand property's key and value…), so walking the IR would move a shared span twice. Instead
// the spans of a piece of IR are listed once each, the first time it has to move, and every move
// after that is one tight loop over the list.

/** Every span object reachable from `stmts` and `extra`, each once, appended to `out`. */
export function collectSpans(stmts: readonly Stmt[], extra: readonly Expr[], out: Span[]): Span[] {
  const seen = new Set<Span>();
  const add = (s: Span): void => {
    if (seen.has(s)) return;
    seen.add(s);
    out.push(s);
  };

  const stmtList = (ss: readonly Stmt[]): void => {
    for (let i = 0; i < ss.length; i++) stmt(ss[i]);
  };
  const exprList = (es: readonly Expr[]): void => {
    for (let i = 0; i < es.length; i++) expr(es[i]);
  };
  const stmt = (s: Stmt): void => {
    add(s.span);
    switch (s.k) {
      case 'assign': exprList(s.targets); expr(s.value); return;
      case 'expr': expr(s.expr); return;
      case 'return': if (s.value !== null) expr(s.value); return;
      case 'if': expr(s.test); stmtList(s.body); stmtList(s.orelse); return;
      case 'loop':
        if (s.target !== null) expr(s.target);
        if (s.iter !== null) expr(s.iter);
        stmtList(s.body);
        stmtList(s.orelse);
        return;
      case 'block': exprList(s.items); stmtList(s.body); return;
      case 'func': fn(s.def); return;
      case 'class': cls(s.def); return;
      case 'import': return;
      case 'importFrom': for (const n of s.names) add(n.span); return;
    }
  };
  const fn = (f: FunctionDef): void => {
    add(f.span);
    add(f.nameSpan);
    exprList(f.decorators);
    params(f.params);
    stmtList(f.body);
  };
  const cls = (c: ClassDef): void => {
    add(c.span);
    add(c.nameSpan);
    exprList(c.decorators);
    exprList(c.bases);
    stmtList(c.body);
  };
  const params = (ps: readonly Param[]): void => {
    for (const p of ps) {
      add(p.span);
      if (p.default !== null) expr(p.default);
    }
  };
  const args = (as: readonly Arg[]): void => {
    for (const a of as) {
      add(a.span);
      expr(a.value);
    }
  };
  const entries = (es: readonly DictEntry[]): void => {
    for (const e of es) {
      add(e.span);
      if (e.key !== null) expr(e.key);
      expr(e.value);
    }
  };
  const expr = (e: Expr): void => {
    add(e.span);
    switch (e.k) {
      case 'name': case 'num': case 'str': case 'const': return;
      case 'attr': add(e.nameSpan); expr(e.obj); return;
      case 'call': add(e.argsSpan); expr(e.callee); args(e.args); return;
      case 'subscript': expr(e.obj); expr(e.index); return;
      case 'tuple': case 'list': exprList(e.elts); return;
      case 'dict': entries(e.entries); return;
      case 'binop': expr(e.left); expr(e.right); return;
      case 'unary': expr(e.operand); return;
      case 'cond': expr(e.test); expr(e.body); expr(e.orelse); return;
      case 'lambda': fn(e.fn); return;
      case 'unknown': exprList(e.children); return;
    }
  };

  stmtList(stmts);
  exprList(extra);
  return out;
}

export { moveSpans } from '../moveSpans';
