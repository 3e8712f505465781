// The kind algebra: pure functions from value kinds to value kinds (what exp, clamping, reshaping,
// literals and integer samplers give; how two paths' values join).
import type { Expr } from '../../ir';
import { BOOL_DTYPES, CLAMP_OPS, FLATTEN_OPS, FLOAT_DTYPES, INTEGER_DTYPES, SHAPE_OPS } from '../../frameworks/registry';
import type { ArgRef, DtypeClass, Kind, ShapeOpSpec } from '../../frameworks/types';
import { UNKNOWN, certainTensor, join, tensor, type CallSite, type Origin, type Place, type TensorValue, type Value } from './values';

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
  // Reshaping loses the class axis and, unless the op is followed (shapeOf), the shape and row encoding;
  // flattening a distribution's last axis leaves it partial.
  if (SHAPE_OPS.has(op)) {
    const partial = LAST_AXIS_DISTRIBUTIONS.has(v.kind) && shape !== undefined && flattensAll(op, shape);
    return v.units === undefined && v.shape === undefined && !v.multiHot && !partial
      ? v
      : { ...v, units: undefined, shape: undefined, multiHot: undefined, partial: v.partial || partial };
  }
  return v;
}

/** Applies `f` to every tensor of a value (each path of a union); anything else is unknown. */
export function mapTensors(v: Value | undefined, f: (t: TensorValue) => Value): Value {
  if (!v) return UNKNOWN;
  if (v.t === 'union') return mapUnion(v, o => mapTensors(o, f));
  return v.t === 'tensor' ? f(v) : UNKNOWN;
}

type Shape = readonly (number | null)[];

function sizeOf(v: Value | undefined): number | null {
  return v && v.t === 'const' && typeof v.value === 'number' && Number.isInteger(v.value) && v.value >= 0 ? v.value : null;
}

/**
 * Sizes given as one tuple/list or as separate positional arguments from `ref.pos` on (`zeros(n, 1)`,
 * `zeros((n, 1))`, `view(-1)`); undefined when a starred argument or a non-literal sequence hides them.
 */
export function sizesArg(site: CallSite, ref: ArgRef, varargs: boolean): Shape | undefined {
  if (site.expr.args.some(a => a.star)) return undefined;
  let v: Value | undefined;
  for (const k of ref.kw) v ??= site.keywords.get(k);
  if (!v && ref.pos < site.positional.length) v = site.positional[ref.pos];
  if (!v) return undefined;
  if (v.t === 'tuple') return v.elts.map(sizeOf);
  if (!varargs && !(v.t === 'const' && typeof v.value === 'number')) return undefined;
  if (varargs && !site.keywords.has(ref.kw[0] ?? '')) {
    const rest = site.positional.slice(ref.pos);
    // One argument that is not a number may be a whole shape (`x.view(shape)`).
    if (rest.length === 1 && !(rest[0].t === 'const' && typeof rest[0].value === 'number')) return undefined;
    return rest.map(sizeOf);
  }
  return v.t === 'const' && typeof v.value === 'number' ? [sizeOf(v)] : undefined;
}

function axisOf(v: Value | undefined, rank: number): number | undefined {
  if (!v || v.t !== 'const' || typeof v.value !== 'number' || !Number.isInteger(v.value)) return undefined;
  const a = v.value < 0 ? v.value + rank : v.value;
  return a >= 0 && a < rank ? a : undefined;
}

/**
 * The shape after a shape operation (see ShapeOpSpec), or undefined when it is not certain: squeezing
 * an axis of unknown size, or every axis of size 1 when some size is unknown, may or may not drop it.
 */
export function shapeAfter(spec: ShapeOpSpec, shape: Shape | undefined, site: CallSite): Shape | undefined {
  const ref = spec.arg ?? { pos: 0, kw: [] };
  const given = site.expr.args.length > 0 && (ref.pos < site.positional.length || ref.kw.some(k => site.keywords.has(k)));
  const argV = given ? (ref.kw.map(k => site.keywords.get(k)).find(Boolean) ?? site.positional[ref.pos]) : undefined;
  switch (spec.op) {
    case 'reshape':
      return sizesArg(site, ref, !!spec.varargs);
    case 'flatten':
      if (!given) return [null];
      if (!shape) return undefined;
      return axisOf(argV, shape.length) === 0 ? [null] : axisOf(argV, shape.length) === 1 ? [shape[0], null] : undefined;
    case 'squeeze': {
      if (!shape) return undefined;
      if (!given) return shape.every(d => d !== null) ? shape.filter(d => d !== 1) : undefined;
      const a = axisOf(argV, shape.length);
      if (a === undefined || shape[a] === null) return undefined;
      return shape[a] === 1 ? [...shape.slice(0, a), ...shape.slice(a + 1)] : shape;
    }
    case 'unsqueeze': {
      if (!shape) return undefined;
      const a = axisOf(argV, shape.length + 1);
      return a === undefined ? undefined : [...shape.slice(0, a), 1, ...shape.slice(a)];
    }
  }
}

/** The dtype class a dtype argument names (`torch.long`, `tf.float32`, `'int32'`), from the packs' lists. */
export function dtypeClassOf(v: Value | undefined): DtypeClass | undefined {
  const name = v?.t === 'sym' ? v.path : v?.t === 'const' && typeof v.value === 'string' ? v.value : undefined;
  if (name === undefined) return undefined;
  if (INTEGER_DTYPES.has(name)) return 'int';
  if (FLOAT_DTYPES.has(name)) return 'float';
  if (BOOL_DTYPES.has(name)) return 'bool';
  return undefined;
}

/** The shape of a nested literal list (`[[1, 0], [0, 1]]` is [2, 2]); undefined when rows differ or elements are not literals. */
export function literalShape(e: Expr | undefined): Shape | undefined {
  if (!e) return undefined;
  if (e.k === 'num' || (e.k === 'unary' && e.operand.k === 'num')) return [];
  if (e.k !== 'list' && e.k !== 'tuple') return undefined;
  let inner: Shape | undefined;
  for (const x of e.elts) {
    const s = literalShape(x);
    if (!s || (inner && (s.length !== inner.length || s.some((d, i) => d !== inner![i])))) return undefined;
    inner = s;
  }
  return [e.elts.length, ...(inner ?? [])];
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
  return v.units === undefined && v.shape === undefined && !v.multiHot && !partial
    ? v
    : { ...v, units: undefined, shape: undefined, multiHot: undefined, partial: v.partial || partial };
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
  const size = site.keywords.get('size') ?? site.positional[site.positional.length >= 3 ? 2 : 1];
  const shape = size?.t === 'tuple' ? size.elts.map(sizeOf) : undefined;
  if (lo.t === 'const' && lo.value === 0 && hi && hi.t === 'const' && hi.value === 2) return tensor('labels01', { dtype: 'int', shape });
  const classes = lo.t === 'const' && lo.value === 0 ? (sizeOf(hi) ?? undefined) : undefined;
  return tensor('class-indices', { dtype: 'int', shape, classes });
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
  const dtype: DtypeClass = floats ? 'float' : 'int';
  if (rows > 0) {
    if (oneHot) return tensor('one-hot');
    // 0/1 rows, one of them with several ones: a multi-label target matrix.
    const multiHot = nums.every(v => v === 0 || v === 1) && e.elts.some(x => (x.k === 'list' || x.k === 'tuple') && ones(x.elts) > 1);
    return tensor('unknown', { dtype, multiHot: multiHot || undefined });
  }
  if (floats) return tensor('unknown', { dtype });
  if (nums.every(v => v === 0 || v === 1)) return tensor('labels01');
  if (nums.every(v => v === -1 || v === 1)) return tensor('labels-pm1');
  if (nums.every(v => Number.isInteger(v) && v >= 0)) return tensor('class-indices', { dtype, classes: Math.max(...nums) + 1 });
  return tensor('unknown', { dtype });
}

function ones(elts: Expr[]): number {
  return elts.filter(v => v.k === 'num' && v.value === 1).length;
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
