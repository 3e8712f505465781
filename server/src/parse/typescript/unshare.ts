import type { Arg, ClassDef, DictEntry, Expr, FunctionDef, Param, Span, Stmt } from '../../ir';

// The lowering reuses one span object where two IR nodes cover the same text (an expression
// statement and its expression, `{ a }`'s key and value, a function statement and its def…).
// Statements kept across edits are moved in place (../python/shiftSpans.ts), where a shared span
// would move twice unless every move is checked against a set of the spans moved so far, which
// costs about as much as the move. So a kept statement gets its own span objects the first time it
// moves (most never do: doing it for every statement lowered made full parses ~20 % slower), and
// the rare IR node reachable twice is reported so its moves can take the slow path. Sharing only
// happens inside one statement's lowering, so unsharing a statement's own IR is enough.

export interface Unshared {
  /** Some IR node is reachable twice: moving must remember what it moved. */
  sharedNodes: boolean;
  /** The default-export expressions that are not part of the statements (they move separately). */
  loose: Expr[];
}

type SpanKey = 'span' | 'nameSpan' | 'argsSpan';

export function unshareSpans(stmts: readonly Stmt[], defaults: readonly Expr[]): Unshared {
  const spans = new Set<Span>();
  const nodes = new Set<object>();
  let sharedNodes = false;

  const own = <T extends { [K in SpanKey]?: Span }>(o: T, key: SpanKey): void => {
    const s = o[key]!;
    if (spans.has(s)) o[key] = { start: s.start, end: s.end };
    else spans.add(s);
  };
  const enter = (n: object): boolean => {
    if (nodes.has(n)) {
      sharedNodes = true;
      return false;
    }
    nodes.add(n);
    return true;
  };

  const stmtList = (ss: readonly Stmt[]): void => {
    for (const s of ss) stmt(s);
  };
  const exprList = (es: readonly Expr[]): void => {
    for (const e of es) expr(e);
  };
  const stmt = (s: Stmt): void => {
    if (!enter(s)) return;
    own(s, 'span');
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
      case 'importFrom': for (const n of s.names) own(n, 'span'); return;
    }
  };
  const fn = (f: FunctionDef): void => {
    if (!enter(f)) return;
    own(f, 'span');
    own(f, 'nameSpan');
    exprList(f.decorators);
    params(f.params);
    stmtList(f.body);
  };
  const cls = (c: ClassDef): void => {
    if (!enter(c)) return;
    own(c, 'span');
    own(c, 'nameSpan');
    exprList(c.decorators);
    exprList(c.bases);
    stmtList(c.body);
  };
  const params = (ps: readonly Param[]): void => {
    for (const p of ps) {
      own(p, 'span');
      if (p.default !== null) expr(p.default);
    }
  };
  const args = (as: readonly Arg[]): void => {
    for (const a of as) {
      own(a, 'span');
      expr(a.value);
    }
  };
  const entries = (es: readonly DictEntry[]): void => {
    for (const e of es) {
      own(e, 'span');
      if (e.key !== null) expr(e.key);
      expr(e.value);
    }
  };
  const expr = (e: Expr): void => {
    if (!enter(e)) return;
    own(e, 'span');
    switch (e.k) {
      case 'name': case 'num': case 'str': case 'const': return;
      case 'attr': own(e, 'nameSpan'); expr(e.obj); return;
      case 'call': own(e, 'argsSpan'); expr(e.callee); args(e.args); return;
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
  const loose: Expr[] = [];
  for (const d of defaults) {
    // `export default <expr>` puts the very expression in the statements too: it moves with them.
    if (nodes.has(d)) continue;
    loose.push(d);
    expr(d);
  }
  return { sharedNodes, loose };
}
