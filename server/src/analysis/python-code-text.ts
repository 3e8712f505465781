// The part of a Python source that can run: its text without comments and without docstrings (a
// string literal that is a whole statement has no effect). Framework internals mention "loss" and
// "softmax" mostly in prose; the relevance pre-check (./relevance.ts) looks for rule words in code.
//
// A lexer, not a parser: strings (every prefix, triple quotes, f-strings with nested quotes inside
// their braces), comments, bracket depth and line continuations. Where it is unsure, it keeps text:
// keeping prose costs a parse, dropping code could lose a finding.

const NL = 10,
  CR = 13,
  HASH = 35,
  BACKSLASH = 92,
  SQ = 39,
  DQ = 34,
  SEMI = 59;
const LBRACE = 123,
  RBRACE = 125;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 12;
}

function isPrefixLetter(c: number): boolean {
  // r b u f t (any case)
  return c === 114 || c === 82 || c === 98 || c === 66 || c === 117 || c === 85 || c === 102 || c === 70 || c === 116 || c === 84;
}

function isIdentChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c >= 128;
}

/** Where a string literal starts at `i` (after an optional prefix), or -1. */
function stringQuoteAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === SQ || c === DQ) return i;
  // A prefix is at most two letters and must not continue an identifier (`elif"…"` has none).
  if (!isPrefixLetter(c) || (i > 0 && isIdentChar(text.charCodeAt(i - 1)))) return -1;
  let j = i + 1;
  if (j < text.length && isPrefixLetter(text.charCodeAt(j))) j++;
  const q = text.charCodeAt(j);
  return q === SQ || q === DQ ? j : -1;
}

// Where the scan of a string stops: its quote, a backslash, and a line break (single-quoted) or a brace (f-strings).
const STOPS = new Map<string, RegExp>();
function stopsOf(quote: number, triple: boolean, f: boolean): RegExp {
  const key = `${quote}${triple ? 't' : ''}${f ? 'f' : ''}`;
  let re = STOPS.get(key);
  if (!re) STOPS.set(key, (re = new RegExp(`[${quote === SQ ? "'" : '"'}\\\\${triple ? '' : '\\n\\r'}${f ? '{' : ''}]`, 'g')));
  return re;
}

/** The end (exclusive) of the string literal whose quote is at `q`; `f`: an f-string (braces hold code). */
function stringEnd(text: string, q: number, f: boolean): number {
  const quote = text.charCodeAt(q);
  const triple = text.charCodeAt(q + 1) === quote && text.charCodeAt(q + 2) === quote;
  const stops = stopsOf(quote, triple, f);
  let from = q + (triple ? 3 : 1);
  for (;;) {
    stops.lastIndex = from;
    const m = stops.exec(text);
    if (m === null) return text.length;
    const i = m.index;
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) {
      from = i + 2;
    } else if (c === quote) {
      if (!triple) return i + 1;
      if (text.charCodeAt(i + 1) === quote && text.charCodeAt(i + 2) === quote) return i + 3;
      from = i + 1;
    } else if (c === NL || c === CR) {
      return i; // unterminated: the line ends it
    } else if (text.charCodeAt(i + 1) === LBRACE) {
      from = i + 2; // `{{` is a literal brace
    } else {
      // A field may hold strings (using this same regex): `from` is set again after it.
      from = replacementFieldEnd(text, i + 1);
    }
  }
}

/** The end of an f-string's `{…}` field starting after `{`: nested brackets and strings skipped. */
function replacementFieldEnd(text: string, i: number): number {
  let depth = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    const q = stringQuoteAt(text, i);
    if (q >= 0) {
      i = stringEnd(text, q, isFormatPrefix(text, i, q));
      continue;
    }
    if (c === LBRACE || c === 40 || c === 91) depth++;
    else if (c === 41 || c === 93) depth--;
    else if (c === RBRACE) {
      if (depth === 0) return i + 1;
      depth--;
    }
    i++;
  }
  return text.length;
}

function isFormatPrefix(text: string, from: number, q: number): boolean {
  for (let k = from; k < q; k++) {
    const c = text.charCodeAt(k);
    if (c === 102 || c === 70 || c === 116 || c === 84) return true;
  }
  return false;
}

/** Where the main scan stops: strings, comments, continuations, line breaks, brackets and `;`. */
const SPECIAL = /["'#\\\n\r()[\]{};]/g;
const LINE_END = /[\n\r]/g;

/** `text` without comments and statement-level string literals (docstrings); everything else kept. */
export function pythonCodeText(text: string): string {
  const kept: string[] = [];
  const n = text.length;
  let from = 0; // start of the text not yet copied
  let depth = 0;
  // Where the current logical line starts (after a line break outside brackets, or a `;`): a string
  // starts a statement when only blanks come between.
  let lineStart = 0;
  let codeSeenFrom = -1; // lineStart of a line known to have code before a string
  let i = 0;
  while (i < n) {
    SPECIAL.lastIndex = i;
    const m = SPECIAL.exec(text);
    if (m === null) break;
    i = m.index;
    const c = text.charCodeAt(i);
    if (c === NL || c === CR) {
      if (depth === 0) lineStart = i + 1;
      i++;
    } else if (c === BACKSLASH) {
      // A continuation joins the next line to this one: it starts no statement.
      i += 2;
      if (text.charCodeAt(i - 1) === CR && text.charCodeAt(i) === NL) i++;
    } else if (c === HASH) {
      kept.push(text.slice(from, i));
      LINE_END.lastIndex = i;
      const e = LINE_END.exec(text);
      i = from = e === null ? n : e.index;
    } else if (c === SQ || c === DQ) {
      const p = prefixStart(text, i);
      const f = isFormatPrefix(text, p, i);
      let end = stringEnd(text, i, f);
      if (depth === 0 && codeSeenFrom !== lineStart) {
        if (!isBlank(text, lineStart, p)) codeSeenFrom = lineStart;
        else {
          // Adjacent literals concatenate: the statement is every one of them.
          let j = skipBlanks(text, end);
          for (let q2 = stringQuoteAt(text, j); q2 >= 0; q2 = stringQuoteAt(text, j)) {
            end = stringEnd(text, q2, isFormatPrefix(text, j, q2));
            j = skipBlanks(text, end);
          }
          const after = text.charCodeAt(j);
          if (j >= n || after === NL || after === CR || after === HASH || after === SEMI) {
            kept.push(text.slice(from, p));
            from = end;
          }
          codeSeenFrom = lineStart;
        }
      }
      i = end;
    } else {
      if (c === 40 || c === 91 || c === LBRACE) depth++;
      else if (c === SEMI) {
        if (depth === 0) lineStart = i + 1;
      } else if (depth > 0) depth--;
      i++;
    }
  }
  kept.push(text.slice(from));
  return kept.join('');
}

/** Where the string literal whose quote is at `q` starts: its one- or two-letter prefix, if any. */
function prefixStart(text: string, q: number): number {
  for (let len = 2; len >= 1; len--) {
    const p = q - len;
    if (p < 0) continue;
    let ok = true;
    for (let k = p; k < q; k++) if (!isPrefixLetter(text.charCodeAt(k))) ok = false;
    if (ok && !(p > 0 && isIdentChar(text.charCodeAt(p - 1)))) return p;
  }
  return q;
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!isSpace(text.charCodeAt(k))) return false;
  return true;
}

function skipBlanks(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}
