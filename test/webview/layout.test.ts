// The Loss Explorer's layout at the widths it lives at: a panel beside an editor (700 px: the curves
// first, the loss cards behind a toggle) and a full window (1400 px: controls left, plots right, every
// card shown). Asserts on layout boxes, in the light and dark themes, and writes the screenshots to
// out/screenshots to look at (LOSSLENS_SCREENSHOTS=docs also refreshes the light ones in docs/images).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openExplorer, sendToPage, servePage, type ServedPage } from './harness';

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

const REPO = process.env.LOSSLENS_REPO ?? process.cwd();
const HEIGHT = 800;

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
  visible: boolean;
}

/** The page box of the first element matching `selector` (visible = rendered with a size). */
async function box(page: Page, selector: string): Promise<Box> {
  return page.$eval(selector, el => {
    const r = el.getBoundingClientRect();
    return {
      top: r.top + window.scrollY,
      bottom: r.bottom + window.scrollY,
      left: r.left,
      right: r.right,
      visible: r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden',
    };
  });
}

async function cardsVisible(page: Page): Promise<boolean[]> {
  return page.$$eval('fieldset.series', els => els.map(e => e.getBoundingClientRect().height > 0));
}

async function screenshot(page: Page, name: string): Promise<void> {
  const dirs = [join(REPO, 'out', 'screenshots')];
  if (process.env.LOSSLENS_SCREENSHOTS === 'docs' && name.includes('-light')) dirs.push(join(REPO, 'docs', 'images'));
  for (const dir of dirs) {
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: join(dir, name), fullPage: false });
  }
  await page.screenshot({ path: join(dirs[0], name.replace('.png', '-full.png')), fullPage: true });
}

describe('narrow panel (700 px)', () => {
  for (const theme of ['light', 'dark'] as const) {
    test(`${theme}: the curves come first and on the first screen, the loss cards collapsed behind a toggle naming them`, async () => {
      const { page, errors } = await openExplorer(browser, served, { theme, width: 700, height: HEIGHT });
      const charts = await box(page, '#charts');
      const story = await box(page, '#story-panel');
      const lossChart = await box(page, '.chart[data-chart="loss"] canvas');
      const controls = await box(page, '.controls');
      const toggle = await box(page, '#series-toggle');
      assert.ok(story.top < charts.top, 'the story introduces the curves');
      assert.ok(charts.top < controls.top, `plots (top ${charts.top}) above the controls (top ${controls.top})`);
      assert.ok(charts.bottom <= controls.top, 'the charts end before the controls start');
      assert.ok((await box(page, '#readout')).bottom <= controls.top, "the curves' readout stays with them");
      assert.ok(controls.bottom <= (await box(page, '#setup-panel')).top, 'the controls come before how the curves are drawn');
      assert.ok(lossChart.right - lossChart.left > 0.8 * 700, `the charts take the panel's width (${lossChart.right - lossChart.left} px)`);
      assert.ok(
        lossChart.visible && lossChart.top < HEIGHT && lossChart.bottom <= HEIGHT,
        `the loss chart is on the first screen (${lossChart.top}–${lossChart.bottom})`,
      );
      assert.ok(charts.right <= 700 && controls.right <= 700, 'one column, no horizontal overflow');
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);

      // The outliers story plots three losses: collapsed, the toggle says which.
      assert.ok(toggle.visible);
      assert.equal(await page.getAttribute('#series-toggle', 'aria-expanded'), 'false');
      assert.equal(await page.getAttribute('#series-toggle', 'aria-controls'), 'series-list');
      const label = await page.textContent('#series-toggle');
      assert.match(label ?? '', /Losses \(3\)/);
      assert.match(label ?? '', /MSE.*Huber|Huber.*MSE/i);
      assert.deepEqual(await cardsVisible(page), [false, false, false]);

      // Legible in the theme: the toggle's text colour differs from its background and the page's.
      const colours = await page.$eval('#series-toggle', el => {
        const s = getComputedStyle(el);
        return { fg: s.color, bg: s.backgroundColor, page: getComputedStyle(document.body).backgroundColor };
      });
      assert.notEqual(colours.fg, colours.bg);
      assert.notEqual(colours.fg, colours.page);
      await screenshot(page, `explorer-narrow-${theme}.png`);

      // Keyboard: Tab reaches the toggle, Enter opens the cards, Space closes them.
      await page.focus('#story-select');
      for (let i = 0; i < 5 && !(await page.evaluate(() => document.activeElement?.id === 'series-toggle')); i++)
        await page.keyboard.press('Tab');
      assert.equal(
        await page.evaluate(() => document.activeElement?.id),
        'series-toggle',
        'reachable with Tab after the story and the loss picker',
      );
      await page.keyboard.press('Enter');
      assert.equal(await page.getAttribute('#series-toggle', 'aria-expanded'), 'true');
      assert.deepEqual(await cardsVisible(page), [true, true, true]);
      assert.ok((await box(page, 'fieldset.series')).top > charts.bottom, 'open cards stay under the curves');
      await page.keyboard.press('Space');
      assert.equal(await page.getAttribute('#series-toggle', 'aria-expanded'), 'false');
      assert.deepEqual(await cardsVisible(page), [false, false, false]);
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  test('one loss (the hover link) opens with its card shown, so its parameters and Insert snippet are at hand', async () => {
    const { page } = await openExplorer(browser, served, { width: 700, height: HEIGHT });
    await sendToPage(page, { v: 1, type: 'show', args: { lossId: 'huberLoss', params: { delta: 0.5 } } });
    await page.waitForFunction(() => document.querySelectorAll('fieldset.series').length === 1);
    assert.equal(await page.getAttribute('#series-toggle', 'aria-expanded'), 'true');
    assert.deepEqual(await cardsVisible(page), [true]);
    assert.ok(await page.isVisible('fieldset.series [data-action="insert"]'));
    // The user's choice sticks when the losses change.
    await page.click('#series-toggle');
    await page.selectOption('#add-loss', 'mseLoss');
    await page.click('#add-loss-button');
    assert.equal(await page.getAttribute('#series-toggle', 'aria-expanded'), 'false');
    assert.match((await page.textContent('#series-toggle')) ?? '', /Losses \(2\)/);
    await page.close();
  });
});

describe('full window (1400 px)', () => {
  for (const theme of ['light', 'dark'] as const) {
    test(`${theme}: controls on the left, plots on the right, every card shown, no toggle`, async () => {
      const { page, errors } = await openExplorer(browser, served, { theme, width: 1400, height: HEIGHT });
      const plots = await box(page, '.plots-main');
      const controls = await box(page, '.controls');
      assert.ok(controls.right <= plots.left, `controls (right ${controls.right}) left of the plots (left ${plots.left})`);
      assert.ok(Math.abs(controls.top - plots.top) < 2, 'side by side, from the same top');
      assert.equal((await box(page, '#series-toggle')).visible, false);
      assert.deepEqual(await cardsVisible(page), [true, true, true]);
      assert.ok((await box(page, 'fieldset.series')).top < HEIGHT, 'the cards are on the first screen too');
      await screenshot(page, `explorer-wide-${theme}.png`);
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  test('a panel widened from 700 to 1400 px shows every card, even after collapsing them', async () => {
    const { page } = await openExplorer(browser, served, { width: 700, height: HEIGHT });
    assert.equal(await page.getAttribute('#series-toggle', 'aria-expanded'), 'false');
    await page.setViewportSize({ width: 1400, height: HEIGHT });
    await page.waitForFunction(() => document.querySelector('fieldset.series')!.getBoundingClientRect().height > 0);
    assert.deepEqual(await cardsVisible(page), [true, true, true]);
    await page.setViewportSize({ width: 700, height: HEIGHT });
    await page.waitForFunction(() => document.querySelector('fieldset.series')!.getBoundingClientRect().height === 0);
    await page.close();
  });
});
