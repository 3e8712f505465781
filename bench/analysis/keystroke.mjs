// Keystroke latency benchmark (bench/analysis/src/keystroke.ts), bundled with esbuild and run with
// Node. Run from the repository root after `npm ci` (no build needed: it bundles the sources):
//   node bench/analysis/keystroke.mjs [--edits 500] [--cross-edits 200] [--lines 5000] [--seed 1] [--json OUT]
import { runTs } from './run-ts.mjs';

process.exit(await runTs('keystroke', process.argv.slice(2)));
