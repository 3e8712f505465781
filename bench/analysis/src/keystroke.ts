// Keystroke → fresh diagnostics, as the language server does it on every didChange: an incremental
// `update` with the LSP change, then `check`. Single file: a ~5,000-line training script, 500
// one-character edits at random positions. Cross-file: 20 files, edits to network.py, then
// network.py and every file of `dependents(network.py)` re-checked.
//
//   node bench/analysis/keystroke.mjs [--edits 500] [--cross-edits 200] [--lines 5000] [--seed 1] [--json OUT]
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Edit, Language, Parser, type Tree } from 'web-tree-sitter';
import type { ContentChange } from '../../../server/src/parse/frontend';
import { applyChanges } from '../../../server/src/parse/python/textEdits';
import type { AnalysisWorkspace } from '../../../server/src/analysis/workspace';
import { memoryHost, prng, workspace } from './setup';
import { checkTally, cpuMs, fmt, fmtChecks, keystrokes, stats } from './keystrokes';
import { countLines, crossFileProject, trainingFile } from './training-code';

interface Options {
  edits: number;
  crossEdits: number;
  lines: number;
  seed: number;
  warmup: number;
  json?: string;
}

function parseOptions(argv: string[]): Options {
  const o: Options = { edits: 500, crossEdits: 200, lines: 5000, seed: 1, warmup: 50 };
  for (let i = 0; i < argv.length; i += 2) {
    const v = argv[i + 1];
    switch (argv[i]) {
      case '--edits':
        o.edits = Number(v);
        break;
      case '--cross-edits':
        o.crossEdits = Number(v);
        break;
      case '--lines':
        o.lines = Number(v);
        break;
      case '--seed':
        o.seed = Number(v);
        break;
      case '--warmup':
        o.warmup = Number(v);
        break;
      case '--json':
        o.json = v;
        break;
      default:
        throw new Error(`unknown option ${argv[i]}`);
    }
  }
  return o;
}

/**
 * tree-sitter alone, following the same edits on its own tree (timed apart from the keystrokes): the
 * incremental re-parse the front end cannot go below. Call after the front end has initialised the runtime.
 */
async function treeSitterAlone(text: string): Promise<(next: string, change: ContentChange) => number> {
  const require = createRequire(`${process.cwd()}/package.json`);
  const parser = new Parser();
  parser.setLanguage(await Language.load(new Uint8Array(readFileSync(require.resolve('tree-sitter-python/tree-sitter-python.wasm')))));
  let tree = parser.parse(text) as Tree;
  let current = text;
  return (next, change) => {
    const edits = applyChanges(current, [change])?.edits ?? [];
    const a = performance.now();
    for (const e of edits) tree.edit(new Edit(e));
    const fresh = parser.parse(next, tree) as Tree;
    const ms = performance.now() - a;
    tree.delete();
    tree = fresh;
    current = next;
    return ms;
  };
}

async function singleFile(o: Options) {
  const uri = 'file:///bench/train.py';
  let text = trainingFile(o.lines);
  const ws = await workspace(memoryHost(new Map([[uri, text]])), ['file:///bench']);
  const t0 = performance.now();
  ws.update(uri, text, 'python');
  await ws.resolveImports(uri);
  const initial = ws.check(uri);
  const firstMs = performance.now() - t0;

  const next = keystrokes(prng(o.seed));
  const mirror = await treeSitterAlone(text);
  const total: number[] = [];
  const update: number[] = [];
  const check: number[] = [];
  const cpu: number[] = [];
  const parseOnly: number[] = [];
  let findings = 0;
  const tally = checkTally();
  for (let i = 0; i < o.warmup + o.edits; i++) {
    const e = next(text);
    text = e.text;
    const ca = cpuMs();
    const a = performance.now();
    ws.update(uri, text, 'python', [e.change]);
    const b = performance.now();
    const inspection = ws.inspect(uri);
    findings = inspection.findings.length;
    const c = performance.now();
    if (i >= o.warmup) {
      tally.add(inspection.units);
    }
    const cpuEdit = cpuMs() - ca;
    const treeSitterMs = mirror(text, e.change);
    if (i < o.warmup) continue;
    cpu.push(cpuEdit);
    total.push(c - a);
    update.push(b - a);
    check.push(c - b);
    parseOnly.push(treeSitterMs);
  }
  return {
    lines: countLines(trainingFile(o.lines)),
    firstCheckMs: firstMs,
    initialFindings: initial.length,
    finalFindings: findings,
    total: stats(total),
    update: stats(update),
    check: stats(check),
    cpu: stats(cpu),
    treeSitter: stats(parseOnly),
    ...tally.result(),
  };
}

async function crossFile(o: Options) {
  const root = 'file:///proj';
  const files = new Map([...crossFileProject()].map(([p, t]) => [`${root}/${p}`, t]));
  const ws: AnalysisWorkspace = await workspace(memoryHost(files), [root]);
  for (const [uri, text] of files) ws.update(uri, text, 'python');
  for (const uri of files.keys()) await ws.resolveImports(uri);
  const network = `${root}/network.py`;
  const dependents = ws.dependents(network);
  let text = files.get(network)!;
  const next = keystrokes(prng(o.seed + 1));
  const total: number[] = [];
  const cpu: number[] = [];
  let findings = 0;
  for (let i = 0; i < o.warmup + o.crossEdits; i++) {
    const e = next(text);
    text = e.text;
    const ca = cpuMs();
    const a = performance.now();
    ws.update(network, text, 'python', [e.change]);
    findings = ws.check(network).length;
    for (const d of ws.dependents(network)) findings += ws.check(d).length;
    const b = performance.now();
    if (i >= o.warmup) {
      total.push(b - a);
      cpu.push(cpuMs() - ca);
    }
  }
  const lines = [...files.values()].reduce((n, t) => n + countLines(t), 0);
  return {
    files: files.size,
    lines,
    networkLines: countLines(files.get(network)!),
    dependents: dependents.length,
    finalFindings: findings,
    total: stats(total),
    cpu: stats(cpu),
  };
}

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2));
  const single = await singleFile(o);
  console.log(
    `single file: ${single.lines} lines, first full check ${single.firstCheckMs.toFixed(0)} ms, findings ${single.initialFindings} → ${single.finalFindings} after the edits`,
  );
  console.log(`  keystroke (update + check): ${fmt(single.total)}   goal p95 < 10 ms: ${single.total.p95 < 10 ? 'met' : 'NOT met'}`);
  console.log(`    CPU time of the same edits:  ${fmt(single.cpu)}`);
  console.log(`    update (incremental parse): ${fmt(single.update)}`);
  console.log(`      tree-sitter's own re-parse of the same edits, alone: ${fmt(single.treeSitter)}`);
  console.log(`    check (interpreter + rules): ${fmt(single.check)}`);
  console.log(`      ${fmtChecks(single)}`);
  const cross = await crossFile(o);
  console.log(
    `cross-file: ${cross.files} files, ${cross.lines} lines (network.py ${cross.networkLines}), dependents of network.py: ${cross.dependents}, findings after the edits ${cross.finalFindings}`,
  );
  console.log(
    `  edit network.py + check it and its dependents: ${fmt(cross.total)}   goal p95 < 50 ms: ${cross.total.p95 < 50 ? 'met' : 'NOT met'}`,
  );
  console.log(`    CPU time of the same edits: ${fmt(cross.cpu)}`);
  if (o.json)
    writeFileSync(o.json, JSON.stringify({ date: new Date().toISOString(), node: process.version, options: o, single, cross }, null, 2));
}

main().catch(e => {
  console.error(e);
  process.exit(2);
});
