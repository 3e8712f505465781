// Serves the bundled explorer page the way the extension does (the same HTML, the same CSP, resources from
// one origin) on a loopback port, and opens it in Chromium with a stub acquireVsCodeApi that records
// what the page posts and keeps its state.
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { explorerHtml, makeNonce } from '../../client/src/common/explorer/html';

export type ThemeName = 'light' | 'dark' | 'high-contrast';

// A subset of the variables VS Code sets on a webview (values of Light+ / Dark+ / High Contrast).
const THEME_VARS: Record<ThemeName, Record<string, string>> = {
  light: {
    foreground: '#3b3b3b',
    'editor-foreground': '#3b3b3b',
    'editor-background': '#ffffff',
    descriptionForeground: '#717171',
    focusBorder: '#005fb8',
    'button-background': '#005fb8',
    'button-foreground': '#ffffff',
    'button-hoverBackground': '#0258a8',
    'button-secondaryBackground': '#e5e5e5',
    'button-secondaryForeground': '#3b3b3b',
    'button-secondaryHoverBackground': '#cccccc',
    'input-background': '#ffffff',
    'input-foreground': '#3b3b3b',
    'input-border': '#cecece',
    'panel-border': '#e5e5e5',
    'editorWidget-background': '#f8f8f8',
    'textLink-foreground': '#005fb8',
    'dropdown-background': '#ffffff',
    'dropdown-foreground': '#3b3b3b',
    'font-family': 'system-ui, "Ubuntu", "Droid Sans", sans-serif',
    'font-size': '13px',
    'editor-font-family': '"Droid Sans Mono", monospace',
  },
  dark: {
    foreground: '#cccccc',
    'editor-foreground': '#cccccc',
    'editor-background': '#1f1f1f',
    descriptionForeground: '#9d9d9d',
    focusBorder: '#0078d4',
    'button-background': '#0078d4',
    'button-foreground': '#ffffff',
    'button-hoverBackground': '#026ec1',
    'button-secondaryBackground': '#313131',
    'button-secondaryForeground': '#cccccc',
    'button-secondaryHoverBackground': '#3c3c3c',
    'input-background': '#313131',
    'input-foreground': '#cccccc',
    'input-border': '#3c3c3c',
    'panel-border': '#2b2b2b',
    'editorWidget-background': '#202020',
    'textLink-foreground': '#4daafc',
    'dropdown-background': '#313131',
    'dropdown-foreground': '#cccccc',
    'font-family': 'system-ui, "Ubuntu", "Droid Sans", sans-serif',
    'font-size': '13px',
    'editor-font-family': '"Droid Sans Mono", monospace',
  },
  'high-contrast': {
    foreground: '#ffffff',
    'editor-foreground': '#ffffff',
    'editor-background': '#000000',
    descriptionForeground: '#ffffff',
    focusBorder: '#f38518',
    contrastBorder: '#6fc3df',
    contrastActiveBorder: '#f38518',
    'button-background': '#000000',
    'button-foreground': '#ffffff',
    'input-background': '#000000',
    'input-foreground': '#ffffff',
    'input-border': '#6fc3df',
    'panel-border': '#6fc3df',
    'textLink-foreground': '#21a6ff',
    'font-family': 'system-ui, sans-serif',
    'font-size': '13px',
  },
};

const BODY_CLASS: Record<ThemeName, string> = { light: 'vscode-light', dark: 'vscode-dark', 'high-contrast': 'vscode-high-contrast' };

export function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) throw new Error('Chromium not found: set CHROMIUM_PATH or run `apt-get install -y chromium`');
  return found;
}

export interface ServedPage {
  origin: string;
  close(): Promise<void>;
}

/** The page and its resources on http://127.0.0.1:<port>; `/?theme=dark` picks the theme. */
export async function servePage(bundleDir = process.env.LOSSLENS_WEBVIEW_BUNDLE ?? ''): Promise<ServedPage> {
  if (!existsSync(join(bundleDir, 'explorer.js')))
    throw new Error(`no explorer bundle in '${bundleDir}': run through test/webview/run.mjs`);
  let origin = '';
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    const send = (status: number, type: string, body: string | Buffer) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (url.pathname === '/') {
      const theme = (url.searchParams.get('theme') ?? 'light') as ThemeName;
      if (!(theme in THEME_VARS)) return send(400, 'text/plain', 'bad theme');
      const html = explorerHtml({
        cspSource: origin,
        scriptUri: `${origin}/explorer.js`,
        styleUri: `${origin}/explorer.css`,
        nonce: makeNonce(),
      })
        // What VS Code adds around a webview: the theme class on <body> and the theme variables (here
        // as a stylesheet from the same origin, which the page's CSP allows like the extension's own).
        .replace('<body>', `<body class="${BODY_CLASS[theme]}">`)
        .replace('<link rel="stylesheet"', `<link rel="stylesheet" href="${origin}/theme-${theme}.css">\n<link rel="stylesheet"`);
      return send(200, 'text/html; charset=utf-8', html);
    }
    const themeCss = /^\/theme-([a-z-]+)\.css$/.exec(url.pathname);
    if (themeCss && themeCss[1] in THEME_VARS) {
      const vars = Object.entries(THEME_VARS[themeCss[1] as ThemeName])
        .map(([k, v]) => `  --vscode-${k}: ${v};`)
        .join('\n');
      return send(200, 'text/css', `:root {\n${vars}\n}\n`);
    }
    if (url.pathname === '/explorer.js') return send(200, 'text/javascript', readFileSync(join(bundleDir, 'explorer.js')));
    if (url.pathname === '/explorer.css') return send(200, 'text/css', readFileSync(join(bundleDir, 'explorer.css')));
    send(404, 'text/plain', 'not found');
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, close: () => new Promise<void>(resolve => server.close(() => resolve())) };
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

export interface PageRecord {
  posted: unknown[];
  state: unknown;
  csp: string[];
  errors: string[];
  warnings: string[];
}

export interface OpenOptions {
  theme?: ThemeName;
  state?: unknown;
  width?: number;
  height?: number;
}

/**
 * Opens the explorer in a fresh page. The stub API records posted messages in window.__posted and
 * the last setState in window.__state; CSP violations are collected in window.__csp.
 */
export async function openExplorer(
  browser: Browser,
  served: ServedPage,
  opts: OpenOptions = {},
): Promise<{ page: Page; errors: string[]; warnings: string[] }> {
  const page = await browser.newPage({ viewport: { width: opts.width ?? 1280, height: opts.height ?? 900 }, deviceScaleFactor: 1 });
  const errors: string[] = [];
  const warnings: string[] = [];
  page.on('pageerror', e => errors.push(String(e)));
  page.on('console', m => {
    if (m.type() === 'error') errors.push(m.text());
    if (m.type() === 'warning') warnings.push(m.text());
  });
  // Nothing may leave the loopback origin (no remote content).
  await page.route(
    url => !url.href.startsWith(served.origin),
    route => {
      errors.push(`request outside the page origin: ${route.request().url()}`);
      return route.abort();
    },
  );
  await page.addInitScript((initial: unknown) => {
    const w = window as unknown as Record<string, unknown>;
    const posted: unknown[] = [];
    const csp: string[] = [];
    let state: unknown = initial ?? undefined;
    w.__posted = posted;
    w.__csp = csp;
    w.__state = state;
    document.addEventListener('securitypolicyviolation', e => csp.push(`${e.violatedDirective}: ${e.blockedURI}`));
    w.acquireVsCodeApi = () => ({
      postMessage: (m: unknown) => posted.push(JSON.parse(JSON.stringify(m))),
      getState: () => state,
      setState: (s: unknown) => {
        state = JSON.parse(JSON.stringify(s));
        w.__state = state;
      },
    });
  }, opts.state ?? null);
  await page.goto(`${served.origin}/?theme=${opts.theme ?? 'light'}`);
  await page.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.some(m => m.type === 'ready'));
  return { page, errors, warnings };
}

export async function posted(page: Page): Promise<Record<string, unknown>[]> {
  return page.evaluate(() => (window as unknown as { __posted: Record<string, unknown>[] }).__posted);
}

export async function pageState(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(() => (window as unknown as { __state: Record<string, unknown> }).__state);
}

export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

/** Sends a message the way the extension does (window message event). */
export async function sendToPage(page: Page, message: unknown): Promise<void> {
  await page.evaluate(m => window.postMessage(m, '*'), message);
}

/** Clicks an export button and returns the message the page posted for it. */
export async function exportFrom(page: Page, format: 'svg' | 'png' | 'csv'): Promise<Record<string, unknown>> {
  const before = (await posted(page)).length;
  await page.click(`[data-export="${format}"]`);
  await page.waitForFunction(n => (window as unknown as { __posted: unknown[] }).__posted.length > n, before);
  const all = await posted(page);
  return all[all.length - 1];
}

export interface Csv {
  head: string[];
  rows: (number | null)[][];
}

export function parseCsv(text: string): Csv {
  const lines = text.trim().split('\n');
  const splitLine = (line: string): string[] => {
    const cells: string[] = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') {
          cur += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else cur += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') {
        cells.push(cur);
        cur = '';
      } else cur += ch;
    }
    cells.push(cur);
    return cells;
  };
  return {
    head: splitLine(lines[0]),
    rows: lines.slice(1).map(l => splitLine(l).map(c => (c === '' ? null : Number(c)))),
  };
}

/** Column j of the CSV as numbers (null where the loss is undefined). */
export function csvColumn(csv: Csv, j: number): (number | null)[] {
  return csv.rows.map(r => r[j]);
}
