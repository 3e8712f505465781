// Bundles one of bench/analysis/src/*.ts with esbuild (the repository's own devDependency) into a
// temporary file and runs it with Node, passing the remaining arguments through. Run from the
// repository root:   node bench/analysis/run-ts.mjs <name> [args...]
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export async function runTs(name, args, nodeArgs = []) {
  const here = dirname(fileURLToPath(import.meta.url));
  // Inside the repository (bench/analysis/out/ is gitignored) so external packages resolve from node_modules.
  const dir = join(here, 'out');
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, `${name}.cjs`);
  {
    await esbuild.build({
      entryPoints: [join(here, 'src', `${name}.ts`)],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'es2022',
      sourcemap: 'inline',
      // web-tree-sitter and typescript load from node_modules as they do in the tests.
      packages: 'external',
      logLevel: 'warning',
    });
    const r = spawnSync(process.execPath, ['--enable-source-maps', ...nodeArgs, outfile, ...args], { stdio: 'inherit' });
    return r.status ?? 1;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [name, ...rest] = process.argv.slice(2);
  if (!name) {
    console.error('usage: node bench/analysis/run-ts.mjs <name> [args...]');
    process.exit(2);
  }
  process.exit(await runTs(name, rest));
}
