// Small pieces several rule files share: fixes that remove an activation, kind descriptions, and the
// check of an activation applied twice (LL001, LL002).
import type { Fix, TextReplacement } from '../findings';
import { anchorOf, compiledLossOf, eventsOfType, keptReports, relatedToOrigin, tensorOf, type RuleContext } from './api';
import type { LossFamily } from '../analysis/engine/apis/losses';
import { certainTensor, type Origin, type TensorValue } from '../analysis/engine/values';
import type { Span } from '../ir';

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
  const lineStart = text.lastIndexOf('\n', el.start - 1) + 1;
  let after = el.end;
  while (text[after] === ' ' || text[after] === '\t') after++;
  if (text[after] === ',') after++;
  while (text[after] === ' ' || text[after] === '\t') after++;
  if (text[after] === '#' || text.startsWith('//', after)) after = lineEnd(text, after);
  const ownLine = /^[ \t]*$/.test(text.slice(lineStart, el.start)) && (after >= text.length || text[after] === '\n' || text[after] === '\r');
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

/** Smallest value softmax cross-entropy can reach when its input already went through a softmax over C classes. */
export function doubleSoftmaxFloor(classes: number): number {
  // best case: the softmax output is one-hot, so the second softmax gives e / (e + C − 1) for the true class
  return Math.log1p((classes - 1) / Math.E);
}

/**
 * Inserts `argument` as the last argument of a call, after a trailing comma if there is one
 * (`f(a, b,)` → `f(a, b, dim=1)`) and inside an empty list without a separator.
 */
export function appendArgumentEdit(text: string, uri: string, call: { args: readonly { span: Span }[]; argsSpan: Span }, argument: string): TextReplacement {
  const close = call.argsSpan.end - 1;
  const last = call.args[call.args.length - 1];
  if (!last) return { uri, span: { start: close, end: close }, newText: argument };
  let i = last.span.end;
  while (i < close && /\s/.test(text[i])) i++;
  if (text[i] === ',') {
    // One argument per line with a trailing comma: keep that layout.
    if (text.slice(i + 1, close).includes('\n')) {
      const lineStart = text.lastIndexOf('\n', last.span.start - 1) + 1;
      const indent = /^[ \t]*/.exec(text.slice(lineStart, last.span.start))![0];
      return { uri, span: { start: i + 1, end: i + 1 }, newText: `\n${indent}${argument},` };
    }
    return { uri, span: { start: i + 1, end: i + 1 }, newText: ` ${argument}` };
  }
  return { uri, span: { start: last.span.end, end: last.span.end }, newText: `, ${argument}` };
}

/** What LL001 and LL002 share: the activation a loss applies itself, and how each rule words its findings. */
export interface ActivationTwice {
  /** Losses (and compiled losses) that apply the activation themselves. */
  family: LossFamily;
  /** The kind the activation produces. */
  kind: 'probs-softmax' | 'probs-sigmoid';
  /** 'softmax' / 'sigmoid': the fallback label of the activation and the related-information text. */
  activation: string;
  /** Message for a loss called on the activation's output `t` (`label`: the activation as written). */
  lossMessage(label: string, lossLabel: string, t: TensorValue): string;
  /** Message for a compiled model whose last layer is the activation. */
  compileMessage(label: string, lossLabel: string): string;
  fixTitle: string;
}

/**
 * Reports activation outputs fed to a loss that applies the same activation: at the argument (with a fix
 * removing the activation), and at the `loss=` of a model compiled with `from_logits=True` whose last
 * layer is that activation.
 */
export function checkActivationTwice(ctx: RuleContext, rule: ActivationTwice): void {
  const kept = keptReports(ctx);
  const related = `${rule.activation} applied here`;
  for (const ev of eventsOfType(ctx.events, 'loss', 'compile')) {
    if (ev.type === 'loss' && ev.family === rule.family && ev.input) {
      const t = tensorOf(ev.input);
      if (t?.kind !== rule.kind) continue;
      const where = anchorOf(ev.input);
      if (!kept(where)) continue;
      ctx.report({
        uri: where.uri,
        span: where.span,
        message: rule.lossMessage(t.origin?.label ?? rule.activation, ev.spec.label, t),
        related: relatedToOrigin(t.origin, related),
        fix: removeActivationFix(ctx, t.origin, rule.fixTitle),
      });
    } else if (ev.type === 'compile') {
      const loss = compiledLossOf(ev);
      const out = certainTensor(ev.output);
      if (!loss || loss.family !== rule.family || out?.kind !== rule.kind) continue;
      if (!kept({ uri: ev.loss.uri, span: ev.loss.expr.span })) continue;
      ctx.report({
        uri: ev.loss.uri,
        span: ev.loss.expr.span,
        message: rule.compileMessage(out.origin?.label ?? rule.activation, loss.label),
        related: relatedToOrigin(out.origin, related),
      });
    }
  }
}
