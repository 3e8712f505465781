// The kind algebra: pure functions from value kinds to value kinds (what exp, clamping, reshaping,
// literals and integer samplers give; how two paths' values join).
import type { Expr } from '../../ir';
import { CLAMP_OPS, FLATTEN_OPS, SHAPE_OPS } from '../../frameworks/registry';
import type { Kind } from '../../frameworks/types';
import { UNKNOWN, certainTensor, join, tensor, type CallSite, type Origin, type TensorValue, type Value } from './values';

/** Kinds whose rows are distributions over the last axis: cutting that axis leaves them partial (TensorValue.partial). */
const LAST_AXIS_DISTRIBUTIONS: ReadonlySet<Kind> = new Set(['probs-softmax', 'log-probs', 'one-hot']);

export function mapUnion(u: Extract<Value, { t: 'union' }>, f: (v: Value) => Value): Value {
  let out: Value | undefined;
  for (const o of u.options) out = join(out, f(o));
  return out ?? UNKNOWN;
}

/**
 * A name after two paths that bound it to `a` and `b` (undefined: not bound on that path): equal
 * values stay, others join (a path without it contributes UNKNOWN); unbound on both stays unbound.
 */
export function joinPaths(a: Value | undefined, b: Value | undefined): Value | undefined {
  if (a === undefined) return b === undefined ? undefined : join(UNKNOWN, b);
  return a === b ? a : join(a, b ?? UNKNOWN);
}

/** A layer that passes its input through (dropout, flatten): tensors keep their kind, nothing else is known. */
export function keepKind(v: Value | undefined): Value {
  if (!v) return UNKNOWN;
  if (v.t === 'tensor' || v.t === 'union') return v;
  return UNKNOWN;
}

/**
 * What a kind-keeping operation gives: clamping guards probabilities against log(0) but bounds logits
 * (no longer unbounded: unknown); reshaping keeps the kind but not the class-axis size, and flattening
 * every axis (`shape`: the new shape's arguments, `view(-1)`, `flatten()`) leaves a distribution partial.
 */
export function transferKind(op: string, v: Value | undefined, shape?: readonly Value[]): Value {
  if (!v) return UNKNOWN;
  if (v.t === 'union') return mapUnion(v, o => transferKind(op, o, shape));
  if (v.t !== 'tensor') return UNKNOWN;
  if (CLAMP_OPS.has(op)) return v.kind === 'logits' ? UNKNOWN : { ...v, guarded: true };
  if (SHAPE_OPS.has(op)) {
    const partial = LAST_AXIS_DISTRIBUTIONS.has(v.kind) && shape !== undefined && flattensAll(op, shape);
    return v.units === undefined && !partial ? v : { ...v, units: undefined, partial: v.partial || partial };
  }
  return v;
}

/** The new shape is one `-1` (`view(-1)`, `reshape([-1])`), or a flattening op is given none. */
function flattensAll(op: string, shape: readonly Value[]): boolean {
  if (shape.length === 0) return FLATTEN_OPS.has(op);
  if (shape.length !== 1) return false;
  const s = shape[0].t === 'tuple' && shape[0].elts.length === 1 ? shape[0].elts[0] : shape[0];
  return s.t === 'const' && s.value === -1;
}

/** A tensor indexed as written: selecting rows keeps a distribution; cutting any later axis may cut the last one. */
export function indexed(v: TensorValue, index: Expr): TensorValue {
  const cut = index.k === 'tuple' && index.elts.slice(1).some(e => !wholeAxis(e));
  const partial = cut && LAST_AXIS_DISTRIBUTIONS.has(v.kind);
  return v.units === undefined && !partial ? v : { ...v, units: undefined, partial: v.partial || partial };
}

/** `:` (or `...`, lowered alike) and `None` (a new axis) leave the axes after them whole. */
function wholeAxis(e: Expr): boolean {
  return (e.k === 'unknown' && e.children.length === 0) || (e.k === 'const' && e.value === null);
}

/**
 * A mean over `axis`: over the batch axis (0) rows of probabilities average to a row of probabilities (a
 * softmax over axis 0 excepted); anything else, or an axis not known, gives unknown (as before). The fix
 * handles of the origin go: removing the activation would change what is averaged.
 */
export function meanOf(v: Value | undefined, axis: Value | undefined): Value {
  if (!v) return UNKNOWN;
  if (v.t === 'union') return mapUnion(v, o => meanOf(o, axis));
  if (v.t !== 'tensor' || !axis || axis.t !== 'const' || axis.value !== 0) return UNKNOWN;
  if (v.kind !== 'probs-softmax' && v.kind !== 'probs-sigmoid') return UNKNOWN;
  if (v.kind === 'probs-softmax' && v.dim === 0) return UNKNOWN;
  return { ...v, derived: true, origin: v.origin && { ...v.origin, inner: undefined, element: undefined } };
}

/**
 * A matrix product `w @ x`: when each row of `w` is a distribution over its last axis (the axis the
 * product sums over) and each row of `x` a distribution over its last axis, each row of the result is a
 * convex combination of `x`'s rows, itself a distribution (`torch.bmm(attn, one_hot)`). Anything else
 * gives unknown (as before).
 */
export function matrixProduct(w: Value | undefined, x: Value | undefined, origin: Origin): Value {
  const a = certainTensor(w);
  const b = certainTensor(x);
  if (!a || !b || a.kind !== 'probs-softmax' || a.dim !== -1 || a.partial || b.partial) return UNKNOWN;
  if (b.kind !== 'one-hot' && !(b.kind === 'probs-softmax' && b.dim === -1)) return UNKNOWN;
  return tensor('probs-softmax', { origin, units: b.units, dim: -1, derived: true });
}

/** exp undoes a log: exp(log_softmax(x)) is softmax(x), exp(logsigmoid(x)) is sigmoid(x). */
export function expOf(v: Value | undefined): Value {
  const t = certainTensor(v);
  if (t?.kind === 'log-probs') return tensor('probs-softmax', { origin: t.origin, units: t.units });
  if (t?.kind === 'log-sigmoid') return tensor('probs-sigmoid', { origin: t.origin });
  return UNKNOWN;
}

export function tupleElts(v: Value | undefined): Value[] {
  return v && v.t === 'tuple' ? v.elts : [];
}

/** Integers drawn from [low, high): {0,1} labels when the range is [0, 2), class indices otherwise. */
export function randintKind(site: CallSite): Value {
  const lo = site.positional.length >= 3 ? site.positional[0] : ({ t: 'const', value: 0 } as Value);
  const hi = site.positional.length >= 3 ? site.positional[1] : (site.positional[0] ?? site.keywords.get('high'));
  if (lo.t === 'const' && lo.value === 0 && hi && hi.t === 'const' && hi.value === 2) return tensor('labels01');
  return tensor('class-indices');
}

/** Kind of a literal tensor: integer labels, {0,1}, ±1 or one-hot rows; anything else unknown. */
export function literalTensorKind(e: Expr | undefined): Value {
  if (!e || (e.k !== 'list' && e.k !== 'tuple')) return tensor('unknown');
  const nums: number[] = [];
  let rows = 0;
  let oneHot = true;
  let floats = false;
  for (const x of e.elts) {
    if (x.k === 'list' || x.k === 'tuple') {
      rows++;
      const row = x.elts.map(v =>
        v.k === 'num' ? v.value : v.k === 'unary' && v.op === '-' && v.operand.k === 'num' ? -v.operand.value : NaN,
      );
      if (row.some(v => v !== 0 && v !== 1) || row.filter(v => v === 1).length !== 1) oneHot = false;
      if (x.elts.some(v => v.k === 'num' && /[.eE]/.test(v.raw))) floats = true;
      nums.push(...row);
    } else {
      nums.push(x.k === 'num' ? x.value : x.k === 'unary' && x.op === '-' && x.operand.k === 'num' ? -x.operand.value : NaN);
      if (x.k === 'num' && /[.eE]/.test(x.raw)) floats = true;
    }
  }
  if (nums.length === 0 || nums.some(Number.isNaN)) return tensor('unknown');
  if (rows > 0) return oneHot ? tensor('one-hot') : tensor('unknown');
  if (floats) return tensor('unknown');
  if (nums.every(v => v === 0 || v === 1)) return tensor('labels01');
  if (nums.every(v => v === -1 || v === 1)) return tensor('labels-pm1');
  if (nums.every(v => Number.isInteger(v) && v >= 0)) return tensor('class-indices');
  return tensor('unknown');
}
