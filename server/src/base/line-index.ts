// Offsets ↔ lines and LSP positions for UTF-16 offsets (what IR and Finding spans use). Lines end at
// `\n`, `\r\n` or a lone `\r`, as in LSP. The one place for this arithmetic.

/** Start offset of every line; a line ends at `\n`, `\r\n` or a lone `\r` (as in LSP). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** 0-based line containing `offset`. */
export function lineOfOffset(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** 0-based line and UTF-16 character of `offset` (LSP positions). */
export function positionOf(starts: readonly number[], offset: number): { line: number; character: number } {
  const line = lineOfOffset(starts, offset);
  return { line, character: offset - starts[line] };
}

/**
 * 0-based line and code-point column of `offset` (the CLI reports characters, so an emoji or a
 * character outside the BMP counts once).
 */
export function codePointPositionOf(text: string, starts: readonly number[], offset: number): { line: number; column: number } {
  const line = lineOfOffset(starts, offset);
  let column = 0;
  const end = Math.min(offset, text.length);
  for (let i = starts[line]; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    column++;
  }
  return { line, column };
}

/**
 * Offset of an LSP position in `text`, without an index (an edit converts two positions once). A
 * character past the end of its line means the line end, and a line past the last one means the end of
 * the text.
 */
export function offsetAt(text: string, line: number, character: number): number {
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

/** The line break a file uses (its first one: `\r\n`, `\r` or `\n`), for text an edit inserts; `\n` when it has none. */
export function lineBreakOf(text: string): string {
  const m = /\r\n|\r|\n/.exec(text);
  return m ? m[0] : '\n';
}

/** Start of the line containing `offset` (after the last `\n` or `\r` before it). */
export function lineStartBefore(text: string, offset: number): number {
  return Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
}

/**
 * `text` with each lone `\r` (an old Mac line end) made `\n`: the same length, so offsets stay valid,
 * for scanners and parsers that end lines at `\n` only (Python reads all three line ends alike).
 */
export function loneCrAsLf(text: string): string {
  return text.indexOf('\r') < 0 ? text : text.replace(/\r(?!\n)/g, '\n');
}
