// The most common rule: a value of the wrong kind passed to a loss. A rule states which losses, which
// argument and which kinds, and how it words the finding; the walk over the events, the anchor of the
// finding and its related information are the same for all.
import type { Fix } from '../../findings';
import type { LossArm, LossCallEvent } from '../../analysis/engine/events';
import type { LossFamily } from '../../frameworks/types';
import type { Kind, TensorValue } from '../../analysis/engine/values';
import { anchorOf, eventsOfType, keptReports, relatedToOrigin, tensorOf, type RuleContext } from '../api';
import { armRelated, onPath } from './arms';

/** A finding about one argument of a loss call. */
export interface LossArgumentCheck {
  /** The loss families (`from_logits` taken into account) the check looks at. */
  families: readonly LossFamily[];
  /** The argument checked: the predictions (`input`, the default) or the `target`. */
  argument?: 'input' | 'target';
  /** The kinds of the argument that make the finding (every path to the loss must agree on the kind). */
  kinds: readonly Kind[];
  /** Further conditions on the call and the argument: a framework, an unguarded value, a number of units. */
  when?(ev: LossCallEvent, t: TensorValue): boolean;
  message(ev: LossCallEvent, t: TensorValue): string;
  /**
   * The message for a value made from the producer by a mean or weighted sum of rows (TensorValue.derived),
   * where advice about the activation does not apply; without it such values are not reported.
   */
  derivedMessage?(ev: LossCallEvent, t: TensorValue): string;
  /**
   * The finding says something is useless rather than wrong: it holds only when every path agrees, never
   * on one arm of a callee that differs between paths (what one arm does not need, another may).
   */
  everyPath?: boolean;
  /** The related information's text, placed at the origin of the argument's kind (the activation or layer). */
  related?: string;
  fix?(ctx: RuleContext, ev: LossCallEvent, t: TensorValue): Fix | undefined;
}

/**
 * Reports each loss call whose argument has one of a check's kinds: at the argument, or at the outermost
 * call of the user function it entered (`anchorOf`). With several checks, the first that matches a call
 * decides its finding.
 *
 * A call made on one arm of a callee that differs between paths (LossArm: `crit(out, y)` with `crit` set
 * by an `if`) is a finding on that arm's path: its message says the condition, and it is reported after
 * the certain ones. When every arm of the same call gives the same finding, it is one certain finding.
 */
export function checkLossArgument(ctx: RuleContext, ...checks: LossArgumentCheck[]): void {
  const kept = keptReports(ctx);
  const onArms: { ev: LossCallEvent & { arm: LossArm }; check: LossArgumentCheck; t: TensorValue; where: ReturnType<typeof anchorOf> }[] =
    [];
  for (const ev of eventsOfType(ctx.events, 'loss')) {
    for (const check of checks) {
      const arg = check.argument === 'target' ? ev.target : ev.input;
      if (!arg || !check.families.includes(ev.family)) continue;
      const t = tensorOf(arg);
      if (!t || !check.kinds.includes(t.kind) || (check.when && !check.when(ev, t))) continue;
      if (t.derived && !check.derivedMessage) continue;
      const where = anchorOf(arg);
      if (ev.arm) onArms.push({ ev: ev as LossCallEvent & { arm: LossArm }, check, t, where });
      else if (kept(where)) {
        ctx.report({
          uri: where.uri,
          span: where.span,
          message: messageOf(check, ev, t),
          related: check.related === undefined ? undefined : relatedToOrigin(t.origin, check.related),
          fix: t.derived ? undefined : check.fix?.(ctx, ev, t),
        });
      }
      break;
    }
  }
  for (const { ev, check, t, where } of onArms) {
    // The arms of this call that give this finding at this place: all of them make it certain.
    const arms = new Set(
      onArms.filter(o => o.ev.arm.group === ev.arm.group && o.check === check && sameSpan(o.where, where)).map(o => o.ev.arm.index),
    );
    const everyArm = arms.size === ev.arm.of;
    if ((!everyArm && check.everyPath) || !kept(where)) continue;
    const related = check.related === undefined ? [] : relatedToOrigin(t.origin, check.related);
    ctx.report({
      uri: where.uri,
      span: where.span,
      message: everyArm ? messageOf(check, ev, t) : onPath(ctx, ev.arm.when, messageOf(check, ev, t)),
      related: everyArm ? related : [...related, ...armRelated(ctx, ev)],
      // A fix changes the code every path runs: only a finding on every path gets one.
      fix: everyArm && !t.derived ? check.fix?.(ctx, ev, t) : undefined,
    });
  }
}

function messageOf(check: LossArgumentCheck, ev: LossCallEvent, t: TensorValue): string {
  return t.derived && check.derivedMessage ? check.derivedMessage(ev, t) : check.message(ev, t);
}

function sameSpan(
  a: { uri: string; span: { start: number; end: number } },
  b: { uri: string; span: { start: number; end: number } },
): boolean {
  return a.uri === b.uri && a.span.start === b.span.start && a.span.end === b.span.end;
}
