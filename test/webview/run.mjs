// `npm run test:webview`: bundles the Loss Explorer page exactly as esbuild.mjs does (into a private
// folder, so a concurrent `npm run build` is not disturbed), bundles the test files, and runs them with
// Node's test runner. The page tests drive Debian's Chromium (CHROMIUM_PATH or /usr/bin/chromium) with
// playwright-core; the protocol/snippet/state tests are plain Node.
//   node test/webview/run.mjs            all tests
//   node test/webview/run.mjs protocol   only test files whose name contains "protocol"
import * as esbuild from 'esbuild';
import { readdirSync, rmSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = join(here, '..', '..');
const out = join(repo, 'out', 'webview-test');
const filters = process.argv.slice(2);

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

// Same options as the explorer entry of esbuild.mjs (minified, as `npm run package` ships it).
await esbuild.build({
  entryPoints: { explorer: join(repo, 'webview/src/explorer/main.ts') },
  outdir: join(out, 'page'),
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  loader: { '.css': 'css' },
  logLevel: 'warning',
});

const tests = readdirSync(here)
  .filter(f => f.endsWith('.test.ts'))
  .filter(f => filters.length === 0 || filters.some(x => f.includes(x)))
  .map(f => join(here, f));
if (tests.length === 0) {
  console.error(`no webview test files match ${filters.join(' ')}`);
  process.exit(2);
}
await esbuild.build({
  entryPoints: tests,
  outdir: join(out, 'tests'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'es2022',
  sourcemap: 'inline',
  packages: 'external',
  logLevel: 'warning',
});

const files = tests.map(f =>
  join(
    out,
    'tests',
    f
      .slice(here.length)
      .replace(/^[\\/]/, '')
      .replace(/\.ts$/, '.js'),
  ),
);
const r = spawnSync(process.execPath, ['--enable-source-maps', '--test', '--test-concurrency=1', ...files], {
  stdio: 'inherit',
  cwd: repo,
  env: { ...process.env, LOSSLENS_WEBVIEW_BUNDLE: join(out, 'page'), LOSSLENS_REPO: repo },
});
process.exit(r.status ?? 1);
