// Whole-repository runs keep only a bounded set of parsed files per root (Checker's residentChars)
// and hand workers contiguous shares of the batches (pool.ts Shares). Neither may change a report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Checker, type BatchRequest } from '../../server/src/cli/checker';
import { Shares } from '../../server/src/cli/pool';
import { pythonFrontEnd, typescriptFrontEnd } from '../helpers/analysis';

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p));
    else if (/\.(py|ts|js)$/.test(name)) out.push(p);
  }
  return out;
}

async function report(residentChars: number | undefined, root: string, batchSize: number): Promise<string> {
  const python = await pythonFrontEnd();
  const checker = new Checker(lang => (lang === 'python' ? python : typescriptFrontEnd()), undefined, residentChars);
  const files = filesUnder(root).map(path => ({ path, explicit: false }));
  const lines: string[] = [];
  for (let i = 0; i < files.length; i += batchSize) {
    const req: BatchRequest = { root, files: files.slice(i, i + batchSize), cache: null };
    for (const o of (await checker.checkBatch(req)).outcomes) lines.push(JSON.stringify([o.path, o.records, o.error ?? '']));
  }
  return lines.join('\n');
}

for (const rule of ['LL001', 'LL003', 'LL022']) {
  test(`${rule} fixtures: the same report whether every parsed file is kept or none`, async () => {
    const root = join(process.cwd(), 'test', 'fixtures', 'rules', rule);
    const keepAll = await report(undefined, root, 3);
    const keepNone = await report(1, root, 3);
    assert.equal(keepNone, keepAll);
    assert.match(keepAll, new RegExp(rule), 'the fixtures report the rule');
  });
}

test('shares: each worker takes its own contiguous range first, then the back of the largest one left', () => {
  const s = new Shares(10, 2);
  assert.deepEqual([s.take(0), s.take(0), s.take(1)], [0, 1, 5]);
  // Worker 0 finishes its range 0..4 while worker 1 is slow: it then takes from the back of 1's range.
  for (const i of [2, 3, 4]) assert.equal(s.take(0), i);
  assert.equal(s.take(0), 9);
  assert.equal(s.take(0), 8);
  assert.deepEqual(s.rest(), [6, 7]);
  assert.equal(s.take(1), 6);
  assert.equal(s.take(1), 7);
  assert.equal(s.take(1), undefined);
  assert.equal(s.take(0), undefined);
  assert.deepEqual(s.rest(), []);
});

test('shares: every batch is taken exactly once, whatever the order of requests', () => {
  for (const [total, workers] of [
    [1, 2],
    [7, 3],
    [44, 2],
    [5, 4],
  ]) {
    const s = new Shares(total, workers);
    const seen: number[] = [];
    let w = 0;
    for (let t = s.take(w); t !== undefined; t = s.take((w = (w * 7 + 3) % workers))) seen.push(t);
    // A worker finding nothing left means nobody has anything left.
    for (let k = 0; k < workers; k++) assert.equal(s.take(k), undefined);
    assert.deepEqual(
      seen.sort((a, b) => a - b),
      Array.from({ length: total }, (_, i) => i),
    );
  }
});
