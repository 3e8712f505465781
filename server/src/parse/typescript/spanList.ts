import type { Expr, Span, Stmt } from '../../ir';
import { pushSpans } from '../irSpans';

// Kept IR is moved in place when text before it changes (analysis keeps references to IR span
// objects, so a moved statement must keep its very span objects). The TS lowering shares one span
// object between IR nodes covering the same text (an expression statement and its expression, a
// shorthand property's key and value…), so walking the IR would move a shared span twice. Instead
// the spans of a piece of IR are listed once each, the first time it has to move, and every move
// after that is one tight loop over the list.

/** Every span object reachable from `stmts` and `extra`, each once, appended to `out`. */
export function collectSpans(stmts: readonly Stmt[], extra: readonly Expr[], out: Span[]): Span[] {
  const seen = new Set<Span>();
  for (const s of pushSpans(stmts, extra, [])) {
    if (seen.has(s)) continue;
    seen.add(s);
    out.push(s);
  }
  return out;
}

export { moveSpans } from '../irSpans';
