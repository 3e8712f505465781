// `losslens fix` end to end on temporary copies: safe fixes by default, --unsafe, --diff writes
// nothing, multi-file fixes, passes until stable, file mode kept, atomic writes that fail cleanly,
// exit codes, usage errors, and `check` marking what `fix` can do.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, chmodSync, statSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { runCli, makeTree, DOUBLE_SOFTMAX, CLEAN, DIST } from './run-cli';

const LOG_SOFTMAX =
  'import torch\nimport torch.nn.functional as F\n\ndef lp(x):\n    return torch.log(F.softmax(x, dim=1))\n\ndef nll(x, y):\n    return F.nll_loss(lp(x), y)\n';
const LOG_SOFTMAX_FIXED = LOG_SOFTMAX.replace('torch.log(F.softmax(x, dim=1))', 'F.log_softmax(x, dim=1)');
const read = (dir: string, rel: string) => readFileSync(join(dir, rel), 'utf8');

test('fix applies safe fixes, leaves unsafe ones, writes the file and says what remains', () => {
  const dir = makeTree({ 'a.py': LOG_SOFTMAX, 'b.py': DOUBLE_SOFTMAX, 'ok.py': CLEAN });
  const r = runCli(['fix', '.'], dir);
  assert.equal(r.status, 1, r.stderr);
  assert.equal(read(dir, 'a.py'), LOG_SOFTMAX_FIXED);
  assert.equal(read(dir, 'b.py'), DOUBLE_SOFTMAX, 'unsafe fix not applied without --unsafe');
  const lines = r.stdout.trimEnd().split('\n');
  assert.match(lines[0], /^b\.py:5:28: LL001 /);
  assert.equal(lines.at(-1), 'Fixed 1 problem in 1 file; 1 problem remaining (1 fixable with `losslens fix --unsafe`).');
  assert.deepEqual(readdirSync(dir).sort(), ['a.py', 'b.py', 'ok.py'], 'no temporary file left behind');
});

test('fix --unsafe fixes everything and exits 0; a second run changes nothing', () => {
  const dir = makeTree({ 'a.py': LOG_SOFTMAX, 'b.py': DOUBLE_SOFTMAX });
  const r = runCli(['fix', '--unsafe', '.'], dir);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.equal(r.stdout, 'Fixed 2 problems in 2 files; no problems remaining.\n');
  assert.equal(read(dir, 'b.py'), DOUBLE_SOFTMAX.replace('F.softmax(x, dim=1)', 'x'));
  const again = runCli(['fix', '--unsafe', '.'], dir);
  assert.equal(again.status, 0);
  assert.equal(again.stdout, 'No fixes applied; no problems remaining.\n');
});

test('fix --diff prints a unified diff, writes nothing, exits 1 when fixes would apply', () => {
  const dir = makeTree({ 'src/a.py': LOG_SOFTMAX });
  const r = runCli(['fix', '--diff', 'src'], dir);
  assert.equal(r.status, 1);
  assert.equal(
    r.stdout,
    [
      '--- a/src/a.py',
      '+++ b/src/a.py',
      '@@ -2,7 +2,7 @@',
      ' import torch.nn.functional as F',
      ' ',
      ' def lp(x):',
      '-    return torch.log(F.softmax(x, dim=1))',
      '+    return F.log_softmax(x, dim=1)',
      ' ',
      ' def nll(x, y):',
      '     return F.nll_loss(lp(x), y)',
      '',
    ].join('\n'),
  );
  assert.equal(r.stderr, 'Would fix 1 problem in 1 file; no problems remaining.\n');
  assert.equal(read(dir, 'src/a.py'), LOG_SOFTMAX, 'nothing written');
  assert.equal(runCli(['fix', '--diff', 'src/a.py'], makeTree({ 'src/a.py': LOG_SOFTMAX_FIXED })).status, 0);
});

test('a fix that edits another file of the same folder (the model forward) and one that needs an import', () => {
  const dir = makeTree({
    'pkg/network.py':
      'import torch.nn as nn\nimport torch.nn.functional as F\n\nclass Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.fc = nn.Linear(4, 3)\n\n    def forward(self, x):\n        return F.softmax(self.fc(x), dim=1)\n',
    'pkg/train.py':
      'import torch.nn as nn\nfrom network import Net\n\nnet = Net()\ncrit = nn.CrossEntropyLoss()\n\ndef step(x, y):\n    return crit(net(x), y)\n',
    'pkg/scores.py':
      'import torch\n\ndef lp(z):\n    return torch.log(torch.sigmoid(z))\n\ndef bce(z, y):\n    return -(y * lp(z)).mean()\n',
  });
  const r = runCli(['fix', '--unsafe', 'pkg'], dir);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(read(dir, 'pkg/network.py'), /\n {8}return self\.fc\(x\)\n$/);
  assert.equal(
    read(dir, 'pkg/scores.py'),
    'import torch\nimport torch.nn.functional as F\n\ndef lp(z):\n    return F.logsigmoid(z)\n\ndef bce(z, y):\n    return -(y * lp(z)).mean()\n',
  );
  assert.equal(runCli(['check', '--no-cache', 'pkg'], dir).stdout, 'All checks passed!\n');
});

test('fixes that overlap on one line are applied over several passes, never corrupting the text', () => {
  // The softmax is removed (LL001) and the log of softmax is rewritten (LL008) in the same expression.
  const text =
    'import torch\nimport torch.nn.functional as F\n\ndef step(x, y):\n    return F.nll_loss(torch.log(F.softmax(x, dim=1)), y) + F.cross_entropy(F.softmax(x, dim=1), y)\n';
  const dir = makeTree({ 'a.py': text });
  const r = runCli(['fix', '--unsafe', 'a.py'], dir);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.equal(
    read(dir, 'a.py'),
    'import torch\nimport torch.nn.functional as F\n\ndef step(x, y):\n    return F.nll_loss(F.log_softmax(x, dim=1), y) + F.cross_entropy(x, y)\n',
  );
});

test('the file mode is kept', () => {
  const dir = makeTree({ 'a.py': LOG_SOFTMAX });
  chmodSync(join(dir, 'a.py'), 0o640);
  assert.equal(runCli(['fix', 'a.py'], dir).status, 0);
  assert.equal(statSync(join(dir, 'a.py')).mode & 0o777, 0o640);
  assert.equal(read(dir, 'a.py'), LOG_SOFTMAX_FIXED);
});

/** Makes a folder unwritable: permission bits for a normal user, the immutable attribute for root. */
function lockFolder(path: string): (() => void) | string {
  if (process.getuid?.() !== 0) {
    chmodSync(path, 0o555);
    return () => chmodSync(path, 0o755);
  }
  const r = spawnSync('chattr', ['+i', path], { encoding: 'utf8' });
  if (r.status !== 0) return `running as root and chattr +i is unavailable here (${(r.stderr || r.error?.message || '').trim()})`;
  return () => {
    spawnSync('chattr', ['-i', path]);
  };
}

test('a folder where the temporary file cannot be created: clear error, exit 2, original intact', t => {
  const dir = makeTree({ 'ro/a.py': LOG_SOFTMAX, 'rw/b.py': LOG_SOFTMAX });
  const unlock = lockFolder(join(dir, 'ro'));
  if (typeof unlock === 'string') {
    t.skip(unlock);
    return;
  }
  try {
    const r = runCli(['fix', 'ro', 'rw'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^error: ro\/a\.py: cannot write the fixed file: (permission denied|EPERM); the file is unchanged$/m);
    assert.equal(read(dir, 'ro/a.py'), LOG_SOFTMAX);
    assert.deepEqual(readdirSync(join(dir, 'ro')), ['a.py']);
    assert.equal(read(dir, 'rw/b.py'), LOG_SOFTMAX_FIXED, 'the other files are still fixed');
  } finally {
    unlock();
  }
});

test('a write killed midway (file size limit reached) leaves the original file whole', () => {
  const dir = makeTree({ 'a.py': LOG_SOFTMAX });
  const cli = join(DIST, 'cli.js');
  // ulimit -f 0: the first byte written to the temporary file kills the process with SIGXFSZ.
  const r = spawnSync('sh', ['-c', `ulimit -f 0; exec "${process.execPath}" "${cli}" fix a.py`], { cwd: dir, encoding: 'utf8' });
  assert.notEqual(r.status, 0);
  assert.equal(read(dir, 'a.py'), LOG_SOFTMAX);
  assert.equal(runCli(['fix', 'a.py'], dir).status, 0, 'a later run still works');
  assert.equal(read(dir, 'a.py'), LOG_SOFTMAX_FIXED);
});

test('usage: unknown option and a missing path are errors (exit 2); --help prints usage', () => {
  const dir = makeTree({ 'a.py': CLEAN });
  const bad = runCli(['fix', '--fast', '.'], dir);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /unknown option '--fast' for fix/);
  const missing = runCli(['fix', 'nope.py'], dir);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /No such file or directory: nope\.py/);
  const help = runCli(['fix', '--help'], dir);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /losslens fix \[--unsafe\] \[--diff\] PATH\.\.\./);
});

test('check marks safe fixes with [*] and counts what fix and fix --unsafe would do', () => {
  const dir = makeTree({ 'a.py': LOG_SOFTMAX, 'b.py': DOUBLE_SOFTMAX });
  const r = runCli(['check', '--no-cache', '.'], dir);
  const lines = r.stdout.trimEnd().split('\n');
  assert.match(lines[0], /^a\.py:5:12: LL008 \[\*\] log of F\.softmax/);
  assert.match(lines[1], /^b\.py:5:28: LL001 F\.softmax/);
  assert.equal(lines.at(-1), 'Found 2 problems ([*] 1 fixable with `losslens fix`, 1 more fixable with `losslens fix --unsafe`).');
});

test('suppressed findings are not fixed', () => {
  const text = LOG_SOFTMAX.replace('dim=1))', 'dim=1))  # losslens: ignore[LL008]');
  const dir = makeTree({ 'a.py': text });
  const r = runCli(['fix', 'a.py'], dir);
  assert.equal(r.status, 0);
  assert.equal(read(dir, 'a.py'), text);
});
