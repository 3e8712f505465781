// The GitHub Action (action.yml at the root): its shape (composite, inputs passed through `env:`,
// actions pinned to a major version), and its scripts run step by step the way the runner does —
// `${{ … }}` expressions evaluated, `$GITHUB_OUTPUT` collected — against a project with a bug:
// annotations and exit 1, the SARIF report written (and valid) only when asked.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { makeTree, DOUBLE_SOFTMAX, SIGMOID_BCE, DIST } from './run-cli';

const REPO = join(__dirname, '..', '..', '..');

interface Step {
  id?: string;
  name: string;
  if?: string;
  uses?: string;
  shell?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Action {
  name: string;
  description: string;
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const source = readFileSync(join(REPO, 'action.yml'), 'utf8');
const action = parse(source) as Action;

const trees: string[] = [];
after(() => trees.forEach(t => rmSync(t, { recursive: true, force: true })));

test('action.yml: a composite action whose scripts take inputs only through env, and pinned actions', () => {
  assert.equal(action.runs.using, 'composite');
  assert.ok(action.name && action.description);
  const referenced = [...source.matchAll(/inputs\.([\w-]+)/g)].map(m => m[1]);
  for (const name of referenced) assert.ok(action.inputs[name], `inputs.${name} is declared`);
  for (const [name, input] of Object.entries(action.inputs)) {
    assert.ok(input.description, `${name} has a description`);
    assert.ok(referenced.includes(name), `${name} is used`);
  }
  for (const step of action.runs.steps) {
    if (step.run !== undefined) {
      assert.equal(step.shell, 'bash', `${step.name}: composite run steps need a shell`);
      assert.ok(!step.run.includes('${{'), `${step.name}: no expression inside the script (script injection)`);
    } else {
      assert.match(step.uses ?? '', /^[\w-]+\/[\w/-]+@v\d+$/, `${step.name}: a published action at a major version`);
    }
  }
  const upload = action.runs.steps.find(s => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
  assert.ok(upload, 'uploads SARIF with github/codeql-action/upload-sarif');
  assert.equal(upload.if, "inputs.upload-sarif == 'true'");
  assert.equal(upload.with?.sarif_file, '${{ steps.sarif.outputs.file }}');
  const steps = action.runs.steps.map(s => s.name);
  assert.ok(steps.indexOf(upload.name) < steps.indexOf('LossLens'), 'the upload runs before the step that fails on findings');
});

interface StepRun {
  name: string;
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the action's script steps in `cwd` like the runner (expressions, step outputs); `uses` steps are skipped. */
function runAction(cwd: string, inputs: Record<string, string>): StepRun[] {
  const outputs = new Map<string, Record<string, string>>();
  const tmp = mkdtempSync(join(tmpdir(), 'losslens-action-'));
  trees.push(tmp);
  const evaluate = (value: string) =>
    value.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, expr: string) => {
      const [scope, ...rest] = expr.split('.');
      if (scope === 'inputs') return inputs[rest[0]] ?? action.inputs[rest[0]]?.default ?? '';
      if (expr === 'github.action_path') return join(DIST, '..');
      if (scope === 'steps' && rest[1] === 'outputs') return outputs.get(rest[0])?.[rest[2]] ?? '';
      throw new Error(`unknown expression ${expr}`);
    });
  const runs: StepRun[] = [];
  for (const [k, step] of action.runs.steps.entries()) {
    if (step.run === undefined) continue;
    const outFile = join(tmp, `output-${k}`);
    writeFileSync(outFile, '');
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([key, v]) => [key, evaluate(v)]));
    const r = spawnSync('bash', ['-e', '-c', step.run], {
      cwd,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: process.env.HOME, RUNNER_TEMP: tmp, GITHUB_OUTPUT: outFile, ...env },
      timeout: 120_000,
    });
    runs.push({ name: step.name, status: r.status, stdout: r.stdout, stderr: r.stderr });
    if (r.status !== 0) break;
    const pairs = readFileSync(outFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map(l => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]);
    if (step.id) outputs.set(step.id, Object.fromEntries(pairs));
  }
  return runs;
}

test('the action on a project with a bug: annotations, exit 1, and the SARIF report when upload-sarif is on', () => {
  const dir = makeTree({ 'train.py': DOUBLE_SOFTMAX, 'src/ok.py': 'x = 1\n' });
  trees.push(dir);
  const runs = runAction(dir, { 'upload-sarif': 'true' });
  assert.deepEqual(
    runs.map(r => r.name),
    ['Install LossLens', 'LossLens SARIF report', 'LossLens'],
  );
  assert.match(runs[0].stdout, /^losslens \d+\.\d+\.\d+/, 'runs the action checkout build');
  assert.equal(runs[1].status, 0, runs[1].stderr);
  const sarif = JSON.parse(readFileSync(join(dir, 'losslens.sarif'), 'utf8')) as { runs: { results: { ruleId: string }[] }[] };
  assert.deepEqual(
    sarif.runs[0].results.map(r => r.ruleId),
    ['LL001'],
  );
  const check = runs[2];
  assert.equal(check.status, 1, 'findings fail the step');
  assert.match(check.stdout, /^::error file=train\.py,line=5,col=28,endLine=5,endColumn=29,title=LL001::F\.softmax output/);
});

test('the action with paths, args and fail-on: only what was asked, no SARIF by default', () => {
  const dir = makeTree({ 'a/train.py': DOUBLE_SOFTMAX, 'b/warn.py': SIGMOID_BCE, 'c/other.py': DOUBLE_SOFTMAX });
  trees.push(dir);
  const runs = runAction(dir, { paths: 'a b', args: '--select LL003 --quiet', 'fail-on': 'never' });
  assert.equal(runs.length, 3);
  assert.ok(!existsSync(join(dir, 'losslens.sarif')), 'no SARIF unless asked');
  const check = runs[2];
  assert.equal(check.status, 0, check.stderr);
  const lines = check.stdout.trimEnd().split('\n');
  assert.equal(lines.length, 1, check.stdout);
  assert.match(lines[0], /^::(warning|error|notice) file=b\/warn\.py,.*title=LL003::/);

  const named = runAction(dir, { paths: 'c', 'sarif-file': 'reports/ll.sarif' });
  assert.equal(named[1].status, 0, named[1].stderr);
  assert.ok(existsSync(join(dir, 'reports', 'll.sarif')));
  assert.equal(named[2].status, 1);
});

/** The fenced `yaml` blocks of the README's section `heading` (up to the next heading of that level or above). */
function readmeYaml(heading: string): unknown[] {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const start = readme.indexOf(`\n${heading}\n`);
  assert.ok(start >= 0, `README has ${heading}`);
  const level = heading.indexOf(' ');
  const rest = readme.slice(start + heading.length + 2);
  const end = rest.search(new RegExp(`\\n#{1,${level}} `));
  const body = end < 0 ? rest : rest.slice(0, end);
  return [...body.matchAll(/```yaml\n([\s\S]*?)```/g)].map(m => parse(m[1]) as unknown);
}

test('README: the copy-paste workflow uses this action with declared inputs only', () => {
  const [workflow] = readmeYaml('### GitHub Actions') as { jobs: Record<string, { steps: { uses?: string; with?: object }[] }> }[];
  const steps = Object.values(workflow.jobs).flatMap(j => j.steps);
  const ours = steps.find(s => s.uses?.startsWith('losslens/losslens@'));
  assert.ok(ours, 'the workflow uses the action');
  for (const name of Object.keys(ours.with ?? {})) assert.ok(action.inputs[name], `input ${name} exists`);
  for (const s of steps) if (s.uses) assert.match(s.uses, /@v\d+(\.\d+\.\d+)?$/, `${s.uses} is pinned`);
  const cache = steps.find(s => s.uses?.startsWith('actions/cache@'))?.with as { path: string } | undefined;
  assert.equal(cache?.path, '.losslens-cache', 'caches the folder the CLI uses by default');
});

test('README: the GitLab job reports the Code Quality file its script writes', () => {
  const [ci] = readmeYaml('### GitLab CI') as Record<string, { script: string[]; artifacts: { reports: { codequality: string } } }>[];
  const job = Object.values(ci)[0];
  const report = job.artifacts.reports.codequality;
  const writer = job.script.find(l => l.includes('--output-format gitlab'));
  assert.ok(writer, 'a script line writes the gitlab format');
  assert.ok(writer.includes(`--output-file ${report}`), writer);
  assert.ok(writer.includes('--exit-zero'), 'the report step does not stop the job before the artifact is kept');
  // The same line, run here, writes a Code Quality array.
  const dir = makeTree({ 'train.py': DOUBLE_SOFTMAX });
  trees.push(dir);
  const args = writer.replace(/^losslens /, '').split(' ');
  const r = spawnSync(process.execPath, [join(DIST, 'cli.js'), ...args], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const issues = JSON.parse(readFileSync(join(dir, report), 'utf8')) as { check_name: string; fingerprint: string }[];
  assert.deepEqual(
    issues.map(i => i.check_name),
    ['LL001'],
  );
});
