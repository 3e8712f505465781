// Which code training runs, from the interpreter's evidence rather than names (issue #17): a value is
// trained on when it reaches a gradient (`loss.backward()`, `torch.autograd.grad`, `tf.grad(f)`, a
// function compiled as a Keras loss) or a loss call; the logs and user functions it was computed
// through are in its `lineage` (see TensorValue.lineage).
import type { AnalysisEvent } from '../../analysis/engine/events';
import type { Place, Value } from '../../analysis/engine/values';
import type { Span } from '../../ir';
import { eventsOfType } from '../api';

export interface TrainingUse {
  /** User functions (by definition) whose result training minimises: loss functions, loss modules' `forward`. */
  lossFunctions: ReadonlySet<string>;
  /** Log calls whose result reaches a loss, a gradient, or the return of a hand-written cross-entropy. */
  trainedLogs: ReadonlySet<string>;
}

/** The key of a place in the sets above. */
export function placeKey(uri: string, span: Span): string {
  return `${uri}:${span.start}:${span.end}`;
}

function lineageKeys(v: Value | undefined, out: Set<string>): void {
  if (!v) return;
  if (v.t === 'union') for (const o of v.options) lineageKeys(o, out);
  else if (v.t === 'tensor' || v.t === 'unknown') for (const p of v.lineage ?? []) out.add(placeKey(p.uri, p.span));
}

function lineageOfValue(v: Value): readonly Place[] {
  if (v.t === 'union') return v.options.flatMap(lineageOfValue);
  return v.t === 'tensor' || v.t === 'unknown' ? (v.lineage ?? []) : [];
}

const cache = new WeakMap<readonly AnalysisEvent[], TrainingUse>();

/** What training uses, read once per check from its events. */
export function trainingUse(events: readonly AnalysisEvent[]): TrainingUse {
  let use = cache.get(events);
  if (use) return use;
  const lossFunctions = new Set<string>();
  const trainedLogs = new Set<string>();
  const reached = new Set<string>();
  for (const ev of eventsOfType(events, 'gradient')) lineageKeys(ev.value, lossFunctions);
  for (const k of lossFunctions) reached.add(k);
  for (const ev of eventsOfType(events, 'loss')) for (const a of [ev.input, ev.target, ev.input2]) lineageKeys(a?.value, reached);
  // A function returning a value computed from `y * log(p)` returns a hand-written cross-entropy: a loss.
  const logs = new Set<string>();
  const productLogs = new Set<string>();
  for (const ev of eventsOfType(events, 'log')) {
    const k = placeKey(ev.site.uri, ev.site.expr.span);
    logs.add(k);
    if (ev.inProduct) productLogs.add(k);
  }
  if (logs.size)
    for (const ev of eventsOfType(events, 'return')) {
      const keys = new Set<string>();
      lineageKeys(ev.value, keys);
      const likelihood = lineageOfValue(ev.value).some(p => {
        const k = placeKey(p.uri, p.span);
        return productLogs.has(k) || (p.product && logs.has(k));
      });
      if (likelihood) for (const k of keys) reached.add(k);
    }
  for (const ev of eventsOfType(events, 'log')) {
    const k = placeKey(ev.site.uri, ev.site.expr.span);
    if (reached.has(k)) trainedLogs.add(k);
  }
  use = { lossFunctions, trainedLogs };
  cache.set(events, use);
  return use;
}
