// Hover latency benchmark (issue 7). Bundles bench/hover/hover-bench.ts with esbuild into
// bench/hover/out/ (gitignored) and runs it. From the repository root:
//   node bench/hover.mjs [lines]      (default 5000)
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outfile = join(here, 'hover', 'out', 'hover-bench.cjs');
await esbuild.build({
  entryPoints: [join(here, 'hover', 'hover-bench.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'es2022',
  packages: 'external',
  logLevel: 'warning',
});
const r = spawnSync(process.execPath, ['--expose-gc', outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
