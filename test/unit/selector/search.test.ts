// The flat search: typing a short name finds the loss, best match first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { catalog } from '../../../core/src/knowledge';
import { searchLosses } from '../../../client/src/common/selector/search';

const cases: { query: string; first: string; alsoFinds?: string[] }[] = [
  { query: 'focal', first: 'sigmoidFocalLoss', alsoFinds: ['softmaxFocalLoss'] },
  { query: 'kl', first: 'klDiv', alsoFinds: ['gaussianKlDivergence'] },
  { query: 'triplet', first: 'tripletMarginLoss' },
  { query: 'huber', first: 'huberLoss' },
  { query: 'BCEWithLogits', first: 'binaryCrossEntropyWithLogits' },
  { query: 'cross_entropy', first: 'crossEntropy', alsoFinds: ['sparseCrossEntropy'] },
  { query: 'contrastive', first: 'contrastiveLoss' },
  { query: 'mse', first: 'mseLoss' },
  { query: 'label smoothing', first: 'labelSmoothingCrossEntropy' },
  { query: 'nt-xent', first: 'infoNce' },
];

for (const c of cases) {
  test(`searching '${c.query}' finds ${c.first} first`, () => {
    const hits = searchLosses(c.query).map(h => h.lossId);
    assert.equal(hits[0], c.first, `got ${hits.join(', ')}`);
    for (const other of c.alsoFinds ?? []) assert.ok(hits.includes(other), `${other} missing from ${hits.join(', ')}`);
  });
}

test('an empty query lists every loss; nonsense lists none', () => {
  assert.equal(searchLosses('').length, catalog.length);
  assert.deepEqual(searchLosses('zzqx'), []);
});
