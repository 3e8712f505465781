// Bundles every test/**/*.test.ts (except the browser-run e2e and webview suites) with esbuild and
// runs them with Node's test runner. Arguments filter test files by substring:
//   node scripts/run-node-tests.mjs core/ lsp
import * as esbuild from 'esbuild';
import { readdirSync, statSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

const filters = process.argv.slice(2);
const skipDirs = new Set(['e2e', 'webview', 'fixtures', 'node_modules']);
function walk(dir, out) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (!skipDirs.has(name)) walk(p, out);
    } else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}
const files = walk('test', []).filter(f => filters.length === 0 || filters.some(x => f.includes(x)));
if (files.length === 0) {
  console.error(`no test files match ${filters.join(' ')}`);
  process.exit(2);
}

// One output folder per run, so concurrent runs (watch mode, parallel terminals) never delete each other's bundles.
const outDir = `out/test-run-${process.pid}`;
rmSync(outDir, { recursive: true, force: true });
await esbuild.build({
  entryPoints: files,
  outdir: outDir,
  outbase: 'test',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'es2022',
  sourcemap: 'inline',
  packages: 'external',
  logLevel: 'warning',
});
const outFiles = files.map(f => join(outDir, relative('test', f)).replace(/\.ts$/, '.js'));
const r = spawnSync(process.execPath, ['--enable-source-maps', '--test', '--test-concurrency=2', ...outFiles], { stdio: 'inherit' });
rmSync(outDir, { recursive: true, force: true });
process.exit(r.status ?? 1);
