import type { Stmt } from '../../ir';
import type { ReusableEntry, ReuseSource } from './flatTree';

// Incremental re-lowering. After an edit, tree-sitter reports the ranges of the new tree whose
// structure changed (Tree.getChangedRanges). A block body or statement that lies outside those
// ranges and outside every edited range has the same subtree and the same text as in the previous
// parse, so its lowering is taken from the previous IR, its spans moved in place (./shiftSpans.ts), instead
// of being walked again. Each hit is also checked against the text it was lowered from. Subtrees with
// syntax errors are never kept.

export interface BlockEntry extends ReusableEntry {
  role: 'block';
  stmts: Stmt[];
}

/** The lowering of a statement in a module or block, or of the child of an expression statement. */
export interface StatementEntry extends ReusableEntry {
  role: 'statement';
  stmts: Stmt[];
}

export type LoweredEntry = BlockEntry | StatementEntry;

/** Lowered subtrees of the previous parse, by reuseKey(start, kind). */
export type ReuseCache = Map<number, LoweredEntry>;

/** One applied edit, in the coordinates of the text it produced (UTF-16 offsets). */
export interface AppliedEdit {
  startIndex: number;
  oldEndIndex: number;
  newEndIndex: number;
}

export function reuseSource(
  cache: ReuseCache,
  edits: readonly AppliedEdit[],
  changed: readonly { startIndex: number; endIndex: number }[],
): ReuseSource {
  return {
    get: key => cache.get(key),
    oldStart(start: number, end: number): number {
      // Touching counts as overlapping: a node that merely ends where text was typed is not trusted.
      for (const r of changed) if (end >= r.startIndex && start <= r.endIndex) return -1;
      let s = start;
      let e = end;
      for (let k = edits.length - 1; k >= 0; k--) {
        const ed = edits[k];
        if (e < ed.startIndex) continue;
        if (s <= ed.newEndIndex) return -1;
        const delta = ed.oldEndIndex - ed.newEndIndex;
        s += delta;
        e += delta;
      }
      return s;
    },
  };
}
