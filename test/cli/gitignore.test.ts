// The .gitignore subset used when walking folders.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GitIgnore } from '../../server/src/cli/gitignore';

const gi = new GitIgnore()
  .with('', '# comment\n*.log\nbuild/\n/dist\ndocs/*.py\n!important.log\n\\#hash.py\n**/gen/**\n')
  .with('pkg', 'local.py\n!/keep_me.log\n');

const cases: [path: string, isDir: boolean, ignored: boolean][] = [
  ['a.log', false, true],
  ['deep/x/a.log', false, true],
  ['important.log', false, false], // negation
  ['build', true, true], // dir-only
  ['build', false, false], // a file named build is not a folder
  ['src/build', true, true], // no inner slash: any depth
  ['dist', true, true], // anchored
  ['src/dist', true, false],
  ['docs/a.py', false, true], // inner slash: anchored to the .gitignore folder
  ['x/docs/a.py', false, false],
  ['#hash.py', false, true], // escaped #
  ['a/gen/b/c.py', false, true],
  ['pkg/local.py', false, true], // nested .gitignore
  ['local.py', false, false], // ...applies only below its folder
  ['pkg/keep_me.log', false, false], // deeper rules win
  ['other/keep_me.log', false, true],
  ['main.py', false, false],
];
for (const [path, isDir, ignored] of cases) {
  test(`${path}${isDir ? '/' : ''} is ${ignored ? '' : 'not '}ignored`, () => assert.equal(gi.ignores(path, isDir), ignored));
}
