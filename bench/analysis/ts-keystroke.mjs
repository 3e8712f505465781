// Keystroke → fresh diagnostics on a 5,000-line TypeScript file of TF.js training code (generated),
// as the language server does it on every didChange: an incremental `update` with the LSP change
// (typescript 5.9 updateSourceFile + lowering of the changed statements), then `check` (the
// value-kind interpreter and every rule). Edits come in pairs, as a person types and corrects: one
// character typed at a random position, then deleted again.
//
// Run from the repository root after `npm ci` (no build needed: it bundles the sources with esbuild):
//   node bench/analysis/ts-keystroke.mjs [--edits 500] [--lines 5000] [--seed 1] [--warmup 50] [--json OUT]
import * as esbuild from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import ts from 'typescript';

const opts = { edits: 500, lines: 5000, seed: 1, warmup: 50, json: undefined };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) {
  const k = argv[i].replace(/^--/, '');
  if (!(k in opts)) throw new Error(`unknown option ${argv[i]}`);
  opts[k] = k === 'json' ? argv[i + 1] : Number(argv[i + 1]);
}

const require = createRequire(import.meta.url);
mkdirSync('out/bench', { recursive: true });
await esbuild.build({
  stdin: {
    contents:
      "export { createAnalysisWorkspace } from './server/src/analysis/index';\nexport { runRules } from './server/src/rules/run';\nexport { createTypeScriptFrontEnd } from './server/src/parse/typescript/index';\n" +
      "export { keystrokes, cpuMs, stats, fmt, checkTally, fmtChecks } from './bench/analysis/src/keystrokes';\nexport { prng } from './bench/analysis/src/setup';\nexport { tsTrainingFile } from './bench/analysis/src/ts-training-code';\n",
    resolveDir: process.cwd(),
    loader: 'ts',
  },
  outfile: 'out/bench/ts-keystroke.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'es2022',
  packages: 'external',
  logLevel: 'warning',
});
const {
  createAnalysisWorkspace,
  runRules,
  createTypeScriptFrontEnd,
  keystrokes,
  cpuMs,
  stats,
  fmt,
  checkTally,
  fmtChecks,
  prng,
  tsTrainingFile,
} = require('../../out/bench/ts-keystroke.cjs');

// ---- run ---------------------------------------------------------------------------------------

const uri = 'file:///bench/train.ts';
let text = tsTrainingFile(opts.lines);
// ts.updateSourceFile timed where the front end calls it: the compiler's own share of `update`, a floor
// for it (it re-positions every node after the edit).
const compilerMs = [];
const timedTs = {
  ...ts,
  updateSourceFile(...args) {
    const t = performance.now();
    try {
      return ts.updateSourceFile(...args);
    } finally {
      compilerMs.push(performance.now() - t);
    }
  },
};
const fe = createTypeScriptFrontEnd(timedTs);
const ws = createAnalysisWorkspace({ runRules, host: { readFile: async () => undefined }, roots: ['file:///bench'], frontEnd: () => fe });
const t0 = performance.now();
ws.update(uri, text, 'typescript');
await ws.resolveImports(uri);
const initial = ws.check(uri);
const firstMs = performance.now() - t0;

const next = keystrokes(prng(opts.seed));
const total = [],
  update = [],
  check = [],
  cpu = [];
let findings = 0;
const tally = checkTally();
for (let i = 0; i < opts.warmup + opts.edits; i++) {
  const e = next(text);
  text = e.text;
  const c0 = cpuMs();
  const a = performance.now();
  ws.update(uri, text, 'typescript', [e.change]);
  const b = performance.now();
  const inspection = ws.inspect(uri);
  findings = inspection.findings.length;
  const c = performance.now();
  if (i < opts.warmup) continue;
  tally.add(inspection.units);
  cpu.push(cpuMs() - c0);
  total.push(c - a);
  update.push(b - a);
  check.push(c - b);
}

const result = {
  lines: text.split('\n').length,
  chars: text.length,
  firstCheckMs: firstMs,
  initialFindings: initial.length,
  finalFindings: findings,
  total: stats(total),
  update: stats(update),
  check: stats(check),
  cpu: stats(cpu),
  updateSourceFile: stats(compilerMs.slice(-opts.edits)),
  node: process.version,
  typescript: ts.version,
  ...tally.result(),
};
console.log(
  `TS keystroke → diagnostics: ${result.lines} lines (${(result.chars / 1000).toFixed(0)} k chars), ${opts.edits} edits after ${opts.warmup} warm-up, node ${process.version}, typescript ${ts.version}`,
);
console.log(`  first update + check: ${firstMs.toFixed(1)} ms, ${initial.length} findings (${findings} after the edits)`);
console.log(`  update + check (wall): ${fmt(result.total)}`);
console.log(`    update:              ${fmt(result.update)}`);
console.log(`      of which ts.updateSourceFile: ${fmt(result.updateSourceFile)}`);
console.log(`    check:               ${fmt(result.check)}`);
console.log(`      ${fmtChecks(result)}`);
console.log(`  update + check (CPU):  ${fmt(result.cpu)}`);
console.log(result.total.p95 < 15 ? '  goal p95 < 15 ms: met' : '  goal p95 < 15 ms: MISSED');
if (opts.json) writeFileSync(opts.json, JSON.stringify(result, null, 2) + '\n');
