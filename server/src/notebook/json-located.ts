// A JSON parser that remembers where every value is in the text: a notebook's cell sources are
// rewritten in place (the rest of the file stays byte for byte) and findings are reported at the
// line of the .ipynb file that holds the cell's line.

export type JsonNode =
  | { kind: 'object'; start: number; end: number; entries: JsonEntry[] }
  | { kind: 'array'; start: number; end: number; items: JsonNode[] }
  | { kind: 'string'; start: number; end: number; value: string }
  | { kind: 'number'; start: number; end: number; value: number }
  | { kind: 'boolean'; start: number; end: number; value: boolean }
  | { kind: 'null'; start: number; end: number; value: null };

export interface JsonEntry {
  key: string;
  keyStart: number;
  value: JsonNode;
}

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/**
 * How deep arrays and objects may nest. Notebooks nest a few levels (widget states a few dozen); the
 * parser recurses once per level, and a hostile file nesting 8,000 deep overflowed the stack with a
 * RangeError that aborted the whole run. Deeper input is a syntax error of that one file.
 */
export const MAX_JSON_DEPTH = 512;

/** Parses strict JSON (RFC 8259); a leading byte-order mark is allowed. Throws JsonSyntaxError. */
export function parseJsonLocated(text: string): JsonNode {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fail = (what: string): never => {
    throw new JsonSyntaxError(
      i >= text.length ? `unexpected end of file, expected ${what}` : `unexpected ${describe(text[i])}, expected ${what}`,
      i,
    );
  };
  const ws = () => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  const str = (): { value: string; start: number; end: number } => {
    const start = i;
    if (text[i] !== '"') fail('a string');
    i++;
    let value = '';
    let from = i;
    for (;;) {
      if (i >= text.length) {
        i = start;
        throw new JsonSyntaxError('unterminated string', start);
      }
      const c = text.charCodeAt(i);
      if (c === 34) break;
      if (c < 0x20) throw new JsonSyntaxError('control character in a string', i);
      if (c !== 92) {
        i++;
        continue;
      }
      value += text.slice(from, i);
      const e = text[i + 1];
      const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
      if (e !== undefined && e in simple) {
        value += simple[e];
        i += 2;
      } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
        value += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
        i += 6;
      } else throw new JsonSyntaxError('invalid escape in a string', i);
      from = i;
    }
    value += text.slice(from, i);
    i++;
    return { value, start, end: i };
  };
  const value = (depth: number): JsonNode => {
    ws();
    const start = i;
    const c = text[i];
    if ((c === '{' || c === '[') && depth >= MAX_JSON_DEPTH)
      throw new JsonSyntaxError(`arrays and objects nested deeper than ${MAX_JSON_DEPTH} levels`, i);
    if (c === '{') {
      i++;
      const entries: JsonEntry[] = [];
      ws();
      if (text[i] === '}') {
        i++;
        return { kind: 'object', start, end: i, entries };
      }
      for (;;) {
        ws();
        const k = str();
        ws();
        if (text[i] !== ':') fail("':'");
        i++;
        entries.push({ key: k.value, keyStart: k.start, value: value(depth + 1) });
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return { kind: 'object', start, end: i, entries };
        }
        fail("',' or '}'");
      }
    }
    if (c === '[') {
      i++;
      const items: JsonNode[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return { kind: 'array', start, end: i, items };
      }
      for (;;) {
        items.push(value(depth + 1));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return { kind: 'array', start, end: i, items };
        }
        fail("',' or ']'");
      }
    }
    if (c === '"') {
      const s = str();
      return { kind: 'string', start: s.start, end: s.end, value: s.value };
    }
    const lit = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (!lit) return fail('a value');
    i += lit[0].length;
    const t = lit[0];
    if (t === 'true' || t === 'false') return { kind: 'boolean', start, end: i, value: t === 'true' };
    if (t === 'null') return { kind: 'null', start, end: i, value: null };
    return { kind: 'number', start, end: i, value: Number(t) };
  };
  const root = value(0);
  ws();
  if (i < text.length) fail('the end of the file');
  return root;
}

function describe(c: string): string {
  return /\s/.test(c) ? `whitespace (U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')})` : `'${c}'`;
}

export function member(node: JsonNode | undefined, key: string): JsonNode | undefined {
  if (node?.kind !== 'object') return undefined;
  // JSON allows repeated keys; like JSON.parse, the last one wins.
  for (let k = node.entries.length - 1; k >= 0; k--) if (node.entries[k].key === key) return node.entries[k].value;
  return undefined;
}

/**
 * The offset in the JSON text of the character at `index` of a string token's decoded value
 * (escapes such as `\n` and `\u00e9` count as one decoded character).
 */
export function rawOffsetInString(text: string, token: { start: number; end: number }, index: number): number {
  let i = token.start + 1;
  let decoded = 0;
  const last = token.end - 1;
  while (i < last && decoded < index) {
    if (text.charCodeAt(i) === 92) i += text[i + 1] === 'u' ? 6 : 2;
    else i++;
    decoded++;
  }
  return Math.min(i, last);
}
