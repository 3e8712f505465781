import type { Stmt } from '../../ir';
import { reuseKey, type ReusableEntry, type ReuseHit, type ReuseSource } from './flatTree';
import type { K } from './nodeKinds';

// Incremental re-lowering. After an edit, tree-sitter reports the ranges of the new tree whose
// structure changed (Tree.getChangedRanges). A block body or statement that lies outside those
// ranges and outside every edited range has the same subtree and the same text as in the previous
// parse, so its lowering is taken from the previous IR, its spans moved in place (./spanList.ts), instead
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

/** Lowered subtrees of the previous parse of a chunk, by reuseKey(start relative to the chunk, kind); entry starts are relative too. */
export type ReuseCache = Map<number, LoweredEntry>;

/** One applied edit, in the coordinates of the text it produced (UTF-16 offsets). */
export interface AppliedEdit {
  startIndex: number;
  oldEndIndex: number;
  newEndIndex: number;
}

/**
 * Reuse within one chunk re-parsed incrementally: `edits` and `changed` are in the chunk's own
 * coordinates and the chunk starts at `base`, before and after the edit.
 */
export function reuseSource(
  cache: ReuseCache,
  edits: readonly AppliedEdit[],
  changed: readonly { startIndex: number; endIndex: number }[],
  base: number,
): ReuseSource {
  const oldStart = (start: number, end: number): number => {
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
  };
  return {
    checkErrors: false,
    find(start: number, end: number, kind: K): ReuseHit | undefined {
      const old = oldStart(start - base, end - base);
      if (old < 0) return undefined;
      const entry = cache.get(reuseKey(old, kind));
      return entry === undefined ? undefined : { entry, at: old + base };
    },
  };
}

/** The last of `chunks` (sorted by start, the first at 0) that starts at or before `offset`. */
export function chunkIndexAt(chunks: readonly { start: number }[], offset: number): number {
  let lo = 0;
  let hi = chunks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (chunks[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A chunk of the previous parse whose lowering may be reused when its text is parsed again in other chunks. */
export interface OldChunk {
  start: number;
  end: number;
  cache: ReuseCache;
}

/**
 * Reuse when chunks are parsed afresh (merged or split again): no old tree vouches for a node, so
 * only top-level statements are taken, found by position through the one edit (absolute offsets,
 * `chunks` in the old text), with the same text and kind and no syntax error inside.
 */
export function chunkReuseSource(chunks: readonly OldChunk[], edit: AppliedEdit): ReuseSource {
  const delta = edit.newEndIndex - edit.oldEndIndex;
  return {
    checkErrors: true,
    find(start: number, end: number, kind: K, topLevel: boolean): ReuseHit | undefined {
      if (!topLevel) return undefined;
      let old: number;
      if (end < edit.startIndex) old = start;
      else if (start > edit.newEndIndex) old = start - delta;
      else return undefined;
      const c = chunks[chunkIndexAt(chunks, old)];
      if (c === undefined || old < c.start || old >= c.end) return undefined;
      const entry = c.cache.get(reuseKey(old - c.start, kind));
      return entry === undefined ? undefined : { entry, at: old };
    },
  };
}
