// The committed fuzzer's bounded run in `npm test` (issue #21): a fixed seed, 30 s over all campaigns
// (the last round of each may run past its share: ≤ 60 s in all at normal load), zero invariant
// violations. `npm run fuzz -- --budget 600` runs the same campaigns long.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runAll, summary } from './campaigns';
import { Rng } from './rng';
import { mutateSource } from './mutators';

test('mutations are deterministic for a seed', () => {
  const input = Buffer.from('import torch\n\ndef f(x):\n    return x\n');
  const a = mutateSource(new Rng(42), input);
  const b = mutateSource(new Rng(42), input);
  assert.equal(a.how, b.how);
  assert.ok(a.bytes.equals(b.bytes));
});

test('fuzz campaigns (bounded budget): no crash, hang, invalid output or data loss', { timeout: 120_000 }, async () => {
  const budgetMs = Number(process.env.LOSSLENS_FUZZ_BUDGET_MS ?? 30_000);
  const stats = await runAll(20261207, budgetMs);
  const violations = stats.flatMap(s => s.violations);
  assert.ok(
    stats.every(s => s.inputs > 0),
    summary(stats),
  );
  assert.deepEqual(
    violations.map(v => `${v.campaign} seed ${v.seed} ${v.kind}: ${v.detail} ${v.input ?? ''}`),
    [],
    summary(stats),
  );
});
