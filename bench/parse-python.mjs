// Benchmark of the Python front end (tree-sitter parse + lowering to the IR).
//   node bench/parse-python.mjs [corpus-dir]
// Full parse+lower throughput over every .py file under corpus-dir (default /tmp/corpus, e.g. the
// sources of Debian's python3-torch and python3-sklearn unpacked with dpkg -x; a generated corpus
// is used when it does not exist), then incremental re-parse+lower latency of one-character edits
// in a 5,000-line file, and a plain re-parse for comparison. The machine may be shared, so CPU
// time (process.cpuUsage) is reported beside wall time: it is what the front end itself costs.
import * as esbuild from 'esbuild';
import { readFileSync, readdirSync, lstatSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
mkdirSync(join(root, 'out/bench'), { recursive: true });
const bundle = join(root, 'out/bench/python-frontend.mjs');
await esbuild.build({
  entryPoints: [join(root, 'server/src/parse/python/index.ts')],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'es2022',
  packages: 'external',
  logLevel: 'warning',
});
const { createPythonFrontEnd } = await import(pathToFileURL(bundle).href);
const fe = await createPythonFrontEnd({
  runtime: join(root, 'node_modules/web-tree-sitter/web-tree-sitter.wasm'),
  grammar: join(root, 'node_modules/tree-sitter-python/tree-sitter-python.wasm'),
});

function walk(dir, out) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = lstatSync(p); // packages ship dangling symlinks: skip links
    if (st.isDirectory()) walk(p, out);
    else if (name.endsWith('.py')) out.push(p);
  }
  return out;
}

/** A deterministic module of about `lines` lines mixing the constructs the analyses care about. */
function generated(lines, seed = 1) {
  let s = seed;
  const rnd = n => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s % n;
  };
  const out = ['import torch', 'import torch.nn as nn', 'import torch.nn.functional as F', 'from typing import Optional', ''];
  let c = 0;
  while (out.length < lines) {
    c++;
    out.push(
      `class Block${c}(nn.Module):`,
      `    """Block ${c}: é ✓ 𝔼"""`,
      '',
      `    def __init__(self, d_in: int, d_out: int = ${rnd(512)}, *args, **kwargs):`,
      '        super().__init__()',
      `        self.fc = nn.Linear(d_in, d_out, bias=${rnd(2) ? 'True' : 'False'})`,
      `        self.drop = nn.Dropout(p=0.${rnd(9)})`,
      '',
    );
    for (let m = 0; m < 6; m++) {
      out.push(
        `    def step${m}(self, x, y: Optional[torch.Tensor] = None):`,
        '        h = self.fc(x)',
        `        if y is not None and h.shape[0] > ${rnd(64)}:`,
        `            loss = F.cross_entropy(h.softmax(dim=-1), y, reduction="mean")`,
        '        else:',
        `            loss = (h ** 2).mean() * ${rnd(100)}e-3`,
        `        for i, v in enumerate(range(${rnd(10)})):`,
        '            loss += v * 0.5  # accumulate',
        '        return {"loss": loss, "h": [t for t in h if t is not None]}',
        '',
      );
    }
  }
  return out.slice(0, lines).join('\n') + '\n';
}

const corpusDir = process.argv[2] ?? '/tmp/corpus';
let texts;
let corpusName;
if (existsSync(corpusDir)) {
  texts = walk(corpusDir, [])
    .sort()
    .map(f => readFileSync(f, 'utf8'));
  corpusName = corpusDir;
} else {
  texts = Array.from({ length: 140 }, (_, i) => generated(5000, i + 1));
  corpusName = 'generated (140 files x 5,000 lines)';
}
const lines = texts.reduce((n, t) => n + t.split('\n').length, 0);
const bytes = texts.reduce((n, t) => n + t.length, 0);

const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function fullPass() {
  const t0 = performance.now();
  const c0 = cpuNow();
  for (let i = 0; i < texts.length; i++) {
    fe.parse(`file:///corpus/${i}.py`, texts[i]);
    fe.forget(`file:///corpus/${i}.py`);
  }
  return { ms: performance.now() - t0, cpu: cpuNow() - c0 };
}
// Baseline: tree-sitter alone on the same files (what the lowering adds is the difference).
const { Parser, Language } = await import('web-tree-sitter');
const parser = new Parser();
parser.setLanguage(await Language.load(join(root, 'node_modules/tree-sitter-python/tree-sitter-python.wasm')));
function parseOnlyPass() {
  const t0 = performance.now();
  const c0 = cpuNow();
  for (const t of texts) parser.parse(t).delete();
  return { ms: performance.now() - t0, cpu: cpuNow() - c0 };
}
fullPass(); // warm-up (JIT)
const best = pass => {
  const runs = [pass(), pass()];
  return { ms: Math.min(...runs.map(r => r.ms)), cpu: Math.min(...runs.map(r => r.cpu)) };
};
const full1 = best(fullPass);
const parseOnly = best(parseOnlyPass);
const rate = ms => `${Math.round(lines / (ms / 1000)).toLocaleString('en')} lines/s`;
console.log(
  `corpus: ${corpusName}: ${texts.length} files, ${lines.toLocaleString('en')} lines, ${(bytes / 1e6).toFixed(1)} MB (UTF-16 units)`,
);
console.log(
  `full parse+lower (best of 2):  wall ${full1.ms.toFixed(0)} ms = ${rate(full1.ms)}; CPU ${full1.cpu.toFixed(0)} ms = ${rate(full1.cpu)}`,
);
console.log(
  `tree-sitter parse alone:       wall ${parseOnly.ms.toFixed(0)} ms = ${rate(parseOnly.ms)}; CPU ${parseOnly.cpu.toFixed(0)} ms = ${rate(parseOnly.cpu)}`,
);

// Incremental: a 5,000-line file, one character typed then deleted at random places.
const big = generated(5000, 42);
const uri = 'file:///bench/big.py';
const lineStarts = [0];
for (let i = 0; i < big.length; i++) if (big.charCodeAt(i) === 10) lineStarts.push(i + 1);
let text = big;
fe.parse(uri, text);
let seed = 7;
const rnd = n => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed % n;
};
const incremental = [];
const incrementalCpu = [];
const incrementalNoChanges = [];
const full = [];
for (let k = 0; k < 400; k++) {
  const line = rnd(lineStarts.length - 1);
  const lineText = text.slice(lineStarts[line], lineStarts[line + 1] - 1);
  const character = rnd(lineText.length + 1);
  const at = lineStarts[line] + character;
  // insert 'x' then delete it again so the line table stays valid
  for (const [changed, change] of [
    [text.slice(0, at) + 'x' + text.slice(at), { range: { start: { line, character }, end: { line, character } }, text: 'x' }],
    [text, { range: { start: { line, character }, end: { line, character: character + 1 } }, text: '' }],
  ]) {
    const t0 = performance.now();
    const c0 = cpuNow();
    fe.parse(uri, changed, [change]);
    if (k >= 20) {
      incremental.push(performance.now() - t0);
      incrementalCpu.push(cpuNow() - c0);
    }
  }
}
for (let k = 0; k < 100; k++) {
  const at = lineStarts[rnd(lineStarts.length - 1)];
  const t0 = performance.now();
  fe.parse(uri, text.slice(0, at) + ' ' + text.slice(at)); // no `changes`: the front end diffs
  incrementalNoChanges.push(performance.now() - t0);
  fe.parse(uri, text);
}
for (let k = 0; k < 30; k++) {
  fe.forget(uri);
  const t0 = performance.now();
  fe.parse(uri, text);
  full.push(performance.now() - t0);
}
const pct = (a, p) => {
  const s = [...a].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
};
const fmt = a => `p50 ${pct(a, 0.5).toFixed(2)} ms, p95 ${pct(a, 0.95).toFixed(2)} ms`;
console.log(`5,000-line file (${(big.length / 1024).toFixed(0)} KB):`);
console.log(
  `  one-character edit, incremental re-parse+lower (LSP changes): wall ${fmt(incremental)}; CPU ${fmt(incrementalCpu)} (${incremental.length} edits)`,
);
console.log(`  one-character edit, no changes given (diffed):             ${fmt(incrementalNoChanges)}`);
console.log(`  full parse+lower from scratch:                              ${fmt(full)}`);
