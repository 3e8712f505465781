import type { ContentChange } from '../frontend';

/** A tree-sitter edit: indices and columns in UTF-16 code units (what web-tree-sitter uses for JS strings). */
export interface TreeEdit {
  startIndex: number;
  oldEndIndex: number;
  newEndIndex: number;
  startPosition: { row: number; column: number };
  oldEndPosition: { row: number; column: number };
  newEndPosition: { row: number; column: number };
}

/**
 * Offset of an LSP position. LSP lines end at \n, \r\n or \r; a character past the end of its line
 * means the line end, and a line past the last one means the end of the text.
 */
export function offsetOf(text: string, line: number, character: number): number {
  let pos = 0;
  if (line > 0) {
    const hasCr = text.indexOf('\r') >= 0;
    for (let l = 0; l < line; l++) {
      const nl = hasCr ? nextLineStartWithCr(text, pos) : nextLineStart(text, pos);
      if (nl < 0) return text.length;
      pos = nl;
    }
  }
  let lineEnd = pos;
  while (lineEnd < text.length) {
    const c = text.charCodeAt(lineEnd);
    if (c === 10 || c === 13) break;
    lineEnd++;
  }
  return Math.min(pos + Math.max(0, character), lineEnd);
}

/** Next line start in text without \r (indexOf is much faster than a character loop). */
function nextLineStart(text: string, from: number): number {
  const lf = text.indexOf('\n', from);
  return lf < 0 ? -1 : lf + 1;
}

/** Next line start in text with \r line ends (\r\n or a lone \r, old Mac files). */
function nextLineStartWithCr(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return i + 1;
    if (c === 13) return text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  }
  return -1;
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
    const startIndex = offsetOf(cur, start.line, start.character);
    const oldEndIndex = Math.max(startIndex, offsetOf(cur, end.line, end.character));
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
export function singleChangeEdit(previous: string, text: string, change: ContentChange): { startIndex: number; oldEndIndex: number; newEndIndex: number } | null {
  if (change.range === undefined) return null;
  const { start, end } = change.range;
  const startIndex = offsetOf(previous, start.line, start.character);
  const oldEndIndex = Math.max(startIndex, offsetOf(previous, end.line, end.character));
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
  while (suffix < max - prefix && oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) suffix++;
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
