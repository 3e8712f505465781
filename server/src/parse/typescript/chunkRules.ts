import type * as TS from 'typescript';

// Where a document may be cut into chunks that are parsed on their own. A cut lies between two
// top-level statements, at the start of a line, and only where parsing the two sides separately
// cannot give other statements than parsing them together:
// - the statement before it ends with `;` or `}` (no automatic semicolon insertion can depend on
//   what follows, and no expression, type or declaration is left open), and nothing after that
//   last character up to the cut was reported by the parser (no unterminated comment, string or
//   template runs into the next chunk, no `'}' expected` at the end);
// - the cut follows a line break, so the next statement's first token is preceded by one either
//   way (the parser consults that for ASI) and the cut is never inside a `//` comment;
// - the next statement's first token cannot continue the previous statement: not `(`, `[`, `{`,
//   a template, `.`, `?.`, `,`, an operator, `=>`, `<`, `/` (a regex there is a division when
//   glued to the previous line), nor one of the words in CONTINUING_WORDS. Anything not known to
//   be a statement start is refused: refusing only costs a bigger chunk.

/** Words that continue a statement ending in `}` or `;` on the next line: `else`, `catch`, `while` after `do`, `from` after `export { a }`… */
const CONTINUING_WORDS = new Set([
  'in',
  'instanceof',
  'as',
  'satisfies',
  'extends',
  'implements',
  'else',
  'catch',
  'finally',
  'while',
  'from',
  'with',
  'of',
  'is',
  'keyof',
  'infer',
  'asserts',
]);

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36 || c > 127;
}

/** Whether a top-level statement whose first token starts at `pos` of `text` may open a chunk. */
export function canStartChunk(text: string, pos: number): boolean {
  const c = text.charCodeAt(pos);
  // Strings, numbers, decorators and empty statements never continue an earlier statement.
  if (c === 39 || c === 34 || (c >= 48 && c <= 57) || c === 64 || c === 59) return true;
  if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36 || c > 127)) return false;
  let end = pos + 1;
  while (end < text.length && isWordChar(text.charCodeAt(end))) end++;
  return !CONTINUING_WORDS.has(text.slice(pos, end));
}

/** The start of the line holding `pos` when only spaces and tabs precede `pos` on it (not the first line), else -1. */
export function lineStartBefore(text: string, pos: number): number {
  let i = pos;
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    if (c === 10 || c === 13) return i;
    if (c !== 32 && c !== 9) return -1;
    i--;
  }
  return -1;
}

/**
 * Whether a statement ending at `end` can be the last one before a cut at `cut` (`cut` = Infinity:
 * the end of the chunk's text): its last character is `;` or `}` and no parse diagnostic touches
 * that character or anything after it, up to the cut.
 */
export function endsCleanly(text: string, end: number, diagnostics: readonly TS.DiagnosticWithLocation[], cut: number): boolean {
  const last = text.charCodeAt(end - 1);
  if (last !== 59 && last !== 125) return false;
  for (const d of diagnostics) {
    if (d.start < cut && d.start + Math.max(d.length, 1) > end - 1) return false;
  }
  return true;
}

/** A chunk's text must end with a line break (not inside a `\r\n`) for another chunk to follow it. */
export function endsWithLineBreak(text: string): boolean {
  const c = text.charCodeAt(text.length - 1);
  return c === 10 || c === 13;
}

/** Text that means something else at the very start of a file than after a line break (a shebang). */
export function startsSpecially(text: string, at = 0): boolean {
  return text.charCodeAt(at) === 35 && text.charCodeAt(at + 1) === 33;
}

/** Whether the chunk parsed as `sf` may follow another chunk. */
export function chunkCanFollow(sf: TS.SourceFile): boolean {
  const stmts = sf.statements;
  // Tokens skipped by error recovery before the first statement (an `else` alone) would not show in it.
  if (stmts.length === 0 || stmts[0].pos !== 0 || startsSpecially(sf.text)) return false;
  return canStartChunk(sf.text, stmts[0].getStart(sf));
}

/** Whether another chunk may follow the chunk parsed as `sf` (with these parse diagnostics). */
export function chunkCanPrecede(sf: TS.SourceFile, diagnostics: readonly TS.DiagnosticWithLocation[]): boolean {
  const stmts = sf.statements;
  if (stmts.length === 0 || !endsWithLineBreak(sf.text)) return false;
  return endsCleanly(sf.text, stmts[stmts.length - 1].end, diagnostics, Infinity);
}

/**
 * Where the text parsed as `sf` can be cut into chunks of about `size` characters: pairs of the
 * index of the first statement after a cut and the cut's offset, in order.
 */
export function cutPoints(
  sf: TS.SourceFile,
  diagnostics: readonly TS.DiagnosticWithLocation[],
  size: number,
): { index: number; offset: number }[] {
  const text = sf.text;
  const stmts = sf.statements;
  const cuts: { index: number; offset: number }[] = [];
  let from = 0;
  for (let i = 1; i < stmts.length; i++) {
    const prevEnd = stmts[i - 1].end;
    if (prevEnd - from < size) continue;
    const last = text.charCodeAt(prevEnd - 1);
    if (last !== 59 && last !== 125) continue;
    if (stmts[i].pos !== prevEnd) continue;
    const start = stmts[i].getStart(sf);
    const cut = lineStartBefore(text, start);
    if (cut < 0 || !canStartChunk(text, start) || startsSpecially(text, cut)) continue;
    // Trailing trivia may hold a reported problem (an unterminated comment), and a statement left
    // open (`f({ a: 1 }`) reports what it missed at the next statement's first token.
    if (!endsCleanly(text, prevEnd, diagnostics, start + 1)) continue;
    // The rest must be worth a chunk of its own too.
    if (text.length - cut < size / 2) break;
    cuts.push({ index: i, offset: cut });
    from = cut;
  }
  return cuts;
}
