// `losslens rules`: the catalogue from the registry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { runCli } from './run-cli';
import { ruleMetas } from '../../server/src/rules/registry';

test('rules lists every registered rule with id, name, severity and summary', () => {
  const r = runCli(['rules'], tmpdir());
  assert.equal(r.status, 0);
  for (const m of ruleMetas) {
    const line = r.stdout.split('\n').find(l => l.startsWith(m.id + ' '));
    assert.ok(line, `${m.id} listed`);
    assert.ok(line.includes(m.name) && line.includes(m.severity) && line.includes(m.summary), line);
  }
});

test('rules --format json', () => {
  const r = runCli(['rules', '--format', 'json'], tmpdir());
  const list = JSON.parse(r.stdout) as { id: string; name: string; severity: string; summary: string }[];
  assert.deepEqual(
    list.map(x => x.id),
    ruleMetas.map(m => m.id).sort(),
  );
});
