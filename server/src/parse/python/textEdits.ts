import type { ContentChange } from '../frontend';
import { offsetAt } from '../../base/line-index';

/** A tree-sitter edit: indices and columns in UTF-16 code units (what web-tree-sitter uses for JS strings). */
export interface TreeEdit {
  startIndex: number;
  oldEndIndex: number;
  newEndIndex: number;
  startPosition: { row: number; column: number };
  oldEndPosition: { row: number; column: number };
  newEndPosition: { row: number; column: number };
}

/** tree-sitter's point of an offset: rows advance at \n only, columns count code units. */
export function pointOf(text: string, offset: number): { row: number; column: number } {
  let row = 0;
  let lineStart = 0;
  for (let nl = text.indexOf('\n'); nl >= 0 && nl < offset; nl = text.indexOf('\n', nl + 1)) {
    row++;
    lineStart = nl + 1;
  }
  return { row, column: offset - lineStart };
}

function pointAfter(start: { row: number; column: number }, inserted: string): { row: number; column: number } {
  const last = inserted.lastIndexOf('\n');
  if (last < 0) return { row: start.row, column: start.column + inserted.length };
  let rows = 0;
  for (let nl = inserted.indexOf('\n'); nl >= 0; nl = inserted.indexOf('\n', nl + 1)) rows++;
  return { row: start.row + rows, column: inserted.length - last - 1 };
}

/**
 * Applies LSP incremental changes (in order) to `text`, returning the new text and the matching
 * tree-sitter edits; null when a change replaces the whole document (no incremental reuse then).
 */
export function applyChanges(text: string, changes: readonly ContentChange[]): { text: string; edits: TreeEdit[] } | null {
  const edits: TreeEdit[] = [];
  let cur = text;
  for (const change of changes) {
    if (change.range === undefined) return null;
    const { start, end } = change.range;
    const startIndex = offsetAt(cur, start.line, start.character);
    const oldEndIndex = Math.max(startIndex, offsetAt(cur, end.line, end.character));
    const startPosition = pointOf(cur, startIndex);
    const oldEndPosition = pointOf(cur, oldEndIndex);
    edits.push({
      startIndex,
      oldEndIndex,
      newEndIndex: startIndex + change.text.length,
      startPosition,
      oldEndPosition,
      newEndPosition: pointAfter(startPosition, change.text),
    });
    cur = cur.slice(0, startIndex) + change.text + cur.slice(oldEndIndex);
  }
  return { text: cur, edits };
}

/**
 * The edit of one LSP change that turned `previous` into `text`, without tree-sitter points (the
 * chunks compute their own), or null when the change does not lead to `text` (a missed or
 * duplicated change) or replaces the whole document.
 */
export function singleChangeEdit(
  previous: string,
  text: string,
  change: ContentChange,
): { startIndex: number; oldEndIndex: number; newEndIndex: number } | null {
  if (change.range === undefined) return null;
  const { start, end } = change.range;
  const startIndex = offsetAt(previous, start.line, start.character);
  const oldEndIndex = Math.max(startIndex, offsetAt(previous, end.line, end.character));
  const newEndIndex = startIndex + change.text.length;
  // The whole text is compared (a wrong change must never corrupt the reuse), piece by piece so
  // that no new copy of the document is built.
  if (text.length !== previous.length - (oldEndIndex - startIndex) + change.text.length) return null;
  if (!text.startsWith(change.text, startIndex)) return null;
  if (text.slice(0, startIndex) !== previous.slice(0, startIndex)) return null;
  if (text.slice(newEndIndex) !== previous.slice(oldEndIndex)) return null;
  return { startIndex, oldEndIndex, newEndIndex };
}

/** The single edit between two versions of a text: everything between their common prefix and suffix. */
export function diffEdit(oldText: string, newText: string): TreeEdit {
  const max = Math.min(oldText.length, newText.length);
  let prefix = 0;
  while (prefix < max && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix))
    suffix++;
  const startPosition = pointOf(oldText, prefix);
  return {
    startIndex: prefix,
    oldEndIndex: oldText.length - suffix,
    newEndIndex: newText.length - suffix,
    startPosition,
    oldEndPosition: pointOf(oldText, oldText.length - suffix),
    newEndPosition: pointAfter(startPosition, newText.slice(prefix, newText.length - suffix)),
  };
}
