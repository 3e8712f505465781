import type * as TS from 'typescript';
import type { ContentChange } from '../frontend';
import { offsetAt } from '../../base/line-index';

/** The smallest single range whose replacement turns `oldText` into `newText` (common prefix and suffix kept). */
export function diffRange(ts: typeof TS, oldText: string, newText: string): TS.TextChangeRange {
  const max = Math.min(oldText.length, newText.length);
  let prefix = 0;
  while (prefix < max && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  const maxSuffix = max - prefix;
  while (suffix < maxSuffix && oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix))
    suffix++;
  return ts.createTextChangeRange(ts.createTextSpan(prefix, oldText.length - prefix - suffix), newText.length - prefix - suffix);
}

/**
 * Replays LSP content changes on `oldText`. Returns the resulting text and one change range that
 * covers them all, or undefined when a change replaces the whole document (nothing to reuse by
 * position then; the caller diffs instead).
 */
export function replayChanges(
  ts: typeof TS,
  oldText: string,
  changes: readonly ContentChange[],
): { text: string; range: TS.TextChangeRange } | undefined {
  let text = oldText;
  const ranges: TS.TextChangeRange[] = [];
  for (const change of changes) {
    if (!change.range) return undefined;
    const start = offsetAt(text, change.range.start.line, change.range.start.character);
    const end = Math.max(start, offsetAt(text, change.range.end.line, change.range.end.character));
    text = text.slice(0, start) + change.text + text.slice(end);
    ranges.push(ts.createTextChangeRange(ts.createTextSpan(start, end - start), change.text.length));
  }
  if (ranges.length === 0) return { text, range: ts.createTextChangeRange(ts.createTextSpan(0, 0), 0) };
  return { text, range: ts.collapseTextChangeRangesAcrossMultipleVersions(ranges) };
}

/**
 * The range that LSP content `changes` replaced to turn `oldText` into `newText`, or undefined when
 * they do not reproduce `newText` (lost sync, or a change replacing the whole document). One change,
 * what typing sends, is checked without building the text again: comparing slices of flat strings
 * is a memory compare.
 */
export function verifiedChangeRange(
  ts: typeof TS,
  oldText: string,
  newText: string,
  changes: readonly ContentChange[],
): TS.TextChangeRange | undefined {
  if (changes.length === 0) return undefined;
  if (changes.length === 1) {
    const change = changes[0];
    if (!change.range) return undefined;
    const start = offsetAt(oldText, change.range.start.line, change.range.start.character);
    const end = Math.max(start, offsetAt(oldText, change.range.end.line, change.range.end.character));
    const inserted = change.text.length;
    if (newText.length !== oldText.length - (end - start) + inserted) return undefined;
    if (newText.slice(start, start + inserted) !== change.text) return undefined;
    if (newText.slice(0, start) !== oldText.slice(0, start)) return undefined;
    if (newText.slice(start + inserted) !== oldText.slice(end)) return undefined;
    return ts.createTextChangeRange(ts.createTextSpan(start, end - start), inserted);
  }
  const replayed = replayChanges(ts, oldText, changes);
  return replayed && replayed.text === newText ? replayed.range : undefined;
}
