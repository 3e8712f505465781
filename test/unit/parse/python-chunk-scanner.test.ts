// The lexical scanner that cuts Python documents into chunks (statementScanner.ts): a chunk may start
// only at a column-0 line that begins a new top-level statement with nothing open before it (no
// bracket, string, f-string field or backslash continuation), not at a clause keyword that continues
// the statement above, not right after a decorator. Checked line by line on small texts, and
// splitAllowed (used after edits) is checked to agree with scan at every line start of every fixture.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { closedState, scan, splitAllowed } from '../../../server/src/parse/python/statementScanner';

/** Line numbers (0-based) where scan allows a chunk to start, after-open ones marked with '!'. */
function splitLines(text: string): string[] {
  const splits: number[] = [];
  const open: boolean[] = [];
  scan(text, 0, text.length, closedState(), splits, open);
  return splits.map((pos, k) => {
    let line = 0;
    for (let i = text.indexOf('\n'); i >= 0 && i < pos; i = text.indexOf('\n', i + 1)) line++;
    return `${line}${open[k] ? '!' : ''}`;
  });
}

const cases: { what: string; lines: string[] | string; splits: string[] }[] = [
  { what: 'simple statements', lines: ['a = 1', 'b = 2', 'def f():', '    return 1', 'c = 3'], splits: ['1', '2', '4'] },
  { what: 'blank and comment lines are not split points', lines: ['a = 1', '', '# c', '   # d', 'b = 2'], splits: ['4'] },
  { what: 'indented, tab and form-feed lines', lines: ['a = 1', '  b', '\tc', '\fd', 'e'], splits: ['4'] },
  {
    what: 'a decorator keeps its definition',
    lines: ['@dec', 'def f(): pass', '@a.b(1)', '@c', 'class C: pass', 'x = 1'],
    splits: ['2', '5'],
  },
  { what: 'a decorator over several lines', lines: ['@dec(', '  1)', 'def f(): pass', 'y = 1'], splits: ['3'] },
  { what: 'a comment between decorator and def', lines: ['@dec', '# c', '', 'def f(): pass', 'z'], splits: ['4'] },
  {
    what: 'clause keywords continue the statement above (word boundary checked)',
    lines: [
      'if a:',
      '    pass',
      'else:',
      '    pass',
      'elif_x = 1',
      'try:',
      '    pass',
      'except ValueError:',
      '    pass',
      'except* E:',
      '    pass',
      'finally:',
      '    pass',
      'elsewhere()',
      'elif b: pass',
    ],
    splits: ['4', '5', '13'],
  },
  {
    what: 'open brackets',
    lines: ['x = (1,', '2)', 'y = [', 'z]', 'w = {', '}', 'v = f(', '  g(1),', ')', 'u = 1'],
    splits: ['2', '4', '6', '9'],
  },
  { what: 'stray closing brackets do not go below zero', lines: ['x = 1)', 'y = 2'], splits: ['1'] },
  {
    what: 'brackets inside strings and comments',
    lines: ['a = "("', "b = ')'", 'c = 1  # "(', 'd = "#("', 'e'],
    splits: ['1', '2', '3', '4'],
  },
  {
    what: 'triple-quoted strings',
    lines: ['s = """', 'x = 1', '"""', "t = '''", 'y = (', "'''", 'u = """a "b" ""c"""', 'v = """""""', 'w'],
    splits: ['3', '6', '7', '8'],
  },
  {
    what: 'escaped quotes and backslashes',
    lines: ['s = "a\\"("', 'b = 1', 's = "a\\\\"', 'c = (', '1)', 'd'],
    splits: ['1', '2', '3', '5'],
  },
  { what: 'a backslash-newline inside a string continues it', lines: ['s = "abc\\', 'x = 1"', 'y = 2'], splits: ['2'] },
  {
    what: 'raw strings: a backslash still escapes the quote',
    lines: ['r = r"\\"("', 'b = 1', 'r = r"\\\\"', "c = R'\\'('", 'd'],
    splits: ['1', '2', '3', '4'],
  },
  {
    what: 'bytes and unicode prefixes',
    lines: ['a = rb"("', "b = Rb'('", 'c = u"("', 'd = BR"""(', '"""', 'e'],
    splits: ['1', '2', '3', '5'],
  },
  { what: 'no prefix in keywords before a quote', lines: ['if"{": pass', 'x = 1'], splits: ['1'] },
  {
    what: 'f-string fields',
    lines: ['a = f"{x}("', 'b = f"{d["k"]}("', 'c = f"{x:>{w}}("', 'd = f"{{("', 'e = rf"{x!r:{w}}("', 'g = f\'{"}"}\'', 'h'],
    splits: ['1', '2', '3', '4', '5', '6'],
  },
  { what: 'a brace in a field opens a nested bracket', lines: ['a = f"{ {1: 2}[1] }("', 'b'], splits: ['1'] },
  { what: 'a multi-line field of a triple-quoted f-string', lines: ['a = f"""{', 'x', '}"""', 'b = 1'], splits: ['3'] },
  { what: '\\N{…} is an escape, not a field', lines: ['a = f"\\N{EM DASH}("', 'b = 1'], splits: ['1'] },
  { what: 'backslash continuation', lines: ['x = 1 + \\', 'y', 'z = 2', 'if a and \\', 'b: pass', 'w'], splits: ['2', '3', '5'] },
  { what: 'backslash continuation with CRLF', lines: 'x = 1 + \\\r\ny\r\nz = 2\r\n', splits: ['2'] },
  { what: 'CRLF line ends', lines: 'a = 1\r\nb = 2\r\n\r\nc\r\n', splits: ['1', '3'] },
  { what: 'a lone CR does not end a line for tree-sitter', lines: 'a = 1\rb = 2\r', splits: [] },
  { what: 'an unterminated one-line string ends at its line end', lines: ['a = "abc', 'b = 1', "c = 'x", 'd'], splits: ['1', '2', '3'] },
  {
    what: 'a statement-only keyword at column 0 ends an unclosed bracket (the text is broken there)',
    lines: ['x = (1,', 'def f(): pass', 'y = [', 'foo()', 'for x in y: pass', 'class C: pass', 'z = {', 'import os', 'w'],
    splits: ['1!', '2', '5!', '6', '7!', '8'],
  },
  {
    what: 'but not inside a string or after a continuation',
    lines: ['x = """', 'def f(): pass', '"""', 'y = 1 + \\', 'return', 'z'],
    splits: ['3', '5'],
  },
  {
    what: 'soft keywords and async start statements',
    lines: ['match x:', '    case 1: pass', 'async def f(): pass', 'type X = int', 'z'],
    splits: ['2', '3', '4'],
  },
];

describe('python chunk scanner', () => {
  for (const c of cases) {
    test(c.what, () => {
      const text = typeof c.lines === 'string' ? c.lines : c.lines.join('\n') + '\n';
      assert.deepEqual(splitLines(text), c.splits, JSON.stringify(text));
    });
  }

  test('scanning in pieces gives the same split points as scanning at once', () => {
    const text = cases.map(c => (typeof c.lines === 'string' ? c.lines : c.lines.join('\n') + '\n')).join('');
    const whole: number[] = [];
    scan(text, 0, text.length, closedState(), whole);
    const state = closedState();
    const pieces: number[] = [];
    let from = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      scan(text, from, i + 1, state, pieces);
      // The piece's end is a split point exactly when splitAllowed says so.
      if (i + 1 < text.length && splitAllowed(text, i + 1, state)) pieces.push(i + 1);
      from = i + 1;
    }
    scan(text, from, text.length, state, pieces);
    assert.deepEqual(pieces, whole);
  });

  test('splitAllowed agrees with scan at every line start of the Python fixtures and examples', () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (name.endsWith('.py')) files.push(p);
      }
    };
    walk('test/fixtures');
    walk('examples');
    assert.ok(files.length > 20);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const all: number[] = [];
      scan(text, 0, text.length, closedState(), all);
      const splits = new Set(all);
      for (let i = text.indexOf('\n'); i >= 0 && i + 1 < text.length; i = text.indexOf('\n', i + 1)) {
        const state = closedState();
        scan(text, 0, i + 1, state);
        assert.equal(splitAllowed(text, i + 1, state), splits.has(i + 1), `${file} at ${i + 1}`);
      }
    }
  });
});
