// Language-level indirection the evaluator follows (docs/ARCHITECTURE.md "Dispatch"): loops over
// literal collections of losses or models, `functools.partial` of a loss function, `None` placeholders.
import type { Expr } from '../../ir';
import { LOSS_SPECS } from '../../frameworks/registry';
import type { CallSite, ObjectValue, Scope, Value } from './values';

export function isNone(v: Value | undefined): boolean {
  return v !== undefined && v.t === 'const' && v.value === null;
}

/** Most elements of a literal collection whose loop body is run once per element. */
const MAX_UNROLLED = 4;

/**
 * The elements a `for` loop takes one by one, when they are known and are losses, models or functions
 * (`for crit in [nn.CrossEntropyLoss(), …]`, `for name, crit in losses.items()`): undefined otherwise.
 */
export function loopElements(iter: Expr, it: Value, scope: Scope): Value[] | undefined {
  let elements: Value[] | undefined;
  let items: Value[] | undefined;
  if (it.t === 'tuple') elements = it.elts;
  else if (iter.k === 'call' && iter.args.length === 0 && iter.callee.k === 'attr' && iter.callee.obj.k === 'name') {
    const d = scope.lookup(iter.callee.obj.id);
    if (d?.t === 'dict' && iter.callee.name === 'values') elements = [...d.entries.values()];
    else if (d?.t === 'dict' && iter.callee.name === 'items') {
      elements = [...d.entries.values()];
      items = [...d.entries].map(([k, v]) => ({ t: 'tuple', elts: [{ t: 'const', value: k }, v] }));
    }
  }
  if (!elements || elements.length === 0 || elements.length > MAX_UNROLLED) return undefined;
  if (!elements.every(v => v.t === 'object' || v.t === 'instance' || v.t === 'function')) return undefined;
  return items ?? elements;
}

/**
 * `functools.partial(F.cross_entropy, label_smoothing=0.1)` (keywords only): a loss object whose
 * constructor call is the partial, so its keywords configure every call like a loss class's would.
 */
export function boundLoss(e: Extract<Expr, { k: 'call' }>, callee: Value, site: CallSite): ObjectValue | undefined {
  if (callee.t !== 'unknown' || e.args.length === 0 || e.args[0].name || e.args[0].star) return undefined;
  const c = e.callee;
  const partial =
    (c.k === 'name' && c.id === 'partial') || (c.k === 'attr' && c.name === 'partial' && c.obj.k === 'name' && c.obj.id === 'functools');
  if (!partial || e.args.slice(1).some(a => !a.name || a.star)) return undefined;
  const fn = site.positional[0];
  if (fn?.t !== 'sym' || LOSS_SPECS.get(fn.path)?.form === 'class' || !LOSS_SPECS.has(fn.path)) return undefined;
  return { t: 'object', path: fn.path, call: site };
}
