// mineTriplets against a brute-force O(N³) reference on seeded random batches, plus hand-checked cases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mineTriplets } from '../../../core/src/mineTriplets';
import { gaussian, prng, t } from './lossTestUtils';

const dist = (e: number[], d: number, i: number, j: number) => {
  let s = 0;
  for (let k = 0; k < d; k++) s += (e[i * d + k] - e[j * d + k]) ** 2;
  return Math.sqrt(s);
};

function bruteForce(e: number[], labels: number[], d: number, strategy: 'batch-hard' | 'semi-hard', margin: number) {
  const n = labels.length;
  const out: [number, number, number][] = [];
  for (let a = 0; a < n; a++) {
    if (strategy === 'batch-hard') {
      let p = -1;
      let q = -1;
      for (let j = 0; j < n; j++) {
        if (j === a) continue;
        if (labels[j] === labels[a]) {
          if (p < 0 || dist(e, d, a, j) > dist(e, d, a, p)) p = j;
        } else if (q < 0 || dist(e, d, a, j) < dist(e, d, a, q)) q = j;
      }
      if (p >= 0 && q >= 0) out.push([a, p, q]);
      continue;
    }
    for (let p = 0; p < n; p++) {
      if (p === a || labels[p] !== labels[a]) continue;
      const dap = dist(e, d, a, p);
      let best = -1;
      for (let q = 0; q < n; q++) {
        if (labels[q] === labels[a]) continue;
        const dan = dist(e, d, a, q);
        if (dap < dan && dan < dap + margin && (best < 0 || dan < dist(e, d, a, best))) best = q;
      }
      if (best >= 0) out.push([a, p, best]);
    }
  }
  return out;
}

const triples = (m: ReturnType<typeof mineTriplets>) => Array.from(m.anchor, (a, i) => [a, m.positive[i], m.negative[i]]);

for (const strategy of ['batch-hard', 'semi-hard'] as const) {
  for (const seed of [1, 2, 3]) {
    test(`${strategy} equals the brute-force triple loop (seed ${seed})`, () => {
      const r = prng(seed);
      const n = 30;
      const d = 3;
      const e = Array.from({ length: n * d }, () => gaussian(r));
      const labels = Array.from({ length: n }, () => Math.floor(r() * 4));
      const margin = 0.8;
      const got = mineTriplets(t(e, [n, d]), t(labels), { strategy, margin });
      assert.ok(got.anchor instanceof Int32Array && got.positive instanceof Int32Array && got.negative instanceof Int32Array);
      assert.deepEqual(triples(got), bruteForce(e, labels, d, strategy, margin));
      assert.ok(got.anchor.length > 0);
    });
  }
}

test('batch-hard on a hand-made batch picks the farthest positive and the closest negative', () => {
  // 1-D points: class 0 at 0, 1, 5; class 1 at 2, 10.
  const m = mineTriplets(t([0, 1, 5, 2, 10], [5, 1]), t([0, 0, 0, 1, 1]));
  assert.deepEqual(triples(m), [
    [0, 2, 3],
    [1, 2, 3],
    [2, 0, 3],
    [3, 4, 1],
    [4, 3, 2],
  ]);
});

test('semi-hard keeps only negatives inside (d(a,p), d(a,p) + margin) and skips pairs without one', () => {
  const m = mineTriplets(t([0, 1, 5, 2, 10], [5, 1]), t([0, 0, 0, 1, 1]), { strategy: 'semi-hard', margin: 1.5 });
  // a=0,p=1: d=1, negatives at 2 (d=2 ✓). a=1,p=0: d=1, negatives d=1 (not >), 9 → none. …
  assert.deepEqual(triples(m), bruteForce([0, 1, 5, 2, 10], [0, 0, 0, 1, 1], 1, 'semi-hard', 1.5));
  assert.deepEqual(triples(m)[0], [0, 1, 3]);
});

test('anchors without positives or negatives are skipped', () => {
  const m = mineTriplets(t([0, 1, 2], [3, 1]), t([0, 1, 1]));
  assert.deepEqual(triples(m), [
    [1, 2, 0],
    [2, 1, 0],
  ]);
  assert.equal(mineTriplets(t([0, 1], [2, 1]), t([7, 7])).anchor.length, 0);
});

test('handles a 1,000-embedding batch (distance matrix once, sorted negatives per anchor; no triple loop)', () => {
  const r = prng(9);
  const n = 1000;
  const d = 8;
  const e = Float64Array.from({ length: n * d }, () => gaussian(r));
  const labels = Float64Array.from({ length: n }, () => Math.floor(r() * 20));
  for (const strategy of ['batch-hard', 'semi-hard'] as const) {
    const m = mineTriplets({ data: e, shape: [n, d] }, { data: labels, shape: [n] }, { strategy, margin: 0.5 });
    assert.ok(m.anchor.length > 0);
    for (let i = 0; i < m.anchor.length; i++) {
      assert.equal(labels[m.anchor[i]], labels[m.positive[i]]);
      assert.notEqual(labels[m.anchor[i]], labels[m.negative[i]]);
    }
  }
});
