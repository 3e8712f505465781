// The selection guide: a tree whose node ids are unique and whose leaves all name catalog losses, laid out
// like the reference diagram (task → questions → loss + activation). Also the quick-reference table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getCatalogEntry, guide, isGuideLeaf, quickReference, type GuideLeaf, type GuideNode } from '../../../core/src/knowledge';

function walk(node: GuideNode, nodes: GuideNode[] = [], leaves: GuideLeaf[] = []): { nodes: GuideNode[]; leaves: GuideLeaf[] } {
  nodes.push(node);
  for (const o of node.options) {
    if (isGuideLeaf(o.next)) leaves.push(o.next);
    else walk(o.next, nodes, leaves);
  }
  return { nodes, leaves };
}

/** Follows option labels from the root; returns the leaf's lossId. */
function follow(...labels: string[]): string {
  let cur: GuideNode | GuideLeaf = guide;
  for (const label of labels) {
    assert.ok(!isGuideLeaf(cur), `reached a leaf before '${label}'`);
    const opt: { next: GuideNode | GuideLeaf } | undefined = (cur as GuideNode).options.find(o => o.label.startsWith(label));
    assert.ok(opt, `no option '${label}' under '${(cur as GuideNode).question}'`);
    cur = opt.next;
  }
  assert.ok(isGuideLeaf(cur), `path ${labels.join(' → ')} does not end at a leaf`);
  return cur.lossId;
}

test('node ids are unique and every node asks a question with at least two options', () => {
  const { nodes } = walk(guide);
  const ids = nodes.map(n => n.id);
  assert.equal(new Set(ids).size, ids.length, `duplicate node ids: ${ids.join(', ')}`);
  for (const n of nodes) {
    assert.ok(n.question.endsWith('?'), `${n.id}: question`);
    assert.ok(n.options.length >= 2, `${n.id}: options`);
    for (const o of n.options) assert.ok(o.label && o.description, `${n.id}: option text`);
  }
});

test('every leaf and every alternative is a catalog entry', () => {
  const { leaves } = walk(guide);
  assert.ok(leaves.length >= 13);
  for (const leaf of leaves) {
    assert.ok(getCatalogEntry(leaf.lossId), `leaf lossId ${leaf.lossId} is not in the catalog`);
    assert.ok(leaf.activation.length > 0 && leaf.why.length > 10, `${leaf.lossId}: activation/why`);
    for (const alt of leaf.alternatives) {
      assert.ok(getCatalogEntry(alt), `alternative ${alt} (of ${leaf.lossId}) is not in the catalog`);
      assert.notEqual(alt, leaf.lossId, `${leaf.lossId} lists itself as an alternative`);
    }
  }
});

test('the root asks for the task: regression, classification, embedding, generative', () => {
  assert.deepEqual(
    guide.options.map(o => o.label),
    ['Regression', 'Classification', 'Embedding / metric learning', 'Generative model'],
  );
});

test('paths through the tree reach the losses of the reference diagram', () => {
  const cases: [string[], string][] = [
    [['Regression', 'Yes'], 'mseLoss'],
    [['Regression', 'No', 'Yes'], 'huberLoss'],
    [['Regression', 'No', 'No'], 'l1Loss'],
    [['Classification', 'Two', 'Balanced'], 'binaryCrossEntropyWithLogits'],
    [['Classification', 'Two', 'Imbalanced'], 'sigmoidFocalLoss'],
    [['Classification', 'More', 'Yes'], 'crossEntropy'],
    [['Classification', 'More', 'No'], 'binaryCrossEntropyWithLogits'],
    [['Embedding', 'Pairs'], 'contrastiveLoss'],
    [['Embedding', 'Triplets'], 'tripletMarginLoss'],
    [['Embedding', 'Full batch'], 'infoNce'],
    [['Generative', 'VAE'], 'vaeElbo'],
    [['Generative', 'GAN'], 'binaryCrossEntropyWithLogits'],
    [['Generative', 'Normalizing flow'], 'flowNll'],
  ];
  for (const [path, lossId] of cases) assert.equal(follow(...path), lossId, path.join(' → '));
});

test('the multi-label leaf recommends a per-class sigmoid, the exclusive one a softmax', () => {
  const multiClass = guide.options[1].next as GuideNode;
  const more = multiClass.options[1].next as GuideNode;
  const [exclusive, multiLabel] = more.options.map(o => o.next as GuideLeaf);
  assert.match(exclusive.activation, /softmax/);
  assert.match(multiLabel.activation, /sigmoid per class/);
});

test('quick reference: the ten tasks of the reference table, every loss in the catalog', () => {
  assert.equal(quickReference.length, 10);
  for (const row of quickReference) {
    assert.ok(getCatalogEntry(row.lossId), `${row.task}: ${row.lossId} not in catalog`);
    assert.ok(row.activation.length > 0);
  }
  const byTask = new Map(quickReference.map(r => [r.task, r.lossId]));
  assert.equal(byTask.get('Regression'), 'mseLoss');
  assert.equal(byTask.get('Robust regression'), 'huberLoss');
  assert.equal(byTask.get('Calibration'), 'labelSmoothingCrossEntropy');
  assert.equal(byTask.get('Ranking / metric learning'), 'tripletMarginLoss');
});
