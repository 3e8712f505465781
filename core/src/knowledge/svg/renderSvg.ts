// A small self-contained SVG line chart: no scripts, no external references, text escaped, readable on
// light and dark editor themes. Non-finite points break the line instead of dropping to an axis.
import { escapeXml } from './escape';
import { formatTick, niceTicks } from './ticks';
import { INK, SERIES_PALETTE, isHexColor } from './palette';

export interface SvgSeries {
  label: string;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** #rgb or #rrggbb; defaults to the next palette colour. */
  color?: string;
  dashed?: boolean;
}

export interface RenderSvgOptions {
  width?: number;
  height?: number;
  title?: string;
  /** A line under the plot, e.g. the parameter values. */
  caption?: string;
  xLabel?: string;
  yLabel?: string;
  xMin?: number;
  xMax?: number;
  /** Fixed y bounds; values beyond them are clipped. Default: the finite data range. */
  yMin?: number;
  yMax?: number;
  /** Show the legend (default: when there is a labelled series). */
  legend?: boolean;
  /** Opaque background colour (#rgb/#rrggbb); default transparent so the image sits on the theme. */
  background?: string;
}

const FONT = 11;
const round = (v: number) => (Math.round(v * 10) / 10).toString();
// Keeps coordinates of far-off points small; they are outside the clip region anyway.
const clampCoord = (v: number) => Math.max(-1e5, Math.min(1e5, v));

function dataBounds(series: readonly SvgSeries[], axis: 'x' | 'y', xLo: number, xHi: number): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) {
    const n = Math.min(s.x.length, s.y.length);
    for (let i = 0; i < n; i++) {
      const xv = s.x[i];
      const yv = s.y[i];
      if (!Number.isFinite(xv) || !Number.isFinite(yv)) continue;
      if (axis === 'y' && (xv < xLo || xv > xHi)) continue;
      const v = axis === 'x' ? xv : yv;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return [lo, hi];
}

function padRange(lo: number, hi: number, pad: number): [number, number] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (lo === hi) {
    const d = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    return [lo - d, hi + d];
  }
  const d = (hi - lo) * pad;
  return [lo - d, hi + d];
}

function dimension(v: number | undefined, dflt: number, name: string): number {
  if (v === undefined) return dflt;
  if (!Number.isFinite(v) || v < 80 || v > 4000) throw new Error(`renderSvg: ${name} must be a number in [80, 4000], got ${v}`);
  return v;
}

export function renderSvg(curves: readonly SvgSeries[], options: RenderSvgOptions = {}): string {
  const width = dimension(options.width, 360, 'width');
  const height = dimension(options.height, 220, 'height');
  if (options.background !== undefined && !isHexColor(options.background)) {
    throw new Error(`renderSvg: background must be #rgb or #rrggbb, got ${JSON.stringify(options.background)}`);
  }
  const colors = curves.map((c, i) => {
    if (c.color !== undefined && !isHexColor(c.color))
      throw new Error(`renderSvg: color must be #rgb or #rrggbb, got ${JSON.stringify(c.color)}`);
    return c.color ?? SERIES_PALETTE[i % SERIES_PALETTE.length];
  });

  const top = options.title ? 24 : 10;
  const bottom = 22 + (options.xLabel ? 14 : 0) + (options.caption ? 14 : 0);
  const left = options.yLabel ? 54 : 42;
  const right = 10;
  const plotW = Math.max(10, width - left - right);
  const plotH = Math.max(10, height - top - bottom);

  let [x0, x1] = dataBounds(curves, 'x', -Infinity, Infinity);
  if (options.xMin !== undefined) x0 = options.xMin;
  if (options.xMax !== undefined) x1 = options.xMax;
  if (!Number.isFinite(x0) || !Number.isFinite(x1)) [x0, x1] = [0, 1];
  if (x0 === x1) [x0, x1] = padRange(x0, x1, 0);
  if (x0 > x1) [x0, x1] = [x1, x0];
  let [y0, y1] = dataBounds(curves, 'y', x0, x1);
  [y0, y1] = padRange(y0, y1, 0.06);
  if (options.yMin !== undefined && Number.isFinite(options.yMin)) y0 = options.yMin;
  if (options.yMax !== undefined && Number.isFinite(options.yMax)) y1 = options.yMax;
  if (!(y1 > y0)) [y0, y1] = padRange(y0, y0, 0);

  const px = (v: number) => left + ((v - x0) / (x1 - x0)) * plotW;
  const py = (v: number) => top + (1 - (v - y0) / (y1 - y0)) * plotH;

  const out: string[] = [];
  const label = options.title ?? curves.map(c => c.label).join(', ');
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(label)}" font-family="sans-serif" font-size="${FONT}">`,
  );
  out.push(`<title>${escapeXml(label)}</title>`);
  // Same geometry ⇒ same id: identical rects, so charts inlined into one document cannot clip each other wrongly.
  const clipId = `ll-clip-${left}-${top}-${Math.round(plotW)}-${Math.round(plotH)}`;
  out.push(
    `<defs><clipPath id="${clipId}"><rect x="${left}" y="${top}" width="${round(plotW)}" height="${round(plotH)}"/></clipPath></defs>`,
  );
  if (options.background) out.push(`<rect width="${width}" height="${height}" fill="${options.background}"/>`);

  // Grid, zero lines and tick labels.
  const xTicks = niceTicks(x0, x1, Math.max(2, Math.floor(plotW / 60)));
  const yTicks = niceTicks(y0, y1, Math.max(2, Math.floor(plotH / 35)));
  const xStep = xTicks.length > 1 ? xTicks[1] - xTicks[0] : x1 - x0;
  const yStep = yTicks.length > 1 ? yTicks[1] - yTicks[0] : y1 - y0;
  out.push(`<g stroke="${INK}" stroke-opacity="0.25" stroke-width="1">`);
  for (const t of xTicks) out.push(`<line x1="${round(px(t))}" y1="${top}" x2="${round(px(t))}" y2="${round(top + plotH)}"/>`);
  for (const t of yTicks) out.push(`<line x1="${left}" y1="${round(py(t))}" x2="${round(left + plotW)}" y2="${round(py(t))}"/>`);
  out.push('</g>');
  out.push(`<g stroke="${INK}" stroke-opacity="0.7" stroke-width="1">`);
  if (y0 < 0 && y1 > 0) out.push(`<line x1="${left}" y1="${round(py(0))}" x2="${round(left + plotW)}" y2="${round(py(0))}"/>`);
  if (x0 < 0 && x1 > 0) out.push(`<line x1="${round(px(0))}" y1="${top}" x2="${round(px(0))}" y2="${round(top + plotH)}"/>`);
  out.push(`<rect x="${left}" y="${top}" width="${round(plotW)}" height="${round(plotH)}" fill="none"/>`);
  out.push('</g>');
  out.push(`<g fill="${INK}">`);
  for (const t of xTicks) {
    out.push(
      `<text x="${round(px(t))}" y="${round(top + plotH + FONT + 3)}" text-anchor="middle">${escapeXml(formatTick(t, xStep))}</text>`,
    );
  }
  for (const t of yTicks) {
    out.push(`<text x="${left - 4}" y="${round(py(t) + FONT / 3)}" text-anchor="end">${escapeXml(formatTick(t, yStep))}</text>`);
  }
  if (options.title)
    out.push(
      `<text x="${round(left + plotW / 2)}" y="${FONT + 5}" text-anchor="middle" font-weight="bold">${escapeXml(options.title)}</text>`,
    );
  let lineY = top + plotH + FONT + 3;
  if (options.xLabel) {
    lineY += FONT + 3;
    out.push(`<text x="${round(left + plotW / 2)}" y="${round(lineY)}" text-anchor="middle">${escapeXml(options.xLabel)}</text>`);
  }
  if (options.caption) {
    lineY += FONT + 3;
    out.push(
      `<text x="${round(left + plotW / 2)}" y="${round(lineY)}" text-anchor="middle" font-style="italic">${escapeXml(options.caption)}</text>`,
    );
  }
  if (options.yLabel) {
    const cy = round(top + plotH / 2);
    out.push(`<text x="12" y="${cy}" text-anchor="middle" transform="rotate(-90 12 ${cy})">${escapeXml(options.yLabel)}</text>`);
  }
  out.push('</g>');

  // Series: a new subpath after every non-finite point, so gaps stay gaps.
  out.push(`<g clip-path="url(#${clipId})" fill="none" stroke-width="2" stroke-linejoin="round" stroke-linecap="round">`);
  curves.forEach((s, i) => {
    const parts: string[] = [];
    let pen = false;
    const n = Math.min(s.x.length, s.y.length);
    for (let k = 0; k < n; k++) {
      const xv = s.x[k];
      const yv = s.y[k];
      if (!Number.isFinite(xv) || !Number.isFinite(yv)) {
        pen = false;
        continue;
      }
      parts.push(`${pen ? 'L' : 'M'}${round(clampCoord(px(xv)))} ${round(clampCoord(py(yv)))}`);
      pen = true;
    }
    if (parts.length === 0) return;
    const dash = s.dashed ? ' stroke-dasharray="5 3"' : '';
    out.push(`<path d="${parts.join('')}" stroke="${colors[i]}"${dash}/>`);
  });
  out.push('</g>');

  const showLegend = options.legend ?? curves.some(c => c.label.length > 0);
  if (showLegend && curves.length > 0) {
    const boxW = 28 + Math.max(...curves.map(c => c.label.length)) * FONT * 0.6;
    const boxH = 8 + curves.length * (FONT + 4);
    const corner = quietestCorner(curves, px, py, { left, top, w: plotW, h: plotH }, boxW, boxH);
    out.push(`<g fill="${INK}">`);
    curves.forEach((s, i) => {
      const ly = corner.y + 8 + i * (FONT + 4);
      const lx = corner.x + 8;
      const dash = s.dashed ? ' stroke-dasharray="5 3"' : '';
      out.push(
        `<line x1="${round(lx)}" y1="${round(ly)}" x2="${round(lx + 16)}" y2="${round(ly)}" stroke="${colors[i]}" stroke-width="2"${dash}/>`,
      );
      out.push(`<text x="${round(lx + 20)}" y="${round(ly + FONT / 3)}">${escapeXml(s.label)}</text>`);
    });
    out.push('</g>');
  }
  out.push('</svg>');
  return out.join('');
}

interface Box {
  left: number;
  top: number;
  w: number;
  h: number;
}

/** The plot corner whose legend-sized box covers the fewest data points (top corners win ties). */
function quietestCorner(
  curves: readonly SvgSeries[],
  px: (v: number) => number,
  py: (v: number) => number,
  plot: Box,
  boxW: number,
  boxH: number,
): { x: number; y: number } {
  const corners = [
    { x: plot.left, y: plot.top },
    { x: plot.left + plot.w - boxW, y: plot.top },
    { x: plot.left, y: plot.top + plot.h - boxH },
    { x: plot.left + plot.w - boxW, y: plot.top + plot.h - boxH },
  ];
  const hits = corners.map(() => 0);
  for (const s of curves) {
    const n = Math.min(s.x.length, s.y.length);
    for (let k = 0; k < n; k++) {
      const X = px(s.x[k]);
      const Y = py(s.y[k]);
      if (!Number.isFinite(X) || !Number.isFinite(Y)) continue;
      corners.forEach((c, j) => {
        if (X >= c.x && X <= c.x + boxW && Y >= c.y && Y <= c.y + boxH) hits[j]++;
      });
    }
  }
  let best = 0;
  for (let j = 1; j < corners.length; j++) if (hits[j] < hits[best]) best = j;
  return corners[best];
}
