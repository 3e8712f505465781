// The glob matcher behind `exclude` (settings and project files).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchGlob, isExcluded, globError, compileGlob } from '../../../server/src/config/glob';

const cases: [glob: string, path: string, expected: boolean][] = [
  ['*.py', 'a.py', true],
  ['*.py', 'src/a.py', true], // no slash: matches at any depth
  ['src/*.py', 'src/a.py', true],
  ['src/*.py', 'src/sub/a.py', false],
  ['src/**/*.py', 'src/a.py', true],
  ['src/**/*.py', 'src/x/y/a.py', true],
  ['**/test_*.py', 'a/b/test_x.py', true],
  ['**/test_*.py', 'a/b/xtest_x.py', false],
  ['data/**', 'data/x/y.py', true],
  ['/build', 'build', true],
  ['/build', 'src/build', false],
  ['file?.py', 'file1.py', true],
  ['file?.py', 'file10.py', false],
  ['*.{py,ts}', 'x.ts', true],
  ['*.{py,ts}', 'x.js', false],
  ['{src,lib}/**/*.py', 'lib/m/x.py', true],
  ['[ab].py', 'b.py', true],
  ['[!ab].py', 'b.py', false],
  ['a.b', 'aXb', false], // dots are literal
  ['*', 'a/b', true],
  // Classes: a `]` first is a member, so `[!]` alone is literal text; `[!]a]` is "neither ] nor a".
  ['[!]', '[!]', true],
  ['[!]', 'a', false],
  ['[!]', '!', false],
  ['x[!]a]', 'xb', true],
  ['x[!]a]', 'x]', false],
  ['x[!]a]', 'xa', false],
  ['[]a]', ']', true],
  ['[a-c]x', 'bx', true],
  ['[a-c]x', 'dx', false],
  ['[^a-c]x', 'dx', true],
  ['[a-]', '-', true],
  ['[abc', '[abc', true], // unclosed: literal
  // Runs of stars other than a whole-segment `**` are one `*` (git's wildmatch).
  ['***', 'a', true],
  ['***.py', 'src/a.py', true],
  ['a/***/b', 'a/x/b', true],
  ['a/***/b', 'a/x/y/b', false],
  ['a/***/b', 'a/b', false],
  ['a/**/b', 'a/b', true],
  ['a/**/b', 'a/x/y/b', true],
  ['a/**', 'a', false],
  ['a/**', 'a/x', true],
  ['a/**/**/b', 'a/x/b', true],
  ['x**y', 'xay', true],
  ['x**y', 'xa/y', false],
  ['{a,{b,c}}/d', 'c/d', true],
  ['{a,b', 'b', true], // an unclosed brace closes at the end
  ['a,b', 'a,b', true],
  ['[{]x', '{x', true],
];
for (const [glob, path, expected] of cases) {
  test(`matchGlob(${glob}, ${path}) is ${expected}`, () => assert.equal(matchGlob(glob, path), expected));
}

test('isExcluded: a matching folder excludes everything below it', () => {
  assert.equal(isExcluded('tests/unit/test_a.py', ['tests']), true);
  assert.equal(isExcluded('src/tests/unit/test_a.py', ['tests']), true);
  assert.equal(isExcluded('src/model.py', ['tests', 'build/**']), false);
  assert.equal(isExcluded('build/x/y.py', ['build/**']), true);
  assert.equal(isExcluded('anything.py', []), false);
});

test('hostile globs finish: no backtracking blow-up on long names or deep folders', () => {
  // A backtracking regex needs ~n^12 steps for the first and ~d^k for the second: they never ended.
  const longName = 'a'.repeat(20_000);
  assert.equal(matchGlob('*a*a*a*a*a*a*a*a*a*a*a*a*b', longName), false);
  assert.equal(matchGlob('*a*a*a*a*a*a*a*a*a*a*a*a*b', `${longName}b`), true);
  const deep = 'd/'.repeat(3_000) + 'y';
  const stars = '**/'.repeat(200) + 'z';
  assert.equal(matchGlob(stars, deep), false);
  assert.equal(matchGlob(stars, `${deep}/z`), true);
  assert.equal(isExcluded(`${deep}/file.py`, [stars, '*a*a*a*a*a*a*a*a*a*a*a*a*b', '**/x*y*z*w*v*u*t*s*r*q']), false);
  // Brace expansion is capped instead of doubling 40 times.
  const braces = '{a,b}'.repeat(40);
  assert.match(globError(braces) ?? '', /too many/);
  assert.equal(matchGlob(braces, 'a'.repeat(40)), false);
});

test('an invalid class is an error, never an exception, and matches nothing', () => {
  assert.match(globError('[z-a].py') ?? '', /invalid character range 'z-a'/);
  assert.equal(globError('[a-z].py'), undefined);
  assert.equal(globError('[!]'), undefined);
  assert.doesNotThrow(() => matchGlob('[z-a]', 'b'));
  assert.equal(matchGlob('[z-a]', 'b'), false);
  assert.equal(isExcluded('src/b.py', ['[z-a]', 'src']), true, 'the valid globs still apply');
  assert.equal(compileGlob('[z-a]').test('anything'), false);
});
