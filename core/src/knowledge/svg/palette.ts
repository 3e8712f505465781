// Mid-tone colours chosen to keep a contrast ratio of at least 3:1 against both a white and a #1e1e1e
// background, because hover images are <img> data URIs: the editor theme's colour (and currentColor)
// never reaches them. Checked in test/unit/core/svg.test.ts.
export const SERIES_PALETTE: readonly string[] = ['#2f7fe0', '#d9730d', '#1f9d55', '#9b5de5', '#d9534f', '#0d9488'];
export const INK = '#808080';

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance(hex: string): number {
  const h = hex.replace('#', '');
  const full =
    h.length === 3
      ? h
          .split('')
          .map(ch => ch + ch)
          .join('')
      : h.slice(0, 6);
  const [r, g, b] = [0, 2, 4].map(i => channel(parseInt(full.slice(i, i + 2), 16)));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two #rgb / #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

export function isHexColor(c: string): boolean {
  return /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(c);
}
