// `losslens check` on Jupyter notebooks: cell positions in text, JSON and SARIF, folder walking,
// and clear messages (exit 2) for notebooks it cannot read.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, makeTree } from './run-cli';

const FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'notebooks');
const trees: string[] = [];
after(() => trees.forEach(t => rmSync(t, { recursive: true, force: true })));

/** A temporary folder holding copies of the named fixtures (and extra files). */
function folder(fixtures: string[], extra: Record<string, string> = {}): string {
  const dir = makeTree(extra);
  trees.push(dir);
  for (const f of fixtures) copyFileSync(join(FIXTURES, f), join(dir, f));
  return dir;
}

test('text output: file:cell N:line:column with the line inside the cell', () => {
  const dir = folder(['cross_cell_double_softmax.ipynb']);
  const r = runCli(['check', '--no-cache', 'cross_cell_double_softmax.ipynb'], dir);
  assert.equal(r.status, 1, r.stderr);
  const lines = r.stdout.trimEnd().split('\n');
  assert.match(
    lines[0],
    /^cross_cell_double_softmax\.ipynb:cell 7:5:22: LL001 nn\.Softmax\(dim=1\) output is passed to nn\.CrossEntropyLoss/,
  );
  assert.equal(lines.length, 2);
});

test('JSON: the contract fields with `cell` (1-based among all cells) and the line within the cell', () => {
  const dir = folder(['fixable_steps.ipynb', 'cross_cell_double_softmax.ipynb']);
  const r = runCli(['check', '--no-cache', '--format', 'json', '.'], dir);
  assert.equal(r.status, 1, r.stderr);
  const out = JSON.parse(r.stdout) as Record<string, unknown>[];
  assert.deepEqual(
    out.map(f => [f.file, f.cell, f.line, f.column, f.endLine, f.endColumn, f.code]),
    [
      [join(dir, 'cross_cell_double_softmax.ipynb'), 7, 5, 22, 5, 30, 'LL001'],
      [join(dir, 'fixable_steps.ipynb'), 3, 3, 28, 3, 29, 'LL001'],
      [join(dir, 'fixable_steps.ipynb'), 5, 2, 12, 2, 73, 'LL007'],
    ],
  );
  assert.deepEqual(Object.keys(out[0]), [
    'file',
    'line',
    'column',
    'endLine',
    'endColumn',
    'code',
    'name',
    'severity',
    'message',
    'cell',
    'fix',
  ]);
});

test('SARIF: the region is the line in the .ipynb JSON, the cell and its position are in properties', () => {
  const dir = folder(['cross_cell_double_softmax.ipynb']);
  const r = runCli(['check', '--no-cache', '--format', 'sarif', '.'], dir);
  assert.equal(r.status, 1, r.stderr);
  const [result] = JSON.parse(r.stdout).runs[0].results;
  const loc = result.locations[0].physicalLocation;
  assert.equal(loc.artifactLocation.uri, 'cross_cell_double_softmax.ipynb');
  const jsonLines = readFileSync(join(dir, 'cross_cell_double_softmax.ipynb'), 'utf8').split('\n');
  const line = jsonLines[loc.region.startLine - 1];
  assert.equal(line, '    "    loss = criterion(model(x), y)\\n",', 'the JSON line holding cell 7, line 5');
  assert.equal(line.slice(loc.region.startColumn - 1, loc.region.endColumn - 1), 'model(x)');
  assert.equal(result.properties.cell, 7);
  assert.deepEqual(result.properties.cellRegion, { startLine: 5, startColumn: 22, endLine: 5, endColumn: 30 });
});

test('negatives: magics, a %%bash cell and a model redefined after the loss are clean', () => {
  const dir = folder(['clean_training.ipynb', 'redefined_after_loss.ipynb']);
  const r = runCli(['check', '--no-cache', '.'], dir);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.equal(r.stdout, 'All checks passed!\n');
  assert.equal(r.stderr, '');
});

test('bad notebooks: a clear message each, exit 2, and the other files are still checked', () => {
  const cases: { file: string; message: string }[] = [
    {
      file: 'invalid_json.ipynb',
      message: "error: invalid_json.ipynb: not valid JSON (line 3, column 45: unexpected '}', expected a string)",
    },
    {
      file: 'nbformat3.ipynb',
      message:
        'error: nbformat3.ipynb: nbformat 3 notebooks are not supported; convert it with `jupyter nbconvert --to notebook --nbformat 4`',
    },
    { file: 'markdown_only.ipynb', message: 'error: markdown_only.ipynb: the notebook has no code cells' },
    { file: 'r_kernel.ipynb', message: 'error: r_kernel.ipynb: not a Python notebook (kernel language: R)' },
  ];
  for (const c of cases) {
    const dir = folder([c.file, 'cross_cell_double_softmax.ipynb']);
    const r = runCli(['check', '--no-cache', c.file, 'cross_cell_double_softmax.ipynb'], dir);
    assert.equal(r.status, 2, c.file);
    assert.equal(r.stderr.trimEnd(), c.message);
    assert.match(r.stdout, /cell 7:5:22: LL001/, `${c.file}: the good notebook is still checked`);
  }
});

test('a folder walk: broken notebooks are errors; R and markdown-only notebooks are skipped with a warning', () => {
  const dir = folder(['r_kernel.ipynb', 'markdown_only.ipynb', 'clean_training.ipynb']);
  const r = runCli(['check', '--no-cache', '.'], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(
    r.stderr,
    'warning: markdown_only.ipynb: the notebook has no code cells\nwarning: r_kernel.ipynb: not a Python notebook (kernel language: R)\n',
  );
  const broken = folder(['invalid_json.ipynb']);
  assert.equal(runCli(['check', '--no-cache', '.'], broken).status, 2);
});

test('suppression comments and project configuration apply inside notebooks; the cache answers a second run', () => {
  const nb = readFileSync(join(FIXTURES, 'cross_cell_double_softmax.ipynb'), 'utf8');
  const dir = folder([], {
    'suppressed.ipynb': nb.replace(
      '"    loss = criterion(model(x), y)\\n"',
      '"    loss = criterion(model(x), y)  # losslens: ignore[LL001]\\n"',
    ),
    'sub/train.ipynb': nb,
    'sub/losslens.toml': '[severity]\nLL001 = "info"\n',
  });
  const first = runCli(['check', '--format', 'json', '.'], dir);
  const records = JSON.parse(first.stdout) as { file: string; severity: string; cell: number }[];
  assert.deepEqual(
    records.map(r => [r.file, r.severity, r.cell]),
    [[join(dir, 'sub', 'train.ipynb'), 'info', 7]],
  );
  const second = runCli(['check', '--format', 'json', '.'], dir);
  assert.equal(second.stdout, first.stdout, 'same records from the cache');
  assert.ok(readdirSync(join(dir, '.losslens-cache')).length > 0);
});

test('fix: a cross-cell fix edits only the changed cell; outputs, metadata and other cells stay byte-identical', () => {
  const dir = folder(['cross_cell_double_softmax.ipynb', 'fixable_steps.ipynb', 'clean_training.ipynb']);
  const before = (f: string) => readFileSync(join(FIXTURES, f), 'utf8');
  const now = (f: string) => readFileSync(join(dir, f), 'utf8');

  const safe = runCli(['fix', '.'], dir);
  assert.equal(safe.status, 1, 'the fixes here are unsafe: nothing applied, findings remain');
  assert.match(safe.stdout, /^cross_cell_double_softmax\.ipynb:cell 7:5:22: LL001 /m);
  for (const f of ['cross_cell_double_softmax.ipynb', 'fixable_steps.ipynb']) assert.equal(now(f), before(f));

  const diff = runCli(['fix', '--unsafe', '--diff', 'cross_cell_double_softmax.ipynb'], dir);
  assert.equal(diff.status, 1);
  assert.match(diff.stdout, /^- {4}" {4}nn\.Softmax\(dim=1\),\\n",$/m);
  assert.equal(now('cross_cell_double_softmax.ipynb'), before('cross_cell_double_softmax.ipynb'), '--diff writes nothing');

  const r = runCli(['fix', '--unsafe', '.'], dir);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.equal(r.stdout, 'Fixed 3 problems in 2 files; no problems remaining.\n');
  // Byte for byte: the only difference is inside the fixed cells' sources.
  assert.equal(
    now('cross_cell_double_softmax.ipynb'),
    before('cross_cell_double_softmax.ipynb').replace('    "    nn.Softmax(dim=1),\\n",\n', ''),
  );
  assert.equal(
    now('fixable_steps.ipynb'),
    before('fixable_steps.ipynb')
      .replace('"    p = F.softmax(x, dim=1)\\n"', '"    p = x\\n"')
      .replace('teacher_probs)\\n"', "teacher_probs, reduction='batchmean')\\n\""),
  );
  assert.equal(now('clean_training.ipynb'), before('clean_training.ipynb'));

  const again = runCli(['fix', '--unsafe', '.'], dir);
  assert.equal(again.stdout, 'No fixes applied; no problems remaining.\n');
  assert.equal(runCli(['check', '--no-cache', '.'], dir).status, 0);
});

test('fix: bad notebooks get the same messages as check, exit 2', () => {
  const dir = folder(['invalid_json.ipynb']);
  const r = runCli(['fix', 'invalid_json.ipynb'], dir);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^error: invalid_json\.ipynb: not valid JSON \(line 3, column 45/);
});
