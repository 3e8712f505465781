// curve(): every catalog loss sampled on its natural axis through the core loss functions. Checks that
// values are finite, that the gradient agrees with finite differences of the loss (a subgradient at kinks),
// that parameters and ranges work and are validated, and the key shapes of well-known curves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { catalog, curve, curveIds, curveInfo, DEFAULT_CURVE_POINTS } from '../../../core/src/knowledge';

test('every catalog entry can be plotted, and only those', () => {
  assert.deepEqual([...curveIds()].sort(), catalog.map(e => e.id).sort());
});

for (const e of catalog) {
  test(`${e.id}: 512 finite samples whose gradient matches finite differences`, () => {
    const c = curve(e.id);
    const n = DEFAULT_CURVE_POINTS;
    assert.equal(n, 512);
    assert.equal(c.axis, e.axis);
    assert.equal(c.x.length, n);
    assert.equal(c.loss.length, n);
    assert.equal(c.grad.length, n);
    const info = curveInfo(e.id);
    assert.equal(c.x[0], info.range.min);
    assert.equal(c.x[n - 1], info.range.max);
    for (let i = 0; i < n; i++) {
      assert.ok(Number.isFinite(c.loss[i]) && Number.isFinite(c.grad[i]), `${e.id}: non-finite at x = ${c.x[i]}`);
      if (i > 0) assert.ok(c.x[i] > c.x[i - 1], 'x increases');
    }
    // The gradient at xᵢ must lie between the one-sided slopes (exactly so for a convex piece, and it is
    // then also a valid subgradient at a kink), up to a small tolerance for curvature changes.
    for (let i = 1; i < n - 1; i++) {
      const left = (c.loss[i] - c.loss[i - 1]) / (c.x[i] - c.x[i - 1]);
      const right = (c.loss[i + 1] - c.loss[i]) / (c.x[i + 1] - c.x[i]);
      const tol = 1e-7 + 0.05 * Math.abs(right - left) + 1e-6 * Math.abs(c.grad[i]);
      const lo = Math.min(left, right) - tol;
      const hi = Math.max(left, right) + tol;
      assert.ok(
        c.grad[i] >= lo && c.grad[i] <= hi,
        `${e.id}: grad ${c.grad[i]} at x = ${c.x[i]} outside one-sided slopes [${left}, ${right}]`,
      );
    }
  });

  test(`${e.id}: every catalog parameter is accepted at its slider bounds`, () => {
    for (const p of e.params) {
      for (const v of [p.min, p.default, p.max]) {
        const c = curve(e.id, { [p.name]: v }, { n: 16 });
        for (let i = 0; i < 16; i++)
          assert.ok(Number.isFinite(c.loss[i]) && Number.isFinite(c.grad[i]), `${e.id} ${p.name} = ${v} at x = ${c.x[i]}`);
      }
    }
  });
}

test('unknown ids and parameter names fail with clear errors', () => {
  assert.throws(() => curve('noSuchLoss'), /unknown loss id 'noSuchLoss'/);
  assert.throws(() => curve('toString'), /unknown loss id/);
  assert.throws(() => curve('huberLoss', { beta: 1 }), /unknown parameter 'beta' for huberLoss \(known: delta\)/);
  assert.throws(() => curve('mseLoss', { delta: 1 }), /known: none/);
  assert.throws(() => curve('huberLoss', { delta: Number.NaN }), /finite number/);
  assert.throws(() => curve('huberLoss', { delta: -1 }), /delta/, 'invalid values are rejected by the core function');
});

test('ranges: custom min/max/n, and invalid ranges are rejected', () => {
  const c = curve('mseLoss', undefined, { min: -1, max: 2, n: 4 });
  assert.deepEqual([...c.x], [-1, 0, 1, 2]);
  assert.deepEqual([...c.loss], [1, 0, 1, 4]);
  assert.deepEqual([...c.grad], [-2, 0, 2, 4]);
  assert.throws(() => curve('mseLoss', undefined, { min: 1, max: 1 }), /min < max/);
  assert.throws(() => curve('mseLoss', undefined, { n: 1 }), /n must be an integer/);
  assert.throws(() => curve('mseLoss', undefined, { n: 2.5 }), /n must be an integer/);
  assert.throws(() => curve('binaryCrossEntropy', undefined, { min: 0, max: 1 }), /exclusive/);
  assert.throws(() => curve('cosineEmbeddingLoss', undefined, { min: -1, max: 0.5 }), /exclusive/);
});

const at = (c: ReturnType<typeof curve>, x: number) => {
  let best = 0;
  for (let i = 1; i < c.x.length; i++) if (Math.abs(c.x[i] - x) < Math.abs(c.x[best] - x)) best = i;
  return { x: c.x[best], loss: c.loss[best], grad: c.grad[best] };
};

test('known shapes: regression losses on the error axis', () => {
  const huber = curve('huberLoss', { delta: 0.5 }, { min: -3, max: 3, n: 601 });
  assert.equal(at(huber, 3).grad, 0.5, 'Huber gradient saturates at δ');
  assert.equal(at(huber, 0.2).grad, at(huber, 0.2).x, 'and equals the error inside the band');
  const l1 = curve('l1Loss', undefined, { min: -1, max: 1, n: 3 });
  assert.deepEqual([...l1.grad], [-1, 0, 1], 'L1 subgradient 0 at zero error');
  const smooth = curve('smoothL1Loss', { beta: 2 }, { min: -3, max: 3, n: 601 });
  assert.equal(at(smooth, 3).grad, 1, 'smooth L1 outlier slope is 1 whatever β is');
});

test('known shapes: classification losses', () => {
  const bce = curve('binaryCrossEntropy', undefined, { min: 0.1, max: 0.9, n: 9 });
  assert.ok(Math.abs(bce.loss[0] + Math.log(0.1)) < 1e-12, 'BCE at p_t = 0.1 is −log 0.1');
  assert.ok(Math.abs(bce.grad[0] + 10) < 1e-9, 'd/dp of −log p is −1/p');
  const ln2 = Math.log(2);
  for (const id of ['binaryCrossEntropyWithLogits', 'crossEntropy', 'sparseCrossEntropy', 'softMarginLoss', 'multilabelSoftMarginLoss']) {
    const c = curve(id, undefined, { min: -1, max: 1, n: 3 });
    assert.ok(Math.abs(c.loss[1] - ln2) < 1e-12 && Math.abs(c.grad[1] + 0.5) < 1e-12, `${id}: log 2 and −½ at zero logit`);
  }
  const weighted = curve('binaryCrossEntropyWithLogits', { posWeight: 3 }, { min: -1, max: 1, n: 3 });
  assert.ok(Math.abs(weighted.grad[1] + 1.5) < 1e-12, 'posWeight 3 at z = 0: σ(0)·3 − 3');
  const hinge = curve('hingeLoss', undefined, { min: -1, max: 3, n: 9 });
  assert.deepEqual([...hinge.loss], [2, 1.5, 1, 0.5, 0, 0, 0, 0, 0]);
  assert.deepEqual([...hinge.grad].slice(0, 4), [-1, -1, -1, -1]);
});

test('focal loss: γ = 0, α = ½ is half of BCE; γ = 2 mutes an easy example (p_t = 0.9) 100-fold', () => {
  const range = { min: -4, max: 4, n: 33 };
  const bce = curve('binaryCrossEntropyWithLogits', undefined, range);
  const focal0 = curve('sigmoidFocalLoss', { gamma: 0, alpha: 0.5 }, range);
  for (let i = 0; i < 33; i++) {
    assert.ok(Math.abs(focal0.loss[i] - 0.5 * bce.loss[i]) < 1e-12);
    assert.ok(Math.abs(focal0.grad[i] - 0.5 * bce.grad[i]) < 1e-12);
  }
  const z = Math.log(9); // σ(z) = 0.9
  const easy = curve('sigmoidFocalLoss', { gamma: 2, alpha: 0.5 }, { min: z, max: z + 1, n: 2 });
  const ce = curve('binaryCrossEntropyWithLogits', undefined, { min: z, max: z + 1, n: 2 });
  assert.ok(Math.abs(easy.loss[0] / (0.5 * ce.loss[0]) - 0.01) < 1e-9);
  const softmaxFocal = curve('softmaxFocalLoss', { gamma: 0 }, range);
  for (let i = 0; i < 33; i++) assert.ok(Math.abs(softmaxFocal.loss[i] - bce.loss[i]) < 1e-12, 'softmax focal with γ = 0 is CE');
});

test('label smoothing: finite optimum, PyTorch ε/C versus uniform-others ε/(C − 1)', () => {
  const range = { min: 0, max: 6, n: 6001 };
  const zeroCrossing = (g: Float64Array, x: Float64Array) => {
    for (let i = 1; i < g.length; i++) if (g[i - 1] < 0 && g[i] >= 0) return x[i];
    return Number.NaN;
  };
  const torchStyle = curve('labelSmoothingCrossEntropy', { labelSmoothing: 0.1 }, range);
  const others = curve('labelSmoothingCrossEntropy', { labelSmoothing: 0.1, uniformOthers: 1 }, range);
  // Two classes: PyTorch targets (0.95, 0.05) → optimum at log 19; uniform-others (0.9, 0.1) → log 9.
  assert.ok(Math.abs(zeroCrossing(torchStyle.grad, torchStyle.x) - Math.log(19)) < 2e-3);
  assert.ok(Math.abs(zeroCrossing(others.grad, others.x) - Math.log(9)) < 2e-3);
  const ce = curve('crossEntropy', { labelSmoothing: 0.1 }, range);
  assert.deepEqual([...ce.loss], [...torchStyle.loss], 'crossEntropy with labelSmoothing computes the same curve');
  assert.throws(() => curve('labelSmoothingCrossEntropy', { uniformOthers: 0.5 }), /0 or 1/);
});

test('metric losses: zero beyond the margin', () => {
  const triplet = curve('tripletMarginLoss', { margin: 0.5 }, { min: 0, max: 3, n: 301 });
  assert.ok(at(triplet, 1.6).loss === 0 && at(triplet, 1.6).grad === 0, 'd(a, n) > d(a, p) + margin');
  assert.ok(Math.abs(at(triplet, 1).loss - 0.5) < 1e-5, 'at d(a, n) = d(a, p) the loss is the margin');
  assert.ok(Math.abs(at(triplet, 1).grad + 1) < 1e-12);
  const contrastive = curve('contrastiveLoss', { margin: 2 }, { min: 0, max: 3, n: 301 });
  assert.equal(at(contrastive, 2.5).loss, 0);
  assert.ok(Math.abs(at(contrastive, 1).loss - 0.5) < 1e-5, '½·(m − d)² at d = 1');
  const ranking = curve('marginRankingLoss', { margin: 1 }, { min: -2, max: 2, n: 5 });
  assert.deepEqual([...ranking.loss], [3, 2, 1, 0, 0]);
  const cosine = curve('cosineEmbeddingLoss', { margin: 0.5 }, { min: -0.9, max: 0.9, n: 19 });
  assert.ok(Math.abs(at(cosine, 0.8).loss - 0.3) < 1e-9 && Math.abs(at(cosine, 0.8).grad - 1) < 1e-6);
  assert.equal(at(cosine, 0.2).loss, 0);
  const info = curve('infoNce', { temperature: 0.5 }, { min: -1, max: 1, n: 3 });
  assert.ok(Math.abs(info.grad[1] + 1) < 1e-12, 'at equal similarities: −½ / τ');
});

test('probabilistic and generative losses', () => {
  const kl = curve('klDiv', { targetProb: 0.3 }, { min: 0.1, max: 0.9, n: 9 });
  assert.ok(Math.abs(at(kl, 0.3).loss) < 1e-12 && Math.abs(at(kl, 0.3).grad) < 1e-9, 'KL(P‖P) = 0 at its minimum');
  const nll = curve('nllLoss', undefined, { min: 0.5, max: 0.9, n: 2 });
  assert.ok(Math.abs(nll.loss[0] - Math.log(2)) < 1e-12 && Math.abs(nll.grad[0] + 2) < 1e-12);
  const gauss = curve('gaussianNllLoss', { var: 4 }, { min: -2, max: 2, n: 3 });
  assert.ok(Math.abs(gauss.loss[2] - 0.5 * (Math.log(4) + 1)) < 1e-12 && Math.abs(gauss.grad[2] - 0.5) < 1e-12);
  const poisson = curve('poissonNllLoss', undefined, { min: -1, max: 1, n: 3 });
  assert.ok(poisson.loss[1] === 1 && poisson.grad[1] === 0, 'e⁰ − 1·0 = 1 with zero slope at the observed count');
  const kld = curve('gaussianKlDivergence', { logVar: 0 }, { min: -2, max: 2, n: 5 });
  assert.deepEqual([...kld.loss], [2, 0.5, 0, 0.5, 2]);
  assert.deepEqual([...kld.grad], [-2, -1, 0, 1, 2]);
  const elbo = curve('vaeElbo', { beta: 4, logVar: 0 }, { min: -2, max: 2, n: 5 });
  assert.deepEqual([...elbo.loss], [8, 2, 0, 2, 8]);
  const flow = curve('flowNll', undefined, { min: 0, max: 1, n: 2 });
  assert.ok(Math.abs(flow.loss[0] - 0.5 * Math.log(2 * Math.PI)) < 1e-12);
});
