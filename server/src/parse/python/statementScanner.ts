// A small lexical scanner that finds where one top-level Python statement may end and the next
// begin, without parsing: the document is cut there into chunks that tree-sitter parses apart
// (./document.ts). Cutting is exact only where the text on both sides would be tokenized the same
// way as in the whole file, so the scanner follows Python's (and tree-sitter-python's) lexical rules
// for brackets, strings (prefixes, triple quotes, escapes, f-string replacement fields), comments and
// backslash continuations. Where it cannot be sure, it must answer "open": that only merges chunks.
//
// Line starts are the positions after '\n' (tree-sitter counts rows at '\n' only; a lone '\r' does
// not end a line for it).

/** Scanner contexts above top-level code; the stack of ScanState.stack holds these codes. */
const STRING = 1;
/** Code inside an f-string replacement field `{…}`; its bracket depth is kept in the upper bits. */
const INTERP = 2;
/** The format spec after `:` in a replacement field. */
const SPEC = 3;
const TAG = 3;
const SINGLE_QUOTE = 4;
const TRIPLE = 8;
const FORMAT = 16;
const RAW = 32;
const DEPTH_UNIT = 64;

export interface ScanState {
  /** Open strings and f-string fields, innermost last (empty in top-level code). */
  stack: number[];
  /** Open brackets of top-level code. */
  depth: number;
  /** The last line ended with a backslash continuation. */
  continued: boolean;
  /** The last logical line (outside brackets and strings) began with `@`. */
  decorator: boolean;
}

export function closedState(): ScanState {
  return { stack: [], depth: 0, continued: false, decorator: false };
}

/** Clause keywords that continue the statement above them. */
const CLAUSES = ['else', 'elif', 'except', 'finally'];
/**
 * Hard keywords that only ever begin a statement: no valid text has one inside brackets, so a line
 * starting with one at column 0 ends any bracket left open before it (the text has a syntax error
 * there, and the error stays in the chunk above instead of swallowing the rest of the file).
 * Not `from`, `if`, `for`, `async`, `await`, `lambda`, `not`…: they can continue an expression.
 */
const STATEMENT_ONLY = [
  'def',
  'class',
  'import',
  'return',
  'pass',
  'raise',
  'global',
  'nonlocal',
  'assert',
  'del',
  'while',
  'with',
  'try',
  'break',
  'continue',
];

function isIdentChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c > 127;
}

function startsWord(text: string, pos: number, words: readonly string[]): boolean {
  for (const w of words) {
    if (text.startsWith(w, pos) && !isIdentChar(text.charCodeAt(pos + w.length))) return true;
  }
  return false;
}

/** A line whose first character is at column 0 and starts code (not blank, not a comment). */
function startsAtColumnZero(c: number): boolean {
  return !(Number.isNaN(c) || c === 32 || c === 9 || c === 12 || c === 13 || c === 10 || c === 35 || c === 11);
}

/**
 * Whether a chunk may start at `pos` when the text before it left `state`: `pos` starts a line that
 * starts a new top-level statement in the whole-file parse too (or, after an unclosed bracket, the
 * text is broken there anyway). Does not change `state`.
 */
export function splitAllowed(text: string, pos: number, state: ScanState): boolean {
  if (state.stack.length > 0 || state.continued || state.decorator) return false;
  // An edit may have removed the line break before `pos`.
  if (pos > 0 && text.charCodeAt(pos - 1) !== 10) return false;
  const c = text.charCodeAt(pos);
  if (!startsAtColumnZero(c)) return false;
  if (state.depth > 0) return startsWord(text, pos, STATEMENT_ONLY);
  return !startsWord(text, pos, CLAUSES);
}

/**
 * Scans text[from, to) from `state` (which it updates), `from` and `to` being line starts or the
 * text's end. Pushes onto `splits` every line start in (from, to) where a chunk may start, and onto
 * `afterOpen` whether a bracket was left open before it.
 */
export function scan(text: string, from: number, to: number, state: ScanState, splits?: number[], afterOpen?: boolean[]): void {
  if (from >= to) return;
  const stack = state.stack;
  const sink = splits === undefined ? undefined : { splits, afterOpen };
  let i = from;
  // The first line's own start: its split was decided by the caller; it sets the decorator flag.
  if (stack.length === 0) lineStart(text, i, state, undefined);
  while (i < to) {
    const c = text.charCodeAt(i);
    if (stack.length === 0) {
      // Top-level code.
      if (c === 10) {
        i++;
        if (i < to) lineStart(text, i, state, sink);
      } else if (c === 35) {
        i = lineEnd(text, i, to);
      } else if (c === 34 || c === 39) {
        i = openString(text, i, from, stack);
      } else if (c === 40 || c === 91 || c === 123) {
        state.depth++;
        i++;
      } else if (c === 41 || c === 93 || c === 125) {
        if (state.depth > 0) state.depth--;
        i++;
      } else if (c === 92) {
        i = backslash(text, i, state);
      } else {
        i++;
      }
      continue;
    }
    const top = stack[stack.length - 1];
    const tag = top & TAG;
    if (tag === STRING) {
      const quote = (top & SINGLE_QUOTE) !== 0 ? 39 : 34;
      if (c === 92) {
        const n = text.charCodeAt(i + 1);
        if (n === 13 && text.charCodeAt(i + 2) === 10) i += 3;
        else if ((top & FORMAT) !== 0 && n === 123)
          i += 1; // `\{` still opens a replacement field
        else if ((top & (FORMAT | RAW)) === FORMAT && n === 78 && text.charCodeAt(i + 2) === 123) {
          // `\N{NAME}` is an escape, not a replacement field.
          const close = text.indexOf('}', i + 3);
          const nl = text.indexOf('\n', i + 3);
          i = close < 0 || (nl >= 0 && nl < close) ? i + 3 : close + 1;
        } else i += 2;
      } else if (c === quote) {
        if ((top & TRIPLE) === 0) {
          stack.pop();
          i++;
        } else if (text.charCodeAt(i + 1) === quote && text.charCodeAt(i + 2) === quote) {
          stack.pop();
          i += 3;
        } else i++;
      } else if (c === 10 && (top & TRIPLE) === 0) {
        // An unterminated one-line string ends at the line end (a syntax error): the newline
        // belongs to whatever encloses the string.
        stack.pop();
      } else if ((top & FORMAT) !== 0 && c === 123) {
        if (text.charCodeAt(i + 1) === 123) i += 2;
        else {
          stack.push(INTERP);
          i++;
        }
      } else if ((top & FORMAT) !== 0 && c === 125 && text.charCodeAt(i + 1) === 125) {
        i += 2;
      } else {
        i++;
      }
    } else if (tag === INTERP) {
      if (c === 34 || c === 39) {
        i = openString(text, i, from, stack);
      } else if (c === 35) {
        i = lineEnd(text, i, to);
      } else if (c === 40 || c === 91 || c === 123) {
        stack[stack.length - 1] = top + DEPTH_UNIT;
        i++;
      } else if (c === 41 || c === 93) {
        if (top >= DEPTH_UNIT) stack[stack.length - 1] = top - DEPTH_UNIT;
        i++;
      } else if (c === 125) {
        if (top >= DEPTH_UNIT) stack[stack.length - 1] = top - DEPTH_UNIT;
        else stack.pop();
        i++;
      } else if (c === 58 && top < DEPTH_UNIT) {
        stack[stack.length - 1] = SPEC;
        i++;
      } else if (c === 92 && text.charCodeAt(i + 1) === 10) {
        i += 2;
      } else {
        i++;
      }
    } else {
      // SPEC: literal text up to the field's closing brace, with nested fields.
      if (c === 123) stack.push(INTERP);
      else if (c === 125) stack.pop();
      i++;
    }
  }
}

/** Position of the '\n' ending the line that contains `i` (or `to`). */
function lineEnd(text: string, i: number, to: number): number {
  const nl = text.indexOf('\n', i);
  return nl < 0 || nl > to ? to : nl;
}

function backslash(text: string, i: number, state: ScanState): number {
  const n = text.charCodeAt(i + 1);
  if (n === 10) {
    state.continued = true;
    return i + 1; // the newline itself is seen next, as a line start
  }
  if (n === 13 && text.charCodeAt(i + 2) === 10) {
    state.continued = true;
    return i + 2;
  }
  return i + 1;
}

/** At a line start of top-level code: split points and the decorator flag. */
interface SplitSink {
  splits: number[];
  afterOpen: boolean[] | undefined;
}

function lineStart(text: string, pos: number, state: ScanState, sink: SplitSink | undefined): void {
  if (state.continued) {
    state.continued = false;
    return;
  }
  if (state.depth > 0) {
    if (!startsAtColumnZero(text.charCodeAt(pos)) || !startsWord(text, pos, STATEMENT_ONLY)) return;
    if (sink !== undefined && !state.decorator) {
      sink.splits.push(pos);
      sink.afterOpen?.push(true);
    }
    state.depth = 0;
    state.decorator = false;
    return;
  }
  let j = pos;
  let c = text.charCodeAt(j);
  while (c === 32 || c === 9 || c === 12 || c === 13 || c === 11) c = text.charCodeAt(++j);
  if (Number.isNaN(c) || c === 10 || c === 35) return; // blank or comment line
  if (sink !== undefined && j === pos && !state.decorator && !startsWord(text, pos, CLAUSES)) {
    sink.splits.push(pos);
    sink.afterOpen?.push(false);
  }
  state.decorator = c === 64;
}

/** Opens the string whose quote is at `i`; returns the position after its opening quote(s). */
function openString(text: string, i: number, from: number, stack: number[]): number {
  const quote = text.charCodeAt(i);
  let code = STRING | (quote === 39 ? SINGLE_QUOTE : 0);
  // The prefix is the run of identifier characters just before the quote, when every one of them is
  // a prefix letter (tree-sitter accepts any mix of them; `if"x"` has none).
  let j = i - 1;
  let flags = 0;
  while (j >= from) {
    const p = text.charCodeAt(j);
    if (p === 102 || p === 70 || p === 116 || p === 84) flags |= FORMAT;
    else if (p === 114 || p === 82) flags |= RAW;
    else if (!(p === 98 || p === 66 || p === 117 || p === 85)) {
      if (isIdentChar(p)) flags = 0;
      break;
    }
    j--;
  }
  code |= flags;
  if (text.charCodeAt(i + 1) === quote && text.charCodeAt(i + 2) === quote) {
    stack.push(code | TRIPLE);
    return i + 3;
  }
  stack.push(code);
  return i + 1;
}
