// Bundles the e2e mocha suite for one extension host: 'web' (Web Worker) or 'node' (desktop).
// The extension itself is not bundled here: `npm run build` puts it in dist/, and that is what runs.
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * One factor for every e2e time limit (the suite's waits, mocha's per-test limit, the runner's):
 * LOSSLENS_E2E_TIMEOUT_FACTOR, else 2 under CI=true (shared, often loaded runners), else 1.
 */
export function timeoutFactor() {
  const raw = process.env.LOSSLENS_E2E_TIMEOUT_FACTOR;
  if (raw !== undefined && raw !== '') {
    const f = Number(raw);
    if (!Number.isFinite(f) || f <= 0) throw new Error(`LOSSLENS_E2E_TIMEOUT_FACTOR must be a positive number, not ${JSON.stringify(raw)}`);
    return f;
  }
  return process.env.CI === 'true' ? 2 : 1;
}

/** @param {'web' | 'node'} host @returns {Promise<string>} the bundle's path */
export async function bundleSuite(host) {
  const outfile = join(repoRoot, 'out', 'e2e', host, 'index.js');
  const common = {
    bundle: true,
    format: 'cjs',
    target: 'es2022',
    sourcemap: 'inline',
    logLevel: 'warning',
    outfile,
    external: ['vscode'],
  };
  if (host === 'web') {
    await esbuild.build({
      ...common,
      entryPoints: [join(repoRoot, 'test/e2e/suite/index-web.ts')],
      platform: 'browser',
      define: {
        global: 'globalThis',
        'process.env.NODE_ENV': '"test"',
        E2E_TAKES_SCREENSHOT: 'true',
        E2E_TIMEOUT_FACTOR: String(timeoutFactor()),
      },
      inject: [join(repoRoot, 'test/e2e/process-shim.js')],
    });
  } else {
    await esbuild.build({
      ...common,
      entryPoints: [join(repoRoot, 'test/e2e/suite/index-node.ts')],
      platform: 'node',
      // mocha stays a normal require from node_modules: its Node build loads reporters dynamically.
      external: ['vscode', 'mocha'],
      define: { E2E_TAKES_SCREENSHOT: 'false', E2E_TIMEOUT_FACTOR: String(timeoutFactor()) },
    });
  }
  return outfile;
}
