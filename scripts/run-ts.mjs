// Runs a TypeScript script (bundled on the fly with esbuild): node scripts/run-ts.mjs scripts/x.ts [args]
import * as esbuild from 'esbuild';
import { mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { basename } from 'node:path';

const [entry, ...args] = process.argv.slice(2);
mkdirSync('out/scripts', { recursive: true });
const outfile = `out/scripts/${basename(entry).replace(/\.ts$/, '.cjs')}`;
await esbuild.build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'es2022',
  packages: 'external',
  logLevel: 'warning',
});
const r = spawnSync(process.execPath, [outfile, ...args], { stdio: 'inherit' });
process.exit(r.status ?? 1);
