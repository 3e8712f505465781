// The Loss Explorer page in headless Chromium, served with the extension's own HTML and CSP, with a stub
// acquireVsCodeApi. Checks that the controls change the curves (the exported numbers equal core's),
// that every path of the selection guide reaches its leaf, that malformed messages are ignored, and
// writes the light/dark screenshots used by the README.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { curve, getCatalogEntry, guide, isGuideLeaf, quickReference, type GuideLeaf, type GuideNode } from '../../core/src/index';
import { parsePageMessage } from '../../webview/src/protocol';
import {
  cspViolations,
  csvColumn,
  exportFrom,
  launchChromium,
  openExplorer,
  pageState,
  parseCsv,
  posted,
  sendToPage,
  servePage,
  type Csv,
  type ServedPage,
} from './harness';

const N = 512;
let served: ServedPage;
let browser: Browser;

before(async () => {
  served = await servePage();
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await served?.close();
});

async function csvOf(page: Page): Promise<Csv> {
  const msg = await exportFrom(page, 'csv');
  assert.equal(msg.type, 'export');
  assert.equal(msg.format, 'csv');
  return parseCsv(String(msg.data));
}

/** Asserts the CSV's loss/gradient columns of series k equal core's curve exactly. */
function assertColumnsEqualCore(csv: Csv, k: number, id: string, params: Record<string, number>, min: number, max: number): void {
  const c = curve(id, params, { min, max, n: N });
  const xs = csvColumn(csv, 0);
  assert.equal(xs.length, N);
  assert.deepEqual(xs, Array.from(c.x), `x grid of ${id}`);
  assertClose(csvColumn(csv, 1 + 2 * k), c.loss, `loss of ${id} ${JSON.stringify(params)}`);
  assertClose(csvColumn(csv, 2 + 2 * k), c.grad, `gradient of ${id} ${JSON.stringify(params)}`);
}

/**
 * Equal up to rounding: Chromium's and Node's V8 may differ in the last bit of Math.exp/log/pow, so
 * the page's numbers are compared with a relative tolerance of 1e-12 (CSV text itself is exact).
 */
function assertClose(actual: (number | null)[], expected: Float64Array, what: string): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i];
    const a = actual[i];
    if (!Number.isFinite(e)) {
      assert.equal(a, null, `${what}: non-finite core value at ${i} is a gap`);
      continue;
    }
    assert.ok(a !== null && Math.abs(a - e) <= 1e-12 * Math.max(1, Math.abs(e)), `${what}: at ${i} page ${a} vs core ${e}`);
  }
}

async function seriesIds(page: Page): Promise<string[]> {
  return page.$$eval('fieldset.series', els => els.map(e => (e as HTMLElement).dataset.loss ?? ''));
}

async function canvasPixels(page: Page): Promise<string[]> {
  return page.$$eval('.chart canvas', els => els.map(c => (c as HTMLCanvasElement).toDataURL()));
}

describe('page load', () => {
  test('posts ready, loads under the CSP without violations, errors or outside requests, and shows the outliers story', async () => {
    const { page, errors } = await openExplorer(browser, served);
    const ready = (await posted(page)).filter(m => m.type === 'ready');
    assert.deepEqual(ready, [{ v: 1, type: 'ready' }]);
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(errors, []);
    assert.deepEqual(await seriesIds(page), ['mseLoss', 'l1Loss', 'huberLoss']);
    assert.equal(await page.locator('.chart canvas').count(), 2);
    // The served document is the extension's: no inline style or script, one nonce'd script.
    const served_ = await (await fetch(`${served.origin}/`)).text();
    assert.doesNotMatch(served_, /style=|<style/);
    assert.equal(served_.match(/<script/g)?.length, 1);
    assert.match(served_, /<script nonce="[0-9a-f]{32}" src="[^"]+"><\/script>/);
    await page.close();
  });
});

describe('gradient plots', () => {
  test('the outliers story draws MSE, MAE and Huber exactly as core computes them, and its table has the [1, 2, 100] numbers', async () => {
    const { page } = await openExplorer(browser, served);
    const csv = await csvOf(page);
    assert.equal(csv.head.length, 7);
    assertColumnsEqualCore(csv, 0, 'mseLoss', {}, -4, 4);
    assertColumnsEqualCore(csv, 1, 'l1Loss', {}, -4, 4);
    assertColumnsEqualCore(csv, 2, 'huberLoss', { delta: 1 }, -4, 4);
    const table = await page.locator('#story-table table').innerText();
    assert.match(table, /MSE\s+3136\s+64\.67/);
    assert.match(table, /MAE \(L1\)\s+32\.33\s+0\.3333/);
    assert.match(table, /Huber, δ = 1\s+32\.17/);
    await page.close();
  });

  test("arrow keys on the δ slider change the Huber curve to core's curve for the new δ and redraw the canvas", async () => {
    const { page, errors } = await openExplorer(browser, served);
    const before = await canvasPixels(page);
    const slider = page.locator('fieldset[data-loss="huberLoss"] input[type="range"]');
    await slider.focus();
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
    const value = Number(await slider.inputValue());
    assert.ok(Math.abs(value - 1.5) < 1e-9, `δ after 10 steps of 0.05: ${value}`);
    assert.equal(await page.locator('fieldset[data-loss="huberLoss"] input[type="number"]').inputValue(), '1.5');
    await page.waitForTimeout(100);
    const csv = await csvOf(page);
    assertColumnsEqualCore(csv, 2, 'huberLoss', { delta: value }, -4, 4);
    assertColumnsEqualCore(csv, 0, 'mseLoss', {}, -4, 4);
    assert.notDeepEqual(await canvasPixels(page), before, 'the charts were redrawn');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('typing into a number input updates the slider, the curve and the saved state; values are kept in the catalog range', async () => {
    const { page } = await openExplorer(browser, served);
    const number = page.locator('fieldset[data-loss="huberLoss"] input[type="number"]');
    await number.fill('2.5');
    await number.press('Tab');
    assert.equal(await page.locator('fieldset[data-loss="huberLoss"] input[type="range"]').inputValue(), '2.5');
    await page.waitForTimeout(50);
    assertColumnsEqualCore(await csvOf(page), 2, 'huberLoss', { delta: 2.5 }, -4, 4);
    const saved = await pageState(page);
    assert.deepEqual((saved.series as { params: unknown }[])[2].params, { delta: 2.5 });
    // Out of range: clamped to the catalog's max (5).
    await number.fill('50');
    await number.press('Tab');
    assert.equal(await number.inputValue(), '5');
    await page.waitForTimeout(50);
    assertColumnsEqualCore(await csvOf(page), 2, 'huberLoss', { delta: 5 }, -4, 4);
    await page.close();
  });

  test('adding a loss from the picker overlays it with its own parameter controls', async () => {
    const { page } = await openExplorer(browser, served);
    await page.selectOption('#add-loss', 'smoothL1Loss');
    await page.click('#add-loss-button');
    assert.deepEqual(await seriesIds(page), ['mseLoss', 'l1Loss', 'huberLoss', 'smoothL1Loss']);
    const beta = page.locator('fieldset[data-loss="smoothL1Loss"] input[type="range"]');
    const betaParam = getCatalogEntry('smoothL1Loss')!.params.find(p => p.name === 'beta')!;
    assert.equal(Number(await beta.getAttribute('min')), betaParam.min);
    assert.equal(Number(await beta.getAttribute('max')), betaParam.max);
    await page.locator('fieldset[data-loss="smoothL1Loss"] input[type="number"]').fill('0.5');
    await page.waitForTimeout(50);
    const csv = await csvOf(page);
    assertColumnsEqualCore(csv, 3, 'smoothL1Loss', { beta: 0.5 }, -4, 4);
    // Remove MSE: the others move up.
    await page.click('fieldset[data-loss="mseLoss"] button[aria-label^="Remove"]');
    assert.deepEqual(await seriesIds(page), ['l1Loss', 'huberLoss', 'smoothL1Loss']);
    await page.close();
  });

  test('the x range inputs resample every curve on the new interval', async () => {
    const { page } = await openExplorer(browser, served);
    await page.fill('#range-min', '-10');
    await page.fill('#range-max', '2');
    await page.press('#range-max', 'Tab');
    const csv = await csvOf(page);
    assertColumnsEqualCore(csv, 0, 'mseLoss', {}, -10, 2);
    assertColumnsEqualCore(csv, 2, 'huberLoss', { delta: 1 }, -10, 2);
    await page.fill('#range-min', '5');
    await page.press('#range-min', 'Tab');
    assert.equal(await page.getAttribute('#range-min', 'aria-invalid'), 'true', 'min ≥ max is refused');
    await page.close();
  });

  const presets: { id: string; check(csv: Csv): void }[] = [
    {
      id: 'focal',
      check(csv) {
        assertColumnsEqualCore(csv, 0, 'binaryCrossEntropyWithLogits', { posWeight: 1 }, -4, 6);
        [0, 0.5, 1, 2, 5].forEach((gamma, k) => assertColumnsEqualCore(csv, k + 1, 'sigmoidFocalLoss', { alpha: 1, gamma }, -4, 6));
        // γ = 0 with α = 1 is BCE with logits: the two curves coincide.
        assert.deepEqual(
          csvColumn(csv, 3).map(v => v!.toFixed(12)),
          csvColumn(csv, 1).map(v => v!.toFixed(12)),
        );
      },
    },
    {
      id: 'ce-vs-mse',
      check(csv) {
        assertColumnsEqualCore(csv, 0, 'crossEntropy', { labelSmoothing: 0 }, -10, 6);
        // MSE on softmax([x, 0]) vs one-hot (1, 0), mean over classes = (1 − σ(x))²; d/dx = −2σ(1 − σ)².
        const xs = csvColumn(csv, 0) as number[];
        xs.forEach((x, i) => {
          const s = 1 / (1 + Math.exp(-x));
          assert.ok(Math.abs(csv.rows[i][3]! - (1 - s) ** 2) < 1e-12, `mse at ${x}`);
          assert.ok(Math.abs(csv.rows[i][4]! + 2 * s * (1 - s) ** 2) < 1e-12, `mse gradient at ${x}`);
        });
        // The story: at margin −10 CE still pushes with ≈ −1, MSE with ≈ 0.
        assert.ok(csv.rows[0][2]! < -0.99 && Math.abs(csv.rows[0][4]!) < 1e-3);
      },
    },
    {
      id: 'hinge-vs-logistic',
      check(csv) {
        assertColumnsEqualCore(csv, 0, 'hingeLoss', {}, -3, 3);
        assertColumnsEqualCore(csv, 1, 'softMarginLoss', {}, -3, 3);
      },
    },
    {
      id: 'contrastive-margin',
      check(csv) {
        [0.5, 1, 2].forEach((margin, k) => assertColumnsEqualCore(csv, k, 'contrastiveLoss', { margin }, 0, 3));
      },
    },
    {
      id: 'triplet-margin',
      check(csv) {
        [0.2, 0.5, 1].forEach((margin, k) => assertColumnsEqualCore(csv, k, 'tripletMarginLoss', { margin, p: 2 }, 0.01, 3));
      },
    },
    {
      id: 'outliers',
      check(csv) {
        assertColumnsEqualCore(csv, 2, 'huberLoss', { delta: 1 }, -4, 4);
      },
    },
  ];
  for (const preset of presets) {
    test(`preset "${preset.id}" plots core's curves`, async () => {
      const { page, errors } = await openExplorer(browser, served);
      await page.selectOption('#story-select', preset.id);
      preset.check(await csvOf(page));
      assert.ok((await page.locator('#story-panel h2').innerText()).length > 0);
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  test('the focal preset shows the focal table: FL / CE = (1 − p_t)^γ', async () => {
    const { page } = await openExplorer(browser, served);
    await page.selectOption('#story-select', 'focal');
    const rows = await page.$$eval('#story-table tbody tr', trs =>
      trs.map(tr => Array.from(tr.children, c => (c as HTMLElement).innerText)),
    );
    assert.equal(rows.length, 5);
    assert.equal(rows[0][0], 'γ = 0');
    assert.match(rows[3][3], /^0\.01\b/, 'γ = 2 at p_t = 0.9: 100× smaller');
    assert.match(rows[3][3], /÷100\)/);
    assert.match(rows[3][1], /^0\.81\b/, 'γ = 2 at p_t = 0.1');
    await page.close();
  });

  test("the readout follows the keyboard cursor and shows core's values; the mouse moves it too", async () => {
    const { page } = await openExplorer(browser, served);
    await page.focus('.chart[data-chart="loss"]');
    await page.keyboard.press('End');
    assert.match(await page.locator('#readout caption').innerText(), /x = 4$/);
    const c = curve('huberLoss', { delta: 1 }, { min: -4, max: 4, n: N });
    assert.equal(await page.locator('#readout tr[data-series="2"] td[data-value="loss"]').innerText(), '3.5');
    assert.equal(await page.locator('#readout tr[data-series="2"] td[data-value="grad"]').innerText(), '1');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    const shownX = Number(/x = (\S+)$/.exec(await page.locator('#readout caption').innerText())![1]);
    assert.equal(shownX, Number(c.x[1].toPrecision(6)));
    assert.equal(
      Number(await page.locator('#readout tr[data-series="0"] td[data-value="loss"]').innerText()),
      Number(curve('mseLoss', {}, { min: -4, max: 4, n: N }).loss[1].toPrecision(6)),
    );
    // Mouse: hover the middle of the gradient chart's plotting area.
    const box = (await page.locator('.chart[data-chart="gradient"] .u-over').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.75, box.y + box.height / 2);
    const caption = await page.locator('#readout caption').innerText();
    const x = Number(/x = (-?[\d.]+)/.exec(caption)![1]);
    assert.ok(x > 1.5 && x < 2.5, `hovered x ≈ 2, got ${x}`);
    await page.close();
  });

  test('SVG and PNG exports are posted in a form the extension accepts', async () => {
    const { page } = await openExplorer(browser, served);
    const svg = await exportFrom(page, 'svg');
    assert.ok(parsePageMessage(svg), 'host validator accepts the SVG export');
    assert.match(String(svg.data), /^<svg[^>]*width="760" height="640"/);
    assert.match(String(svg.data), /Huber loss \(delta = 1\)/);
    assert.equal(svg.suggestedName, 'outliers-mse-vs-mae-vs-huber.svg');
    const png = await exportFrom(page, 'png');
    assert.ok(parsePageMessage(png), 'host validator accepts the PNG export');
    assert.match(String(png.data), /^data:image\/png;base64,iVBOR/);
    const csv = await exportFrom(page, 'csv');
    assert.ok(parsePageMessage(csv));
    assert.deepEqual(await cspViolations(page), [], 'rasterising the SVG stays inside the CSP');
    await page.close();
  });

  test('Insert snippet on a plotted loss posts its id and current parameters', async () => {
    const { page } = await openExplorer(browser, served);
    await page.locator('fieldset[data-loss="huberLoss"] input[type="number"]').fill('2');
    await page.click('fieldset[data-loss="huberLoss"] [data-action="insert"]');
    const last = (await posted(page)).at(-1)!;
    assert.deepEqual(last, { v: 1, type: 'insertSnippet', lossId: 'huberLoss', params: { delta: 2 } });
    assert.ok(parsePageMessage(last));
    await page.close();
  });

  test('the charts follow the panel width', async () => {
    const { page } = await openExplorer(browser, served, { width: 1400 });
    const wide = await page.$eval('.chart canvas', c => c.getBoundingClientRect().width);
    await page.setViewportSize({ width: 640, height: 900 });
    await page.waitForFunction(w => document.querySelector('.chart canvas')!.getBoundingClientRect().width < w - 200, wide);
    const narrow = await page.$eval('.chart canvas', c => c.getBoundingClientRect().width);
    assert.ok(narrow <= 640, `narrow chart ${narrow}px fits the 640px panel (wide was ${wide}px)`);
    await page.close();
  });

  test('state survives a reload through getState/setState', async () => {
    const { page } = await openExplorer(browser, served);
    await page.selectOption('#story-select', 'triplet-margin');
    await page.locator('fieldset[data-series="1"] input[type="number"]').first().fill('0.7');
    await page.waitForTimeout(50);
    const csv1 = await csvOf(page);
    const state = await pageState(page);
    await page.close();
    const reopened = await openExplorer(browser, served, { state });
    assert.deepEqual(await seriesIds(reopened.page), ['tripletMarginLoss', 'tripletMarginLoss', 'tripletMarginLoss']);
    assert.deepEqual(await csvOf(reopened.page), csv1);
    await reopened.page.close();
  });

  test('a damaged saved state falls back to defaults without errors', async () => {
    const { page, errors } = await openExplorer(browser, served, {
      state: {
        v: 1,
        view: 'nope',
        series: [{ id: 'constructor', params: {} }, { id: 'huberLoss', params: { delta: 'x' } }, 7],
        range: { min: 3, max: 1 },
        guidePath: [99, 'a'],
      },
    });
    assert.deepEqual(errors, []);
    assert.deepEqual(await seriesIds(page), ['mseLoss', 'l1Loss', 'huberLoss']);
    await page.close();
  });
});

describe('messages from the extension', () => {
  test('malformed or unknown messages are ignored and logged; nothing changes', async () => {
    const { page, errors, warnings } = await openExplorer(browser, served);
    const csvBefore = await csvOf(page);
    const stateBefore = await pageState(page);
    const bad: unknown[] = [
      null,
      42,
      'show',
      [],
      {},
      { type: 'show', args: { lossId: 'huberLoss' } }, // no version
      { v: 2, type: 'show', args: { lossId: 'huberLoss' } }, // other version
      { v: 1, type: 'eval', code: 'document.body.remove()' },
      { v: 1, type: 'show', args: { lossId: '__proto__' } },
      { v: 1, type: 'show', args: { lossId: 'huberLoss', params: { delta: 'Infinity' } } },
      { v: 1, type: 'show', args: { lossId: 'huberLoss', params: { delta: Number.NaN } } },
      { v: 1, type: 'show', args: { lossId: 'huberLoss', params: { 'a b': 1 } } },
      { v: 1, type: 'show', args: { lossId: 'huberLoss', extra: true } },
      { v: 1, type: 'show', args: { view: 'settings' } },
      { v: 1, type: 'show', args: { ruleId: 'LL1' } },
      { v: 1, type: 'show', args: { lossId: 'x'.repeat(5000) } },
      { v: 1, type: 'show' },
      { v: 1, type: 'editorContext', framework: 'mxnet', fileName: null },
      { v: 1, type: 'editorContext', framework: 'torch', fileName: 12 },
    ];
    for (const m of bad) await sendToPage(page, m);
    await page.waitForTimeout(100);
    assert.equal(warnings.filter(w => w.includes('ignored a malformed or unknown message')).length, bad.length, warnings.join('\n'));
    // Well-formed but naming no known loss: nothing to show, nothing changes.
    await sendToPage(page, { v: 1, type: 'show', args: { lossId: 'notALoss', params: { delta: 2 } } });
    await page.waitForTimeout(50);
    assert.deepEqual(await pageState(page), stateBefore);
    assert.deepEqual(await csvOf(page), csvBefore);
    assert.deepEqual(await seriesIds(page), ['mseLoss', 'l1Loss', 'huberLoss']);
    assert.ok(await page.locator('#tab-plots').isVisible());
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('show with a loss and parameters (hover link) plots that loss with those parameters', async () => {
    const { page } = await openExplorer(browser, served);
    await page.click('#tab-guide');
    await sendToPage(page, { v: 1, type: 'show', args: { lossId: 'sigmoidFocalLoss', params: { gamma: 3, alpha: 0.5, unknownName: 1 } } });
    await page.waitForSelector('#plots-view:not([hidden])');
    assert.deepEqual(await seriesIds(page), ['sigmoidFocalLoss']);
    assert.equal(await page.locator('input[data-param-number="gamma"]').inputValue(), '3');
    assertColumnsEqualCore(await csvOf(page), 0, 'sigmoidFocalLoss', { gamma: 3, alpha: 0.5 }, -6, 6);
    await page.close();
  });

  test("show with a rule id tells the rule's story: double softmax has a floor at log(1 + (C − 1)/e)", async () => {
    const { page } = await openExplorer(browser, served);
    await sendToPage(page, { v: 1, type: 'show', args: { ruleId: 'LL001', lossId: 'crossEntropy' } });
    await page.waitForFunction(() => document.querySelector('#story-panel h2')?.textContent?.startsWith('LL001'));
    assert.deepEqual(await seriesIds(page), ['softmaxCrossEntropyClasses', 'doubleSoftmaxCrossEntropy']);
    const csv = await csvOf(page);
    const floor = Math.log(1 + 9 / Math.E);
    const double = csvColumn(csv, 3) as number[];
    const correct = csvColumn(csv, 1) as number[];
    assert.ok(Math.min(...double) >= floor - 1e-12, 'never below the floor');
    assert.ok(Math.abs(double.at(-1)! - floor) < 1e-3, 'approaches the floor for confident predictions');
    assert.ok(correct.at(-1)! < 1e-3, 'correct use goes to 0');
    await page.close();
  });

  test('show with view "guide" and a loss opens the guide at that loss\'s card', async () => {
    const { page } = await openExplorer(browser, served);
    await sendToPage(page, { v: 1, type: 'show', args: { view: 'guide', lossId: 'huberLoss' } });
    await page.waitForSelector('#guide-view:not([hidden]) article[data-leaf="huberLoss"]');
    await page.close();
  });

  test('editorContext names the framework on the Insert button', async () => {
    const { page } = await openExplorer(browser, served);
    await sendToPage(page, { v: 1, type: 'editorContext', framework: 'keras', fileName: 'train.py' });
    assert.equal(await page.locator('#editor-note').innerText(), 'Snippets: Keras → train.py');
    await sendToPage(page, { v: 1, type: 'show', args: { view: 'guide', lossId: 'mseLoss' } });
    assert.equal(await page.locator('article [data-action="insert"]').innerText(), 'Insert snippet (Keras)');
    await page.close();
  });
});

interface GuidePath {
  indices: number[];
  labels: string[];
  leaf: GuideLeaf;
}
function allGuidePaths(
  node: GuideNode = guide,
  prefix: GuidePath = { indices: [], labels: [], leaf: undefined as unknown as GuideLeaf },
): GuidePath[] {
  return node.options.flatMap((o, i) => {
    const p = { indices: [...prefix.indices, i], labels: [...prefix.labels, o.label], leaf: prefix.leaf };
    return isGuideLeaf(o.next) ? [{ ...p, leaf: o.next }] : allGuidePaths(o.next, p);
  });
}

describe('selection guide', () => {
  const paths = allGuidePaths();

  test('the tree has several paths (sanity)', () => {
    assert.ok(paths.length >= 12, `${paths.length} paths`);
  });

  test('every path of the guide reaches its leaf with breadcrumbs, activation, why and alternatives; Back and breadcrumbs go back', async () => {
    const { page, errors } = await openExplorer(browser, served);
    await page.click('#tab-guide');
    for (const path of paths) {
      // Start over from the breadcrumb (or already at the start).
      const start = page.locator('.breadcrumbs button[data-depth="0"]');
      if (await start.count()) await start.click();
      assert.equal(await page.locator('.question h2').innerText(), guide.question);
      for (const i of path.indices) await page.click(`.options button[data-option="${i}"]`);
      const card = page.locator(`article.leaf-card[data-leaf="${path.leaf.lossId}"]`);
      assert.equal(await card.count(), 1, `leaf of ${path.labels.join(' › ')}`);
      assert.equal(await card.locator('[data-field="activation"]').innerText(), path.leaf.activation);
      assert.equal(await card.locator('[data-field="why"]').innerText(), path.leaf.why);
      assert.deepEqual(
        await card.locator('[data-alternative]').evaluateAll(els => els.map(e => (e as HTMLElement).dataset.alternative)),
        path.leaf.alternatives,
      );
      const crumbs = await page.locator('.breadcrumbs li').allInnerTexts();
      assert.deepEqual(
        crumbs.map(c => c.replace(/^›\s*/, '')),
        ['Start', ...path.labels],
      );
      // Focus moved to the card's heading for keyboard users.
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'leaf-title');
      assert.deepEqual((await pageState(page)).guidePath, path.indices);
      // Back: one question up.
      await page.click('#guide-back');
      assert.equal(await page.locator('.breadcrumbs li').count(), path.indices.length);
      assert.equal(await page.locator('article.leaf-card').count(), 0);
    }
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("the leaf card's Plot, Insert snippet and Copy", async () => {
    const { page } = await openExplorer(browser, served);
    await page.click('#tab-guide');
    const path = paths.find(p => p.leaf.lossId === 'sigmoidFocalLoss')!;
    for (const i of path.indices) await page.click(`.options button[data-option="${i}"]`);
    await page.click('article [data-action="insert"]');
    await page.click('article [data-action="copy"]');
    const last = (await posted(page)).slice(-2);
    assert.deepEqual(last, [
      { v: 1, type: 'insertSnippet', lossId: 'sigmoidFocalLoss', params: {} },
      { v: 1, type: 'copySnippet', lossId: 'sigmoidFocalLoss', params: {} },
    ]);
    await page.click('article [data-action="plot"]');
    assert.ok(await page.locator('#plots-view').isVisible());
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'tab-plots');
    assertColumnsEqualCore(await csvOf(page), 0, 'sigmoidFocalLoss', { alpha: 0.25, gamma: 2 }, -6, 6);
    await page.close();
  });

  test('the quick-reference table lists every row and plots its loss', async () => {
    const { page } = await openExplorer(browser, served);
    await page.click('#tab-guide');
    const rows = await page.$$eval('.quick-reference tbody tr', trs =>
      trs.map(tr => Array.from(tr.children, c => (c as HTMLElement).innerText)),
    );
    assert.deepEqual(
      rows.map(r => [r[0], r[2]]),
      quickReference.map(q => [q.task, q.activation]),
    );
    await page.click(`.quick-reference [data-plot="tripletMarginLoss"]`);
    assert.deepEqual(await seriesIds(page), ['tripletMarginLoss']);
    await page.close();
  });

  test('tabs switch with the arrow keys', async () => {
    const { page } = await openExplorer(browser, served);
    await page.focus('#tab-plots');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.getAttribute('#tab-guide', 'aria-selected'), 'true');
    assert.ok(await page.locator('#guide-view').isVisible());
    assert.ok(!(await page.locator('#plots-view').isVisible()));
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'tab-guide');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await page.getAttribute('#tab-plots', 'aria-selected'), 'true');
    await page.close();
  });
});

describe('themes and screenshots', () => {
  const paths = allGuidePaths();
  const outDir = join(process.env.LOSSLENS_REPO ?? process.cwd(), 'docs', 'images');

  test("high contrast renders without errors and uses the theme's contrast border", async () => {
    const { page, errors } = await openExplorer(browser, served, { theme: 'high-contrast' });
    const border = await page.$eval('fieldset.series', el => getComputedStyle(el).borderTopColor);
    assert.equal(border, 'rgb(111, 195, 223)');
    assert.deepEqual(errors, []);
    await page.close();
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`screenshots in the ${theme} theme (docs/images/explorer-*-${theme}.png)`, async () => {
      mkdirSync(outDir, { recursive: true });
      const { page, errors } = await openExplorer(browser, served, { theme, width: 1280, height: 980 });
      await page.selectOption('#story-select', 'focal');
      await page.focus('.chart[data-chart="loss"]');
      // Put the readout at p_t ≈ 0.9 (logit ≈ 2.2) so the screenshot shows values.
      await page.keyboard.press('Home');
      for (let i = 0; i < 6; i++) await page.keyboard.press('Shift+ArrowRight');
      for (let i = 0; i < 16; i++) await page.keyboard.press('Shift+ArrowRight');
      await page.evaluate(() => (document.activeElement as HTMLElement).blur());
      const bodyBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(bodyBg, theme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(31, 31, 31)');
      await page.screenshot({ path: join(outDir, `explorer-plots-${theme}.png`), fullPage: false });
      await page.click('#tab-guide');
      const path = paths.find(p => p.leaf.lossId === 'sigmoidFocalLoss')!;
      for (const i of path.indices) await page.click(`.options button[data-option="${i}"]`);
      await page.mouse.move(0, 0);
      await page.screenshot({ path: join(outDir, `explorer-guide-${theme}.png`), fullPage: false });
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
});
