// Python literal values from their source text (tree-sitter only gives ranges).

/** The value of a Python int/float literal; undefined for imaginary literals (`2j`) or nonsense. */
export function pythonNumberValue(raw: string): number | undefined {
  let s = raw.indexOf('_') >= 0 ? raw.replace(/_/g, '') : raw;
  const last = s.charCodeAt(s.length - 1);
  if (last === 106 || last === 74) return undefined; // j J: complex
  if (last === 108 || last === 76) s = s.slice(0, -1); // Python 2 long suffix
  // JS Number() understands the same 0x / 0o / 0b prefixes and float forms (`1e-3`, `.5`, `1.`).
  const v = Number(s);
  return Number.isNaN(v) ? undefined : v;
}

export interface StringPrefix {
  raw: boolean;
  bytes: boolean;
  format: boolean;
  /** Length of the prefix letters. */
  length: number;
}

export function stringPrefix(literal: string): StringPrefix {
  let raw = false;
  let bytes = false;
  let format = false;
  let j = 0;
  for (; j < literal.length && j < 3; j++) {
    const c = literal.charCodeAt(j) | 0x20; // lower-case ASCII letters
    if (c === 114)
      raw = true; // r
    else if (c === 98)
      bytes = true; // b
    else if (c === 102 || c === 116)
      format = true; // f, t (template strings)
    else if (c !== 117) break; // u
  }
  return { raw, bytes, format, length: j };
}

/** The decoded value of one plain (non-f) string literal, prefix and quotes included in `literal`. */
export function pythonStringValue(literal: string): string {
  const prefix = stringPrefix(literal);
  let i = prefix.length;
  const q = literal.charCodeAt(i);
  const triple = literal.charCodeAt(i + 1) === q && literal.charCodeAt(i + 2) === q && literal.length >= i + 6;
  const quoteLength = triple ? 3 : 1;
  i += quoteLength;
  let end = literal.length;
  // An unterminated literal (error recovery) has no closing quote to drop.
  const closing = literal.slice(end - quoteLength);
  if (end - quoteLength >= i && closing === literal.slice(prefix.length, prefix.length + quoteLength)) end -= quoteLength;
  const body = literal.slice(i, end);
  return prefix.raw || body.indexOf('\\') < 0 ? body : decodeEscapes(body, prefix.bytes);
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

function decodeEscapes(body: string, bytes: boolean): string {
  let out = '';
  let i = 0;
  while (i < body.length) {
    const bs = body.indexOf('\\', i);
    if (bs < 0 || bs === body.length - 1) {
      out += body.slice(i);
      break;
    }
    out += body.slice(i, bs);
    const c = body[bs + 1];
    i = bs + 2;
    const simple = SIMPLE_ESCAPES[c];
    if (simple !== undefined) {
      out += simple;
    } else if (c === '\n') {
      // line continuation inside the literal
    } else if (c === '\r') {
      if (body[i] === '\n') i++;
    } else if (c >= '0' && c <= '7') {
      let j = bs + 1;
      while (j < bs + 4 && j < body.length && body[j] >= '0' && body[j] <= '7') j++;
      out += String.fromCharCode(parseInt(body.slice(bs + 1, j), 8));
      i = j;
    } else if (c === 'x' || (!bytes && (c === 'u' || c === 'U'))) {
      const digits = c === 'x' ? 2 : c === 'u' ? 4 : 8;
      const hex = body.slice(i, i + digits);
      const code = /^[0-9a-fA-F]+$/.test(hex) && hex.length === digits ? parseInt(hex, 16) : NaN;
      if (Number.isNaN(code) || code > 0x10ffff) {
        out += '\\' + c;
      } else {
        out += String.fromCodePoint(code);
        i += digits;
      }
    } else {
      // Unknown escapes (and \N{...}, whose names need Unicode's name table) stay as written.
      out += '\\' + c;
    }
  }
  return out;
}
