// The glob matcher behind `exclude` (settings and project files).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchGlob, isExcluded } from '../../../server/src/config/glob';

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
