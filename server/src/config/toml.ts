// A TOML reader sufficient for `pyproject.toml` and `losslens.toml`: comments, bare/quoted/dotted
// keys, basic/literal/multi-line strings, integers, floats, booleans, arrays, inline tables,
// [tables] and [[arrays of tables]]. Dates and times are kept as their source text (LossLens never
// reads them, but other tools' sections in pyproject.toml may contain them). Anything else is a
// TomlError carrying the 1-based line, so callers can point at the offending line.

export type TomlValue = string | number | boolean | TomlValue[] | TomlTable;
export interface TomlTable {
  [key: string]: TomlValue;
}

export class TomlError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'TomlError';
  }
}

export interface TomlDocument {
  root: TomlTable;
  /** 1-based line of every key, by dotted path (`tool.losslens.select`), for error messages. */
  lines: Map<string, number>;
}

const BARE_KEY = /[A-Za-z0-9_-]/;
/**
 * Keys that would reach an object's prototype machinery once a table is read by code that copies
 * or merges plain objects (`[__proto__]` once rewrote Object.prototype for the whole process).
 * Tables are null-prototype objects anyway; these keys are refused outright so no reader has to care.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A table with no prototype: `t.select` is only ever an own key. */
function newTable(): TomlTable {
  return Object.create(null) as TomlTable;
}
const DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:\d{2})?)?|^\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?/;

export function parseToml(text: string): TomlDocument {
  return new Parser(text).parseDocument();
}

class Parser {
  private pos = 0;
  private line = 1;
  private readonly root: TomlTable = newTable();
  private readonly lines = new Map<string, number>();
  /** Tables created by a header or a dotted key, which a later [header] must not reopen. */
  private readonly defined = new Set<TomlTable>();
  private readonly inlineTables = new Set<TomlTable>();
  private readonly tableArrays = new Set<TomlValue[]>();

  constructor(private readonly s: string) {}

  parseDocument(): TomlDocument {
    if (this.s.charCodeAt(0) === 0xfeff) this.pos = 1;
    let current = this.root;
    let currentPath: string[] = [];
    for (;;) {
      this.skipWhitespaceCommentsNewlines();
      if (this.pos >= this.s.length) break;
      const c = this.s[this.pos];
      if (c === '[') {
        const isArray = this.s[this.pos + 1] === '[';
        this.pos += isArray ? 2 : 1;
        this.skipInlineSpace();
        const keys = this.parseKey();
        this.skipInlineSpace();
        if (this.s[this.pos] !== ']' || (isArray && this.s[this.pos + 1] !== ']')) {
          throw this.error(`Expected '${isArray ? ']]' : ']'}' to close the table header`);
        }
        this.pos += isArray ? 2 : 1;
        this.expectEndOfLine();
        currentPath = keys;
        current = isArray ? this.openTableArray(keys) : this.openTable(keys);
      } else {
        this.parseKeyValue(current, currentPath);
        this.expectEndOfLine();
      }
    }
    return { root: this.root, lines: this.lines };
  }

  private openTable(keys: string[]): TomlTable {
    const parent = this.walkTables(keys.slice(0, -1));
    const last = keys[keys.length - 1];
    const existing = parent[last];
    const path = keys.join('.');
    if (existing === undefined) {
      const t: TomlTable = newTable();
      parent[last] = t;
      this.defined.add(t);
      this.lines.set(path, this.line);
      return t;
    }
    if (!isTable(existing) || this.defined.has(existing) || this.inlineTables.has(existing)) {
      throw this.error(`Table '${path}' is defined more than once`);
    }
    this.defined.add(existing);
    return existing;
  }

  private openTableArray(keys: string[]): TomlTable {
    const parent = this.walkTables(keys.slice(0, -1));
    const last = keys[keys.length - 1];
    let arr = parent[last];
    if (arr === undefined) {
      arr = [];
      parent[last] = arr;
      this.tableArrays.add(arr);
      this.lines.set(keys.join('.'), this.line);
    } else if (!Array.isArray(arr) || !this.tableArrays.has(arr)) {
      throw this.error(`'${keys.join('.')}' is not an array of tables`);
    }
    const t: TomlTable = newTable();
    arr.push(t);
    this.defined.add(t);
    return t;
  }

  /** Descends through (creating) intermediate tables; the last element of an array of tables is entered. */
  private walkTables(keys: string[]): TomlTable {
    let t = this.root;
    for (const k of keys) {
      let next = t[k];
      if (next === undefined) {
        next = newTable();
        t[k] = next;
      }
      if (Array.isArray(next) && this.tableArrays.has(next)) next = next[next.length - 1];
      if (!isTable(next) || this.inlineTables.has(next)) throw this.error(`Key '${k}' is not a table`);
      t = next;
    }
    return t;
  }

  private parseKeyValue(table: TomlTable, tablePath: string[]): void {
    const keyLine = this.line;
    const keys = this.parseKey();
    this.skipInlineSpace();
    if (this.s[this.pos] !== '=') throw this.error(`Expected '=' after key '${keys.join('.')}'`);
    this.pos++;
    this.skipInlineSpace();
    const value = this.parseValue();
    let t = table;
    for (const k of keys.slice(0, -1)) {
      let next = t[k];
      if (next === undefined) {
        next = newTable();
        t[k] = next;
        this.defined.add(next);
      }
      if (!isTable(next) || this.inlineTables.has(next)) throw this.error(`Key '${k}' is not a table`);
      t = next;
    }
    const last = keys[keys.length - 1];
    if (last in t) throw this.error(`Key '${[...tablePath, ...keys].join('.')}' is defined more than once`);
    t[last] = value;
    this.lines.set([...tablePath, ...keys].join('.'), keyLine);
  }

  private parseKey(): string[] {
    const keys: string[] = [];
    for (;;) {
      this.skipInlineSpace();
      const c = this.s[this.pos];
      if (c === '"') keys.push(this.parseBasicString());
      else if (c === "'") keys.push(this.parseLiteralString());
      else {
        const start = this.pos;
        while (this.pos < this.s.length && BARE_KEY.test(this.s[this.pos])) this.pos++;
        if (this.pos === start) throw this.error(c === undefined || c === '\n' ? 'Expected a key' : `Unexpected character '${c}' in a key`);
        keys.push(this.s.slice(start, this.pos));
      }
      const key = keys[keys.length - 1];
      if (FORBIDDEN_KEYS.has(key)) throw this.error(`Key '${key}' is not allowed (it names JavaScript object internals)`);
      this.skipInlineSpace();
      if (this.s[this.pos] !== '.') return keys;
      this.pos++;
    }
  }

  private parseValue(): TomlValue {
    const c = this.s[this.pos];
    if (c === '"') return this.s.startsWith('"""', this.pos) ? this.parseMultilineBasic() : this.parseBasicString();
    if (c === "'") return this.s.startsWith("'''", this.pos) ? this.parseMultilineLiteral() : this.parseLiteralString();
    if (c === '[') return this.parseArray();
    if (c === '{') return this.parseInlineTable();
    if (this.s.startsWith('true', this.pos) && !BARE_KEY.test(this.s[this.pos + 4] ?? '')) {
      this.pos += 4;
      return true;
    }
    if (this.s.startsWith('false', this.pos) && !BARE_KEY.test(this.s[this.pos + 5] ?? '')) {
      this.pos += 5;
      return false;
    }
    const rest = this.s.slice(this.pos, this.pos + 64);
    const dt = DATE_TIME.exec(rest);
    if (dt) {
      this.pos += dt[0].length;
      return dt[0];
    }
    const num = /^[+-]?(?:inf|nan)|^[+-]?(?:0x[0-9A-Fa-f_]+|0o[0-7_]+|0b[01_]+|\d[\d_]*(?:\.[\d_]+)?(?:[eE][+-]?[\d_]+)?)/.exec(rest);
    if (num) {
      this.pos += num[0].length;
      const raw = num[0].replace(/_/g, '');
      if (/inf$/.test(raw)) return raw.startsWith('-') ? -Infinity : Infinity;
      if (/nan$/.test(raw)) return NaN;
      if (/^[+-]?0[xob]/.test(raw)) {
        const sign = raw.startsWith('-') ? -1 : 1;
        return sign * Number(raw.replace(/^[+-]/, ''));
      }
      return Number(raw);
    }
    if (c === undefined || c === '\n' || c === '\r' || c === '#') throw this.error('Expected a value');
    throw this.error(`Unsupported value starting with '${c}' (expected a string, number, boolean, array or inline table)`);
  }

  private parseBasicString(): string {
    this.pos++;
    let out = '';
    for (;;) {
      const c = this.s[this.pos];
      if (c === undefined || c === '\n' || c === '\r') throw this.error('Unterminated string');
      if (c === '"') {
        this.pos++;
        return out;
      }
      if (c === '\\') {
        out += this.parseEscape();
        continue;
      }
      out += c;
      this.pos++;
    }
  }

  private parseMultilineBasic(): string {
    this.pos += 3;
    this.skipOneNewline();
    let out = '';
    for (;;) {
      if (this.pos >= this.s.length) throw this.error('Unterminated multi-line string');
      if (this.s.startsWith('"""', this.pos)) {
        // Up to two quotes may sit right before the closing delimiter.
        let n = 3;
        while (this.s[this.pos + n] === '"' && n < 5) n++;
        out += '"'.repeat(n - 3);
        this.pos += n;
        return out;
      }
      const c = this.s[this.pos];
      if (c === '\\') {
        // A backslash at the end of a line trims the newline and the leading whitespace after it.
        const m = /^\\[ \t]*\r?\n/.exec(this.s.slice(this.pos, this.pos + 256));
        if (m) {
          this.pos += m[0].length;
          this.line++;
          while (/[ \t\r\n]/.test(this.s[this.pos] ?? '')) {
            if (this.s[this.pos] === '\n') this.line++;
            this.pos++;
          }
          continue;
        }
        out += this.parseEscape();
        continue;
      }
      if (c === '\n') this.line++;
      out += c;
      this.pos++;
    }
  }

  private parseLiteralString(): string {
    const start = ++this.pos;
    for (;;) {
      const c = this.s[this.pos];
      if (c === undefined || c === '\n' || c === '\r') throw this.error('Unterminated string');
      if (c === "'") {
        this.pos++;
        return this.s.slice(start, this.pos - 1);
      }
      this.pos++;
    }
  }

  private parseMultilineLiteral(): string {
    this.pos += 3;
    this.skipOneNewline();
    const start = this.pos;
    const end = this.s.indexOf("'''", this.pos);
    if (end < 0) throw this.error('Unterminated multi-line string');
    let close = end + 3;
    while (this.s[close] === "'" && close < end + 5) close++;
    const body = this.s.slice(start, close - 3);
    for (const ch of body) if (ch === '\n') this.line++;
    this.pos = close;
    return body;
  }

  private parseEscape(): string {
    const e = this.s[this.pos + 1];
    const simple: Record<string, string> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', e: '\u001b', '"': '"', '\\': '\\' };
    if (e !== undefined && e in simple) {
      this.pos += 2;
      return simple[e];
    }
    if (e === 'u' || e === 'U') {
      const len = e === 'u' ? 4 : 8;
      const hex = this.s.slice(this.pos + 2, this.pos + 2 + len);
      if (!/^[0-9A-Fa-f]+$/.test(hex) || hex.length !== len) throw this.error(`Invalid unicode escape '\\${e}${hex}'`);
      this.pos += 2 + len;
      const cp = parseInt(hex, 16);
      if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) throw this.error(`Invalid unicode escape '\\${e}${hex}'`);
      return String.fromCodePoint(cp);
    }
    throw this.error(`Invalid escape '\\${e ?? ''}'`);
  }

  private parseArray(): TomlValue[] {
    this.pos++;
    const out: TomlValue[] = [];
    for (;;) {
      this.skipWhitespaceCommentsNewlines();
      if (this.s[this.pos] === ']') {
        this.pos++;
        return out;
      }
      if (this.pos >= this.s.length) throw this.error("Unterminated array (missing ']')");
      out.push(this.parseValue());
      this.skipWhitespaceCommentsNewlines();
      if (this.pos >= this.s.length) throw this.error("Unterminated array (missing ']')");
      if (this.s[this.pos] === ',') {
        this.pos++;
        continue;
      }
      if (this.s[this.pos] === ']') {
        this.pos++;
        return out;
      }
      throw this.error("Expected ',' or ']' in an array");
    }
  }

  private parseInlineTable(): TomlTable {
    this.pos++;
    const t: TomlTable = newTable();
    this.inlineTables.add(t);
    this.skipInlineSpace();
    if (this.s[this.pos] === '}') {
      this.pos++;
      return t;
    }
    for (;;) {
      this.skipInlineSpace();
      const keys = this.parseKey();
      this.skipInlineSpace();
      if (this.s[this.pos] !== '=') throw this.error(`Expected '=' after key '${keys.join('.')}'`);
      this.pos++;
      this.skipInlineSpace();
      const value = this.parseValue();
      let target = t;
      for (const k of keys.slice(0, -1)) {
        let next = target[k];
        if (next === undefined) {
          next = newTable();
          target[k] = next;
        }
        if (!isTable(next)) throw this.error(`Key '${k}' is not a table`);
        target = next;
      }
      const last = keys[keys.length - 1];
      if (last in target) throw this.error(`Key '${keys.join('.')}' is defined more than once`);
      target[last] = value;
      this.skipInlineSpace();
      if (this.s[this.pos] === ',') {
        this.pos++;
        continue;
      }
      if (this.s[this.pos] === '}') {
        this.pos++;
        return t;
      }
      throw this.error("Expected ',' or '}' in an inline table (inline tables must stay on one line)");
    }
  }

  private skipInlineSpace(): void {
    while (this.s[this.pos] === ' ' || this.s[this.pos] === '\t') this.pos++;
  }

  private skipOneNewline(): void {
    if (this.s[this.pos] === '\n') {
      this.pos++;
      this.line++;
    } else if (this.s[this.pos] === '\r' && this.s[this.pos + 1] === '\n') {
      this.pos += 2;
      this.line++;
    }
  }

  private skipWhitespaceCommentsNewlines(): void {
    for (;;) {
      const c = this.s[this.pos];
      if (c === ' ' || c === '\t' || c === '\r') this.pos++;
      else if (c === '\n') {
        this.pos++;
        this.line++;
      } else if (c === '#') {
        while (this.pos < this.s.length && this.s[this.pos] !== '\n') this.pos++;
      } else return;
    }
  }

  private expectEndOfLine(): void {
    this.skipInlineSpace();
    const c = this.s[this.pos];
    if (c === '#') {
      while (this.pos < this.s.length && this.s[this.pos] !== '\n') this.pos++;
      return;
    }
    if (c === undefined || c === '\n' || c === '\r') return;
    throw this.error(`Unexpected '${c}' after a value (one key = value per line)`);
  }

  private error(message: string): TomlError {
    return new TomlError(message, this.line);
  }
}

export function isTable(v: TomlValue | undefined): v is TomlTable {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
