// The "Choose a Loss Function" wizard, walked as a user would through its views: every path of the guide
// ends in a catalog loss with something to insert, back restores the exact previous step, and the
// framework question appears only when the file's imports do not decide it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { catalog, getCatalogEntry, guide } from '../../../core/src/knowledge';
import {
  applyAction,
  canGoBack,
  currentStep,
  guidePaths,
  snippetFramework,
  startWizard,
  type WizardState,
} from '../../../client/src/common/selector/wizard';
import { viewOf, type StepView, type ViewItem } from '../../../client/src/common/selector/wizard-view';
import type { FrameworkDecision } from '../../../client/src/common/selector/imports';

const torchFile: FrameworkDecision = { kind: 'known', framework: 'torch' };
const askFile: FrameworkDecision = { kind: 'ask', choices: ['torch', 'keras'] };
const noEditor: FrameworkDecision = { kind: 'none' };

/** Accepts the item whose label is `label` (or starts with it), like pressing Enter on it. */
function pick(state: WizardState, label: string, canInsert = true): { state: WizardState; item: ViewItem } {
  const view = viewOf(state, { canInsert });
  const item = view.items.find(i => !i.separator && (i.label === label || i.label.startsWith(label)));
  assert.ok(item, `no item '${label}' in ${view.id}: ${view.items.map(i => i.label).join(' | ')}`);
  assert.ok(item.effect, `item '${label}' does nothing`);
  if (item.effect.kind !== 'wizard') return { state, item };
  return { state: applyAction(state, item.effect.action), item };
}

function view(state: WizardState, canInsert = true): StepView {
  return viewOf(state, { canInsert });
}

test('the guide has paths and each ends in a catalog loss', () => {
  const paths = guidePaths(guide);
  assert.ok(paths.length >= 10, `${paths.length} paths`);
  for (const p of paths) assert.ok(getCatalogEntry(p.leaf.lossId), `${p.labels.join(' → ')} ends in unknown '${p.leaf.lossId}'`);
});

for (const decision of [
  torchFile,
  { kind: 'known', framework: 'keras' } as FrameworkDecision,
  { kind: 'known', framework: 'tfjs' } as FrameworkDecision,
]) {
  const fw = decision.kind === 'known' ? decision.framework : '';
  test(`${fw}: walking every guide path by its labels reaches the leaf's result with insert actions`, () => {
    for (const p of guidePaths()) {
      let state = startWizard(decision);
      for (const label of p.labels) state = pick(state, label).state;
      const step = currentStep(state);
      assert.equal(step.kind, 'result', p.labels.join(' → '));
      assert.equal(step.kind === 'result' && step.lossId, p.leaf.lossId);
      const v = view(state);
      assert.equal(v.id, `result:${p.leaf.lossId}`);
      assert.match(v.title, /^Recommended: /);
      assert.match(v.placeholder, /activation/i);
      const inserts = v.items.filter(i => i.effect?.kind === 'insert');
      assert.ok(inserts.length >= 1, `${p.leaf.lossId}: nothing to insert for ${fw}`);
      assert.ok(inserts[0].detail && inserts[0].detail.length > 20, 'the first insert item explains why');
      assert.ok(
        v.items.some(i => i.effect?.kind === 'explorer'),
        'open in explorer',
      );
      assert.ok(
        v.items.some(i => i.effect?.kind === 'copy'),
        'copy',
      );
      assert.equal(v.items.filter(i => i.label.includes('$(arrow-right)')).length, p.leaf.alternatives.length, 'one item per alternative');
    }
  });
}

test('back navigation restores the previous step, view and all, at every depth', () => {
  for (const p of guidePaths()) {
    const states: WizardState[] = [startWizard(torchFile)];
    for (const label of p.labels) states.push(pick(states[states.length - 1], label).state);
    for (let i = states.length - 1; i > 0; i--) {
      const back = applyAction(states[i], { type: 'back' });
      assert.deepEqual(back, states[i - 1], `back from step ${i} of ${p.labels.join(' → ')}`);
      assert.deepEqual(view(back), view(states[i - 1]));
    }
  }
});

test('the first step cannot go back; back there is a no-op', () => {
  const s = startWizard(torchFile);
  assert.equal(canGoBack(s), false);
  assert.equal(applyAction(s, { type: 'back' }), s);
});

test('a file that imports neither framework is asked once, right before the first result', () => {
  let s = startWizard(askFile);
  s = pick(s, 'Classification').state;
  s = pick(s, 'Two classes').state;
  s = pick(s, 'Imbalanced').state;
  assert.equal(view(s).id, 'framework');
  assert.deepEqual(
    view(s).items.map(i => i.label),
    ['PyTorch', 'Keras'],
  );
  s = pick(s, 'Keras').state;
  assert.equal(view(s).id, 'result:sigmoidFocalLoss');
  assert.equal(snippetFramework(s), 'keras');
  const insert = view(s).items.find(i => i.effect?.kind === 'insert');
  assert.match(insert!.label, /BinaryFocalCrossentropy/);
  // An alternative keeps the pick: no second question.
  s = pick(s, '$(arrow-right) Binary cross-entropy with logits').state;
  assert.equal(view(s).id, 'result:binaryCrossEntropyWithLogits');
  assert.equal(snippetFramework(s), 'keras');
  // Back twice returns to the framework question, which no longer has an answer.
  s = applyAction(applyAction(s, { type: 'back' }), { type: 'back' });
  assert.equal(view(s).id, 'framework');
  assert.equal(snippetFramework(s), undefined);
});

test('without an editor the result offers copy in every framework instead of insert', () => {
  let s = startWizard(noEditor);
  for (const label of ['Regression', 'No, be robust', 'Yes, smooth']) s = pick(s, label, false).state;
  const v = view(s, false);
  assert.equal(v.id, 'result:huberLoss');
  assert.equal(v.items.filter(i => i.effect?.kind === 'insert').length, 0);
  const copies = v.items.filter(i => i.effect?.kind === 'copy');
  assert.deepEqual(
    copies.map(i => i.description?.split(' · ')[0]),
    ['PyTorch', 'Keras', 'TensorFlow.js', 'JAX/optax'],
  );
});

test('the first step offers the flat search, which lists every catalog loss', () => {
  const s = pick(startWizard(torchFile), '$(search) Search all losses').state;
  const v = view(s);
  assert.equal(v.id, 'search');
  assert.equal(v.matchOnDescription, true);
  assert.equal(v.items.length, catalog.length);
  const next = pick(s, 'Triplet margin loss').state;
  assert.equal(view(next).id, 'result:tripletMarginLoss');
  assert.equal(view(next).title, 'Triplet margin loss');
  assert.deepEqual(applyAction(next, { type: 'back' }), s);
});

test('the search mode can be the starting step', () => {
  const s = startWizard(torchFile, 'search');
  assert.equal(view(s).id, 'search');
  assert.equal(canGoBack(s), false);
});

test('actions a step does not offer are rejected', () => {
  const s = startWizard(torchFile);
  assert.throws(() => applyAction(s, { type: 'framework', framework: 'torch' }), /framework/);
  assert.throws(() => applyAction(s, { type: 'option', index: 99 }), /no option/);
  const search = startWizard(torchFile, 'search');
  assert.throws(() => applyAction(search, { type: 'loss', lossId: 'noSuchLoss' }), /unknown loss/);
});
