// `losslens check --output-format sarif` against the official SARIF 2.1.0 JSON schema (committed in
// test/fixtures/schemas, draft-04, formats checked), and the promise code scanning relies on:
// `partialFingerprints` name the same finding across runs and after edits elsewhere in the file.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, rmSync, cpSync, copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { runCli, makeTree, DOUBLE_SOFTMAX, SIGMOID_BCE } from './run-cli';
import { FINGERPRINT_KEY } from '../../server/src/cli/format/sarif';

const REPO = join(__dirname, '..', '..', '..');
const PROJECT = join(REPO, 'test', 'fixtures', 'cli-formats', 'project');
const NOTEBOOK = join(REPO, 'test', 'fixtures', 'notebooks', 'cross_cell_double_softmax.ipynb');

const trees: string[] = [];
after(() => trees.forEach(t => rmSync(t, { recursive: true, force: true })));

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(join(REPO, 'test', 'fixtures', 'schemas', 'sarif-schema-2.1.0.json'), 'utf8')));

interface Result {
  ruleId: string;
  partialFingerprints: Record<string, string>;
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
}

function sarif(dir: string, args: string[] = ['.']): { results: Result[]; log: unknown } {
  const r = runCli(['check', '--no-cache', '--fail-on', 'never', '--output-format', 'sarif', ...args], dir);
  assert.equal(r.status, 0, r.stderr);
  const log = JSON.parse(r.stdout) as { runs: { results: Result[] }[] };
  return { results: log.runs[0].results, log };
}

function copyOf(src: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'losslens-sarif-'));
  trees.push(dir);
  cpSync(src, dir, { recursive: true });
  return dir;
}

const print = (r: Result) => r.partialFingerprints[FINGERPRINT_KEY];
const fileOf = (r: Result) => r.locations[0].physicalLocation.artifactLocation.uri;
const lineOf = (r: Result) => r.locations[0].physicalLocation.region.startLine;

test('the SARIF log is valid against the SARIF 2.1.0 schema: a project, a notebook, a clean run, a path outside the cwd', () => {
  const notebook = makeTree({});
  trees.push(notebook);
  copyFileSync(NOTEBOOK, join(notebook, 'train.ipynb'));
  const clean = makeTree({ 'ok.py': 'x = 1\n' });
  trees.push(clean);
  const outside = makeTree({ 'a/train.py': DOUBLE_SOFTMAX, 'b/keep.txt': '' });
  trees.push(outside);
  const cases: [string, string, string[]][] = [
    ['project', PROJECT, ['.']],
    ['notebook', notebook, ['.']],
    ['clean', clean, ['.']],
    ['outside the working directory (absolute file URI)', join(outside, 'b'), [join(outside, 'a')]],
  ];
  for (const [name, dir, args] of cases) {
    const { log, results } = sarif(dir, args);
    const ok = validate(log);
    assert.ok(ok, `${name}: ${ajv.errorsText(validate.errors, { separator: '\n' })}`);
    if (name !== 'clean') assert.ok(results.length > 0, `${name} has findings`);
  }
  // The schema is really checked: a log without `version` is refused.
  const { log } = sarif(PROJECT);
  delete (log as { version?: string }).version;
  assert.equal(validate(log), false);
});

test('partialFingerprints: one per result, unique, the same on every run (cached or not) and equal to the GitLab fingerprint', () => {
  const first = sarif(PROJECT).results;
  assert.ok(first.length >= 3);
  for (const r of first) assert.match(print(r), /^[0-9a-f]{32}$/, JSON.stringify(r.partialFingerprints));
  assert.equal(new Set(first.map(print)).size, first.length, 'unique');
  assert.deepEqual(sarif(PROJECT).results.map(print), first.map(print), 'a second run');

  const dir = copyOf(PROJECT);
  const cached = () => {
    const r = runCli(['check', '--fail-on', 'never', '--output-format', 'sarif', '.'], dir);
    return (JSON.parse(r.stdout) as { runs: { results: Result[] }[] }).runs[0].results.map(print);
  };
  assert.deepEqual(cached(), first.map(print), 'filling the cache');
  assert.deepEqual(cached(), first.map(print), 'answered from the cache');

  const gitlab = JSON.parse(runCli(['check', '--no-cache', '--output-format', 'gitlab', '.'], PROJECT).stdout) as { fingerprint: string }[];
  assert.deepEqual(
    gitlab.map(i => i.fingerprint),
    first.map(print),
  );
});

test('partialFingerprints survive lines added above and unrelated edits, and change with the finding', () => {
  const dir = copyOf(PROJECT);
  const before = sarif(dir).results;
  const file = join(dir, 'distillation.py');
  const text = readFileSync(file, 'utf8');
  const inFile = (rs: Result[]) => rs.filter(r => fileOf(r) === 'distillation.py');
  assert.ok(inFile(before).length > 0, 'the project has findings in distillation.py');

  // Lines above (a licence header), and an unrelated edit: a comment appended to the first line.
  const [head, ...rest] = text.split('\n');
  writeFileSync(file, ['# Copyright header', '# added above', head + '  # unrelated edit', ...rest].join('\n'));
  const edited = sarif(dir).results;
  assert.deepEqual(edited.map(print), before.map(print));
  for (const [k, r] of edited.entries()) {
    assert.equal(lineOf(r), lineOf(before[k]) + (fileOf(r) === 'distillation.py' ? 2 : 0), 'the finding moved, its fingerprint did not');
  }

  // Two identical lines with the same finding are told apart, and stay so.
  const twice = makeTree({ 'a.py': DOUBLE_SOFTMAX + DOUBLE_SOFTMAX.replace('def step', 'def step2'), 'b.py': SIGMOID_BCE });
  trees.push(twice);
  const two = sarif(twice).results.filter(r => fileOf(r) === 'a.py');
  assert.equal(two.length, 2);
  assert.notEqual(print(two[0]), print(two[1]));

  // The same finding in another file is another finding.
  const moved = makeTree({ 'c.py': DOUBLE_SOFTMAX });
  trees.push(moved);
  const [other] = sarif(moved).results;
  assert.notEqual(print(other), print(two[0]));
});
