// Extreme inputs: logits of ±1000 (and everything between) and probabilities of exactly 0 and 1 never give
// NaN or Infinity where PyTorch is finite. Also: accepted input types, no mutation, documented NaN cases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as L from '../../../core/src/losses';
import type { LossResult, Tensor } from '../../../core/src/types';
import { assertAllClose, t } from './lossTestUtils';

const extremes = [-1000, -710, -100, -40, -20, -1e-12, 0, 1e-12, 20, 40, 100, 710, 1000];
const reductions = ['none', 'mean', 'sum'] as const;

function assertFinite(res: LossResult, what: string): void {
  res.loss.data.forEach((v, i) => assert.ok(Number.isFinite(v), `${what}: loss[${i}] = ${v}`));
  res.grads.forEach((g, a) => g?.data.forEach((v, i) => assert.ok(Number.isFinite(v), `${what}: grads[${a}][${i}] = ${v}`)));
}

// Every pair of extreme logits as a row of a 2-class problem, and every extreme with each binary target.
const pairs: number[] = [];
for (const a of extremes) for (const b of extremes) pairs.push(a, b);
const nPairs = extremes.length ** 2;
const binaryZ = t([...extremes, ...extremes]);
const binaryY = t([...extremes.map(() => 0), ...extremes.map(() => 1)]);
const pm = t([...extremes.map(() => -1), ...extremes.map(() => 1)]);
const rowsZ: Tensor = { data: pairs, shape: [nPairs, 2] };

const elementwise: [string, (r: (typeof reductions)[number]) => LossResult][] = [
  ['binaryCrossEntropyWithLogits', r => L.binaryCrossEntropyWithLogits(binaryZ, binaryY, { reduction: r })],
  ['binaryCrossEntropyWithLogits+posWeight', r => L.binaryCrossEntropyWithLogits(binaryZ, binaryY, { reduction: r, posWeight: t([5]) })],
  ['softMarginLoss', r => L.softMarginLoss(binaryZ, pm, { reduction: r })],
  ['sigmoidFocalLoss γ=2', r => L.sigmoidFocalLoss(binaryZ, binaryY, { reduction: r })],
  ['sigmoidFocalLoss γ=0.5', r => L.sigmoidFocalLoss(binaryZ, binaryY, { reduction: r, gamma: 0.5 })],
  ['sigmoidFocalLoss γ=0', r => L.sigmoidFocalLoss(binaryZ, binaryY, { reduction: r, gamma: 0 })],
  ['crossEntropy', r => L.crossEntropy(rowsZ, t(pairs.filter((_, i) => i % 2 === 0).map((_, i) => i % 2)), { reduction: r })],
  [
    'crossEntropy+labelSmoothing',
    r => L.crossEntropy(rowsZ, t(Array.from({ length: nPairs }, (_, i) => i % 2)), { reduction: r, labelSmoothing: 0.1 }),
  ],
  [
    'crossEntropy probabilities',
    r => L.crossEntropy(rowsZ, { data: pairs.map((_, i) => (i % 2 === 0 ? 0.25 : 0.75)), shape: [nPairs, 2] }, { reduction: r }),
  ],
  ['softmaxFocalLoss γ=2', r => L.softmaxFocalLoss(rowsZ, t(Array.from({ length: nPairs }, (_, i) => i % 2)), { reduction: r })],
  [
    'softmaxFocalLoss γ=0.5',
    r => L.softmaxFocalLoss(rowsZ, t(Array.from({ length: nPairs }, (_, i) => i % 2)), { reduction: r, gamma: 0.5 }),
  ],
  [
    'multilabelSoftMarginLoss',
    r => L.multilabelSoftMarginLoss(rowsZ, { data: pairs.map((_, i) => i % 2), shape: [nPairs, 2] }, { reduction: r }),
  ],
  ['binaryCrossEntropy at exactly 0 and 1', r => L.binaryCrossEntropy(t([0, 0, 1, 1, 0.5]), t([0, 1, 0, 1, 1]), { reduction: r })],
];

for (const [name, run] of elementwise) {
  for (const r of reductions) {
    test(`finite at extreme inputs: ${name} (${r})`, () => assertFinite(run(r), name));
  }
}

test('extreme logits give the exact limits', () => {
  const bce = L.binaryCrossEntropyWithLogits(t([1000, -1000, 1000, -1000]), t([1, 0, 0, 1]), { reduction: 'none' });
  assertAllClose(bce.loss.data, [0, 0, 1000, 1000], 'BCE-with-logits loss');
  assertAllClose(bce.grads[0]!.data, [0, 0, 1, -1], 'BCE-with-logits grad');
  const ce = L.crossEntropy(t([1000, -1000, -1000, 1000], [2, 2]), t([0, 0]), { reduction: 'none' });
  assertAllClose(ce.loss.data, [0, 2000], 'CE loss');
  assertAllClose(ce.grads[0]!.data, [0, 0, -1, 1], 'CE grad');
  const bce01 = L.binaryCrossEntropy(t([0, 1]), t([1, 0]), { reduction: 'none' });
  assertAllClose(bce01.loss.data, [100, 100], 'log clamped at −100 like PyTorch');
});

test('softMarginLoss stays finite where PyTorch overflows (|x| > 710)', () => {
  const r = L.softMarginLoss(t([-1000]), t([1]), { reduction: 'sum' });
  assert.equal(r.loss.data[0], 1000);
  assert.equal(r.grads[0]!.data[0], -1);
});

test('documented NaN: mean over zero non-ignored targets is NaN (PyTorch does the same), gradient is zero', () => {
  const z = t([1, 2, 3, 4, 5, 6], [2, 3]);
  for (const res of [
    L.crossEntropy(z, t([-100, -100])),
    L.crossEntropy(z, t([-100, -100]), { labelSmoothing: 0.1 }),
    L.nllLoss(z, t([-100, -100])),
  ]) {
    assert.ok(Number.isNaN(res.loss.data[0]));
    assert.deepEqual(Array.from(res.grads[0]!.data), [0, 0, 0, 0, 0, 0]);
  }
  assert.equal(L.crossEntropy(z, t([-100, -100]), { reduction: 'sum' }).loss.data[0], 0);
});

test('accepts Float64Array, Float32Array and number[] alike; never mutates the inputs', () => {
  const values = [0.25, -1.5, 3, 0.5];
  const target = [0, 1, 0, 1];
  const f64 = Float64Array.from(values);
  const results = [
    L.binaryCrossEntropyWithLogits({ data: f64, shape: [4] }, { data: Float64Array.from(target), shape: [4] }),
    L.binaryCrossEntropyWithLogits({ data: Float32Array.from(values), shape: [4] }, { data: Float32Array.from(target), shape: [4] }),
    L.binaryCrossEntropyWithLogits({ data: values, shape: [4] }, { data: target, shape: [4] }),
  ];
  for (const r of results) {
    assert.ok(r.loss.data instanceof Float64Array);
    assert.deepEqual(r.loss.data, results[0].loss.data);
    assert.deepEqual(r.grads[0]!.data, results[0].grads[0]!.data);
  }
  assert.deepEqual(Array.from(f64), values);
});

test("loss is shape [] when reduced and the input's batch shape for 'none'; grads have the argument's shape", () => {
  const z = t([1, 2, 3, 4, 5, 6], [2, 3]);
  assert.deepEqual(L.crossEntropy(z, t([0, 2])).loss.shape, []);
  assert.deepEqual(L.crossEntropy(z, t([0, 2]), { reduction: 'none' }).loss.shape, [2]);
  assert.deepEqual(L.mseLoss(z, z, { reduction: 'none' }).loss.shape, [2, 3]);
  assert.deepEqual(
    L.gaussianNllLoss(z, z, t([1, 2])).grads.map(g => g?.shape ?? null),
    [[2, 3], null, [2]],
  );
  assert.deepEqual(L.sigmoidFocalLoss(z, t([0, 1, 0, 1, 1, 0], [2, 3])).loss.shape, [2, 3], "sigmoidFocalLoss defaults to 'none'");
  assert.deepEqual(L.tripletMarginLoss(t([1, 2]), t([1, 3]), t([4, 4]), { reduction: 'none' }).loss.shape, []);
});

test("klDiv defaults to PyTorch's element mean; batchmean divides by N", () => {
  const x = t([-1, -2, -0.5, -1.5], [2, 2]);
  const y = t([0.3, 0.7, 0.6, 0.4], [2, 2]);
  const sum = L.klDiv(x, y, { reduction: 'sum' }).loss.data[0];
  assert.ok(Math.abs(L.klDiv(x, y).loss.data[0] - sum / 4) < 1e-15);
  assert.ok(Math.abs(L.klDiv(x, y, { reduction: 'batchmean' }).loss.data[0] - sum / 2) < 1e-15);
});

test("'uniform-others' smoothing puts 1 − ε on the true class and ε/(C − 1) on each other class", () => {
  const z = t([0.3, -1.2, 2.0, 0.1], [1, 4]);
  const eps = 0.2;
  const soft = t([eps / 3, eps / 3, 1 - eps, eps / 3], [1, 4]);
  const a = L.crossEntropy(z, t([2]), { labelSmoothing: eps, labelSmoothingMode: 'uniform-others' });
  const b = L.crossEntropy(z, soft);
  assertAllClose(a.loss.data, b.loss.data, 'loss');
  assertAllClose(a.grads[0]!.data, b.grads[0]!.data, 'grad');
});

test('huberLoss: the branch-free clamp is exact inside the quadratic zone and ±δ outside (exactly for δ = 1, 2.5; within 1e-13 otherwise)', () => {
  const d = [1e-300, -1e-20, 0.3, -0.7, 1, 1.5, -3, 1e6, -1e20, 1e300];
  for (const delta of [1, 0.3, 2.5]) {
    const r = L.huberLoss(t(d), t(d.map(() => 0)), { reduction: 'none', delta });
    d.forEach((v, i) => {
      const inside = Math.abs(v) <= delta;
      const c = inside ? v : Math.sign(v) * delta;
      const got = r.grads[0]!.data[i];
      if (inside || delta !== 0.3) assert.equal(got, c, `grad at ${v}, δ=${delta}`);
      else assert.ok(Math.abs(got - c) <= 1e-13 * delta, `grad at ${v}, δ=${delta}: ${got}`);
      const want = inside ? 0.5 * v * v : delta * (Math.abs(v) - 0.5 * delta);
      assert.ok(Math.abs(r.loss.data[i] - want) <= 1e-13 * Math.abs(want), `loss at ${v}, δ=${delta}`);
    });
  }
});
