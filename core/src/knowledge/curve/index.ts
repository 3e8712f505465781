// Samples a catalog loss and its derivative along the loss's natural axis, for hover images and plots.
import { getCatalogEntry } from '../catalog';
import type { CurveAxis, CurveRange, CurveResult, LossId } from '../types';
import { curveSpecs, type Params } from './specs';

export const DEFAULT_CURVE_POINTS = 512;
const MAX_CURVE_POINTS = 1_000_000;

export interface CurveInfo {
  axis: CurveAxis;
  xLabel: string;
  /** What the plot shows and which partner values are held fixed. */
  setup: string;
  range: { min: number; max: number };
}

function specFor(id: LossId) {
  const spec = Object.prototype.hasOwnProperty.call(curveSpecs, id) ? curveSpecs[id] : undefined;
  const entry = getCatalogEntry(id);
  if (!spec || !entry) throw new Error(`curve: unknown loss id '${id}'`);
  return { spec, entry };
}

/** Axis, label, setup and default range of a loss's curve. */
export function curveInfo(id: LossId): CurveInfo {
  const { spec } = specFor(id);
  return { axis: spec.axis, xLabel: spec.xLabel, setup: spec.setup, range: { min: spec.range[0], max: spec.range[1] } };
}

/**
 * Loss and d loss/dx at n evenly spaced points of [min, max] on the loss's natural axis (see curveInfo).
 * params override the catalog defaults by name; an unknown id or parameter name throws.
 */
export function curve(id: LossId, params?: Record<string, number>, range?: CurveRange): CurveResult {
  const { spec, entry } = specFor(id);
  const values: Record<string, number> = {};
  for (const p of entry.params) values[p.name] = p.default;
  if (params) {
    for (const [name, v] of Object.entries(params)) {
      if (!entry.params.some(p => p.name === name)) {
        const known = entry.params.map(p => p.name).join(', ') || 'none';
        throw new Error(`curve: unknown parameter '${name}' for ${id} (known: ${known})`);
      }
      if (typeof v !== 'number' || !Number.isFinite(v))
        throw new Error(`curve: parameter '${name}' of ${id} must be a finite number, got ${String(v)}`);
      values[name] = v;
    }
  }
  const min = range?.min ?? spec.range[0];
  const max = range?.max ?? spec.range[1];
  const n = range?.n ?? DEFAULT_CURVE_POINTS;
  if (!Number.isFinite(min) || !Number.isFinite(max) || !(min < max)) {
    throw new Error(`curve: range must have finite min < max, got [${min}, ${max}]`);
  }
  if (!Number.isInteger(n) || n < 2 || n > MAX_CURVE_POINTS)
    throw new Error(`curve: n must be an integer in [2, ${MAX_CURVE_POINTS}], got ${n}`);
  if (spec.domain && (min <= spec.domain[0] || max >= spec.domain[1])) {
    throw new Error(`curve: ${id} is plotted on (${spec.domain[0]}, ${spec.domain[1]}) exclusive, got [${min}, ${max}]`);
  }
  const x = new Float64Array(n);
  const step = (max - min) / (n - 1);
  for (let i = 0; i < n; i++) x[i] = min + i * step;
  x[n - 1] = max;
  const loss = new Float64Array(n);
  const grad = new Float64Array(n);
  spec.sample(x, values as Params, loss, grad);
  return { axis: spec.axis, x, loss, grad };
}

/** Ids that curve() can plot: every catalog entry. */
export function curveIds(): LossId[] {
  return Object.keys(curveSpecs);
}
