// Reads tensors written as literals: nested lists of numbers, optionally wrapped in a tensor
// constructor (`torch.tensor([...])`, `tf.tensor2d([...], [2, 2])`, `np.array(...)`), or a name bound
// once to such a literal. Anything computed is not a literal and gives undefined.
import type { Expr } from '../ir';
import { bindingKey, type Bindings } from './ir-walk';

export interface LiteralTensor {
  data: number[];
  shape: number[];
}

const CONSTRUCTORS = new Set([
  'tensor',
  'Tensor',
  'FloatTensor',
  'DoubleTensor',
  'LongTensor',
  'IntTensor',
  'as_tensor',
  'asarray',
  'array',
  'constant',
  'convert_to_tensor',
  'tensor1d',
  'tensor2d',
  'scalar',
]);
const MODULE_ROOTS = new Set(['torch', 'tf', 'np', 'numpy', 'jnp', 'keras', 'ops']);
const MAX_ELEMENTS = 10_000;
const MAX_NAME_DEPTH = 3;

/** A scalar number written literally: `2`, `-0.5`, `+1e-3`, `True` (1). */
export function literalNumber(e: Expr | undefined): number | undefined {
  if (!e) return undefined;
  if (e.k === 'num') return e.value;
  if (e.k === 'const' && typeof e.value === 'boolean') return e.value ? 1 : 0;
  if (e.k === 'unary' && (e.op === '-' || e.op === '+')) {
    const v = literalNumber(e.operand);
    return v === undefined ? undefined : e.op === '-' ? -v : v;
  }
  return undefined;
}

/**
 * The tensor an expression writes out literally. `bindings` (name → values assigned to it) lets a
 * variable assigned exactly once to a literal stand for it.
 */
export function literalTensor(e: Expr | undefined, bindings?: Bindings, depth = 0): LiteralTensor | undefined {
  if (!e) return undefined;
  const n = literalNumber(e);
  if (n !== undefined) return { data: [n], shape: [] };
  switch (e.k) {
    case 'list':
    case 'tuple':
      return nested(e);
    case 'call': {
      const c = e.callee;
      if (c.k !== 'attr' || !CONSTRUCTORS.has(c.name) || !isFrameworkRoot(c.obj)) return undefined;
      const first =
        e.args.find(a => !a.name && !a.star) ??
        e.args.find(a => a.name === 'data' || a.name === 'values' || a.name === 'value' || a.name === 'object');
      const t = literalTensor(first?.value, bindings, depth);
      if (!t) return undefined;
      if (c.name === 'scalar' && t.shape.length !== 0) return undefined;
      // `tf.tensor2d([1, 2, 3, 4], [2, 2])`: a flat list with an explicit shape.
      const shapeArg = e.args.filter(a => !a.name && !a.star)[1] ?? e.args.find(a => a.name === 'shape');
      if (shapeArg && (c.name === 'tensor' || c.name === 'tensor1d' || c.name === 'tensor2d') && isTfjsLike(c.obj)) {
        const s = nested(shapeArg.value);
        if (!s || s.shape.length !== 1) return undefined;
        const size = s.data.reduce((a, b) => a * b, 1);
        if (size !== t.data.length || s.data.some(d => !Number.isInteger(d) || d < 0)) return undefined;
        return { data: t.data, shape: s.data };
      }
      return t;
    }
    case 'name': {
      if (!bindings || depth >= MAX_NAME_DEPTH) return undefined;
      const key = bindingKey(e);
      const values = key ? bindings.get(key) : undefined;
      if (!values || values.length !== 1) return undefined;
      return literalTensor(values[0], bindings, depth + 1);
    }
    default:
      return undefined;
  }
}

function isFrameworkRoot(e: Expr): boolean {
  if (e.k === 'name') return MODULE_ROOTS.has(e.id);
  if (e.k === 'attr') return isFrameworkRoot(e.obj);
  return false;
}

function isTfjsLike(e: Expr): boolean {
  return e.k === 'name' && e.id === 'tf';
}

/** Nested lists/tuples of numbers with a rectangular shape. */
function nested(e: Expr): LiteralTensor | undefined {
  const data: number[] = [];
  const shape: number[] = [];
  const visit = (x: Expr, level: number): boolean => {
    const v = literalNumber(x);
    if (v !== undefined) {
      // The first leaf fixes the rank; every other leaf must sit at the same depth.
      if (level !== shape.length) return false;
      data.push(v);
      return data.length <= MAX_ELEMENTS;
    }
    if (x.k !== 'list' && x.k !== 'tuple') return false;
    if (level < shape.length) {
      if (shape[level] !== x.elts.length) return false;
    } else if (level === shape.length && data.length === 0) {
      shape.push(x.elts.length);
    } else {
      return false;
    }
    for (const el of x.elts) if (!visit(el, level + 1)) return false;
    return true;
  };
  if (!visit(e, 0)) return undefined;
  const size = shape.reduce((a, b) => a * b, 1);
  if (size !== data.length || shape.length === 0) return undefined;
  return { data, shape };
}
