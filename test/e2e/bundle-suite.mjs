// Bundles the e2e mocha suite for one extension host: 'web' (Web Worker) or 'node' (desktop).
// The extension itself is not bundled here: `npm run build` puts it in dist/, and that is what runs.
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

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
      define: { global: 'globalThis', 'process.env.NODE_ENV': '"test"', E2E_TAKES_SCREENSHOT: 'true' },
      inject: [join(repoRoot, 'test/e2e/process-shim.js')],
    });
  } else {
    await esbuild.build({
      ...common,
      entryPoints: [join(repoRoot, 'test/e2e/suite/index-node.ts')],
      platform: 'node',
      // mocha stays a normal require from node_modules: its Node build loads reporters dynamically.
      external: ['vscode', 'mocha'],
      define: { E2E_TAKES_SCREENSHOT: 'false' },
    });
  }
  return outfile;
}
