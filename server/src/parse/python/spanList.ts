import type { Expr, Span, Stmt, SyntaxProblem } from '../../ir';
import { moveSpans, pushSpans } from '../irSpans';

// Every span object of a chunk's lowering, collected once when the chunk is lowered: an edit in an
// earlier chunk then moves the chunk with one tight loop over this list (moveSpans) instead of a walk
// of its IR. The Python lowering never shares a span object between two places (the incremental
// parsing tests check it), so each span is listed once and moved once.

export function spanList(body: readonly Stmt[], errors: readonly SyntaxProblem[]): Span[] {
  const out = pushSpans(body, [], []);
  for (let i = 0; i < errors.length; i++) out.push(errors[i].span);
  return out;
}

// Incremental parses keep the lowering of every statement whose text did not change. When an edit
// before it moved it, its spans are moved here, in place: the statement keeps its object identity
// (so whatever is keyed on IR objects stays valid). A lowered module is therefore valid until the
// next parse of the same document.

export function shiftStmtsInPlace(ss: readonly Stmt[], delta: number): void {
  if (delta !== 0) moveSpans(pushSpans(ss, [], []), delta);
}

export function shiftExprInPlace(e: Expr, delta: number): void {
  if (delta !== 0) moveSpans(pushSpans([], [e], []), delta);
}

export { moveSpans };
