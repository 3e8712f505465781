// Issue #21 item 4: the files a repository names are followed only inside the analysed roots, and only
// regular files are opened. A FIFO where an import looks used to block the CLI forever (a read of a
// FIFO waits for a writer), inside the root or above it (`from ..evil import f`).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTree, runCli, DOUBLE_SOFTMAX } from './run-cli';
import { importCandidates } from '../../server/src/analysis/import-candidates';
import { readRegularFileSync, readRegularFile } from '../../server/src/node/regular-file';
import { createFsFileHost } from '../../server/src/node/fs-host';
import { pathToFileURL } from 'node:url';

const trees: string[] = [];
after(() => trees.forEach(t => rmSync(t, { recursive: true, force: true })));
const fifos = process.platform !== 'win32';

function mkfifo(path: string): void {
  execFileSync('mkfifo', [path]);
}

test('import candidates never leave the roots', () => {
  const roots = ['file:///ws'];
  const cases: [string, Parameters<typeof importCandidates>[1], string, number][] = [
    ['file:///ws/pkg/a.py', 'python', 'x', 11],
    ['file:///ws/a.py', 'python', 'evil', 2],
    ['file:///ws/a.ts', 'typescript', '../../../../etc/passwd', 0],
    ['file:///ws/src/a.ts', 'typescript', '../../dev/zero', 0],
  ];
  for (const [from, lang, module, level] of cases) {
    assert.deepEqual(importCandidates(from, lang, module, level, ['y'], roots), [], `${from} ${module}`);
  }
  // Inside the root nothing changes.
  assert.ok(importCandidates('file:///ws/pkg/a.py', 'python', 'b', 2, [], roots).includes('file:///ws/b.py'));
  assert.ok(importCandidates('file:///ws/src/a.ts', 'typescript', '../lib', 0, [], roots).includes('file:///ws/lib.ts'));
  // A loose file (outside every root) resolves in its own folder, not above it.
  assert.ok(importCandidates('file:///tmp/x/a.py', 'python', 'b', 0, [], roots).includes('file:///tmp/x/b.py'));
  assert.deepEqual(importCandidates('file:///tmp/x/a.py', 'python', 'b', 2, [], roots), []);
  assert.deepEqual(importCandidates('file:///tmp/x/a.py', 'python', 'b', 2, [], []), []);
});

test('only regular files under the cap are read', { skip: !fifos }, async () => {
  const root = makeTree({ 'a.py': 'x = 1\n' });
  trees.push(root);
  mkfifo(join(root, 'pipe.py'));
  assert.equal(readRegularFileSync(join(root, 'a.py')), 'x = 1\n');
  assert.throws(() => readRegularFileSync(join(root, 'pipe.py')), /not a regular file/);
  await assert.rejects(readRegularFile(join(root, 'pipe.py')), /not a regular file/);
  assert.throws(() => readRegularFileSync(join(root, 'a.py'), 3), /larger than 3 bytes/);
  assert.throws(() => readRegularFileSync('/dev/null'), /not a regular file/);
  const host = createFsFileHost();
  assert.equal(await host.readFile(pathToFileURL(join(root, 'pipe.py')).href), undefined);
  assert.equal(await host.readFile(pathToFileURL(join(root, 'a.py')).href), 'x = 1\n');
});

const TRAIN = 'import torch\nfrom helpers import scale\nfrom ..evil import f\n\n' + DOUBLE_SOFTMAX;

test('check does not hang on a FIFO imported inside or above the root, nor one passed by name', { skip: !fifos }, () => {
  const outer = makeTree({ 'proj/train.py': TRAIN });
  trees.push(outer);
  const root = join(outer, 'proj');
  mkfifo(join(root, 'helpers.py'));
  mkfifo(join(outer, 'evil.py'));
  for (const args of [
    ['check', '--no-cache', 'proj'],
    ['check', 'proj'],
    ['check', 'proj'],
  ]) {
    const r = runCli(args, outer, {}, 20_000);
    assert.notEqual(r.status, null, `${args.join(' ')} timed out`);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /LL001/);
  }
  mkfifo(join(root, 'named.py'));
  const r = runCli(['check', '--no-cache', 'proj/named.py'], outer);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /named\.py: cannot read file: not a regular file/);
});

test('check reads no file above the root', () => {
  // A parseable module above the root that would add a finding if it were followed.
  const outer = makeTree({
    'evil.py': 'import torch.nn.functional as F\n\ndef f(x):\n    return F.softmax(x, dim=1)\n',
    'proj/train.py': 'import torch.nn.functional as F\nfrom ..evil import f\n\ndef step(x, y):\n    return F.cross_entropy(f(x), y)\n',
  });
  trees.push(outer);
  mkdirSync(join(outer, 'proj', 'sub'), { recursive: true });
  writeFileSync(join(outer, 'proj', 'sub', 'keep.txt'), '');
  const r = runCli(['check', '--no-cache', 'proj'], outer);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  // Analysed from the parent, the same import is inside the root and found.
  const all = runCli(['check', '--no-cache', '.'], outer);
  assert.equal(all.status, 1, all.stdout + all.stderr);
});
