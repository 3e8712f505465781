// Chart exports. A webview cannot download files: the page builds the content and posts it to the
// extension, which asks where to save it. The SVG is core's renderer (the same drawing as the hover
// images), so exported charts look the same in every theme and need nothing from the page.
import { renderSvg, svgDataUri, type SvgSeries } from '../../../core/src/index';
import type { PlotData } from './plot-data';

const WIDTH = 760;
const HEIGHT = 320;

function column(values: (number | null)[]): number[] {
  return values.map(v => (v === null ? NaN : v));
}

/** Loss chart above the gradient chart, in one self-contained SVG document. */
export function toSvg(data: PlotData, colors: readonly string[], title: string): string {
  const chart = (pick: 'loss' | 'grad', yLabel: string, chartTitle: string | undefined) => {
    const series: SvgSeries[] = data.columns.map((c, i) => ({
      label: c.label,
      x: data.x,
      y: column(c[pick]),
      color: colors[i % colors.length],
      dashed: i >= colors.length,
    }));
    return renderSvg(series, {
      width: WIDTH,
      height: HEIGHT,
      title: chartTitle,
      xLabel: data.xLabel,
      yLabel,
      xMin: data.range.min,
      xMax: data.range.max,
    });
  };
  const nest = (svg: string, y: number) => svg.replace(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" /, `<svg x="0" y="${y}" `);
  const top = chart('loss', 'loss', title);
  const bottom = chart('grad', 'd loss / dx', undefined);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${2 * HEIGHT}" viewBox="0 0 ${WIDTH} ${2 * HEIGHT}">` +
    nest(top, 0) +
    nest(bottom, HEIGHT) +
    '</svg>'
  );
}

/** The SVG rasterised at 2× on an opaque background, as a PNG data URL. */
export async function toPng(svg: string, background: string): Promise<string> {
  const img = new Image();
  img.src = svgDataUri(svg);
  await img.decode();
  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH * scale;
  canvas.height = 2 * HEIGHT * scale;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/png');
}

/** A file-name-safe stem: "Huber loss" → "huber-loss". */
export function fileStem(text: string): string {
  const stem = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return stem || 'loss-explorer';
}
