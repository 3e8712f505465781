// A tiny template language for loss snippets, so the table stays readable and parameter defaults come
// from the catalog (one source of truth) instead of being typed twice:
//   {{gamma}}   a hyperparameter of the loss: a tab stop holding the catalog default
//   [[logits]]  a name the user will rename: a tab stop holding that text
// Repeats of one {{…}} or [[…]] share a tab stop, so renaming `logits` once renames it everywhere.
// No vscode import: compiled in Node for the unit tests.
import type { LossParam } from '../../../../core/src/knowledge';

export type SnippetLanguage = 'python' | 'javascript';

export interface CompiledSnippet {
  /** VS Code snippet syntax: ${n:default} tab stops, $0 at the end. */
  snippet: string;
  /** The same code with every tab stop replaced by its default (clipboard, syntax checks). */
  plain: string;
}

const TOKEN = /\{\{([A-Za-z]\w*)\}\}|\[\[([^\]\n]+)\]\]/g;

/** Escapes text for VS Code's snippet syntax, where `$`, `}` and `\` are special. */
export function escapeSnippetText(text: string): string {
  return text.replace(/[\\$}]/g, c => `\\${c}`);
}

/** How a default is written: Python floats keep a `.0` (torch keyword arguments are floats); integer-only parameters stay integers. */
export function formatNumber(value: number, language: SnippetLanguage, integer: boolean): string {
  if (integer || language === 'javascript') return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
  return Number.isInteger(value) ? value.toFixed(1) : String(Number(value.toPrecision(6)));
}

function isIntegerParam(p: LossParam): boolean {
  return p.step === 1 || p.name === 'p';
}

/**
 * Compiles a template. Throws when it names a parameter the catalog entry does not have, so a typo in
 * the table fails the unit tests instead of producing a snippet with a hole in it.
 */
export function compileTemplate(
  template: string,
  params: readonly LossParam[],
  language: SnippetLanguage,
  values: Readonly<Record<string, number>> = {},
): CompiledSnippet {
  const numbers = new Map<string, number>();
  let snippet = '';
  let plain = '';
  let at = 0;
  for (const m of template.matchAll(TOKEN)) {
    const literal = template.slice(at, m.index);
    snippet += escapeSnippetText(literal);
    plain += literal;
    at = m.index + m[0].length;
    let key: string;
    let text: string;
    if (m[1] !== undefined) {
      const param = params.find(p => p.name === m[1]);
      if (!param) throw new Error(`snippet template uses {{${m[1]}}}, which is not a parameter of this loss`);
      const v = values[param.name];
      text = formatNumber(typeof v === 'number' && Number.isFinite(v) ? v : param.default, language, isIntegerParam(param));
      key = `param:${param.name}`;
    } else {
      text = m[2];
      key = `name:${text}`;
    }
    let n = numbers.get(key);
    if (n === undefined) {
      n = numbers.size + 1;
      numbers.set(key, n);
    }
    snippet += `\${${n}:${escapeSnippetText(text)}}`;
    plain += text;
  }
  const rest = template.slice(at);
  snippet += escapeSnippetText(rest) + '$0';
  plain += rest;
  return { snippet, plain };
}
