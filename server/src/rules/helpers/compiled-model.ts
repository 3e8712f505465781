// The compiled-model form of a rule: a Keras / TF.js model compiled with a loss that does not fit what
// its last layer outputs. A rule states which compiled losses and which output kinds, and how it words
// the finding, which goes at the `loss=` argument of `compile`.
import type { CompileEvent } from '../../analysis/engine/events';
import type { LossFamily } from '../../frameworks/types';
import { certainTensor, type Kind, type TensorValue } from '../../analysis/engine/values';
import type { CompiledLoss } from '../compiled-loss';
import { compiledLossOf, eventsOfType, keptReports, relatedToOrigin, type RuleContext } from '../api';

/** A finding about a compiled loss and the model's output. */
export interface CompiledLossCheck {
  /** The families of the compiled loss (`from_logits` taken into account). */
  families: readonly LossFamily[];
  /** The kinds of the model's output that make the finding; any known kind when absent. */
  outputKinds?: readonly Kind[];
  /** Further conditions: the number of output units, the framework. */
  when?(loss: CompiledLoss, out: TensorValue, ev: CompileEvent): boolean;
  message(loss: CompiledLoss, out: TensorValue, ev: CompileEvent): string;
  /** The related information's text, placed at the origin of the output's kind (the model's last layer). */
  related: string;
}

/**
 * Reports each `compile` whose loss and model output (known on every path) match a check, at the `loss=`
 * argument. With several checks, the first that matches a compile decides its finding.
 */
export function reportAtCompiledLoss(ctx: RuleContext, ...checks: CompiledLossCheck[]): void {
  const kept = keptReports(ctx);
  for (const ev of eventsOfType(ctx.events, 'compile')) {
    const loss = compiledLossOf(ev);
    const out = certainTensor(ev.output);
    if (!loss || !out || ev.superseded) continue;
    for (const check of checks) {
      if (!check.families.includes(loss.family) || (check.outputKinds && !check.outputKinds.includes(out.kind))) continue;
      if (check.when && !check.when(loss, out, ev)) continue;
      const where = { uri: ev.loss.uri, span: ev.loss.expr.span };
      if (kept(where)) ctx.report({ ...where, message: check.message(loss, out, ev), related: relatedToOrigin(out.origin, check.related) });
      break;
    }
  }
}
