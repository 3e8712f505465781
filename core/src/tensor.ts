// Input validation and conversion shared by every loss. Every error names the function and the
// argument so a caller (hover, webview, CLI) can show it verbatim.
import type { F64Tensor, Tensor } from './types';

/** A validated tensor: float64 data (shared with the caller when it already was a Float64Array). */
export interface Arr {
  data: Float64Array;
  shape: number[];
  size: number;
}

export function fail(fn: string, message: string): never {
  throw new Error(`${fn}: ${message}`);
}

export function shapeText(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Converts a Tensor to float64 after checking that it is well formed. */
export function toF64(fn: string, name: string, t: unknown): Arr {
  if (t === null || typeof t !== 'object') fail(fn, `${name} must be a tensor { data, shape }, got ${t === null ? 'null' : typeof t}`);
  const { data, shape } = t as Partial<Tensor>;
  if (!Array.isArray(shape) || !shape.every(d => Number.isInteger(d) && d >= 0)) {
    fail(fn, `${name}.shape must be an array of non-negative integers`);
  }
  let size = 1;
  for (const d of shape) size *= d;
  let f64: Float64Array;
  if (data instanceof Float64Array) f64 = data;
  else if (data instanceof Float32Array) f64 = Float64Array.from(data);
  else if (Array.isArray(data)) f64 = fromNumbers(fn, name, data, new Float64Array(data.length));
  else {
    fail(fn, `${name}.data must be a Float64Array, Float32Array or number[]`);
  }
  if (f64.length !== size) fail(fn, `${name}.data has ${f64.length} elements but shape ${shapeText(shape)} needs ${size}`);
  return { data: f64, shape: shape.slice(), size };
}

// The loops of this file are functions of their own with nothing before or after the loop but `return` (see
// losses/index.ts), so a long input is converted and checked at full speed from the first call.
function fromNumbers(fn: string, name: string, data: unknown[], f64: Float64Array): Float64Array {
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (typeof v !== 'number') fail(fn, `${name}.data[${i}] is not a number`);
    f64[i] = v;
  }
  return f64;
}

export function requireRank(fn: string, name: string, a: Arr, ranks: readonly number[], what?: string): void {
  if (!ranks.includes(a.shape.length)) {
    const expected = what ?? ranks.map(r => (r === 0 ? '[]' : r === 1 ? '(N)' : r === 2 ? '(N, C)' : `rank ${r}`)).join(' or ');
    fail(fn, `${name} must be ${expected}, got shape ${shapeText(a.shape)}`);
  }
}

export function requireSameShape(fn: string, name: string, a: Arr, refName: string, ref: Arr): void {
  if (!sameShape(a.shape, ref.shape)) {
    fail(fn, `${name} has shape ${shapeText(a.shape)} but ${refName} has shape ${shapeText(ref.shape)}; they must match`);
  }
}

/** Rows and columns of an (N) or (N, C) tensor; (N) counts as N rows of one column. */
export function rowsCols(a: Arr): [number, number] {
  return a.shape.length === 2 ? [a.shape[0], a.shape[1]] : [a.size, 1];
}

export function requireInRange(fn: string, name: string, a: Arr, lo: number, hi: number, why: string): void {
  checkRange(fn, name, a.data, lo, hi, why);
}

function checkRange(fn: string, name: string, d: Float64Array, lo: number, hi: number, why: string): void {
  for (let i = 0; i < d.length; i++) {
    const v = d[i];
    if (!(v >= lo && v <= hi)) fail(fn, `${name}[${i}] = ${v} is outside [${lo}, ${hi}] (${why})`);
  }
}

export function requireSigns(fn: string, name: string, a: Arr): void {
  checkSigns(fn, name, a.data);
}

function checkSigns(fn: string, name: string, d: Float64Array): void {
  for (let i = 0; i < d.length; i++) {
    if (d[i] !== 1 && d[i] !== -1) fail(fn, `${name}[${i}] = ${d[i]} must be -1 or +1`);
  }
}

export function requireBinary(fn: string, name: string, a: Arr, meaning: string): void {
  checkBinary(fn, name, a.data, meaning);
}

function checkBinary(fn: string, name: string, d: Float64Array, meaning: string): void {
  for (let i = 0; i < d.length; i++) {
    if (d[i] !== 0 && d[i] !== 1) fail(fn, `${name}[${i}] = ${d[i]} must be 0 or 1 (${meaning})`);
  }
}

/**
 * Class-index targets: integers in [0, C) or equal to ignoreIndex. Returned as Int32Array so the
 * kernels index without conversions.
 */
export function classIndices(fn: string, name: string, target: Arr, n: number, c: number, ignoreIndex?: number): Int32Array {
  if (target.shape.length !== 1 || target.shape[0] !== n) {
    fail(fn, `${name} must be (N) class indices with N = ${n} (or (N, C) probabilities), got shape ${shapeText(target.shape)}`);
  }
  return toClassIndices(fn, name, target.data, c, ignoreIndex, new Int32Array(n));
}

function toClassIndices(
  fn: string,
  name: string,
  d: Float64Array,
  c: number,
  ignoreIndex: number | undefined,
  out: Int32Array,
): Int32Array {
  for (let i = 0; i < d.length; i++) {
    const v = d[i];
    if (!Number.isInteger(v)) fail(fn, `${name}[${i}] = ${v} is not an integer class index`);
    if (v !== ignoreIndex && (v < 0 || v >= c)) {
      const ignored = ignoreIndex === undefined ? '' : ` and is not ignoreIndex (${ignoreIndex})`;
      fail(fn, `${name}[${i}] = ${v} is out of range for ${c} classes${ignored}`);
    }
    out[i] = v;
  }
  return out;
}

/**
 * Expands `w` to the full `shape` with right-aligned broadcasting (each weight dimension equals the
 * input's or is 1), the way PyTorch applies `weight`/`pos_weight` to element-wise losses.
 */
export function broadcastTo(fn: string, name: string, w: Arr, shape: readonly number[]): Float64Array {
  let size = 1;
  for (const d of shape) size *= d;
  if (sameShape(w.shape, shape)) return w.data;
  const r = shape.length;
  if (w.shape.length > r) fail(fn, `${name} of shape ${shapeText(w.shape)} cannot be broadcast to ${shapeText(shape)}`);
  const ws = new Array<number>(r - w.shape.length).fill(1).concat(w.shape);
  for (let k = 0; k < r; k++) {
    if (ws[k] !== 1 && ws[k] !== shape[k]) fail(fn, `${name} of shape ${shapeText(w.shape)} cannot be broadcast to ${shapeText(shape)}`);
  }
  const out = new Float64Array(size);
  const idx = new Array<number>(r).fill(0);
  for (let i = 0; i < size; i++) {
    let off = 0;
    for (let k = 0; k < r; k++) off = off * ws[k] + (ws[k] === 1 ? 0 : idx[k]);
    out[i] = w.data[off];
    for (let k = r - 1; k >= 0; k--) {
      if (++idx[k] < shape[k]) break;
      idx[k] = 0;
    }
  }
  return out;
}

// ---- options ----------------------------------------------------------------------------------

export type OptionBag = Record<string, unknown>;

/** Rejects anything but a plain object whose keys are all in `allowed`; undefined values count as absent. */
export function readOptions(fn: string, options: unknown, allowed: readonly string[]): OptionBag {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options))
    fail(fn, `options must be an object, got ${Array.isArray(options) ? 'array' : typeof options}`);
  const bag: OptionBag = {};
  for (const [k, v] of Object.entries(options as OptionBag)) {
    if (!allowed.includes(k)) {
      fail(fn, allowed.length === 0 ? `takes no options, got '${k}'` : `unknown option '${k}' (expected one of: ${allowed.join(', ')})`);
    }
    if (v !== undefined) bag[k] = v;
  }
  return bag;
}

export interface NumberRule {
  /** strictly greater than */
  gt?: number;
  /** greater than or equal */
  ge?: number;
  /** less than or equal */
  le?: number;
  integer?: boolean;
  /** allow ±Infinity (e.g. p = Infinity) */
  infinite?: boolean;
}

export function numberOption(fn: string, opts: OptionBag, name: string, dflt: number, rule: NumberRule = {}): number {
  const v = opts[name];
  if (v === undefined) return dflt;
  if (typeof v !== 'number' || Number.isNaN(v) || (!rule.infinite && !Number.isFinite(v))) {
    fail(fn, `option ${name} must be a finite number, got ${typeof v === 'number' ? v : typeof v}`);
  }
  if (rule.integer && !Number.isInteger(v)) fail(fn, `option ${name} must be an integer, got ${v}`);
  if (rule.gt !== undefined && !(v > rule.gt)) fail(fn, `option ${name} must be > ${rule.gt}, got ${v}`);
  if (rule.ge !== undefined && !(v >= rule.ge)) fail(fn, `option ${name} must be >= ${rule.ge}, got ${v}`);
  if (rule.le !== undefined && !(v <= rule.le)) fail(fn, `option ${name} must be <= ${rule.le}, got ${v}`);
  return v;
}

export function boolOption(fn: string, opts: OptionBag, name: string, dflt: boolean): boolean {
  const v = opts[name];
  if (v === undefined) return dflt;
  if (typeof v !== 'boolean') fail(fn, `option ${name} must be true or false, got ${typeof v}`);
  return v;
}

export function choiceOption<T extends string>(fn: string, opts: OptionBag, name: string, dflt: T, choices: readonly T[]): T {
  const v = opts[name];
  if (v === undefined) return dflt;
  if (typeof v !== 'string' || !(choices as readonly string[]).includes(v)) {
    fail(fn, `option ${name} must be one of ${choices.map(c => `'${c}'`).join(', ')}, got ${typeof v === 'string' ? `'${v}'` : typeof v}`);
  }
  return v as T;
}

export function tensorOption(fn: string, opts: OptionBag, name: string): Arr | null {
  const v = opts[name];
  if (v === undefined) return null;
  return toF64(fn, `option ${name}`, v);
}

/** Per-class weight of shape (C), as PyTorch requires for the class-index losses. */
export function classWeightOption(fn: string, opts: OptionBag, c: number): Float64Array | null {
  const w = tensorOption(fn, opts, 'weight');
  if (!w) return null;
  if (w.shape.length !== 1 || w.shape[0] !== c) fail(fn, `option weight must have shape [${c}] (one per class), got ${shapeText(w.shape)}`);
  return w.data;
}

// ---- outputs ----------------------------------------------------------------------------------

export function tensor(data: Float64Array, shape: readonly number[]): F64Tensor {
  return { data, shape: shape.slice() };
}

/** The (input, target) pair of an element-wise loss: same shape, (N) or (N, C). */
export function elementwiseArgs(fn: string, input: unknown, target: unknown, inputName = 'input', targetName = 'target'): [Arr, Arr] {
  const x = toF64(fn, inputName, input);
  const y = toF64(fn, targetName, target);
  requireRank(fn, inputName, x, [1, 2]);
  requireSameShape(fn, targetName, y, inputName, x);
  return [x, y];
}
