// The kind algebra: pure functions from value kinds to value kinds (what exp, clamping, reshaping,
// literals and integer samplers give; how two paths' values join).
import type { Expr } from '../../ir';
import { CLAMP_OPS, SHAPE_OPS } from '../../frameworks/registry';
import { UNKNOWN, certainTensor, join, tensor, type CallSite, type Place, type Value } from './values';

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
 * (no longer unbounded: unknown); reshaping keeps the kind but not the class-axis size.
 */
export function transferKind(op: string, v: Value | undefined): Value {
  if (!v) return UNKNOWN;
  if (v.t === 'union') return mapUnion(v, o => transferKind(op, o));
  if (v.t !== 'tensor') return UNKNOWN;
  if (CLAMP_OPS.has(op)) return v.kind === 'logits' ? UNKNOWN : { ...v, guarded: true };
  if (SHAPE_OPS.has(op)) return v.units === undefined ? v : { ...v, units: undefined };
  return v;
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

/** The places a value was computed through (every option of a union). */
export function lineageOf(v: Value | undefined): readonly Place[] {
  if (!v) return [];
  if (v.t === 'tensor' || v.t === 'unknown') return v.lineage ?? [];
  if (v.t === 'union') return v.options.flatMap(o => lineageOf(o));
  return [];
}

/** `v` also computed through `place` (tensors and the tensors of a union; other values as they are). */
export function withLineage(v: Value, place: Place): Value {
  if (v.t === 'union') return mapUnion(v, o => withLineage(o, place));
  if (v.t !== 'tensor' && v.t !== 'unknown') return v;
  return { ...v, lineage: [...(v.lineage ?? []), place] };
}

/**
 * What an operation the analysis does not model makes of its operands (`a * b`, `x.sum()`, `tf.reduce_mean(x)`):
 * nothing is known of its kind, but it was computed through everything they were: their lineage, on a tensor
 * when an operand is one.
 */
export function derived(operands: readonly (Value | undefined)[], product = false): Value {
  const lineage: Place[] = [];
  for (const o of operands)
    for (const p of lineageOf(o)) {
      const q = product && !p.product ? { ...p, product: true } : p;
      if (!lineage.some(l => l.uri === q.uri && l.span === q.span && !!l.product === !!q.product)) lineage.push(q);
    }
  if (!lineage.length) return UNKNOWN;
  return operands.some(o => o?.t === 'tensor') ? tensor('unknown', { lineage }) : { t: 'unknown', lineage };
}
