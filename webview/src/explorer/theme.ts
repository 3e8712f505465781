// Colours for canvas drawing, read from VS Code's theme variables. The canvas cannot use CSS variables,
// so the charts are rebuilt whenever VS Code switches the theme (it changes the body class).
import { SERIES_PALETTE } from '../../../core/src/index';

export interface ThemeColors {
  kind: 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';
  foreground: string;
  background: string;
  grid: string;
  axis: string;
  fontFamily: string;
  series: string[];
}

function cssVar(style: CSSStyleDeclaration, name: string, fallback: string): string {
  const v = style.getPropertyValue(name).trim();
  return v || fallback;
}

export function themeKind(body: HTMLElement): ThemeColors['kind'] {
  if (body.classList.contains('vscode-high-contrast-light')) return 'high-contrast-light';
  if (body.classList.contains('vscode-high-contrast')) return 'high-contrast';
  if (body.classList.contains('vscode-dark')) return 'dark';
  return 'light';
}

export function readTheme(): ThemeColors {
  const style = getComputedStyle(document.body);
  const kind = themeKind(document.body);
  const dark = kind === 'dark' || kind === 'high-contrast';
  const foreground = cssVar(style, '--vscode-editor-foreground', dark ? '#cccccc' : '#333333');
  const contrast = kind.startsWith('high-contrast');
  return {
    kind,
    foreground,
    background: cssVar(style, '--vscode-editor-background', dark ? '#1e1e1e' : '#ffffff'),
    grid: contrast ? cssVar(style, '--vscode-contrastBorder', foreground) : dark ? 'rgba(255,255,255,0.12)' : 'rgba(0,0,0,0.1)',
    axis: dark ? 'rgba(255,255,255,0.45)' : 'rgba(0,0,0,0.45)',
    fontFamily: cssVar(style, '--vscode-font-family', 'system-ui, sans-serif'),
    // The core palette keeps ≥ 3:1 contrast on white and on #1e1e1e; series beyond six reuse it dashed.
    series: [...SERIES_PALETTE],
  };
}

export function onThemeChange(callback: () => void): void {
  new MutationObserver(callback).observe(document.body, { attributes: true, attributeFilter: ['class'] });
}
