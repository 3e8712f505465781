// `losslens fix` never loses a user's work: a file saved while fix runs is left as saved, a
// symbolic link is written through to its target (or left alone when the target is outside the
// fixed folder), hard links are not split, read-only files are not rewritten, mode and owner are
// kept, and the summary counts only fixes that reached the disk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, symlinkSync, linkSync, lstatSync, statSync, chmodSync, chownSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { runCli, makeTree } from './run-cli';

const LOG_SOFTMAX =
  'import torch\nimport torch.nn.functional as F\n\ndef lp(x):\n    return torch.log(F.softmax(x, dim=1))\n\ndef nll(x, y):\n    return F.nll_loss(lp(x), y)\n';
const LOG_SOFTMAX_FIXED = LOG_SOFTMAX.replace('torch.log(F.softmax(x, dim=1))', 'F.log_softmax(x, dim=1)');
const read = (dir: string, rel: string) => readFileSync(join(dir, rel), 'utf8');

test('a file saved while fix runs (after it was read, before the rename) keeps the saved text', () => {
  const dir = makeTree({ 'a.py': LOG_SOFTMAX, 'b.py': LOG_SOFTMAX });
  // The "editor": preloaded into the CLI, it saves a.py the moment fix has written its temporary
  // copy (the first fsync), which is after fix read a.py and before it replaces it.
  const hook = join(dir, '.hook.cjs');
  writeFileSync(
    hook,
    `const fs = require('node:fs');
const fsync = fs.fsyncSync;
let saved = false;
fs.fsyncSync = fd => {
  fsync(fd);
  if (!saved) { saved = true; fs.appendFileSync(${JSON.stringify(join(dir, 'a.py'))}, '# saved by the user\\n'); }
};
`,
  );
  const r = runCli(['fix', 'a.py', 'b.py'], dir, { NODE_OPTIONS: `--require ${hook}` });
  assert.equal(read(dir, 'a.py'), LOG_SOFTMAX + '# saved by the user\n', 'the user edit survives');
  assert.equal(r.status, 2, r.stdout + r.stderr);
  assert.match(r.stderr, /^error: a\.py: cannot write the fixed file: it changed on disk while fix was running; it is left as it is now/m);
  assert.equal(read(dir, 'b.py'), LOG_SOFTMAX_FIXED, 'the other file is fixed');
  assert.match(r.stdout, /^a\.py:5:12: LL008 /m);
  assert.match(r.stdout, /^Fixed 1 problem in 1 file; 1 problem remaining/m);
  assert.deepEqual(readdirSync(dir).sort(), ['.hook.cjs', 'a.py', 'b.py'], 'no temporary file left behind');
});

test('a symbolic link inside the fixed folder is written through: the link stays a link', () => {
  const dir = makeTree({ 'src/real.py': LOG_SOFTMAX });
  symlinkSync('real.py', join(dir, 'src/link.py'));
  const r = runCli(['fix', 'src'], dir);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.ok(lstatSync(join(dir, 'src/link.py')).isSymbolicLink());
  assert.equal(read(dir, 'src/real.py'), LOG_SOFTMAX_FIXED);
  assert.equal(r.stdout, 'Fixed 1 problem in 1 file; no problems remaining.\n');
});

test('a symbolic link to a file outside the fixed folder is left alone, with a message', () => {
  const dir = makeTree({ 'outside/real.py': LOG_SOFTMAX, 'src/keep.txt': '' });
  symlinkSync('../outside/real.py', join(dir, 'src/link.py'));
  const r = runCli(['fix', 'src/link.py'], dir);
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.match(r.stderr, /^warning: src\/link\.py: not fixed because it is a symbolic link to a file outside the folders being fixed/m);
  assert.ok(lstatSync(join(dir, 'src/link.py')).isSymbolicLink());
  assert.equal(read(dir, 'outside/real.py'), LOG_SOFTMAX);
});

test('hard links are not split: the file is left alone with a message', () => {
  const dir = makeTree({ 'a.py': LOG_SOFTMAX });
  linkSync(join(dir, 'a.py'), join(dir, 'twin.py'));
  const r = runCli(['fix', 'a.py'], dir);
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.match(r.stderr, /^warning: a\.py: not fixed because it has 2 hard links/m);
  assert.equal(statSync(join(dir, 'a.py')).ino, statSync(join(dir, 'twin.py')).ino);
  assert.equal(read(dir, 'a.py'), LOG_SOFTMAX);
  assert.match(r.stdout, /^No fixes applied; 1 problem remaining/m);
});

test('a read-only file is not rewritten (even where the folder is writable)', () => {
  const dir = makeTree({ 'a.py': LOG_SOFTMAX });
  chmodSync(join(dir, 'a.py'), 0o444);
  const r = runCli(['fix', 'a.py'], dir);
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.match(r.stderr, /^warning: a\.py: not fixed because it is read-only/m);
  assert.equal(read(dir, 'a.py'), LOG_SOFTMAX);
  assert.equal(statSync(join(dir, 'a.py')).mode & 0o777, 0o444);
});

test('owner, group and mode are kept', t => {
  if (process.getuid?.() !== 0) {
    t.skip('changing a file owner needs root');
    return;
  }
  const dir = makeTree({ 'a.py': LOG_SOFTMAX });
  chownSync(join(dir, 'a.py'), 1234, 2345);
  chmodSync(join(dir, 'a.py'), 0o664);
  const r = runCli(['fix', 'a.py'], dir);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const st = statSync(join(dir, 'a.py'));
  assert.deepEqual([st.uid, st.gid, st.mode & 0o7777], [1234, 2345, 0o664]);
  assert.equal(read(dir, 'a.py'), LOG_SOFTMAX_FIXED);
});

test('when the write fails the summary does not say "Fixed"', t => {
  const dir = makeTree({ 'ro/a.py': LOG_SOFTMAX });
  const folder = join(dir, 'ro');
  let unlock: () => void;
  if (process.getuid?.() !== 0) {
    chmodSync(folder, 0o555);
    unlock = () => chmodSync(folder, 0o755);
  } else {
    const r = spawnSync('chattr', ['+i', folder], { encoding: 'utf8' });
    if (r.status !== 0) {
      t.skip(`running as root and chattr +i is unavailable here (${(r.stderr || r.error?.message || '').trim()})`);
      return;
    }
    unlock = () => spawnSync('chattr', ['-i', folder]);
  }
  try {
    const r = runCli(['fix', 'ro'], dir);
    assert.equal(r.status, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /^error: ro\/a\.py: cannot write the fixed file: /m);
    assert.doesNotMatch(r.stdout, /Fixed/);
    assert.match(r.stdout, /^ro\/a\.py:5:12: LL008 /m, 'the finding is still reported');
    assert.match(r.stdout, /^No fixes applied; 1 problem remaining/m);
    assert.equal(read(dir, 'ro/a.py'), LOG_SOFTMAX);
  } finally {
    unlock();
  }
});
