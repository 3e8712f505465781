// Fixes several rules build: removing an activation (from a call or from a written layer list) and
// appending an argument to a call.
import type { Fix, TextReplacement } from '../../findings';
import type { Origin } from '../../analysis/engine/values';
import type { Span } from '../../ir';
import type { RuleContext } from '../api';
import { lineBreakOf, lineStartBefore } from '../../base/line-index';

/**
 * Replaces `softmax(x, dim=1)` (or `x.softmax(1)`) by `x`, the activation's input; or removes an
 * activation layer written in a container's layer list (`nn.Sequential(…, nn.Softmax(dim=1))`)
 * together with its comma. The edit is in the file of the activation, which may not be the file
 * of the finding (a model's `forward` in another module).
 */
export function removeActivationFix(ctx: RuleContext, origin: Origin | undefined, title: string): Fix | undefined {
  if (!origin) return undefined;
  const text = ctx.text(origin.uri);
  if (text === undefined) return undefined;
  if (origin.inner) {
    const inner = text.slice(origin.inner.start, origin.inner.end);
    return { title, applicability: 'unsafe', edits: [{ uri: origin.uri, span: origin.span, newText: inner }] };
  }
  if (origin.element && origin.element.elements.length > 1) {
    const span = listElementRemoval(text, origin.element.elements, origin.element.index);
    if (span) return { title, applicability: 'unsafe', edits: [{ uri: origin.uri, span, newText: '' }] };
  }
  return undefined;
}

/**
 * The text to delete to remove element `index` of a written list: its whole line(s) when it stands
 * on lines of its own (with its comma and a trailing comment), else the element and the comma that
 * separates it from a neighbour. Undefined when a comment sits between elements on one line.
 */
export function listElementRemoval(text: string, elements: readonly Span[], index: number): Span | undefined {
  const el = elements[index];
  const lineStart = lineStartBefore(text, el.start);
  let after = el.end;
  while (text[after] === ' ' || text[after] === '\t') after++;
  if (text[after] === ',') after++;
  while (text[after] === ' ' || text[after] === '\t') after++;
  if (text[after] === '#' || text.startsWith('//', after)) after = lineEnd(text, after);
  const ownLine =
    /^[ \t]*$/.test(text.slice(lineStart, el.start)) && (after >= text.length || text[after] === '\n' || text[after] === '\r');
  if (ownLine) {
    let end = after;
    if (text[end] === '\r') end++;
    if (text[end] === '\n') end++;
    return { start: lineStart, end };
  }
  if (index > 0) {
    const between = text.slice(elements[index - 1].end, el.start);
    if (!/^\s*,\s*$/.test(between)) return undefined;
    return { start: elements[index - 1].end, end: el.end };
  }
  const between = text.slice(el.end, elements[index + 1].start);
  if (!/^\s*,\s*$/.test(between)) return undefined;
  return { start: el.start, end: elements[index + 1].start };
}

function lineEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/**
 * Inserts `argument` as the last argument of a call, after a trailing comma if there is one
 * (`f(a, b,)` → `f(a, b, dim=1)`) and inside an empty list without a separator.
 */
export function appendArgumentEdit(
  text: string,
  uri: string,
  call: { args: readonly { span: Span }[]; argsSpan: Span },
  argument: string,
): TextReplacement {
  const close = call.argsSpan.end - 1;
  const last = call.args[call.args.length - 1];
  if (!last) return { uri, span: { start: close, end: close }, newText: argument };
  let i = last.span.end;
  while (i < close && /\s/.test(text[i])) i++;
  if (text[i] === ',') {
    // One argument per line with a trailing comma: keep that layout.
    if (/[\r\n]/.test(text.slice(i + 1, close))) {
      const lineStart = lineStartBefore(text, last.span.start);
      const indent = /^[ \t]*/.exec(text.slice(lineStart, last.span.start))![0];
      return { uri, span: { start: i + 1, end: i + 1 }, newText: `${lineBreakOf(text)}${indent}${argument},` };
    }
    return { uri, span: { start: i + 1, end: i + 1 }, newText: ` ${argument}` };
  }
  return { uri, span: { start: last.span.end, end: last.span.end }, newText: `, ${argument}` };
}
