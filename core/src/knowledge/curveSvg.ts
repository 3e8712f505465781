// One call from a loss id to a hover-ready chart: loss and gradient along the natural axis, with the
// parameter values in the caption.
import { getCatalogEntry } from './catalog';
import { curve, curveInfo } from './curve';
import { renderSvg, type RenderSvgOptions } from './svg/renderSvg';
import { formatValue } from './svg/ticks';
import type { CurveRange, LossId } from './types';

export function curveSvg(id: LossId, params?: Record<string, number>, range?: CurveRange, options: RenderSvgOptions = {}): string {
  const c = curve(id, params, range);
  const info = curveInfo(id);
  const entry = getCatalogEntry(id)!;
  const values = entry.params.map(p => `${p.name} = ${formatValue(params?.[p.name] ?? p.default)}`).join(', ');
  return renderSvg(
    [
      { label: 'loss', x: c.x, y: c.loss },
      { label: 'gradient d loss/dx', x: c.x, y: c.grad, dashed: true },
    ],
    { title: entry.title, xLabel: info.xLabel, caption: values || undefined, ...options },
  );
}

/** The same chart as a data URI for Markdown images (hover). */
export function curveSvgDataUri(id: LossId, params?: Record<string, number>, range?: CurveRange, options?: RenderSvgOptions): string {
  return svgDataUri(curveSvg(id, params, range, options));
}

/** base64 data URI of an SVG string (UTF-8). Hand-rolled: core compiles without DOM or Node typings. */
export function svgDataUri(svg: string): string {
  return `data:image/svg+xml;base64,${base64(utf8(svg))}`;
}

function utf8(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64(bytes: number[]): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i];
    const b = i + 1 < bytes.length ? bytes[i + 1] : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2] : 0;
    const v = (a << 16) | (b << 8) | c;
    s += B64[(v >> 18) & 63] + B64[(v >> 12) & 63];
    s += i + 1 < bytes.length ? B64[(v >> 6) & 63] : '=';
    s += i + 2 < bytes.length ? B64[v & 63] : '=';
  }
  return s;
}
