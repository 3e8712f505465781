// Analytic gradients of every loss against central finite differences at seeded random points, for every
// reduction and the main options. Independent of PyTorch: catches a wrong derivative even where golden.json
// has no case.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as core from '../../../core/src/losses';
import type { LossResult, Tensor } from '../../../core/src/types';
import { gaussian, prng } from './lossTestUtils';

type Rand = () => number;
type Args = Tensor[];
interface Spec {
  fn: string;
  make: (r: Rand) => Args;
  /** positional arguments that have a gradient */
  diff: number[];
  options: Record<string, unknown>[];
}

const N = 5;
const C = 4;
const randn = (r: Rand, n: number, scale = 1) => Array.from({ length: n }, () => scale * gaussian(r));
const uniform = (r: Rand, n: number, lo = 0, hi = 1) => Array.from({ length: n }, () => lo + (hi - lo) * r());
const ints = (r: Rand, n: number, c: number) => Array.from({ length: n }, () => Math.floor(r() * c));
const pm1 = (r: Rand, n: number) => Array.from({ length: n }, () => (r() < 0.5 ? -1 : 1));
const bits = (r: Rand, n: number) => Array.from({ length: n }, () => (r() < 0.5 ? 0 : 1));
const T = (data: number[], shape: number[]): Tensor => ({ data: Float64Array.from(data), shape });
const mat = (data: number[]) => T(data, [N, C]);
const vec = (data: number[]) => T(data, [data.length]);
const classWeight: Tensor = { data: [0.5, 1.5, 1, 2], shape: [C] };
const withReductions = (extra: Record<string, unknown>[] = [{}]) =>
  extra.flatMap(o => ['none', 'mean', 'sum'].map(reduction => ({ ...o, reduction })));

const softmaxRows = (z: number[]) => {
  const out = z.slice();
  for (let i = 0; i < N; i++) {
    const row = out.slice(i * C, i * C + C).map(Math.exp);
    const s = row.reduce((a, b) => a + b, 0);
    for (let k = 0; k < C; k++) out[i * C + k] = row[k] / s;
  }
  return out;
};

const specs: Spec[] = [
  { fn: 'mseLoss', make: r => [mat(randn(r, N * C)), mat(randn(r, N * C))], diff: [0], options: withReductions() },
  { fn: 'l1Loss', make: r => [vec(randn(r, N)), vec(randn(r, N))], diff: [0], options: withReductions() },
  { fn: 'huberLoss', make: r => [mat(randn(r, N * C, 2)), mat(randn(r, N * C))], diff: [0], options: withReductions([{}, { delta: 0.4 }]) },
  {
    fn: 'smoothL1Loss',
    make: r => [mat(randn(r, N * C, 2)), mat(randn(r, N * C))],
    diff: [0],
    options: withReductions([{}, { beta: 0.3 }, { beta: 0 }]),
  },
  {
    fn: 'binaryCrossEntropy',
    make: r => [mat(uniform(r, N * C, 0.05, 0.95)), mat(uniform(r, N * C))],
    diff: [0],
    options: withReductions([{}, { weight: classWeight }]),
  },
  {
    fn: 'binaryCrossEntropyWithLogits',
    make: r => [mat(randn(r, N * C, 3)), mat(uniform(r, N * C))],
    diff: [0],
    options: withReductions([{}, { weight: classWeight }, { posWeight: { data: [3, 0.5, 1, 2], shape: [C] } }]),
  },
  {
    fn: 'crossEntropy',
    make: r => [mat(randn(r, N * C, 2)), vec(ints(r, N, C))],
    diff: [0],
    options: withReductions([
      {},
      { weight: classWeight },
      { labelSmoothing: 0.2 },
      { labelSmoothing: 0.2, labelSmoothingMode: 'uniform-others', weight: classWeight },
    ]),
  },
  {
    fn: 'crossEntropy',
    make: r => [mat(randn(r, N * C, 2)), mat(softmaxRows(randn(r, N * C)))],
    diff: [0],
    options: withReductions([{}, { weight: classWeight, labelSmoothing: 0.1 }]),
  },
  {
    fn: 'nllLoss',
    make: r => [mat(randn(r, N * C)), vec([0, -100, 3, 1, 2])],
    diff: [0],
    options: withReductions([{}, { weight: classWeight }]),
  },
  {
    fn: 'klDiv',
    make: r => [mat(randn(r, N * C)), mat(uniform(r, N * C))],
    diff: [0],
    options: [...withReductions([{}, { logTarget: true }]), { reduction: 'batchmean' }],
  },
  { fn: 'hingeLoss', make: r => [vec(randn(r, 8)), vec(pm1(r, 8))], diff: [0], options: withReductions() },
  {
    fn: 'hingeEmbeddingLoss',
    make: r => [vec(uniform(r, 8, 0, 3)), vec(pm1(r, 8))],
    diff: [0],
    options: withReductions([{}, { margin: 2 }]),
  },
  { fn: 'softMarginLoss', make: r => [mat(randn(r, N * C, 2)), mat(pm1(r, N * C))], diff: [0], options: withReductions() },
  {
    fn: 'multiMarginLoss',
    make: r => [mat(randn(r, N * C)), vec(ints(r, N, C))],
    diff: [0],
    options: withReductions([{}, { p: 2, margin: 1.5, weight: classWeight }]),
  },
  { fn: 'multiclassHingeLoss', make: r => [mat(randn(r, N * C)), vec(ints(r, N, C))], diff: [0], options: withReductions() },
  {
    fn: 'tripletMarginLoss',
    make: r => [mat(randn(r, N * C)), mat(randn(r, N * C)), mat(randn(r, N * C))],
    diff: [0, 1, 2],
    options: withReductions([{ margin: 3 }, { p: 1, margin: 2 }, { p: 3, margin: 3 }, { swap: true, margin: 3 }]),
  },
  {
    fn: 'marginRankingLoss',
    make: r => [vec(randn(r, 8)), vec(randn(r, 8)), vec(pm1(r, 8))],
    diff: [0, 1],
    options: withReductions([{}, { margin: 0.5 }]),
  },
  {
    fn: 'cosineEmbeddingLoss',
    make: r => [mat(randn(r, N * C)), mat(randn(r, N * C)), vec(pm1(r, N))],
    diff: [0, 1],
    options: withReductions([{}, { margin: -0.5 }]),
  },
  {
    fn: 'contrastiveLoss',
    make: r => [mat(randn(r, N * C, 0.5)), mat(randn(r, N * C, 0.5)), vec(bits(r, N))],
    diff: [0, 1],
    options: withReductions([{}, { margin: 2.5 }]),
  },
  {
    fn: 'sigmoidFocalLoss',
    make: r => [mat(randn(r, N * C, 2)), mat(uniform(r, N * C))],
    diff: [0],
    options: withReductions([{}, { alpha: -1, gamma: 0.5 }, { gamma: 0 }, { gamma: 5, alpha: 0.9 }]),
  },
  {
    fn: 'softmaxFocalLoss',
    make: r => [mat(randn(r, N * C, 2)), vec(ints(r, N, C))],
    diff: [0],
    options: withReductions([{}, { gamma: 0.5, weight: classWeight }, { gamma: 0 }]),
  },
  {
    fn: 'gaussianNllLoss',
    make: r => [mat(randn(r, N * C)), mat(randn(r, N * C)), mat(uniform(r, N * C, 0.2, 2))],
    diff: [0, 2],
    options: withReductions([{}, { full: true }]),
  },
  {
    fn: 'gaussianNllLoss',
    make: r => [mat(randn(r, N * C)), mat(randn(r, N * C)), vec(uniform(r, N, 0.2, 2))],
    diff: [0, 2],
    options: withReductions(),
  },
  {
    fn: 'poissonNllLoss',
    make: r => [mat(uniform(r, N * C, 0.1, 3)), mat(ints(r, N * C, 6))],
    diff: [0],
    options: withReductions([{}, { logInput: false }, { logInput: false, full: true }]),
  },
  {
    fn: 'multilabelSoftMarginLoss',
    make: r => [mat(randn(r, N * C, 2)), mat(bits(r, N * C))],
    diff: [0],
    options: withReductions([{}, { weight: classWeight }]),
  },
  { fn: 'gaussianKlDivergence', make: r => [mat(randn(r, N * C)), mat(randn(r, N * C))], diff: [0, 1], options: [{}] },
  { fn: 'logCosh', make: r => [mat(randn(r, N * C, 2)), mat(randn(r, N * C))], diff: [0], options: withReductions() },
  {
    fn: 'cosineDistance',
    make: r => [mat(randn(r, N * C)), mat(randn(r, N * C))],
    diff: [0, 1],
    // ε = 100 clips every squared norm (4 Gaussian components): the norms are then constants.
    options: withReductions([{}, { eps: 100 }]),
  },
  {
    fn: 'safeSoftmaxCrossEntropy',
    make: r => [mat(randn(r, N * C, 2)), mat(softmaxRows(randn(r, N * C)))],
    diff: [0],
    options: withReductions(),
  },
  // Overlap losses: (N, C, positions) probability maps against masks and soft targets.
  ...['diceLoss', 'jaccardLoss', 'tverskyLoss'].flatMap((fn): Spec[] => [
    {
      fn,
      make: r => [T(uniform(r, 2 * 3 * 6, 0.05, 0.95), [2, 3, 6]), T(bits(r, 2 * 3 * 6), [2, 3, 6])],
      diff: [0],
      options: withReductions([{}, { smoothNr: 0, smoothDr: 0 }, ...(fn === 'tverskyLoss' ? [{ alpha: 0.3, beta: 0.7 }] : [])]),
    },
    {
      fn,
      make: r => [T(uniform(r, N * C, 0.05, 0.95), [N, C, 1]), T(uniform(r, N * C), [N, C, 1])],
      diff: [0],
      options: withReductions([{ smoothNr: 1, smoothDr: 1 }]),
    },
  ]),
];

function call(fn: string, args: Args, options: Record<string, unknown>): LossResult {
  const f = (core as unknown as Record<string, (...a: unknown[]) => LossResult>)[fn];
  return fn === 'gaussianKlDivergence' ? f(...args) : f(...args, options);
}

const sumLoss = (res: LossResult) => res.loss.data.reduce((a, b) => a + b, 0);

test('every exported loss has a gradient-check spec', () => {
  const covered = new Set(specs.map(s => s.fn));
  for (const name of Object.keys(core.lossFunctions)) assert.ok(covered.has(name), `no gradient check for ${name}`);
});

let seed = 7;
for (const spec of specs) {
  for (const options of spec.options) {
    const caseSeed = seed++;
    test(`finite differences: ${spec.fn} ${JSON.stringify(options, (k, v) => (k === 'weight' || k === 'posWeight' ? 'tensor' : v))}`, () => {
      const args = spec.make(prng(caseSeed));
      const analytic = call(spec.fn, args, options);
      for (const a of spec.diff) {
        const x = args[a].data as Float64Array;
        const g = analytic.grads[a];
        assert.ok(g, `grads[${a}] missing`);
        for (let i = 0; i < x.length; i++) {
          const h = 1e-6 * Math.max(1, Math.abs(x[i]));
          const orig = x[i];
          x[i] = orig + h;
          const up = sumLoss(call(spec.fn, args, options));
          x[i] = orig - h;
          const down = sumLoss(call(spec.fn, args, options));
          x[i] = orig;
          const numeric = (up - down) / (2 * h);
          const tol = 1e-6 + 1e-5 * Math.abs(numeric);
          assert.ok(Math.abs(g.data[i] - numeric) <= tol, `${spec.fn} grads[${a}][${i}]: analytic ${g.data[i]} vs numeric ${numeric}`);
        }
      }
    });
  }
}
