// `# losslens: ignore[LL001]` / `// losslens: ignore[LL001, LL003]` on the line where a finding
// starts (no codes: every rule), and `losslens: ignore-file` (optionally with codes) anywhere.
import type { Span } from '../ir';
import { lineOfOffset } from '../base/line-index';

export interface SuppressedCode {
  code: string;
  span: Span;
}

export interface Suppression {
  kind: 'line' | 'file';
  /** 0-based line of the comment. */
  line: number;
  /** null: every rule */
  codes: SuppressedCode[] | null;
  /** The `losslens: ignore…` directive text. */
  span: Span;
}

const DIRECTIVE = /(?:#|\/\/)[ \t]*losslens[ \t]*:[ \t]*(ignore-file|ignore)(?![\w-])(?:[ \t]*\[([^\]\r\n]*)\])?/g;

export function parseSuppressions(text: string, starts: readonly number[]): Suppression[] {
  if (!text.includes('losslens')) return [];
  const out: Suppression[] = [];
  DIRECTIVE.lastIndex = 0;
  for (let m = DIRECTIVE.exec(text); m; m = DIRECTIVE.exec(text)) {
    const directiveStart = m.index + m[0].indexOf('losslens');
    let codes: SuppressedCode[] | null = null;
    if (m[2] !== undefined) {
      codes = [];
      const listStart = m.index + m[0].lastIndexOf('[') + 1;
      const re = /[A-Za-z0-9_-]+/g;
      for (let c = re.exec(m[2]); c; c = re.exec(m[2])) {
        codes.push({ code: c[0].toUpperCase(), span: { start: listStart + c.index, end: listStart + c.index + c[0].length } });
      }
      if (codes.length === 0) codes = null;
    }
    out.push({
      kind: m[1] === 'ignore-file' ? 'file' : 'line',
      line: lineOfOffset(starts, m.index),
      codes,
      span: { start: directiveStart, end: m.index + m[0].length },
    });
  }
  return out;
}
