// Reading the engine's facts beyond the kind (shape, dtype, class count, range) the way rules need
// them: certain, i.e. the same on every path that reaches the argument.
import type { ArgInfo } from '../../analysis/engine/events';
import type { TensorValue, Value } from '../../analysis/engine/values';

/** The tensors a value is on every path; undefined when some path is not a tensor. */
export function tensorsOf(v: Value | undefined): TensorValue[] | undefined {
  if (!v) return undefined;
  if (v.t === 'tensor') return [v];
  if (v.t !== 'union') return undefined;
  const out: TensorValue[] = [];
  for (const o of v.options) {
    if (o.t !== 'tensor') return undefined;
    out.push(o);
  }
  return out;
}

/** A fact every path agrees on (compared with `same`, `===` by default); undefined when unknown on some path or when paths differ. */
export function certainFact<T>(
  arg: ArgInfo | Value | undefined,
  pick: (t: TensorValue) => T | undefined,
  same: (a: T, b: T) => boolean = (a, b) => a === b,
): { value: T; tensor: TensorValue } | undefined {
  const v = arg && 'expr' in arg ? arg.value : (arg as Value | undefined);
  const ts = tensorsOf(v);
  if (!ts || ts.length === 0) return undefined;
  const first = pick(ts[0]);
  if (first === undefined) return undefined;
  for (const t of ts.slice(1)) {
    const x = pick(t);
    if (x === undefined || !same(first, x)) return undefined;
  }
  return { value: first, tensor: ts[0] };
}

/** The shape every path agrees on. */
export function certainShape(arg: ArgInfo | Value | undefined): readonly (number | null)[] | undefined {
  return certainFact(
    arg,
    t => t.shape,
    (a, b) => a.length === b.length && a.every((d, i) => d === b[i]),
  )?.value;
}
