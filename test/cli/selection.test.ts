// `losslens check`: Ruff-style rule selection (flags and the same names in the project file),
// per-file-ignores, `--shard`, `--stdin-filename`, `noqa` comments and the progress line.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, makeTree, DIST, DOUBLE_SOFTMAX } from './run-cli';

const REPO = join(__dirname, '..', '..', '..');
const PROJECT = join(REPO, 'test', 'fixtures', 'cli-formats', 'project');
/** What the project reports with no selection. */
const ALL_CODES = ['LL001', 'LL005', 'LL006', 'LL007', 'LL008', 'LL019'];

const trees: string[] = [];
after(() => trees.forEach(t => rmSync(t, { recursive: true, force: true })));

function copyOfProject(config?: string, file = 'losslens.toml'): string {
  const dir = mkdtempSync(join(tmpdir(), 'losslens-select-'));
  trees.push(dir);
  cpSync(PROJECT, dir, { recursive: true });
  if (config !== undefined) writeFileSync(join(dir, file), config);
  return dir;
}

function codes(dir: string, flags: string[] = []): string[] {
  const r = runCli(['check', '--no-cache', '--format', 'json', ...flags, '.'], dir);
  assert.notEqual(r.status, 2, r.stderr);
  return [...new Set((JSON.parse(r.stdout) as { code: string }[]).map(f => f.code))].sort();
}

const without = (...ids: string[]) => ALL_CODES.filter(c => !ids.includes(c));

/** [flags, the same in losslens.toml, the codes reported]. */
const SELECTION: [string[], string, string[]][] = [
  [[], '', ALL_CODES],
  [['--select', 'ALL'], 'select = ["ALL"]', ALL_CODES],
  [['--select', 'LL00'], 'select = ["LL00"]', without('LL019')],
  [['--select', 'LL0', '--ignore', 'LL00'], 'select = ["LL0"]\nignore = ["LL00"]', ['LL019']],
  [['--select', 'LL001,LL019'], 'select = ["LL001", "LL019"]', ['LL001', 'LL019']],
  [['--select', 'LL001', '--select', 'll019'], 'select = ["LL001", "ll019"]', ['LL001', 'LL019']],
  [['--ignore', 'LL0'], 'ignore = ["LL0"]', []],
  [['--extend-ignore', 'LL007'], 'extend-ignore = ["LL007"]', without('LL007')],
  [['--select', 'ALL', '--ignore', 'LL001'], 'select = ["ALL"]\nignore = ["LL001"]', without('LL001')],
  // The more specific selector wins: a rule id over its prefix, either way round.
  [['--select', 'LL008', '--ignore', 'LL00'], 'select = ["LL008"]\nignore = ["LL00"]', ['LL008']],
  [['--select', 'LL00', '--ignore', 'LL008'], 'select = ["LL00"]\nignore = ["LL008"]', ['LL001', 'LL005', 'LL006', 'LL007']],
  [['--select', 'LL00', '--extend-select', 'LL019'], 'select = ["LL00"]\nextend-select = ["LL019"]', ALL_CODES],
  [['--extend-select', 'LL019', '--ignore', 'LL01'], 'extend-select = ["LL019"]\nignore = ["LL01"]', ALL_CODES],
];

for (const [flags, toml, expected] of SELECTION) {
  test(`selection ${flags.join(' ') || '(none)'}: flags and losslens.toml agree`, () => {
    assert.deepEqual(codes(PROJECT, flags), expected, 'flags');
    assert.deepEqual(codes(copyOfProject(toml)), expected, 'losslens.toml');
    assert.deepEqual(codes(copyOfProject(`[tool.losslens]\n${toml}\n`, 'pyproject.toml')), expected, 'pyproject.toml');
  });
}

test('pyproject [tool.losslens] takes the same names', () => {
  const dir = copyOfProject();
  writeFileSync(join(dir, 'pyproject.toml'), '[tool.losslens]\nselect = ["LL00"]\nextend-ignore = ["LL001"]\n');
  assert.deepEqual(codes(dir), ['LL005', 'LL006', 'LL007', 'LL008']);
});

test('the command line overrides the project file', () => {
  const dir = copyOfProject('ignore = ["LL001"]\nselect = ["LL00"]\n');
  assert.deepEqual(codes(dir), ['LL005', 'LL006', 'LL007', 'LL008']);
  assert.deepEqual(codes(dir, ['--select', 'LL001']), ['LL001']);
  assert.deepEqual(codes(dir, ['--extend-select', 'LL019']), ['LL005', 'LL006', 'LL007', 'LL008', 'LL019']);
  assert.deepEqual(codes(dir, ['--ignore', 'LL005']), ['LL006', 'LL007', 'LL008']);
});

test('per-file-ignores: globs relative to the configuration file, prefixes, after the command line', () => {
  const dir = copyOfProject('[per-file-ignores]\n"pkg/**" = ["LL001"]\n"distillation.py" = ["LL00", "LL019"]\n');
  assert.deepEqual(codes(dir), []);
  assert.deepEqual(codes(dir, ['--select', 'LL001']), []);
  // Relative to the configuration's folder: `pkg/**` does not match a file of a `pkg` folder deeper down.
  const nested = copyOfProject('[per-file-ignores]\n"/train.ts" = ["LL001"]\n');
  assert.deepEqual(codes(nested), ALL_CODES);
});

test('invalid selectors: usage error on the command line, configuration error (file:line) in the project file', () => {
  for (const bad of ['E501', 'LL9', 'LL0001', 'L']) {
    const r = runCli(['check', '--no-cache', '--select', bad, '.'], PROJECT);
    assert.equal(r.status, 2, bad);
    assert.match(r.stderr, /not a rule id or prefix|Unknown rule/);
  }
  const dir = copyOfProject('select = ["LL9"]\n\n[per-file-ignores]\n"tests/**" = ["E501"]\n');
  const r = runCli(['check', '--no-cache', '.'], dir);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /losslens\.toml:1: Unknown rule 'LL9' in 'select'/);
  assert.match(r.stderr, /losslens\.toml:4: 'E501' in 'per-file-ignores' is not a rule id or prefix/);
});

test('--shard 1/3, 2/3, 3/3 together are the unsharded run, each file in one shard; imports still resolve', () => {
  const run = (flags: string[]) =>
    JSON.parse(runCli(['check', '--no-cache', '--format', 'json', ...flags, 'examples', 'test/fixtures/cli-formats'], REPO).stdout) as {
      file: string;
    }[];
  const whole = run([]);
  const shards = [1, 2, 3].map(k => run(['--shard', `${k}/3`]));
  const key = (f: object) => JSON.stringify(f);
  assert.deepEqual(shards.flat().map(key).sort(), whole.map(key).sort());
  const files = shards.map(s => new Set(s.map(f => f.file)));
  for (let i = 0; i < 3; i++) for (let j = i + 1; j < 3; j++) assert.ok(![...files[i]].some(f => files[j].has(f)));
  assert.ok(shards.filter(s => s.length > 0).length >= 2, 'the findings are spread over shards');
  // examples/pytorch/cross_file/train.py's finding needs model.py, which may be in another shard.
  assert.ok(whole.some(f => f.file.includes('cross_file')));
  assert.equal(runCli(['check', '--shard', '4/3', '.'], REPO).status, 2);
});

function stdinRun(args: string[], cwd: string, input: string) {
  return spawnSync(process.execPath, [join(DIST, 'cli.js'), ...args], {
    cwd,
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '' },
  });
}

test('--stdin-filename: the document from stdin, reported as NAME, configuration and imports from its folder', () => {
  const dir = makeTree({
    'quiet/losslens.toml': 'ignore = ["LL001"]\n',
    'lib/model.py': 'import torch.nn.functional as F\n\ndef probs(x):\n    return F.softmax(x, dim=1)\n',
  });
  trees.push(dir);
  const r = stdinRun(['check', '--no-cache', '--stdin-filename', 'src/new.py'], dir, DOUBLE_SOFTMAX);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /^src\/new\.py:5:28: LL001 /);
  assert.equal(stdinRun(['check', '--no-cache', '--stdin-filename', 'quiet/new.py'], dir, DOUBLE_SOFTMAX).stdout, 'All checks passed!\n');
  const imported = 'import torch.nn.functional as F\nfrom model import probs\n\ndef step(x, y):\n    return F.cross_entropy(probs(x), y)\n';
  const viaImport = stdinRun(['check', '--stdin-filename', 'lib/train.py', '--format', 'json'], dir, imported);
  assert.deepEqual(
    (JSON.parse(viaImport.stdout) as { code: string; file: string }[]).map(f => [f.code, f.file]),
    [['LL001', join(dir, 'lib', 'train.py')]],
  );
  assert.equal(stdinRun(['check', '--stdin-filename', 'x.py', 'other.py'], dir, '').status, 2);
});

/** [comment appended to the loss line, respect-bare-noqa, codes reported]. */
const NOQA: [string, boolean, string[]][] = [
  ['', false, ['LL001']],
  ['  # noqa: LL001', false, []],
  ['  # noqa:LL001', false, []],
  ['  # NOQA: ll001', false, []],
  ['  # noqa: E501, LL001', false, []],
  ['  # noqa: LL001 LL005', false, ['LL000']],
  ['  # noqa: LL005', false, ['LL000', 'LL001']],
  ['  # noqa: E501', false, ['LL001']],
  ['  # noqa: E501, W291', true, ['LL001']],
  ['  # noqa', false, ['LL001']],
  ['  # noqa', true, []],
  ['  # losslens: ignore[LL001]  # noqa: E501', false, []],
];
for (const [comment, bare, expected] of NOQA) {
  test(`noqa: ${JSON.stringify(comment)}${bare ? ' with respect-bare-noqa' : ''} → ${expected.join(', ') || 'nothing'}`, () => {
    const files: Record<string, string> = { 'a.py': DOUBLE_SOFTMAX.replace('(p, y)', `(p, y)${comment}`) };
    if (bare) files['losslens.toml'] = 'respect-bare-noqa = true\n';
    const dir = makeTree(files);
    trees.push(dir);
    assert.deepEqual(codes(dir), expected);
  });
}

test('noqa: an unused LL code is LL000 at the code; `// noqa` in TypeScript', () => {
  const dir = makeTree({ 'a.py': DOUBLE_SOFTMAX.replace('(p, y)', '(p, y)  # noqa: E501, LL001, LL005') });
  trees.push(dir);
  const r = runCli(['check', '--no-cache', '.'], dir);
  assert.match(r.stdout, /^a\.py:5:56: LL000 Unused noqa code LL005$/m);
  const ts = copyOfProject();
  const file = join(ts, 'pkg', 'train.ts');
  writeFileSync(file, readFileSync(file, 'utf8').replace('predictions);', 'predictions); // noqa: LL001'));
  assert.deepEqual(codes(ts), without('LL001'));
});

test('progress line: on a terminal for text output only, never when piped', t => {
  if (spawnSync('script', ['--version']).status !== 0) {
    t.skip('util-linux `script` is not installed');
    return;
  }
  const env = { ...process.env, LOSSLENS_PROGRESS_DELAY_MS: '0', NO_COLOR: '1', TERM: 'xterm' };
  const onTty = (flags: string) =>
    spawnSync('script', ['-qec', `${process.execPath} ${join(DIST, 'cli.js')} check --no-cache ${flags} .`, '/dev/null'], {
      cwd: PROJECT,
      env,
      encoding: 'utf8',
    }).stdout;
  const text = onTty('');
  assert.match(text, /Checking files: 2\/2/);
  // Erased before the report.
  assert.ok(text.includes('\r\u001b[2Kdistillation.py:18'), JSON.stringify(text.slice(0, 200)));
  for (const flags of ['--format json', '--output-format github', '--quiet']) assert.doesNotMatch(onTty(flags), /Checking files/, flags);
  const piped = runCli(['check', '--no-cache', '.'], PROJECT, { LOSSLENS_PROGRESS_DELAY_MS: '0' });
  assert.doesNotMatch(piped.stderr + piped.stdout, /Checking files/);
});
