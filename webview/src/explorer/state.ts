// The page's persisted state (vscode getState/setState). What comes back from getState was written by an
// earlier version of the page or may be damaged, so it is parsed like any other input.
import { parseParams, type ExplorerView } from '../protocol';
import { resolveParams, sourceInfo } from './sources';

export interface PlotSeries {
  id: string;
  params: Record<string, number>;
}

export interface PlotRange {
  min: number;
  max: number;
}

export interface ExplorerState {
  v: 1;
  view: ExplorerView;
  series: PlotSeries[];
  /** null: the first series' natural range. */
  range: PlotRange | null;
  storyId: string | null;
  /** Option indices from the guide's root to the current node or leaf. */
  guidePath: number[];
}

export const MAX_SERIES = 8;

export function defaultState(): ExplorerState {
  return {
    v: 1,
    view: 'plots',
    series: [],
    range: null,
    storyId: 'outliers',
    guidePath: [],
  };
}

export function makeSeries(id: string, params?: Record<string, number>): PlotSeries | undefined {
  const info = sourceInfo(id);
  if (!info) return undefined;
  return { id, params: resolveParams(info, params) };
}

export function parseRange(v: unknown): PlotRange | null | undefined {
  if (v === null) return null;
  if (typeof v !== 'object' || v === null) return undefined;
  const { min, max } = v as Record<string, unknown>;
  if (typeof min !== 'number' || typeof max !== 'number' || !Number.isFinite(min) || !Number.isFinite(max) || !(min < max))
    return undefined;
  if (Math.abs(min) > 1e6 || Math.abs(max) > 1e6) return undefined;
  return { min, max };
}

/** A valid state from whatever getState returned; unusable parts fall back to the defaults. */
export function parseState(raw: unknown): ExplorerState {
  const s = defaultState();
  if (typeof raw !== 'object' || raw === null || (raw as { v?: unknown }).v !== 1) return s;
  const o = raw as Record<string, unknown>;
  if (o.view === 'plots' || o.view === 'guide') s.view = o.view;
  if (Array.isArray(o.series)) {
    s.series = [];
    for (const item of o.series.slice(0, MAX_SERIES)) {
      if (typeof item !== 'object' || item === null) continue;
      const { id, params } = item as Record<string, unknown>;
      const parsed = parseParams(params ?? {});
      const series = typeof id === 'string' && parsed ? makeSeries(id, parsed) : undefined;
      if (series) s.series.push(series);
    }
  }
  const range = parseRange(o.range);
  if (range !== undefined) s.range = range;
  if (typeof o.storyId === 'string' || o.storyId === null) s.storyId = o.storyId;
  if (Array.isArray(o.guidePath) && o.guidePath.length <= 16 && o.guidePath.every(i => Number.isInteger(i) && i >= 0 && i < 16)) {
    s.guidePath = o.guidePath as number[];
  }
  return s;
}
