// The loss catalog: complete against the project's loss reference and against every core loss function,
// internally consistent (ids, families, params, names), and carrying the facts other features show.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { catalog, curveInfo, findCatalogEntriesByName, getCatalogEntry, type CatalogEntry } from '../../../core/src/knowledge';
import { lossFunctions } from '../../../core/src/losses';

const FAMILIES = new Set(['regression', 'classification', 'metric', 'probabilistic', 'generative']);
const AXES = new Set(['error', 'logit', 'pt', 'distance', 'margin']);

// Every loss the reference document describes, by its section name → catalog id.
const REFERENCE_LOSSES: [string, string][] = [
  ['Mean Squared Error', 'mseLoss'],
  ['Mean Absolute Error', 'l1Loss'],
  ['Huber Loss', 'huberLoss'],
  ['Binary Cross-Entropy', 'binaryCrossEntropy'],
  ['Binary Cross-Entropy (logits)', 'binaryCrossEntropyWithLogits'],
  ['Categorical Cross-Entropy', 'crossEntropy'],
  ['Sparse Categorical Cross-Entropy', 'sparseCrossEntropy'],
  ['KL Divergence', 'klDiv'],
  ['Contrastive Loss', 'contrastiveLoss'],
  ['Triplet Loss', 'tripletMarginLoss'],
  ['Focal Loss', 'sigmoidFocalLoss'],
  ['Multi-class Focal Loss', 'softmaxFocalLoss'],
  ['Hinge Loss', 'hingeLoss'],
  ['Multiclass hinge', 'multiclassHingeLoss'],
  ['Label Smoothing Cross-Entropy', 'labelSmoothingCrossEntropy'],
  ['VAE ELBO', 'vaeElbo'],
  ['Gaussian KL (VAE)', 'gaussianKlDivergence'],
];

const entry = (id: string): CatalogEntry => {
  const e = getCatalogEntry(id);
  assert.ok(e, `catalog has no entry '${id}'`);
  return e;
};

test('every loss of the reference document has a catalog entry', () => {
  for (const [name, id] of REFERENCE_LOSSES) assert.ok(getCatalogEntry(id), `${name} → ${id} missing`);
});

test('every exported core loss function has an entry of the same id, computed by itself', () => {
  const fnNames = Object.keys(lossFunctions);
  assert.equal(fnNames.length, 30, 'the core contract has 30 loss functions');
  for (const fn of fnNames) {
    const e = entry(fn);
    assert.equal(e.computedBy, undefined, `${fn} is a core function and must not point elsewhere`);
  }
});

test('entries without a core function point to one via computedBy', () => {
  for (const e of catalog) {
    if (e.id in lossFunctions) continue;
    assert.ok(e.computedBy, `${e.id} has no core function and no computedBy`);
    assert.ok(e.computedBy in lossFunctions, `${e.id}.computedBy = ${e.computedBy} is not a core function`);
  }
  for (const id of ['sparseCrossEntropy', 'labelSmoothingCrossEntropy', 'vaeElbo']) assert.ok(entry(id).computedBy);
});

test('ids are unique and every entry is well formed', () => {
  const ids = catalog.map(e => e.id);
  assert.equal(new Set(ids).size, ids.length, 'duplicate ids');
  for (const e of catalog) {
    assert.ok(FAMILIES.has(e.family), `${e.id}: family ${e.family}`);
    assert.ok(AXES.has(e.axis), `${e.id}: axis ${e.axis}`);
    assert.ok(e.title.trim().length > 3, `${e.id}.title`);
    for (const field of ['formula', 'latex', 'gradient', 'whenToUse', 'whenNot'] as const) {
      assert.ok(e[field].trim().length > 10, `${e.id}.${field} is empty or too short`);
    }
    if (e.likelihood !== undefined) assert.ok(e.likelihood.length > 10, `${e.id}.likelihood`);
    const names = new Set<string>();
    for (const p of e.params) {
      assert.ok(!names.has(p.name), `${e.id}: duplicate param ${p.name}`);
      names.add(p.name);
      assert.ok(p.min < p.max, `${e.id}.${p.name}: min < max`);
      assert.ok(p.default >= p.min && p.default <= p.max, `${e.id}.${p.name}: default within [min, max]`);
      assert.ok(p.meaning.length > 5, `${e.id}.${p.name}: meaning`);
      if (p.step !== undefined) {
        for (const v of [p.min, p.default, p.max])
          assert.ok(Math.abs(v / p.step - Math.round(v / p.step)) < 1e-9, `${e.id}.${p.name}: ${v} is on the step grid`);
      }
    }
    for (const [fw, list] of Object.entries(e.names)) {
      assert.ok(list && list.length > 0 && list.every(n => n.trim().length > 0), `${e.id}.names.${fw} must list at least one name`);
    }
    for (const fw of ['torch', 'keras', 'tfjs'] as const) {
      const rows = e.snippets[fw];
      assert.ok(rows.length > 0 && rows.every(r => r.label.trim().length > 0 && r.template.trim().length > 0), `${e.id}: ${fw} snippets`);
    }
  }
});

test('the catalog axis is the axis its curve is sampled on', () => {
  for (const e of catalog) assert.equal(curveInfo(e.id).axis, e.axis, e.id);
});

test('framework names: present where the framework has the loss, absent where it has none', () => {
  const cases: [string, 'torch' | 'keras' | 'tfjs', string | null][] = [
    ['huberLoss', 'torch', 'nn.HuberLoss'],
    ['huberLoss', 'torch', 'F.huber_loss'],
    ['huberLoss', 'keras', 'keras.losses.Huber'],
    ['huberLoss', 'tfjs', 'tf.losses.huberLoss'],
    ['mseLoss', 'keras', 'mse'],
    ['binaryCrossEntropyWithLogits', 'torch', 'nn.BCEWithLogitsLoss'],
    ['binaryCrossEntropy', 'tfjs', 'tf.losses.logLoss'],
    ['crossEntropy', 'tfjs', 'tf.losses.softmaxCrossEntropy'],
    ['sparseCrossEntropy', 'keras', 'keras.losses.SparseCategoricalCrossentropy'],
    ['klDiv', 'torch', 'nn.KLDivLoss'],
    ['sigmoidFocalLoss', 'torch', 'torchvision.ops.sigmoid_focal_loss'],
    ['smoothL1Loss', 'keras', null],
    ['smoothL1Loss', 'tfjs', null],
    ['nllLoss', 'keras', null],
    ['hingeLoss', 'torch', null],
    ['contrastiveLoss', 'torch', null],
    ['tripletMarginLoss', 'keras', null],
  ];
  for (const [id, fw, name] of cases) {
    const list = entry(id).names[fw];
    if (name === null) assert.equal(list, undefined, `${id} should have no ${fw} name`);
    else assert.ok(list?.includes(name), `${id}.names.${fw} should include ${name}`);
  }
});

test('findCatalogEntriesByName maps a framework name back to entries', () => {
  assert.deepEqual(
    findCatalogEntriesByName('F.huber_loss').map(e => e.id),
    ['huberLoss'],
  );
  assert.ok(findCatalogEntriesByName('nn.CrossEntropyLoss').some(e => e.id === 'crossEntropy'));
  assert.deepEqual(findCatalogEntriesByName('not.a.loss'), []);
});

test('likelihood stories: Gaussian → MSE, Laplace → MAE, Bernoulli → BCE, Categorical → CE', () => {
  const cases: [string, RegExp][] = [
    ['mseLoss', /Gaussian/],
    ['l1Loss', /Laplace/],
    ['binaryCrossEntropy', /Bernoulli/],
    ['binaryCrossEntropyWithLogits', /Bernoulli/],
    ['crossEntropy', /Categorical/],
    ['poissonNllLoss', /Poisson/],
    ['gaussianNllLoss', /Gaussian/],
  ];
  for (const [id, re] of cases) assert.match(entry(id).likelihood ?? '', re, id);
});

test('multiclass hinge says it is Weston–Watkins (sum) and that Crammer–Singer takes the max', () => {
  const e = entry('multiclassHingeLoss');
  const text = `${e.title} ${e.formula} ${e.whenToUse}`;
  assert.match(text, /Weston–Watkins/);
  assert.match(text, /SUM|sum/);
  assert.match(text, /Crammer–Singer/);
  assert.match(e.formula, /MAX|max/);
});

test('label smoothing explains ε/C (PyTorch) versus ε/(C − 1) (uniform over the others)', () => {
  const e = entry('labelSmoothingCrossEntropy');
  assert.match(e.formula, /ε\/C/);
  assert.match(e.formula, /ε\/\(C − 1\)/);
  assert.match(e.whenToUse, /0\.91/, 'worked example C = 10, ε = 0.1');
});

test('slider parameters carry the documented defaults', () => {
  const cases: [string, string, number][] = [
    ['huberLoss', 'delta', 1],
    ['smoothL1Loss', 'beta', 1],
    ['sigmoidFocalLoss', 'gamma', 2],
    ['sigmoidFocalLoss', 'alpha', 0.25],
    ['softmaxFocalLoss', 'gamma', 2],
    ['tripletMarginLoss', 'margin', 1],
    ['contrastiveLoss', 'margin', 1],
    ['crossEntropy', 'labelSmoothing', 0],
    ['labelSmoothingCrossEntropy', 'labelSmoothing', 0.1],
    ['binaryCrossEntropyWithLogits', 'posWeight', 1],
  ];
  for (const [id, name, dflt] of cases) {
    const p = entry(id).params.find(q => q.name === name);
    assert.ok(p, `${id} has param ${name}`);
    assert.equal(p.default, dflt, `${id}.${name}`);
  }
});
