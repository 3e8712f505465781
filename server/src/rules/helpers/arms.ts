// Findings on one branch arm (docs/ARCHITECTURE.md, "Certainty over recall"): a loss call made on one arm
// of a callee that differs between paths is reported with the condition of that arm's path.
import type { RelatedPlace } from '../../findings';
import type { LossArm, LossCallEvent } from '../../analysis/engine/events';
import type { PathTest } from '../../analysis/engine/values';
import type { RuleContext } from '../api';

/** Longest condition quoted as written; longer ones are cut with an ellipsis. */
const MAX_TEST = 60;

/** `message` as a finding on the path `when`: "When `cfg.loss == 'bce'`: …". */
export function onPath(ctx: RuleContext, when: readonly PathTest[], message: string): string {
  return `When ${pathText(ctx, when)}: ${message}`;
}

/**
 * The path as a phrase: the tests that hold (`a` and `b`); an `elif` chain names the test of its own arm
 * only. A path where no test holds (an `else` arm) names the tests that failed.
 */
export function pathText(ctx: RuleContext, when: readonly PathTest[]): string {
  const held = when.filter(w => w.holds).map(w => testText(ctx, w));
  if (held.length > 0) return held.join(' and ');
  const failed = when.map(w => testText(ctx, w));
  return failed.length === 1 ? `${failed[0]} is false` : `${failed.slice(0, -1).join(', ')} and ${failed[failed.length - 1]} are false`;
}

/** The loss object the arm runs, at its constructor: "the loss on this path". */
export function armRelated(ctx: RuleContext, ev: LossCallEvent & { arm: LossArm }): RelatedPlace[] {
  const ctor = ev.ctor;
  if (!ctor) return [];
  return [{ uri: ctor.uri, span: ctor.expr.span, message: `the loss when ${pathText(ctx, ev.arm.when)}` }];
}

function testText(ctx: RuleContext, t: PathTest): string {
  const raw = ctx.text(t.uri)?.slice(t.span.start, t.span.end) ?? '';
  const text = raw.replace(/\s+/g, ' ').trim();
  return '`' + (text.length > MAX_TEST ? text.slice(0, MAX_TEST - 1) + '…' : text) + '`';
}
