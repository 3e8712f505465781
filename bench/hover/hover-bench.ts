// Server-side hover latency on a ~5,000-line training file (issue 7: p95 under 5 ms including the SVG).
// Drives the real LSP handler (server/src/lsp/hover.ts) with an in-memory document and workspace:
//   warm  — hovers on an unchanged document (the analysis is cached per document version);
//   cold  — the first hover after an edit (analysis of the file + hover index + render).
// Run from the repository root: node bench/hover.mjs [lines]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createAnalysisWorkspace } from '../../server/src/analysis/index';
import { runRules } from '../../server/src/rules/run';
import { createPythonFrontEnd } from '../../server/src/parse/python/index';
import { defaultSettings } from '../../server/src/config/settings';
import { provideHover } from '../../server/src/lsp/hover';
import type { FeatureContext } from '../../server/src/lsp/feature-context';
import { trainingFile } from './training-file';

const require = createRequire(`${process.cwd()}/package.json`);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), max: s[s.length - 1] };
};
const ms = (v: number) => `${v.toFixed(2)} ms`;

async function main(): Promise<void> {
  const lines = Number(process.argv[2] ?? 5000);
  const python = await createPythonFrontEnd({
    runtime: new Uint8Array(readFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm'))),
    grammar: new Uint8Array(readFileSync(require.resolve('tree-sitter-python/tree-sitter-python.wasm'))),
  });
  const ws = createAnalysisWorkspace({
    runRules,
    host: { readFile: async () => undefined },
    roots: ['file:///bench'],
    frontEnd: () => python,
  });
  const uri = 'file:///bench/train.py';
  let text = trainingFile(lines);
  let doc = TextDocument.create(uri, 'python', 1, text);
  ws.update(uri, text, 'python');
  const settings = { ...defaultSettings(), hoverPlots: 'image' as const };
  const ctx: FeatureContext = {
    document: () => doc,
    workspace: () => ws,
    settings: async () => settings,
    rawSettings: async () => ({}),
    log: () => undefined,
  };

  // Hover targets of every kind, plus positions on ordinary code (misses).
  const probes = [
    'nn.CrossEntropyLoss(',
    'nn.HuberLoss(',
    'criterion(logits',
    'regression(logits',
    'focal(logits',
    'F.cross_entropy(logits',
    'sigmoid_focal_loss(logits',
    'F.nll_loss(',
    'F.mse_loss(',
    'F.l1_loss(',
    "'categorical_crossentropy'",
    'BinaryFocalCrossentropy(',
    'class FocalLoss',
    'FocalLoss0(gamma',
    'optimizer.step()',
    'model.eval()',
    'math.cos',
  ];
  const offsets: { offset: number; probe: string }[] = [];
  for (const probe of probes) {
    for (let at = text.indexOf(probe); at >= 0 && offsets.filter(o => o.probe === probe).length < 40; at = text.indexOf(probe, at + 1)) {
      offsets.push({ offset: at + (probe.startsWith('class ') ? 7 : 2), probe });
    }
  }
  const hover = (offset: number) => provideHover(ctx, { textDocument: { uri }, position: doc.positionAt(offset) });
  // CPU time of this process next to wall time: on a loaded machine wall time mostly measures waiting.
  const cpuMs = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };

  // Cold: each hover follows an edit (a comment appended), so the document is analysed again.
  const cold: number[] = [];
  const coldCpu: number[] = [];
  for (let i = 0; i < 30; i++) {
    text += `# edit ${i}\n`;
    doc = TextDocument.create(uri, 'python', doc.version + 1, text);
    ws.update(uri, text, 'python');
    const c0 = cpuMs();
    const t0 = performance.now();
    await hover(offsets[i % offsets.length].offset);
    cold.push(performance.now() - t0);
    coldCpu.push(cpuMs() - c0);
  }

  // Collect the garbage of the cold runs so that it is not billed to the warm hovers.
  (globalThis as { gc?: () => void }).gc?.();
  // Warm: every probe, several rounds, image and text plots.
  const warm: number[] = [];
  const warmCpu: number[] = [];
  const warmText: number[] = [];
  let hits = 0;
  let maxUri = 0;
  for (let round = 0; round < 5; round++) {
    for (const { offset } of offsets) {
      settings.hoverPlots = 'image';
      const c0 = cpuMs();
      const t0 = performance.now();
      const h = await hover(offset);
      warm.push(performance.now() - t0);
      warmCpu.push(cpuMs() - c0);
      if (h) {
        hits++;
        const m = /data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+/.exec((h.contents as { value: string }).value);
        if (m) maxUri = Math.max(maxUri, m[0].length);
      }
      settings.hoverPlots = 'text';
      const t1 = performance.now();
      await hover(offset);
      warmText.push(performance.now() - t1);
    }
  }

  if (process.env.HOVER_BENCH_DETAIL) {
    for (let r = 0; r < 5; r++) {
      const s = stats(warm.slice(r * offsets.length, (r + 1) * offsets.length));
      console.log(`  round ${r}: p50 ${ms(s.p50)} p95 ${ms(s.p95)} max ${ms(s.max)}`);
    }
    const byProbe = new Map<string, number[]>();
    warm.forEach((t, i) => {
      const p = offsets[i % offsets.length].probe;
      byProbe.set(p, [...(byProbe.get(p) ?? []), t]);
    });
    for (const [p, ts] of byProbe) {
      const s = stats(ts);
      console.log(`  ${p.padEnd(30)} p50 ${ms(s.p50)} p95 ${ms(s.p95)} max ${ms(s.max)}`);
    }
  }
  const w = stats(warm);
  const wt = stats(warmText);
  const c = stats(cold);
  console.log(`file: ${text.split('\n').length} lines, ${offsets.length} probe positions (${hits / 5} with a hover)`);
  const wc = stats(warmCpu);
  const cc = stats(coldCpu);
  console.log(
    `warm hover, image plots: p50 ${ms(w.p50)}  p95 ${ms(w.p95)}  max ${ms(w.max)}  (n=${w.n})  CPU p50 ${ms(wc.p50)} p95 ${ms(wc.p95)}`,
  );
  console.log(`warm hover, text plots:  p50 ${ms(wt.p50)}  p95 ${ms(wt.p95)}  max ${ms(wt.max)}  (n=${wt.n})`);
  console.log(
    `cold hover after an edit (analysis + index + render): p50 ${ms(c.p50)}  p95 ${ms(c.p95)}  max ${ms(c.max)}  (n=${c.n})  CPU p50 ${ms(cc.p50)} p95 ${ms(cc.p95)}`,
  );
  console.log(`largest SVG data URI: ${maxUri} bytes`);
}

void main();
