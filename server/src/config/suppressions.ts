// `# losslens: ignore[LL001]` / `// losslens: ignore[LL001, LL003]` on the line where a finding
// starts (no codes: every rule), and `losslens: ignore-file` (optionally with codes) anywhere; also
// flake8/Ruff's `# noqa: LL001` (`parseNoqa`).
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
  /** The `losslens: ignore…` directive text (`noqa…` for a noqa comment). */
  span: Span;
  /** A `# noqa` comment, not a `losslens:` directive (a bare one is never reported as unused: other tools read it too). */
  noqa?: boolean;
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

/**
 * A flake8/Ruff `# noqa` comment (`// noqa` in TS/JS): `codes` are the LossLens ids it names (codes of
 * other tools, such as `E501`, are not LossLens's business and are dropped), null for a bare `# noqa`.
 */
export interface NoqaComment {
  /** 0-based line of the comment. */
  line: number;
  codes: SuppressedCode[] | null;
  span: Span;
}

// `# noqa`, `# NOQA`, `# noqa: E501`, `# noqa:LL001,LL005`, `# noqa: LL001 LL005` (Ruff's forms).
const NOQA = /(?:#|\/\/)[ \t]*noqa(?![\w-])(?:[ \t]*:[ \t]*([A-Za-z]+[0-9]+(?:[ \t]*,?[ \t]*[A-Za-z]+[0-9]+)*))?/gi;
const LL_CODE = /^LL\d{3}$/;

/** The `noqa` comments of `text` that concern LossLens: bare ones and those naming an LL rule. */
export function parseNoqa(text: string, starts: readonly number[]): NoqaComment[] {
  if (!/noqa/i.test(text)) return [];
  const out: NoqaComment[] = [];
  NOQA.lastIndex = 0;
  for (let m = NOQA.exec(text); m; m = NOQA.exec(text)) {
    const line = lineOfOffset(starts, m.index);
    const span = { start: m.index + m[0].search(/noqa/i), end: m.index + m[0].length };
    if (m[1] === undefined) {
      out.push({ line, codes: null, span });
      continue;
    }
    const listStart = m.index + m[0].length - m[1].length;
    const codes: SuppressedCode[] = [];
    const re = /[A-Za-z]+[0-9]+/g;
    for (let c = re.exec(m[1]); c; c = re.exec(m[1])) {
      const code = c[0].toUpperCase();
      if (LL_CODE.test(code)) codes.push({ code, span: { start: listStart + c.index, end: listStart + c.index + c[0].length } });
    }
    if (codes.length) out.push({ line, codes, span });
  }
  return out;
}
