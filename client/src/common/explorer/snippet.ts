// Snippets for "Insert snippet" and "Copy": the catalog's example code for the editor's framework, with
// the explorer's parameter values written in as tab stops. No vscode import, so it is unit-tested in Node.
import { getCatalogEntry } from '../../../../core/src/knowledge';
import type { SnippetFramework } from '../../../../webview/src/protocol';

export const FRAMEWORK_NAMES: Record<SnippetFramework, string> = { torch: 'PyTorch', keras: 'Keras', tfjs: 'TensorFlow.js' };

const TF_IMPORT = /^\s*(?:import\s+(?:tensorflow|keras)\b|from\s+(?:tensorflow|keras)\b)/m;
const TORCH_IMPORT = /^\s*(?:import\s+torch\b|from\s+torch\b)/m;

/** The framework a document is written for, from its language and imports; null when none applies. */
export function frameworkOf(languageId: string, text: string): SnippetFramework | null {
  switch (languageId) {
    case 'python':
      // A file importing only TensorFlow/Keras gets Keras snippets; everything else Python gets PyTorch.
      return TF_IMPORT.test(text) && !TORCH_IMPORT.test(text) ? 'keras' : 'torch';
    case 'javascript':
    case 'typescript':
    case 'javascriptreact':
    case 'typescriptreact':
      return 'tfjs';
    default:
      return null;
  }
}

function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, c => `_${c.toLowerCase()}`);
}

/** Escapes text for VS Code's snippet syntax, where $, } and \ are special. */
export function escapeSnippetText(text: string): string {
  return text.replace(/[\\$}]/g, c => `\\${c}`);
}

function formatValue(v: number): string {
  return Number.isInteger(v) ? v.toFixed(1) : String(Number(v.toPrecision(6)));
}

export interface Snippet {
  /** In VS Code snippet syntax: parameter values are tab stops, the end is $0. */
  snippet: string;
  /** Plain code with the same values, for the clipboard. */
  plain: string;
}

/**
 * The catalog snippet of lossId for framework with the given parameter values, or undefined when the
 * catalog has no such loss or no snippet for that framework.
 */
export function buildSnippet(lossId: string, framework: SnippetFramework, params: Readonly<Record<string, number>>): Snippet | undefined {
  const entry = getCatalogEntry(lossId);
  const code = entry?.snippets[framework];
  if (!entry || code === undefined) return undefined;
  // Find each hyperparameter written as a numeric keyword (torch/keras `gamma=2.0`) or object field
  // (TF.js `gamma: 2`); its first occurrence becomes a tab stop holding the explorer's value.
  const spots: { start: number; end: number; value: string }[] = [];
  for (const p of entry.params) {
    if (p.plotOnly) continue;
    const key = framework === 'tfjs' ? `${p.name}:\\s*` : `${snakeCase(p.name)}=`;
    const m = new RegExp(`(?<![\\w.])${key}(-?\\d+(?:\\.\\d+)?(?:e-?\\d+)?)\\b`).exec(code);
    if (!m) continue;
    const start = m.index + m[0].length - m[1].length;
    const v = params[p.name];
    spots.push({ start, end: start + m[1].length, value: typeof v === 'number' && Number.isFinite(v) ? formatValue(v) : m[1] });
  }
  spots.sort((a, b) => a.start - b.start);
  let snippet = '';
  let plain = '';
  let at = 0;
  spots.forEach((s, i) => {
    if (s.start < at) return;
    snippet += escapeSnippetText(code.slice(at, s.start)) + `\${${i + 1}:${escapeSnippetText(s.value)}}`;
    plain += code.slice(at, s.start) + s.value;
    at = s.end;
  });
  snippet += escapeSnippetText(code.slice(at)) + '\n$0';
  plain += code.slice(at) + '\n';
  return { snippet, plain };
}
