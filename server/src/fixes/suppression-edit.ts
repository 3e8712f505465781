// "Ignore LLnnn on this line": the edit that adds the code to the line's `losslens: ignore[...]`
// comment, or appends such a comment, on the line where a finding starts.
import { lineStarts, lineOfOffset } from '../base/line-index';
import { parseSuppressions } from '../config/suppressions';
import type { Edit } from './text-edits';

export type CommentStyle = '#' | '//';

/** By language id when known (a notebook cell's URI names the notebook, not Python), else by file name. */
export function commentStyleOf(uri: string, languageId?: string): CommentStyle {
  if (languageId === 'python') return '#';
  if (languageId && /^(type|java)script(react)?$/.test(languageId)) return '//';
  return /\.(pyi?|ipynb)(?:[?#].*)?$/i.test(uri) ? '#' : '//';
}

/**
 * The edit suppressing `code` on the line containing `offset`; undefined when the line already
 * suppresses it or a comment cannot be appended safely (a line continued with `\`).
 */
export function ignoreOnLineEdit(text: string, offset: number, code: string, style: CommentStyle): Edit | undefined {
  const starts = lineStarts(text);
  const line = lineOfOffset(starts, offset);
  const lineStart = starts[line];
  const next = line + 1 < starts.length ? starts[line + 1] : text.length;
  let lineEnd = next;
  while (lineEnd > lineStart && (text[lineEnd - 1] === '\n' || text[lineEnd - 1] === '\r')) lineEnd--;

  const existing = parseSuppressions(text, starts).filter(s => s.kind === 'line' && s.line === line);
  for (const s of existing) {
    if (s.codes === null || s.codes.some(c => c.code === code.toUpperCase())) return undefined;
  }
  const withCodes = existing.find(s => s.codes && s.codes.length);
  if (withCodes) {
    const last = withCodes.codes![withCodes.codes!.length - 1];
    return { span: { start: last.span.end, end: last.span.end }, newText: `, ${code}` };
  }
  let end = lineEnd;
  while (end > lineStart && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  if (text[end - 1] === '\\') return undefined;
  const gap = end > lineStart ? '  ' : '';
  return { span: { start: end, end: lineEnd }, newText: `${gap}${style} losslens: ignore[${code}]` };
}

/**
 * Removes an unused suppression: one code from a list that keeps others (with its comma), or the
 * whole `losslens: ignore…` comment and the blank space before it. `span` is what the unused
 * suppression hint covers (a code, or the directive).
 */
export function removeSuppressionEdit(text: string, span: { start: number; end: number }): Edit | undefined {
  const starts = lineStarts(text);
  const line = lineOfOffset(starts, span.start);
  const sup = parseSuppressions(text, starts).find(
    s => s.kind === 'line' && s.line === line && s.span.start <= span.start && span.end <= s.span.end,
  );
  if (!sup) return undefined;
  const codes = sup.codes ?? [];
  const i = codes.findIndex(c => c.span.start === span.start && c.span.end === span.end);
  if (i >= 0 && codes.length > 1) {
    return i > 0
      ? { span: { start: codes[i - 1].span.end, end: codes[i].span.end }, newText: '' }
      : { span: { start: codes[0].span.start, end: codes[1].span.start }, newText: '' };
  }
  // Words after the directive would become code once the comment marker is gone.
  const rest = text.slice(sup.span.end, line + 1 < starts.length ? starts[line + 1] : text.length);
  if (!/^\s*$/.test(rest)) return undefined;
  // The comment marker precedes the directive (`#` or `//`, maybe with spaces).
  let start = sup.span.start;
  while (start > starts[line] && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  if (text[start - 1] === '#') start--;
  else if (text.slice(start - 2, start) === '//') start -= 2;
  else return undefined;
  while (start > starts[line] && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  return { span: { start, end: sup.span.end }, newText: '' };
}
