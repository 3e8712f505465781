import type { Stmt } from '../../ir';
import type { ReusableEntry, ReuseSource } from './flatTree';

// Incremental re-lowering. After an edit, tree-sitter reports the ranges of the new tree whose
// structure changed (Tree.getChangedRanges). A block body or statement that lies outside those
// ranges and outside every edited range has the same subtree and the same text as in the previous
// parse, so its lowering is copied from the previous IR with its spans shifted instead of being
// walked again. Each hit is also checked against the text it was lowered from. Subtrees with
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

const SPAN_KEYS = new Set(['span', 'nameSpan', 'argsSpan']);

/** A deep copy of lowered IR with every span moved by `delta` (the IR is plain data: objects, arrays, scalars). */
export function shiftSpans<T>(value: T, delta: number): T {
  if (delta === 0) return value;
  return shift(value, delta) as T;
}

function shift(value: unknown, delta: number): unknown {
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = shift(value[i], delta);
    return out;
  }
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key in value as Record<string, unknown>) {
    const v = (value as Record<string, unknown>)[key];
    if (SPAN_KEYS.has(key) && v !== null && typeof v === 'object') {
      const s = v as { start: number; end: number };
      out[key] = { start: s.start + delta, end: s.end + delta };
    } else {
      out[key] = shift(v, delta);
    }
  }
  return out;
}
