// `losslens check` reports what a caller's values cause in another file on that file, exactly once,
// in folder and single-file runs, on one thread and on workers, with the callee's configuration.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTree, runCli, CLEAN } from './run-cli';

const MODELS =
  'import torch.nn as nn\nimport torch.nn.functional as F\n\n\nclass Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.fc = nn.Linear(10, 3)\n\n    def forward(self, x):\n        return F.softmax(self.fc(x), dim=1)\n';
const ENGINE = 'def train_one_epoch(model, loader, criterion):\n    for x, y in loader:\n        loss = criterion(model(x), y)\n';
const MAIN =
  'import torch.nn as nn\nfrom models import Net\nfrom engine import train_one_epoch\n\ntrain_one_epoch(Net(), [], nn.CrossEntropyLoss())\n';
const OTHER_MAIN = MAIN.replace('Net(), []', 'Net(), [1]');

const dirs: string[] = [];
after(() => dirs.forEach(d => rmSync(d, { recursive: true, force: true })));
function tree(files: Record<string, string>): string {
  const d = makeTree(files);
  dirs.push(d);
  return d;
}
const places = (stdout: string) =>
  (JSON.parse(stdout) as { file: string; line: number; code: string }[]).map(f => `${f.file.split('/').pop()}:${f.line}:${f.code}`);

test('folder run: the finding is on engine.py once, whatever the number of callers or workers', () => {
  const files: Record<string, string> = { 'models.py': MODELS, 'engine.py': ENGINE, 'main.py': MAIN, 'main2.py': OTHER_MAIN };
  for (let i = 0; i < 160; i++) files[`m${String(i).padStart(3, '0')}.py`] = CLEAN;
  const dir = tree(files);
  const single = runCli(['check', '--no-cache', '--format', 'json', '.'], dir, { LOSSLENS_WORKERS: '1' });
  const multi = runCli(['check', '--no-cache', '--format', 'json', '.'], dir, { LOSSLENS_WORKERS: '2' });
  assert.deepEqual(places(single.stdout), ['engine.py:3:LL001'], single.stderr);
  assert.equal(multi.stdout, single.stdout);
  // warm: answered from the cache, the same
  runCli(['check', '--format', 'json', '.'], dir);
  assert.equal(runCli(['check', '--format', 'json', '.'], dir).stdout, single.stdout);
});

test('single-file run of the callee finds its callers; of the caller reports nothing elsewhere', () => {
  const dir = tree({ 'models.py': MODELS, 'engine.py': ENGINE, 'main.py': MAIN });
  assert.deepEqual(places(runCli(['check', '--no-cache', '--format', 'json', 'engine.py'], dir).stdout), ['engine.py:3:LL001']);
  assert.deepEqual(places(runCli(['check', '--no-cache', '--format', 'json', 'main.py'], dir).stdout), []);
  assert.deepEqual(places(runCli(['check', '--no-cache', '--format', 'json', 'engine.py', 'main.py'], dir).stdout), ['engine.py:3:LL001']);
});

test('--shard: the callee reports it in its own shard, whichever shard holds the caller', () => {
  const dir = tree({
    'a_models.py': MODELS,
    'b_engine.py': ENGINE,
    'c_main.py': MAIN.replace('from models', 'from a_models').replace('from engine', 'from b_engine'),
  });
  const all = [1, 2, 3].flatMap(k => places(runCli(['check', '--no-cache', '--format', 'json', '--shard', `${k}/3`, '.'], dir).stdout));
  assert.deepEqual(all, ['b_engine.py:3:LL001']);
});

test("the callee's suppressions and excludes apply", () => {
  const dir = tree({
    'models.py': MODELS,
    'engine.py': ENGINE.replace('criterion(model(x), y)', 'criterion(model(x), y)  # losslens: ignore[LL001]'),
    'main.py': MAIN,
  });
  const r = runCli(['check', '--no-cache', '--format', 'json', '.'], dir);
  assert.deepEqual(places(r.stdout), [], 'suppressed, and the suppression is used');
  writeFileSync(join(dir, 'engine.py'), ENGINE);
  writeFileSync(join(dir, 'pyproject.toml'), '[tool.losslens]\nexclude = ["engine.py"]\n');
  assert.deepEqual(places(runCli(['check', '--no-cache', '--format', 'json', '.'], dir).stdout), []);
});
