// The page model without a browser: saved-state parsing, the shared plot grid, CSV, stories and the guide walk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { curve, guide } from '../../core/src/index';
import { buildPlotData, toCsv } from '../../webview/src/explorer/plot-data';
import { parseState } from '../../webview/src/explorer/state';
import { sourceInfo } from '../../webview/src/explorer/sources';
import { stories } from '../../webview/src/explorer/stories';
import { findGuidePath, walkGuide } from '../../webview/src/explorer/guide-view';

test('parseState keeps what is valid and drops the rest', () => {
  const s = parseState({
    v: 1,
    view: 'guide',
    storyId: null,
    guidePath: [1, 0],
    series: [{ id: 'huberLoss', params: { delta: 99 } }, { id: 'nope', params: {} }, { id: 'mseLoss' }],
    range: { min: -1, max: 1 },
  });
  assert.equal(s.view, 'guide');
  assert.deepEqual(
    s.series,
    [
      { id: 'huberLoss', params: { delta: 5 } },
      { id: 'mseLoss', params: {} },
    ],
    'out-of-range δ clamped to the catalog max',
  );
  assert.deepEqual(s.range, { min: -1, max: 1 });
  assert.deepEqual(s.guidePath, [1, 0]);
  for (const junk of [undefined, null, 3, 'x', { v: 2 }, { v: 1, series: 'x', range: { min: 1, max: 0 }, guidePath: [-1] }]) {
    const d = parseState(junk);
    assert.equal(d.view, 'plots');
    assert.equal(d.range, null);
    assert.deepEqual(d.guidePath, []);
  }
});

test('plot data: catalog curves equal core on the shared grid; domain-limited losses are gaps outside (0, 1)', () => {
  const data = buildPlotData(
    [
      { id: 'mseLoss', params: {} },
      { id: 'binaryCrossEntropy', params: {} },
    ],
    { min: -1, max: 2 },
    31,
  );
  assert.deepEqual(data.x, Array.from(curve('mseLoss', {}, { min: -1, max: 2, n: 31 }).x));
  assert.deepEqual(data.columns[0].loss, Array.from(curve('mseLoss', {}, { min: -1, max: 2, n: 31 }).loss));
  const bce = data.columns[1];
  data.x.forEach((x, i) => assert.equal(bce.loss[i] === null, !(x > 0 && x < 1), `x = ${x}`));
  assert.ok(data.mixedAxes);
  const csv = toCsv(data).trim().split('\n');
  assert.equal(csv.length, 32);
  assert.equal(
    csv[0],
    'x,Mean squared error loss,Mean squared error gradient,Binary cross-entropy on probabilities loss,Binary cross-entropy on probabilities gradient',
  );
});

test('every story names known losses and valid parameters, and its table computes', () => {
  for (const story of stories) {
    for (const s of story.series) {
      const info = sourceInfo(s.id);
      assert.ok(info, `${story.id}: ${s.id}`);
      for (const name of Object.keys(s.params))
        assert.ok(
          info!.params.some(p => p.name === name),
          `${story.id}: ${s.id}.${name}`,
        );
    }
    const data = buildPlotData(story.series, story.range ?? null);
    for (const c of data.columns) {
      assert.equal(c.error, undefined, `${story.id}: ${c.label}`);
      assert.ok(
        c.loss.some(v => v !== null),
        `${story.id}: ${c.label} has values`,
      );
    }
    if (story.table) assert.ok(story.table().rows.length > 0);
  }
});

test('guide walk: invalid indices stop the walk; findGuidePath finds a leaf', () => {
  assert.deepEqual(walkGuide([0, 9, 1]).validPath, [0]);
  assert.equal(walkGuide([]).at, guide);
  const path = findGuidePath('l1Loss')!;
  const leaf = walkGuide(path).at as { lossId: string };
  assert.equal(leaf.lossId, 'l1Loss');
  assert.equal(findGuidePath('notALoss'), undefined);
});

test('RULE_STORY_IDS (what "Explain" opens in the explorer) matches the rule stories the page has', async () => {
  const { RULE_STORY_IDS } = await import('../../webview/src/protocol');
  const { ruleStory } = await import('../../webview/src/explorer/stories');
  for (const id of RULE_STORY_IDS) assert.ok(ruleStory(id), `${id} has a story`);
  for (let i = 0; i <= 22; i++) {
    const id = `LL${String(i).padStart(3, '0')}`;
    if (ruleStory(id)) assert.ok(RULE_STORY_IDS.includes(id), `${id} has a story but is not in RULE_STORY_IDS`);
  }
});
