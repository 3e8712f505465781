// `losslens check`: output formats, exit codes, folder walking and configuration.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, symlinkSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, makeTree, DOUBLE_SOFTMAX, SIGMOID_BCE, CLEAN } from './run-cli';

const trees: string[] = [];
function tree(files: Record<string, string>): string {
  const t = makeTree(files);
  trees.push(t);
  return t;
}
after(() => trees.forEach(t => rmSync(t, { recursive: true, force: true })));

test('JSON: exactly the contract fields, absolute file, 1-based code-point columns, fix', () => {
  const root = tree({
    'train.py': DOUBLE_SOFTMAX.replace('def step', '# ünïcode ✓ 🙂\ndef step').replace('    return', '    s = "🙂"; return'),
  });
  const r = runCli(['check', '--no-cache', '--format', 'json', '.'], root);
  assert.equal(r.status, 1, r.stderr);
  const out = JSON.parse(r.stdout) as Record<string, unknown>[];
  assert.equal(out.length, 1);
  const f = out[0];
  assert.deepEqual(Object.keys(f), ['file', 'line', 'column', 'endLine', 'endColumn', 'code', 'name', 'severity', 'message', 'fix']);
  assert.equal(f.file, join(root, 'train.py'));
  assert.equal(f.code, 'LL001');
  assert.equal(f.name, 'double-softmax');
  assert.equal(f.severity, 'error');
  assert.equal(f.line, 6);
  // `    s = "🙂"; return F.cross_entropy(p, y)`: the emoji is one character (two UTF-16 units), so p is column 37.
  assert.equal(f.column, 37);
  assert.deepEqual([f.endLine, f.endColumn], [6, 38]);
  assert.deepEqual(Object.keys(f.fix as object), ['title', 'applicability']);
});

test('exit codes and --fail-on', () => {
  const clean = tree({ 'ok.py': CLEAN });
  const warn = tree({ 'warn.py': SIGMOID_BCE });
  const err = tree({ 'err.py': DOUBLE_SOFTMAX });
  const cases: [string, string[], number][] = [
    [clean, [], 0],
    [warn, [], 1], // default --fail-on warning
    [warn, ['--fail-on', 'error'], 0],
    [warn, ['--fail-on=info'], 1],
    [err, ['--fail-on', 'never'], 0],
    [err, ['--fail-on', 'error'], 1],
  ];
  for (const [dir, flags, expected] of cases) {
    const r = runCli(['check', '--no-cache', ...flags, '.'], dir);
    assert.equal(r.status, expected, `${flags.join(' ')} in ${dir}: ${r.stdout}${r.stderr}`);
  }
});

test('usage errors exit 2 with the usage text', () => {
  const dir = tree({ 'ok.py': CLEAN });
  for (const args of [
    ['check', '--bogus', '.'],
    ['check', '--format', 'xml', '.'],
    ['check', '--fail-on', 'sometimes'],
    ['frobnicate'],
    [],
  ]) {
    const r = runCli(args, dir);
    assert.equal(r.status, 2, args.join(' '));
    assert.match(r.stderr, /Usage:/);
  }
  assert.equal(runCli(['--help'], dir).status, 0);
  assert.match(runCli(['--version'], dir).stdout, /^losslens \d+\.\d+\.\d+/);
});

test('a missing path exits 2 naming it, after checking the others', () => {
  const dir = tree({ 'err.py': DOUBLE_SOFTMAX });
  const r = runCli(['check', '--no-cache', 'nope.py', 'err.py'], dir);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /No such file or directory: nope\.py/);
  assert.match(r.stdout, /err\.py:5:28: LL001/);
});

test('an unreadable file inside a folder is reported on stderr; the others are still checked; exit 2', () => {
  const dir = tree({ 'err.py': DOUBLE_SOFTMAX });
  symlinkSync(join(dir, 'missing-target.py'), join(dir, 'dangling.py'));
  const r = runCli(['check', '--no-cache', '.'], dir);
  assert.equal(r.status, 2, r.stdout + r.stderr);
  assert.match(r.stderr, /dangling\.py: cannot read file/);
  assert.match(r.stdout, /err\.py:5:28: LL001/);
});

test('a file with a syntax error does not stop the others, and is analysed around the error', () => {
  const broken = 'import torch.nn.functional as F\n\ndef g(x, y:\n    return 1\n\nx = 1\n' + DOUBLE_SOFTMAX.split('\n').slice(2).join('\n');
  const dir = tree({ 'a_broken.py': broken, 'b_good.py': DOUBLE_SOFTMAX });
  const r = runCli(['check', '--no-cache', '--format', 'json', '.'], dir);
  assert.equal(r.status, 1, r.stderr);
  const files = (JSON.parse(r.stdout) as { file: string }[]).map(f => f.file.split('/').pop());
  assert.deepEqual(files, ['a_broken.py', 'b_good.py']);
});

test('text format: Ruff-like lines relative to the working directory, summary, no colour when piped', () => {
  const dir = tree({ 'src/train.py': DOUBLE_SOFTMAX, 'src/ok.py': CLEAN });
  const r = runCli(['check', '--no-cache', 'src'], dir);
  assert.equal(r.status, 1);
  const lines = r.stdout.trimEnd().split('\n');
  assert.match(lines[0], /^src\/train\.py:5:28: LL001 F\.softmax output is passed to F\.cross_entropy/);
  assert.equal(lines.at(-1), 'Found 1 problem (1 fixable with `losslens fix --unsafe`).');
  assert.ok(!r.stdout.includes('\u001b['), 'no ANSI escapes');
  assert.equal(runCli(['check', '--no-cache', 'src/ok.py'], dir).stdout, 'All checks passed!\n');
});

test('SARIF 2.1.0: rules with helpUri, results with ruleId, level and relative locations', () => {
  const dir = tree({ 'pkg/train.py': DOUBLE_SOFTMAX, 'pkg/warn.py': SIGMOID_BCE });
  const r = runCli(['check', '--no-cache', '--format', 'sarif', 'pkg'], dir);
  assert.equal(r.status, 1);
  const log = JSON.parse(r.stdout);
  assert.equal(log.version, '2.1.0');
  assert.match(log.$schema, /sarif-2\.1\.0/);
  const run = log.runs[0];
  assert.equal(run.tool.driver.name, 'LossLens');
  const ll001 = run.tool.driver.rules.find((x: { id: string }) => x.id === 'LL001');
  assert.equal(ll001.helpUri, 'https://github.com/losslens/losslens/blob/main/docs/rules/LL001.md');
  assert.equal(ll001.defaultConfiguration.level, 'error');
  assert.ok(ll001.shortDescription.text);
  assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri.startsWith('file:///'), true);
  const byRule = Object.fromEntries(run.results.map((x: { ruleId: string }) => [x.ruleId, x]));
  assert.deepEqual(Object.keys(byRule).sort(), ['LL001', 'LL003']);
  assert.equal(byRule.LL001.level, 'error');
  assert.equal(byRule.LL003.level, 'warning');
  assert.equal(run.tool.driver.rules[byRule.LL001.ruleIndex].id, 'LL001');
  const loc = byRule.LL001.locations[0].physicalLocation;
  assert.deepEqual(loc.artifactLocation, { uri: 'pkg/train.py', uriBaseId: '%SRCROOT%' });
  assert.deepEqual(loc.region, { startLine: 5, startColumn: 28, endLine: 5, endColumn: 29 });
});

test('folder walking: .gitignore (patterns, negation, dir-only, anchored), venvs, node_modules, hidden folders', () => {
  const dir = tree({
    '.gitignore': 'build/\n*.gen.py\n!keep.gen.py\n/top_only.py\n',
    'kept.py': DOUBLE_SOFTMAX,
    'keep.gen.py': DOUBLE_SOFTMAX,
    'drop.gen.py': DOUBLE_SOFTMAX,
    'top_only.py': DOUBLE_SOFTMAX,
    'sub/top_only.py': DOUBLE_SOFTMAX,
    'sub/.gitignore': 'local.py\n',
    'sub/local.py': DOUBLE_SOFTMAX,
    'build/out.py': DOUBLE_SOFTMAX,
    'env/pyvenv.cfg': 'home = /usr/bin\n',
    'env/lib/site.py': DOUBLE_SOFTMAX,
    '.venv/x.py': DOUBLE_SOFTMAX,
    '.hidden/x.py': DOUBLE_SOFTMAX,
    'node_modules/pkg/x.js': 'const tf = require("@tensorflow/tfjs");\ntf.losses.softmaxCrossEntropy(y, tf.softmax(z));\n',
    '__pycache__/x.py': DOUBLE_SOFTMAX,
  });
  const r = runCli(['check', '--no-cache', '--format', 'json', '.'], dir);
  const files = [...new Set((JSON.parse(r.stdout) as { file: string }[]).map(f => f.file.slice(dir.length + 1)))].sort();
  assert.deepEqual(files, ['keep.gen.py', 'kept.py', 'sub/top_only.py']);
});

test('project configuration: pyproject ignore/severity apply; an invalid file is an error naming file:line', () => {
  const dir = tree({
    'a/pyproject.toml': '[tool.losslens]\nignore = ["LL001"]\n',
    'a/train.py': DOUBLE_SOFTMAX,
    'b/losslens.toml': 'severity = { LL003 = "error" }\nexclude = ["gen"]\n',
    'b/warn.py': SIGMOID_BCE,
    'b/gen/x.py': DOUBLE_SOFTMAX,
    'c/pyproject.toml': '[tool.losslens]\n\nselect = ["LL01x"]\n',
    'c/train.py': DOUBLE_SOFTMAX,
  });
  const a = runCli(['check', '--no-cache', 'a'], dir);
  assert.equal(a.status, 0, a.stdout);
  const b = JSON.parse(runCli(['check', '--no-cache', '--format', 'json', 'b'], dir).stdout) as { code: string; severity: string }[];
  assert.deepEqual(
    b.map(f => [f.code, f.severity]),
    [['LL003', 'error']],
  );
  const c = runCli(['check', '--no-cache', 'c'], dir);
  assert.equal(c.status, 2);
  assert.match(c.stderr, /c\/pyproject\.toml:3: .*'LL01x'/);
});

test('cache: a warm run gives the same report; --no-cache writes nothing', () => {
  const dir = tree({ 'train.py': DOUBLE_SOFTMAX, 'warn.py': SIGMOID_BCE, 'ok.py': CLEAN });
  const cold = runCli(['check', '--format', 'json', '.'], dir);
  assert.ok(existsSync(join(dir, '.losslens-cache')));
  const warm = runCli(['check', '--format', 'json', '.'], dir);
  assert.equal(warm.stdout, cold.stdout);
  assert.equal(warm.status, cold.status);
  const other = tree({ 'train.py': DOUBLE_SOFTMAX });
  runCli(['check', '--no-cache', '.'], other);
  assert.equal(existsSync(join(other, '.losslens-cache')), false);
});

test('cache: editing an imported file invalidates its importer', () => {
  const dir = tree({
    'model.py': 'import torch.nn.functional as F\n\ndef predict(x):\n    return F.softmax(x, dim=1)\n',
    'train.py':
      'import torch.nn.functional as F\nfrom model import predict\n\ndef step(x, y):\n    return F.cross_entropy(predict(x), y)\n',
  });
  const first = runCli(['check', '--format', 'json', '.'], dir);
  assert.deepEqual(
    (JSON.parse(first.stdout) as { code: string }[]).map(f => f.code),
    ['LL001'],
  );
  writeFileSync(join(dir, 'model.py'), 'import torch.nn.functional as F\n\ndef predict(x):\n    return x\n');
  const second = runCli(['check', '--format', 'json', '.'], dir);
  assert.deepEqual(JSON.parse(second.stdout), []);
});

test('worker threads give the same report as a single thread', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 170; i++) files[`m${String(i).padStart(3, '0')}.py`] = i % 40 === 0 ? DOUBLE_SOFTMAX : CLEAN;
  files['plain.py'] = 'print("no framework here")\n';
  const dir = tree(files);
  const single = runCli(['check', '--no-cache', '--format', 'json', '.'], dir, { LOSSLENS_WORKERS: '1' });
  const multi = runCli(['check', '--no-cache', '--format', 'json', '.'], dir, { LOSSLENS_WORKERS: '2' });
  assert.equal(single.status, 1);
  assert.equal(multi.stdout, single.stdout);
  assert.equal((JSON.parse(multi.stdout) as unknown[]).length, 5);
});

test('hostile configuration: a __proto__ table is a configuration error (file:line) and checking goes on', () => {
  const dir = tree({
    // Once this rewrote Object.prototype: `select` there made every file pass, `error = "off"` crashed the CLI.
    'a/losslens.toml': '[__proto__]\nselect = ["LL002"]\nerror = "off"\n',
    'a/train.py': DOUBLE_SOFTMAX,
    // A pyproject.toml met while walking up, with no LossLens table: another tool's broken file.
    'b/pyproject.toml': '[tool.other]\n__proto__.select = ["LL002"]\n',
    'b/c/train.py': DOUBLE_SOFTMAX,
  });
  const a = runCli(['check', '--no-cache', '--format', 'json', 'a'], dir);
  assert.equal(a.status, 2, a.stderr);
  assert.match(a.stderr, /a\/losslens\.toml:1: .*'__proto__' is not allowed/);
  assert.deepEqual(
    (JSON.parse(a.stdout) as { code: string }[]).map(f => f.code),
    ['LL001'],
  );
  const b = runCli(['check', '--no-cache', '--format', 'json', 'b'], dir);
  assert.equal(b.status, 1, b.stderr);
  assert.deepEqual(
    (JSON.parse(b.stdout) as { code: string }[]).map(f => f.code),
    ['LL001'],
  );
});

test('hostile exclude globs: an invalid class is a configuration error (file:line), backtracking bombs finish', () => {
  const deepStars = `${'**/'.repeat(60)}z`;
  const dir = tree({
    'a/losslens.toml': `exclude = [\n  "gen",\n  "[z-a]",\n  "*a*a*a*a*a*a*a*a*a*a*a*a*b",\n  "${deepStars}",\n]\n`,
    'a/train.py': DOUBLE_SOFTMAX,
    [`a/${'aaaaaaaaaa'.repeat(20)}.py`]: DOUBLE_SOFTMAX,
    [`a/${'d/'.repeat(40)}deep.py`]: DOUBLE_SOFTMAX,
    'a/gen/x.py': DOUBLE_SOFTMAX,
  });
  const r = runCli(['check', '--no-cache', '--format', 'json', 'a'], dir);
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /a\/losslens\.toml:1: Invalid glob "\[z-a\]" in 'exclude': invalid character range 'z-a'/);
  assert.doesNotMatch(r.stderr, /SyntaxError|\n\s+at /, 'no stack trace');
  const files = (JSON.parse(r.stdout) as { file: string; code: string }[]).map(f => f.file.slice(join(dir, 'a').length + 1)).sort();
  assert.deepEqual(files, [`${'aaaaaaaaaa'.repeat(20)}.py`, `${'d/'.repeat(40)}deep.py`, 'train.py']);
});

test('one bad file never hides the others: a notebook nested 8,000 deep, a 2,500-term chain, a self-constructing class', () => {
  const tfjsLoss =
    '\nexport function step(ys: tf.Tensor, logits: tf.Tensor) {\n  const probs = tf.softmax(logits);\n  return tf.losses.softmaxCrossEntropy(ys, probs);\n}\n';
  const dir = tree({
    'deep.ipynb': `{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [], "x": ${'['.repeat(8000)}${']'.repeat(8000)}}`,
    'chain.ts': `import * as tf from '@tensorflow/tfjs';\nconst a = 1;\nconst x = ${Array(2500).fill('a').join(' + ')};\n${tfjsLoss}`,
    'selfnew.ts': `import * as tf from '@tensorflow/tfjs';\nclass Node2 {\n  child = new Node2();\n}\n${tfjsLoss}`,
    'train.py': DOUBLE_SOFTMAX,
  });
  for (const command of ['check', 'fix']) {
    const r = runCli(command === 'check' ? ['check', '--no-cache', '--format', 'json', '.'] : ['fix', '--diff', '.'], dir);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /deep\.ipynb: not valid JSON .*nested deeper than 512 levels/);
    assert.doesNotMatch(r.stderr, /RangeError|Maximum call stack/);
    if (command === 'check') {
      const found = (JSON.parse(r.stdout) as { file: string; code: string }[]).map(f => `${f.file.slice(dir.length + 1)} ${f.code}`).sort();
      assert.deepEqual(found, ['chain.ts LL001', 'selfnew.ts LL001', 'train.py LL001']);
    }
  }
});
