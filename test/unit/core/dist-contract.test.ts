// `require('dist/core.js')` exposes exactly the contract of docs/ARCHITECTURE.md "Contracts" (built by `npm run build`,
// which `npm test` runs first), and its functions behave as documented when called through the bundle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

const LOSSES = [
  'mseLoss',
  'l1Loss',
  'huberLoss',
  'smoothL1Loss',
  'binaryCrossEntropy',
  'binaryCrossEntropyWithLogits',
  'crossEntropy',
  'nllLoss',
  'klDiv',
  'hingeLoss',
  'hingeEmbeddingLoss',
  'softMarginLoss',
  'multiMarginLoss',
  'multiclassHingeLoss',
  'tripletMarginLoss',
  'marginRankingLoss',
  'cosineEmbeddingLoss',
  'contrastiveLoss',
  'sigmoidFocalLoss',
  'softmaxFocalLoss',
  'gaussianNllLoss',
  'poissonNllLoss',
  'multilabelSoftMarginLoss',
  'gaussianKlDivergence',
  'logCosh',
  'cosineDistance',
  'safeSoftmaxCrossEntropy',
  'diceLoss',
  'jaccardLoss',
  'tverskyLoss',
];
const KNOWLEDGE = ['catalog', 'guide', 'quickReference', 'curve', 'renderSvg', 'mineTriplets'];

// eslint-disable-next-line @typescript-eslint/no-require-imports
const core = require(join(process.cwd(), 'dist/core.js'));

test('dist/core.js exports exactly the contract names', () => {
  assert.deepEqual(Object.keys(core).sort(), [...LOSSES, ...KNOWLEDGE].sort());
  for (const name of [...LOSSES, 'curve', 'renderSvg', 'mineTriplets']) assert.equal(typeof core[name], 'function', name);
  assert.ok(Array.isArray(core.catalog) && Array.isArray(core.quickReference));
  assert.equal(typeof core.guide.question, 'string');
});

test('losses through the bundle: reduced loss has shape [], grads follow the argument list', () => {
  const r = core.mseLoss({ data: [1, 2, 100], shape: [3] }, { data: new Float32Array([1, 2, 3]), shape: [3] });
  assert.deepEqual(r.loss.shape, []);
  assert.ok(r.loss.data instanceof Float64Array);
  assert.ok(Math.abs(r.loss.data[0] - 9409 / 3) < 1e-9, 'MSE of [1, 2, 100] vs [1, 2, 3] is 3136.33');
  assert.equal(r.grads.length, 2);
  assert.equal(r.grads[1], null, 'the target is not differentiable');
  const ce = core.crossEntropy({ data: [2, 0, 0], shape: [1, 3] }, { data: [0], shape: [1] });
  assert.ok(ce.grads[0] && ce.grads[0].shape.join() === '1,3');
});

test('curve and renderSvg through the bundle', () => {
  const c = core.curve('huberLoss', { delta: 1 });
  assert.equal(c.x.length, 512);
  assert.equal(c.axis, 'error');
  const svg = core.renderSvg([{ label: 'huber', x: c.x, y: c.loss }]);
  assert.match(svg, /^<svg[\s\S]*<\/svg>$/);
});
