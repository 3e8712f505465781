// The part of a Python source that can run: its text without comments and without docstrings (a
// string literal that is a whole statement has no effect). Framework internals mention "loss" and
// "softmax" mostly in prose; the relevance pre-check (./relevance.ts) looks for rule words in code.
//
// A lexer, not a parser: strings (every prefix, triple quotes, f-strings with nested quotes inside
// their braces), comments, bracket depth and line continuations. Where it is unsure, it keeps text:
// keeping prose costs a parse, dropping code could lose a finding.

const NL = 10, CR = 13, HASH = 35, BACKSLASH = 92, SQ = 39, DQ = 34, SEMI = 59;
const LBRACE = 123, RBRACE = 125;

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

/** The end (exclusive) of the string literal whose quote is at `q`; `f`: an f-string (braces hold code). */
function stringEnd(text: string, q: number, f: boolean): number {
  const quote = text.charCodeAt(q);
  const triple = text.charCodeAt(q + 1) === quote && text.charCodeAt(q + 2) === quote;
  let i = q + (triple ? 3 : 1);
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) { i += 2; continue; }
    if (c === quote) {
      if (!triple) return i + 1;
      if (text.charCodeAt(i + 1) === quote && text.charCodeAt(i + 2) === quote) return i + 3;
    } else if ((c === NL || c === CR) && !triple) {
      return i; // unterminated: the line ends it
    } else if (f && c === LBRACE) {
      if (text.charCodeAt(i + 1) === LBRACE) { i += 2; continue; }
      i = replacementFieldEnd(text, i + 1);
      continue;
    }
    i++;
  }
  return text.length;
}

/** The end of an f-string's `{…}` field starting after `{`: nested brackets and strings skipped. */
function replacementFieldEnd(text: string, i: number): number {
  let depth = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    const q = stringQuoteAt(text, i);
    if (q >= 0) { i = stringEnd(text, q, isFormatPrefix(text, i, q)); continue; }
    if (c === LBRACE || c === 40 || c === 91) depth++;
    else if (c === 41 || c === 93) depth--;
    else if (c === RBRACE) { if (depth === 0) return i + 1; depth--; }
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

/** `text` without comments and statement-level string literals (docstrings); everything else kept. */
export function pythonCodeText(text: string): string {
  const kept: string[] = [];
  let from = 0; // start of the text not yet copied
  let depth = 0;
  // At the start of a logical line: only whitespace since the last newline outside brackets.
  let lineStart = true;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === NL || c === CR) {
      if (depth === 0) lineStart = true;
      i++;
      continue;
    }
    if (isSpace(c)) { i++; continue; }
    if (c === BACKSLASH) {
      // A continuation joins the next line to this one: it starts no statement.
      i += 2;
      if (text.charCodeAt(i - 1) === CR && text.charCodeAt(i) === NL) i++;
      lineStart = false;
      continue;
    }
    if (c === HASH) {
      kept.push(text.slice(from, i));
      while (i < n && text.charCodeAt(i) !== NL && text.charCodeAt(i) !== CR) i++;
      from = i;
      continue;
    }
    const q = stringQuoteAt(text, i);
    if (q >= 0) {
      const startsStatement = lineStart && depth === 0;
      let end = stringEnd(text, q, isFormatPrefix(text, i, q));
      if (startsStatement) {
        // Adjacent literals concatenate: the statement is every one of them.
        let j = skipBlanks(text, end);
        for (let q2 = stringQuoteAt(text, j); q2 >= 0; q2 = stringQuoteAt(text, j)) {
          end = stringEnd(text, q2, isFormatPrefix(text, j, q2));
          j = skipBlanks(text, end);
        }
        const after = text.charCodeAt(j);
        if (j >= n || after === NL || after === CR || after === HASH || after === SEMI) {
          kept.push(text.slice(from, i));
          from = end;
        }
      }
      lineStart = false;
      i = end;
      continue;
    }
    if (c === 40 || c === 91 || c === LBRACE) depth++;
    else if ((c === 41 || c === 93 || c === RBRACE) && depth > 0) depth--;
    else if (c === SEMI && depth === 0) { lineStart = true; i++; continue; }
    lineStart = false;
    i++;
  }
  kept.push(text.slice(from));
  return kept.join('');
}

function skipBlanks(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}
