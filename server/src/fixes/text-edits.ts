// Applying offset-based replacements to text, and deciding which fixes can go together: a fix is
// all of its edits or none, and two fixes whose edits touch the same text are never both applied.
import type { Span } from '../ir';
import type { Fix, TextReplacement } from '../findings';

export interface Edit {
  span: Span;
  newText: string;
}

/**
 * Whether two edits of one file cannot both be applied unambiguously. Replacements that merely
 * touch end to start are fine; two insertions at one offset are not (their order would be a guess),
 * nor is an insertion strictly inside a replaced range.
 */
export function editsConflict(a: Span, b: Span): boolean {
  const aEmpty = a.start === a.end;
  const bEmpty = b.start === b.end;
  if (aEmpty && bEmpty) return a.start === b.start;
  if (aEmpty) return a.start > b.start && a.start < b.end;
  if (bEmpty) return b.start > a.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

function sameEdit(a: TextReplacement, b: TextReplacement): boolean {
  return a.uri === b.uri && a.span.start === b.span.start && a.span.end === b.span.end && a.newText === b.newText;
}

/** Applies edits that do not conflict with each other (throws otherwise: a caller bug, not user input). */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((x, y) => x.span.start - y.span.start || x.span.end - y.span.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.span.start < at || e.span.end > text.length || e.span.start > e.span.end) {
      throw new Error(`overlapping or out-of-range edit at ${e.span.start}-${e.span.end}`);
    }
    out += text.slice(at, e.span.start) + e.newText;
    at = e.span.end;
  }
  return out + text.slice(at);
}

export interface Selection<T extends { fix: Fix }> {
  chosen: T[];
  /** Fixes left out because they overlap a chosen one (a later pass may apply them). */
  skipped: T[];
}

/**
 * Picks fixes that can be applied together, earliest first. An edit identical to one already chosen
 * (two findings about one softmax in a shared model file) is shared, not a conflict.
 */
export function selectCompatibleFixes<T extends { fix: Fix }>(items: readonly T[]): Selection<T> {
  const ordered = [...items].sort((a, b) => firstStart(a.fix) - firstStart(b.fix));
  const taken: TextReplacement[] = [];
  const chosen: T[] = [];
  const skipped: T[] = [];
  for (const item of ordered) {
    const edits = item.fix.edits;
    const clash = edits.some(
      (e, i) =>
        edits.some((o, j) => j < i && o.uri === e.uri && !sameEdit(o, e) && editsConflict(o.span, e.span)) ||
        taken.some(t => t.uri === e.uri && !sameEdit(t, e) && editsConflict(t.span, e.span)),
    );
    if (clash || edits.length === 0) {
      skipped.push(item);
      continue;
    }
    chosen.push(item);
    for (const e of edits) if (!taken.some(t => sameEdit(t, e))) taken.push(e);
  }
  return { chosen, skipped };
}

/** The distinct edits of `fixes`, by file. */
export function editsByUri(fixes: readonly Fix[]): Map<string, Edit[]> {
  const out = new Map<string, TextReplacement[]>();
  for (const f of fixes) {
    for (const e of f.edits) {
      const list = out.get(e.uri) ?? [];
      if (!list.some(o => sameEdit(o, e))) list.push(e);
      out.set(e.uri, list);
    }
  }
  return new Map([...out].map(([uri, list]) => [uri, list.map(e => ({ span: e.span, newText: e.newText }))]));
}

function firstStart(f: Fix): number {
  return f.edits.length ? Math.min(...f.edits.map(e => e.span.start)) : Number.MAX_SAFE_INTEGER;
}
