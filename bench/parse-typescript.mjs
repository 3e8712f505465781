// Throughput of the TS/JS front end (typescript 5.9 parse + lowering to the IR) and latency of an
// incremental re-parse of a 5,000-line file.
//   node bench/parse-typescript.mjs [DIR_OR_FILE...]
// Default corpus: node_modules/typescript/lib/*.d.ts and node_modules/eslint/lib/**/*.js.
import * as esbuild from 'esbuild';
import { readFileSync, readdirSync, statSync, mkdirSync } from 'node:fs';
import { join, extname } from 'node:path';
import { createRequire } from 'node:module';
import ts from 'typescript';

const require = createRequire(import.meta.url);
// The bench machine may be shared: alongside wall time, report the process's CPU time, which
// other processes' load disturbs far less.
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const clock = () => ({ wall: performance.now(), cpu: cpuMs() });
const since = t0 => ({ wall: performance.now() - t0.wall, cpu: cpuMs() - t0.cpu });
mkdirSync('out/bench', { recursive: true });
await esbuild.build({
  entryPoints: ['server/src/parse/typescript/index.ts'],
  outfile: 'out/bench/typescript-frontend.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'es2022',
  packages: 'external',
  logLevel: 'warning',
});
const { createTypeScriptFrontEnd, scriptKindOf } = require('../out/bench/typescript-frontend.cjs');

const EXTS = new Set(['.ts', '.tsx', '.js', '.mjs', '.cjs', '.jsx']);
function walk(p, out) {
  if (statSync(p).isDirectory()) {
    for (const name of readdirSync(p).sort()) walk(join(p, name), out);
  } else if (EXTS.has(extname(p)) && !p.endsWith('.map')) out.push(p);
  return out;
}
const args = process.argv.slice(2);
const files =
  args.length > 0
    ? args.flatMap(a => walk(a, []))
    : [
        ...readdirSync('node_modules/typescript/lib')
          .filter(f => f.endsWith('.d.ts'))
          .sort()
          .map(f => join('node_modules/typescript/lib', f)),
        ...walk('node_modules/eslint/lib', []),
      ];
const corpus = files.map(f => ({ uri: 'file:///' + f, text: readFileSync(f, 'utf8') }));
const lines = corpus.reduce((n, f) => n + f.text.split('\n').length, 0);
const chars = corpus.reduce((n, f) => n + f.text.length, 0);
console.log(`corpus: ${corpus.length} files, ${lines} lines, ${(chars / 1e6).toFixed(1)} M chars`);

const options = { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone };

function timeParseOnly() {
  const t0 = clock();
  for (const f of corpus) ts.createSourceFile(f.uri, f.text, options, false, scriptKindOf(ts, f.uri));
  return since(t0);
}
function timeFrontEnd() {
  const fe = createTypeScriptFrontEnd(ts);
  let errors = 0;
  const t0 = clock();
  for (const f of corpus) {
    errors += fe.parse(f.uri, f.text).syntaxErrors.length;
    fe.forget(f.uri);
  }
  return [since(t0), errors];
}
const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

timeParseOnly();
timeFrontEnd(); // warm-up
const parseRuns = [],
  feRuns = [];
let syntaxErrors = 0;
for (let i = 0; i < 5; i++) {
  parseRuns.push(timeParseOnly());
  const [ms, errors] = timeFrontEnd();
  feRuns.push(ms);
  syntaxErrors = errors;
}
const kls = ms => Math.round(lines / (ms / 1000) / 1000);
const rate = (runs, key) => `${kls(median(runs.map(r => r[key])))}k lines/s`;
console.log(`createSourceFile only:     ${rate(parseRuns, 'cpu')} (CPU time), ${rate(parseRuns, 'wall')} (wall)`);
console.log(
  `parse + lower (front end): ${rate(feRuns, 'cpu')} (CPU time), ${rate(feRuns, 'wall')} (wall); ${syntaxErrors} syntax errors in corpus`,
);

// Incremental: whole JS files of the corpus concatenated up to 5,000+ lines, then typing: at a random
// line start, a statement is typed one keystroke at a time (each keystroke one LSP content change,
// so most intermediate texts have a syntax error, as in real typing), then the next line is picked.
let big = '';
for (const f of corpus) {
  if (!/\.js$/.test(f.uri)) continue;
  big += f.text + '\n';
  if (big.split('\n').length >= 5000) break;
}
const bigLines = big.split('\n').length; // whole files only, so the starting text has no syntax error
let seed = 12345;
const rand = n => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed % n;
};
function positionAt(text, offset) {
  let line = 0,
    last = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    last = i + 1;
  }
  return { line, character: offset - last };
}
const TYPED = 'const loss = tf.losses.meanSquaredError(labels, model.predict(xs));\n';
const SESSIONS = 12,
  WARMUP = 20;
const edits = [];
let text = big;
for (let session = 0; session < SESSIONS; session++) {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  let at = lineStarts[rand(lineStarts.length)];
  for (const ch of TYPED) {
    const pos = positionAt(text, at);
    text = text.slice(0, at) + ch + text.slice(at);
    at += 1;
    edits.push({ text, changes: [{ range: { start: pos, end: pos }, text: ch }] });
  }
}
const EDITS = edits.length - WARMUP;
function offsetOf(text, { line, character }) {
  let pos = 0;
  for (let l = 0; l < line; l++) pos = text.indexOf('\n', pos) + 1;
  return pos + character;
}
const fe = createTypeScriptFrontEnd(ts);
const uri = 'file:///bench/big.js';
fe.parse(uri, big);
const incr = [];
edits.forEach((e, i) => {
  const t0 = clock();
  fe.parse(uri, e.text, e.changes);
  if (i >= WARMUP) incr.push(since(t0));
});
const full = [];
edits.forEach((e, i) => {
  const t0 = clock();
  fe.parse(`file:///bench/full${i}.js`, e.text);
  fe.forget(`file:///bench/full${i}.js`);
  if (i >= WARMUP) full.push(since(t0));
});
// The compiler's own share: ts.updateSourceFile alone on the same edits (no lowering, no LSP mapping).
const raw = [];
let sf = ts.createSourceFile(uri, big, options, false, ts.ScriptKind.JS);
let prev = big;
edits.forEach((e, i) => {
  const start = offsetOf(prev, e.changes[0].range.start),
    end = offsetOf(prev, e.changes[0].range.end);
  const t0 = clock();
  sf = ts.updateSourceFile(sf, e.text, ts.createTextChangeRange(ts.createTextSpan(start, end - start), e.changes[0].text.length));
  if (i >= WARMUP) raw.push(since(t0));
  prev = e.text;
});
const fmt = (xs, key) =>
  `p50 ${pct(
    xs.map(x => x[key]),
    0.5,
  ).toFixed(2)} ms, p95 ${pct(
    xs.map(x => x[key]),
    0.95,
  ).toFixed(2)} ms`;
console.log(`${bigLines}-line JS file, ${EDITS} keystrokes (typing statements at random lines), parse + lower:`);
for (const key of ['cpu', 'wall']) {
  console.log(
    `  ${key === 'cpu' ? 'CPU time' : 'wall    '}  incremental ${fmt(incr, key)} | full re-parse ${fmt(full, key)} | ts.updateSourceFile alone ${fmt(raw, key)}`,
  );
}
