// Turns the plotted series into one shared x grid with loss and gradient columns: the form the charts,
// the hover readout and the CSV/SVG exports all read, so they always show the same numbers.
import { DEFAULT_CURVE_POINTS } from '../../../core/src/index';
import { sample, sourceInfo, type SourceInfo } from './sources';
import type { PlotRange, PlotSeries } from './state';

export interface PlotColumn {
  info: SourceInfo;
  series: PlotSeries;
  label: string;
  /** null where x is outside the loss's domain. */
  loss: (number | null)[];
  grad: (number | null)[];
  /** Why the loss could not be sampled (core rejected the parameters), if it could not. */
  error?: string;
}

export interface PlotData {
  x: number[];
  columns: PlotColumn[];
  range: PlotRange;
  xLabel: string;
  /** The x labels differ between the series: each is plotted against its own meaning of x. */
  mixedAxes: boolean;
}

export const PLOT_POINTS = DEFAULT_CURVE_POINTS;

/** The title without its parenthesised aside: "Mean squared error (MSE, L2 loss)" → "Mean squared error". */
export function shortTitle(title: string): string {
  return title.replace(/\s*\([^()]*\)$/, '') || title;
}

export function seriesLabel(info: SourceInfo, series: PlotSeries): string {
  const shown = info.params.map(p => `${p.name} = ${formatParam(series.params[p.name] ?? p.default)}`);
  const title = shortTitle(info.title);
  return shown.length ? `${title} (${shown.join(', ')})` : title;
}

export function formatParam(v: number): string {
  return Number(v.toPrecision(4)).toString();
}

export function defaultRange(series: readonly PlotSeries[]): PlotRange {
  const first = series.length ? sourceInfo(series[0].id) : undefined;
  return first ? { ...first.range } : { min: -3, max: 3 };
}

export function buildPlotData(series: readonly PlotSeries[], range: PlotRange | null, n = PLOT_POINTS): PlotData {
  const r = range ?? defaultRange(series);
  const x = new Array<number>(n);
  const step = (r.max - r.min) / (n - 1);
  for (let i = 0; i < n; i++) x[i] = r.min + i * step;
  x[n - 1] = r.max;
  const columns: PlotColumn[] = [];
  const labels = new Set<string>();
  for (const s of series) {
    const info = sourceInfo(s.id);
    if (!info) continue;
    labels.add(info.xLabel);
    const loss = new Array<number | null>(n).fill(null);
    const grad = new Array<number | null>(n).fill(null);
    // The grid points inside the loss's open domain; sampled with the same min/max/n arithmetic as
    // core's curve so the values are exactly core's.
    let lo = 0;
    let hi = n - 1;
    if (info.domain) {
      while (lo < n && x[lo] <= info.domain.min) lo++;
      while (hi >= 0 && x[hi] >= info.domain.max) hi--;
    }
    let error: string | undefined;
    if (hi - lo >= 1) {
      try {
        const c = lo === 0 && hi === n - 1 ? sample(s.id, s.params, r.min, r.max, n) : sample(s.id, s.params, x[lo], x[hi], hi - lo + 1);
        for (let i = lo; i <= hi; i++) {
          const l = c.loss[i - lo];
          const g = c.grad[i - lo];
          loss[i] = Number.isFinite(l) ? l : null;
          grad[i] = Number.isFinite(g) ? g : null;
        }
      } catch (err) {
        error = err instanceof Error ? err.message : String(err);
      }
    }
    columns.push({ info, series: s, label: seriesLabel(info, s), loss, grad, error });
  }
  return { x, columns, range: r, xLabel: [...labels].join(' · ') || 'x', mixedAxes: labels.size > 1 };
}

function csvCell(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV with full precision: x, then loss and gradient of each series. */
export function toCsv(data: PlotData): string {
  const head = ['x', ...data.columns.flatMap(c => [`${c.label} loss`, `${c.label} gradient`])];
  const lines = [head.map(csvCell).join(',')];
  for (let i = 0; i < data.x.length; i++) {
    const cells = [String(data.x[i])];
    for (const c of data.columns) cells.push(c.loss[i] === null ? '' : String(c.loss[i]), c.grad[i] === null ? '' : String(c.grad[i]));
    lines.push(cells.join(','));
  }
  return lines.join('\n') + '\n';
}
