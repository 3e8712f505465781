// The rules pass alone (bench/analysis/src/rules-cost.ts): every rule of the registry over the events
// of a ~5,000-line Python and a ~5,000-line TF.js file, bundled with esbuild and run with Node. Run
// from the repository root after `npm ci` (no build needed: it bundles the sources):
//   node bench/analysis/rules-cost.mjs [--reps 400] [--lines 5000] [--warmup 50] [--json OUT]
// CPU profile: node bench/analysis/rules-cost.mjs --cpu-prof [bench args]  (writes a .cpuprofile in bench/analysis/out/)
import { runTs } from './run-ts.mjs';

const args = process.argv.slice(2);
const prof = args.indexOf('--cpu-prof');
const nodeArgs = prof >= 0 ? ['--cpu-prof', '--cpu-prof-dir', new URL('./out/', import.meta.url).pathname] : [];
if (prof >= 0) args.splice(prof, 1);
process.exit(await runTs('rules-cost', args, nodeArgs));
