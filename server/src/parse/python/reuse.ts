import type { Stmt } from '../../ir';
import type { ReusableEntry } from './flatTree';

// Incremental re-lowering. After an edit, tree-sitter reuses unchanged subtrees of the old tree,
// and a node of the new tree has the same id as a node of the old tree only if it is such a
// reused subtree (the old tree is still alive while the new one is lowered, so its memory cannot
// be handed out again). So a block body or a simple statement whose node id was lowered last time
// is copied from the previous IR, its spans shifted, instead of being walked again. Each hit is
// also checked against the text it was lowered from. Subtrees with syntax errors are never kept.

export interface BlockEntry extends ReusableEntry {
  role: 'block';
  stmts: Stmt[];
}

/** The lowering of an expression statement with a single child, keyed by that child's node id. */
export interface StatementEntry extends ReusableEntry {
  role: 'statement';
  stmts: Stmt[];
}

export type LoweredEntry = BlockEntry | StatementEntry;

export type ReuseCache = Map<number, LoweredEntry>;

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
