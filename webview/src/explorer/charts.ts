// The two linked charts (loss above, gradient below) drawn with uPlot.
// Why uPlot rather than a hand-written canvas: it is ~50 kB minified with no dependencies, draws 512×8
// points per frame without effort on slider drags, and already does HiDPI canvases, nice axis ticks,
// cursor snapping and cross-chart cursor sync, which a hand-written chart would have to re-implement.
// It styles its DOM through the CSSOM (element.style), which the page's CSP allows; its stylesheet is
// bundled into explorer.css, served from the extension.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { PlotData } from './plot-data';
import type { ThemeColors } from './theme';

export interface ChartCallbacks {
  /** The data index under the cursor (mouse or keyboard), or null when it left the charts. */
  onCursor(idx: number | null): void;
}

const SYNC_KEY = 'losslens-explorer';

function chartHeight(width: number): number {
  return Math.round(Math.min(280, Math.max(170, width * 0.36)));
}

export class LinkedCharts {
  private charts: uPlot[] = [];
  private signature = '';
  private data: PlotData | null = null;
  private colors: string[] = [];
  private theme: ThemeColors | null = null;
  private cursorIdx: number | null = null;
  private readonly resizeObserver: ResizeObserver;
  private readonly hosts: HTMLElement[];

  constructor(
    private readonly container: HTMLElement,
    private readonly callbacks: ChartCallbacks,
  ) {
    this.hosts = ['loss', 'gradient'].map(kind => {
      const host = document.createElement('div');
      host.className = 'chart';
      host.tabIndex = 0;
      host.dataset.chart = kind;
      host.setAttribute('role', 'img');
      host.setAttribute(
        'aria-label',
        `${kind === 'loss' ? 'Loss' : 'Gradient'} chart. Arrow keys move the readout along x; Shift moves faster; Home and End jump to the ends.`,
      );
      host.addEventListener('keydown', e => this.onKey(e));
      container.appendChild(host);
      return host;
    });
    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(container);
  }

  get cursor(): number | null {
    return this.cursorIdx;
  }

  /** The canvases as they are drawn, for PNG export and tests. */
  canvases(): HTMLCanvasElement[] {
    return this.charts.map(c => c.root.querySelector('canvas')).filter((c): c is HTMLCanvasElement => c !== null);
  }

  setTheme(theme: ThemeColors): void {
    this.theme = theme;
    this.signature = '';
    if (this.data) this.update(this.data, this.colors);
  }

  update(data: PlotData, colors: string[]): void {
    this.data = data;
    this.colors = colors;
    // Labels carry the parameter values and uPlot's legend is off, so they are not part of the signature.
    const signature = JSON.stringify([data.columns.map(c => c.series.id), colors, data.range, data.xLabel, data.x.length]);
    const aligned = (pick: 'loss' | 'grad'): uPlot.AlignedData => [data.x, ...data.columns.map(c => c[pick])];
    // A new set of series (or range/theme) rebuilds the charts; a parameter drag only swaps the
    // data, which is what keeps slider drags smooth.
    if (signature === this.signature && this.charts.length === 2) {
      this.charts[0].setData(aligned('loss'));
      this.charts[1].setData(aligned('grad'));
    } else {
      this.signature = signature;
      this.rebuild(aligned('loss'), aligned('grad'));
    }
    if (this.cursorIdx !== null && this.cursorIdx >= data.x.length) this.cursorIdx = null;
    this.callbacks.onCursor(this.cursorIdx);
  }

  private rebuild(lossData: uPlot.AlignedData, gradData: uPlot.AlignedData): void {
    for (const c of this.charts) c.destroy();
    this.charts = [];
    const data = this.data!;
    const theme = this.theme!;
    const width = Math.max(240, this.container.clientWidth);
    const make = (host: HTMLElement, yLabel: string, aligned: uPlot.AlignedData): uPlot => {
      const axis = (label: string): uPlot.Axis => ({
        label,
        stroke: theme.foreground,
        font: `12px ${theme.fontFamily}`,
        labelFont: `12px ${theme.fontFamily}`,
        grid: { stroke: theme.grid, width: 1 },
        ticks: { stroke: theme.grid, width: 1 },
      });
      const opts: uPlot.Options = {
        width,
        height: chartHeight(width),
        legend: { show: false },
        scales: { x: { time: false, range: [data.range.min, data.range.max] } },
        axes: [axis(data.xLabel), { ...axis(yLabel), size: 56 }],
        series: [
          { label: 'x' },
          ...data.columns.map((c, i) => ({
            label: c.label,
            stroke: this.colors[i],
            width: 2,
            dash: i >= 6 ? [6, 4] : undefined,
            spanGaps: false,
            points: { show: false },
          })),
        ],
        cursor: {
          // Only the vertical line: the x position is what links the two charts and the readout.
          y: false,
          sync: { key: SYNC_KEY },
          drag: { x: false, y: false },
          points: { size: 7 },
        },
        hooks: {
          setCursor: [u => this.onUplotCursor(u)],
          drawAxes: [u => drawZeroLine(u, theme.axis)],
        },
      };
      return new uPlot(opts, aligned, host);
    };
    this.charts = [make(this.hosts[0], 'loss', lossData), make(this.hosts[1], 'd loss / dx', gradData)];
  }

  private onUplotCursor(u: uPlot): void {
    const idx = u.cursor.idx ?? null;
    // Both synced charts report the same move; a mouse leaving (idx null) keeps the last readout.
    if (idx === null || idx === this.cursorIdx) return;
    this.cursorIdx = idx;
    this.callbacks.onCursor(idx);
  }

  /** Moves the readout to data index idx (keyboard, tests). */
  moveTo(idx: number): void {
    if (!this.data || this.charts.length === 0) return;
    const n = this.data.x.length;
    const i = Math.max(0, Math.min(n - 1, idx));
    this.cursorIdx = i;
    for (const c of this.charts) {
      const left = c.valToPos(this.data.x[i], 'x');
      c.setCursor({ left, top: c.over.clientHeight / 2 }, false);
    }
    this.callbacks.onCursor(i);
  }

  private onKey(e: KeyboardEvent): void {
    if (!this.data) return;
    const n = this.data.x.length;
    const current = this.cursorIdx ?? Math.floor(n / 2);
    const big = Math.max(1, Math.round(n / 32));
    let next: number | null = null;
    if (e.key === 'ArrowRight' || e.key === 'ArrowUp') next = current + (e.shiftKey ? big : 1);
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') next = current - (e.shiftKey ? big : 1);
    else if (e.key === 'PageUp') next = current + big;
    else if (e.key === 'PageDown') next = current - big;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = n - 1;
    if (next === null) return;
    e.preventDefault();
    this.moveTo(next);
  }

  private resize(): void {
    if (this.charts.length === 0) return;
    const width = Math.max(240, this.container.clientWidth);
    if (width === this.charts[0].width) return;
    for (const c of this.charts) c.setSize({ width, height: chartHeight(width) });
  }

  dispose(): void {
    this.resizeObserver.disconnect();
    for (const c of this.charts) c.destroy();
    this.charts = [];
  }
}

function drawZeroLine(u: uPlot, color: string): void {
  const yMin = u.scales.y.min;
  const yMax = u.scales.y.max;
  if (yMin === undefined || yMax === undefined || !(yMin < 0 && yMax > 0)) return;
  const y = Math.round(u.valToPos(0, 'y', true)) + 0.5;
  const { left, width } = u.bbox;
  const ctx = u.ctx;
  ctx.save();
  ctx.strokeStyle = color;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(left, y);
  ctx.lineTo(left + width, y);
  ctx.stroke();
  ctx.restore();
}
