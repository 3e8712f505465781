// Small pieces several rule files share: fixes that remove an activation, and kind descriptions.
import type { Fix } from '../analysis/findings';
import type { RuleContext } from '../analysis/engine/rule-api';
import type { Origin } from '../analysis/engine/values';

/** Replaces `softmax(x, dim=1)` (or `x.softmax(1)`) by `x`: the activation's input. */
export function removeActivationFix(ctx: RuleContext, origin: Origin | undefined, title: string): Fix | undefined {
  if (!origin?.inner) return undefined;
  const text = ctx.text(origin.uri);
  if (text === undefined) return undefined;
  const inner = text.slice(origin.inner.start, origin.inner.end);
  return { title, applicability: 'unsafe', edits: [{ uri: origin.uri, span: origin.span, newText: inner }] };
}

/** Smallest value softmax cross-entropy can reach when its input already went through a softmax over C classes. */
export function doubleSoftmaxFloor(classes: number): number {
  // best case: the softmax output is one-hot, so the second softmax gives e / (e + C − 1) for the true class
  return Math.log1p((classes - 1) / Math.E);
}
