// Every span object of a piece of IR, for the front ends that keep lowered IR across edits: they list a
// chunk's spans once, or a kept subtree's, and move the list when text before it changes, instead of
// lowering again. One list, made by the IR walk (../ir-walk.ts), serves the Python and the TS/JS front end.
import type { Expr, Span, Stmt } from '../ir';
import { IrWalker } from '../ir-walk';

/** The list the walk below appends to (one walk at a time: walks are synchronous and do not nest). */
let out: Span[] = [];

// Besides each node's own span: a function's and a class's name, every parameter, argument and dict
// entry, an attribute's name, a call's argument list and the names of a `from … import`.
const spanWalker = new IrWalker({
  enterStmt(s) {
    out.push(s.span);
    if (s.k === 'importFrom') for (const n of s.names) out.push(n.span);
  },
  enterExpr(e) {
    out.push(e.span);
    if (e.k === 'attr') out.push(e.nameSpan);
    else if (e.k === 'call') {
      out.push(e.argsSpan);
      const args = e.args;
      for (let i = 0; i < args.length; i++) out.push(args[i].span);
    } else if (e.k === 'dict') {
      const entries = e.entries;
      for (let i = 0; i < entries.length; i++) out.push(entries[i].span);
    }
  },
  enterFunction(f) {
    out.push(f.span, f.nameSpan);
    const params = f.params;
    for (let i = 0; i < params.length; i++) out.push(params[i].span);
  },
  enterClass(c) {
    out.push(c.span, c.nameSpan);
  },
});

/** Appends every span object reachable from `ss` and `es` to `into` (a shared span once per place). */
export function pushSpans(ss: readonly Stmt[], es: readonly Expr[], into: Span[]): Span[] {
  const saved = out;
  out = into;
  try {
    spanWalker.stmts(ss);
    spanWalker.exprs(es);
  } finally {
    out = saved;
  }
  return into;
}

/** Moves every span of a list by `delta`, in place. */
export function moveSpans(spans: readonly Span[], delta: number): void {
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i];
    s.start += delta;
    s.end += delta;
  }
}
