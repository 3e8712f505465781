// `losslens check --output-format …`: golden outputs for every format on a committed project
// (test/fixtures/cli-formats; `UPDATE_GOLDEN=1` rewrites them), and what each format promises.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, rmSync, cpSync, mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, makeTree, DOUBLE_SOFTMAX } from './run-cli';
import { escapeData, escapeProperty } from '../../server/src/cli/format/github';
import { escapeXml } from '../../server/src/cli/format/junit';

const FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'cli-formats');
const PROJECT = join(FIXTURES, 'project');

const trees: string[] = [];
after(() => trees.forEach(t => rmSync(t, { recursive: true, force: true })));

/** Absolute paths (json-lines) are written as `<ROOT>` so the files hold in any checkout. */
function golden(name: string, actual: string): void {
  const file = join(FIXTURES, 'expected', name);
  const normalised = actual.split(PROJECT).join('<ROOT>');
  if (process.env.UPDATE_GOLDEN) writeFileSync(file, normalised);
  assert.equal(normalised, readFileSync(file, 'utf8'), `${name} differs from its golden file (UPDATE_GOLDEN=1 rewrites it)`);
}

const GOLDEN: [string, string[]][] = [
  ['concise.txt', ['--output-format', 'concise']],
  ['full.txt', ['--output-format', 'full']],
  ['github.txt', ['--output-format', 'github']],
  ['gitlab.json', ['--output-format', 'gitlab']],
  ['junit.xml', ['--output-format', 'junit']],
  ['json-lines.jsonl', ['--output-format', 'json-lines']],
  ['statistics.txt', ['--statistics']],
  ['statistics.json', ['--statistics', '--output-format', 'json']],
  ['show-fixes.txt', ['--show-fixes']],
];
for (const [name, flags] of GOLDEN) {
  test(`golden: ${flags.join(' ')}`, () => {
    const r = runCli(['check', '--no-cache', '--fail-on', 'never', ...flags, '.'], PROJECT);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    golden(name, r.stdout);
  });
}

test('text is concise (the default), and --format is an alias of --output-format', () => {
  const run = (flags: string[]) => runCli(['check', '--no-cache', ...flags, '.'], PROJECT).stdout;
  const concise = run(['--output-format', 'concise']);
  assert.equal(run([]), concise);
  assert.equal(run(['--format', 'text']), concise);
  assert.equal(run(['--format=concise']), concise);
  assert.equal(run(['--format', 'github']), run(['--output-format=github']));
});

test('--statistics counts: per rule, with the fixable count', () => {
  const r = runCli(['check', '--no-cache', '--statistics', '--format', 'json', '.'], PROJECT);
  const counts = JSON.parse(r.stdout) as { code: string; count: number; fixable: number; unsafeFixable: number }[];
  const json = JSON.parse(runCli(['check', '--no-cache', '--format', 'json', '.'], PROJECT).stdout) as {
    code: string;
    fix?: { applicability: string };
  }[];
  assert.equal(
    counts.reduce((n, c) => n + c.count, 0),
    json.length,
  );
  for (const c of counts) {
    const mine = json.filter(f => f.code === c.code);
    assert.equal(c.count, mine.length, c.code);
    assert.equal(c.fixable, mine.filter(f => f.fix?.applicability === 'safe').length, c.code);
    assert.equal(c.unsafeFixable, mine.filter(f => f.fix?.applicability === 'unsafe').length, c.code);
  }
  assert.ok(counts.some(c => c.fixable > 0) && counts.some(c => c.unsafeFixable > 0), 'the project has both kinds of fix');
});

test('github: workflow commands with severities, escaped properties and message', () => {
  assert.equal(escapeData('50% a\r\nb: c, d'), '50%25 a%0D%0Ab: c, d');
  assert.equal(escapeProperty('a:b,c%\n'), 'a%3Ab%2Cc%25%0A');
  const dir = makeTree({ 'odd,name:1.py': DOUBLE_SOFTMAX });
  trees.push(dir);
  const r = runCli(['check', '--no-cache', '--output-format', 'github', '.'], dir);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /^::error file=odd%2Cname%3A1\.py,line=5,col=28,endLine=5,endColumn=29,title=LL001::F\.softmax output/);
});

test('gitlab: fingerprints survive lines added above, and tell identical lines apart', () => {
  const dir = mkdtempSync(join(tmpdir(), 'losslens-gitlab-'));
  trees.push(dir);
  cpSync(PROJECT, dir, { recursive: true });
  type Issue = { fingerprint: string; check_name: string; location: { path: string; lines: { begin: number } } };
  const run = () => JSON.parse(runCli(['check', '--no-cache', '--output-format', 'gitlab', '.'], dir).stdout) as Issue[];
  const before = run();
  const file = join(dir, 'distillation.py');
  writeFileSync(file, '# a comment\n# and another\n' + readFileSync(file, 'utf8'));
  const afterEdit = run();
  assert.deepEqual(
    afterEdit.map(i => i.fingerprint),
    before.map(i => i.fingerprint),
  );
  const moved = afterEdit.filter(
    (i, k) => i.location.path === 'distillation.py' && i.location.lines.begin === before[k].location.lines.begin + 2,
  );
  assert.equal(moved.length, afterEdit.filter(i => i.location.path === 'distillation.py').length);
  assert.equal(new Set(before.map(i => i.fingerprint)).size, before.length);

  const twice = makeTree({ 'a.py': DOUBLE_SOFTMAX + DOUBLE_SOFTMAX.replace('def step', 'def step2') });
  trees.push(twice);
  const issues = JSON.parse(runCli(['check', '--no-cache', '--output-format', 'gitlab', '.'], twice).stdout) as Issue[];
  assert.equal(issues.length, 2);
  assert.notEqual(issues[0].fingerprint, issues[1].fingerprint);
});

test('junit: escaped, well-formed XML; a clean run is one passing test case', () => {
  assert.equal(escapeXml(`<a href="x">&'\u0001`), '&lt;a href=&quot;x&quot;&gt;&amp;&apos;\uFFFD');
  const xml = runCli(['check', '--no-cache', '--output-format', 'junit', '.'], PROJECT).stdout;
  assertWellFormed(xml);
  const cases = xml.match(/<testcase /g)?.length ?? 0;
  const json = JSON.parse(runCli(['check', '--no-cache', '--format', 'json', '.'], PROJECT).stdout) as unknown[];
  assert.equal(cases, json.length);
  const clean = makeTree({ 'ok.py': 'x = 1\n' });
  trees.push(clean);
  const empty = runCli(['check', '--no-cache', '--output-format', 'junit', '.'], clean).stdout;
  assertWellFormed(empty);
  assert.match(empty, /failures="0"/);
});

test('-o writes the report to a file (folders created), nothing on stdout, no colour', () => {
  const dir = makeTree({ 'a.py': DOUBLE_SOFTMAX });
  trees.push(dir);
  const r = runCli(['check', '--no-cache', '-o', 'reports/out.txt', '.'], dir, { FORCE_COLOR: '1' });
  assert.equal(r.status, 1);
  assert.equal(r.stdout, '');
  const text = readFileSync(join(dir, 'reports', 'out.txt'), 'utf8');
  assert.match(text, /^a\.py:5:28: LL001/);
  assert.ok(!text.includes('\u001b'), 'no escape codes');
  runCli(['check', '--no-cache', '--output-file=r.json', '--format', 'json', '.'], dir);
  assert.equal((JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as unknown[]).length, 1);
});

test('--exit-zero, --quiet', () => {
  const dir = makeTree({ 'a.py': DOUBLE_SOFTMAX, 'notes.txt': '' });
  trees.push(dir);
  const zero = runCli(['check', '--no-cache', '--exit-zero', '.'], dir);
  assert.equal(zero.status, 0);
  assert.match(zero.stdout, /Found 1 problem/);
  const quiet = runCli(['check', '--no-cache', '--quiet', '.', 'notes.txt'], dir);
  assert.equal(quiet.status, 1);
  assert.equal(quiet.stdout.trim().split('\n').length, 1, quiet.stdout);
  assert.equal(quiet.stderr, '');
  assert.equal(runCli(['check', '--no-cache', '-q', 'notes.txt'], dir).stdout, '');
  // Errors still count: a missing path is exit 2 with --exit-zero.
  assert.equal(runCli(['check', '--no-cache', '--exit-zero', 'missing.py'], dir).status, 2);
});

test('--cache-dir: the cache goes there, not to .losslens-cache', () => {
  const dir = makeTree({ 'a.py': DOUBLE_SOFTMAX });
  trees.push(dir);
  const first = runCli(['check', '--cache-dir', 'ci/cache', '.'], dir);
  assert.ok(existsSync(join(dir, 'ci', 'cache')));
  assert.ok(!existsSync(join(dir, '.losslens-cache')));
  assert.equal(runCli(['check', '--cache-dir', 'ci/cache', '.'], dir).stdout, first.stdout);
  runCli(['check', '.'], dir);
  assert.ok(existsSync(join(dir, '.losslens-cache')));
});

/** Tags balance and every `&` starts an entity: enough to catch unescaped text. */
function assertWellFormed(xml: string): void {
  assert.ok(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n'));
  const body = xml.slice(xml.indexOf('\n') + 1);
  assert.doesNotMatch(body, /&(?!(amp|lt|gt|quot|apos|#\d+);)/);
  const stack: string[] = [];
  for (const m of body.matchAll(/<(\/?)([A-Za-z]+)((?:\s+[A-Za-z]+="[^"<]*")*)\s*(\/?)>/g)) {
    if (m[1]) assert.equal(stack.pop(), m[2]);
    else if (!m[4]) stack.push(m[2]);
  }
  assert.deepEqual(stack, []);
  assert.equal(body.replace(/<[^<>]*>/g, '').includes('<'), false);
}
