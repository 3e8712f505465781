// Notebook latency through the real language server (dist/server.js --stdio), measured the way the
// user sees it: from a keystroke in one cell (the model cell gains or loses its softmax) to the
// updated diagnostics of another cell (the training loop, several cells further down).
//
// Pull mode follows VS Code's client: after notebookDocument/didChange it pulls the edited cell; the
// server answers and sends workspace/diagnostic/refresh when other cells changed; the client then
// pulls every cell. Push mode (clients without pull diagnostics) waits for publishDiagnostics.
//
//   npm run build && node bench/notebook-latency.mjs [--cells 40] [--edits 40] [--json OUT]
// BENCH_VERBOSE=1 also prints every pull-mode sample (the first edits after opening include JIT warm-up).
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};
const CELLS = Number(opt('cells', 40));
const EDITS = Number(opt('edits', 40));
const JSON_OUT = opt('json', undefined);
const root = fileURLToPath(new URL('..', import.meta.url));
const server = join(root, 'dist', 'server.js');

/** A notebook of CELLS cells: imports, the model (cell 3), filler code cells, the training loop last. */
function notebookCells(nbUri) {
  const texts = [
    'import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n%matplotlib inline',
    'x = torch.randn(64, 784)\ny = torch.randint(0, 10, (64,))',
    'model = nn.Sequential(\n    nn.Linear(784, 128),\n    nn.ReLU(),\n    nn.Linear(128, 10),\n    nn.Softmax(dim=1),\n)',
  ];
  for (let i = texts.length; i < CELLS - 1; i++) {
    texts.push(
      `def helper_${i}(t):\n    h = F.relu(t)\n    s = h.sum(dim=1)\n    return s / (s.max() + 1e-6)\n\nvalues_${i} = [helper_${i}(x[:8]) for _ in range(3)]\nprint(len(values_${i}))`,
    );
  }
  texts.push(
    'criterion = nn.CrossEntropyLoss()\nfor epoch in range(3):\n    out = model(x)\n    loss = criterion(out, y)\n    loss.backward()',
  );
  const path = new URL(nbUri).pathname;
  return texts.map((text, i) => ({ uri: `vscode-notebook-cell:${path}#W${i}sZmlsZQ%3D%3D`, text }));
}

async function session(pull) {
  const proc = spawn(process.execPath, [server, '--stdio'], { stdio: 'pipe' });
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const published = [];
  let refreshes = 0;
  let wake = () => undefined;
  conn.onNotification('textDocument/publishDiagnostics', p => {
    published.push({ at: performance.now(), p });
    wake();
  });
  conn.onRequest('workspace/diagnostic/refresh', () => {
    refreshes++;
    wake();
    return null;
  });
  conn.onRequest('workspace/configuration', p => p.items.map(() => ({})));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onRequest('losslens/readFile', () => null);
  conn.onNotification(() => undefined);
  conn.listen();
  const waitUntil = async (what, pred) => {
    const deadline = Date.now() + 10_000;
    while (!pred()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise(r => {
        wake = r;
        setTimeout(r, 50);
      });
    }
  };
  const dir = join(root, 'out', 'bench-notebook');
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(dir).href,
    workspaceFolders: null,
    capabilities: {
      textDocument: { publishDiagnostics: {}, ...(pull ? { diagnostic: { dynamicRegistration: false } } : {}) },
      workspace: { configuration: true, ...(pull ? { diagnostics: { refreshSupport: true } } : {}) },
    },
  });
  await conn.sendNotification('initialized', {});
  const nb = pathToFileURL(join(dir, 'train.ipynb')).href;
  const cells = notebookCells(nb);
  const model = cells[2].uri;
  const loop = cells[cells.length - 1].uri;
  await conn.sendNotification('notebookDocument/didOpen', {
    notebookDocument: { uri: nb, notebookType: 'jupyter-notebook', version: 1, cells: cells.map(c => ({ kind: 2, document: c.uri })) },
    cellTextDocuments: cells.map(c => ({ uri: c.uri, languageId: 'python', version: 1, text: c.text })),
  });
  const hasLL001 = items => items.some(d => d.code === 'LL001');
  if (pull) {
    // Warm up: the first analysis loads nothing more (parsers are loaded at initialize).
    await waitUntil('the first LL001', () => true);
    const r = await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri: loop } });
    if (!hasLL001(r.items)) throw new Error('no LL001 on the loop cell after open');
  } else {
    await waitUntil('LL001 published', () => published.some(x => x.p.uri === loop && hasLL001(x.p.diagnostics)));
  }

  const samples = [];
  let version = 1;
  let withSoftmax = true;
  for (let i = 0; i < EDITS; i++) {
    version++;
    const change = withSoftmax
      ? { range: { start: { line: 4, character: 0 }, end: { line: 5, character: 0 } }, text: '' }
      : { range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: '    nn.Softmax(dim=1),\n' };
    withSoftmax = !withSoftmax;
    const expect = withSoftmax;
    const t0 = performance.now();
    const publishedBefore = published.length;
    const refreshesBefore = refreshes;
    await conn.sendNotification('notebookDocument/didChange', {
      notebookDocument: { uri: nb, version },
      change: { cells: { textContent: [{ document: { uri: model, version }, changes: [change] }] } },
    });
    if (pull) {
      await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri: model } });
      await waitUntil('a refresh', () => refreshes > refreshesBefore);
      // The client pulls every open cell after a refresh; the loop cell's answer is what the user waits for.
      const pulls = cells.map(c =>
        conn.sendRequest('textDocument/diagnostic', { textDocument: { uri: c.uri } }).then(r => ({ uri: c.uri, r, at: performance.now() })),
      );
      const done = await Promise.all(pulls);
      const l = done.find(d => d.uri === loop);
      if (hasLL001(l.r.items) !== expect) throw new Error(`edit ${i}: loop cell diagnostics did not follow the edit`);
      samples.push({ loop: l.at - t0, allCells: Math.max(...done.map(d => d.at)) - t0 });
    } else {
      await waitUntil('loop cell published', () =>
        published.slice(publishedBefore).some(x => x.p.uri === loop && hasLL001(x.p.diagnostics) === expect),
      );
      const at = published.slice(publishedBefore).find(x => x.p.uri === loop && hasLL001(x.p.diagnostics) === expect).at;
      samples.push({ loop: at - t0 });
    }
    // Let timers (debounces, import resolution) settle as between real keystrokes.
    await new Promise(r => setTimeout(r, 350));
  }
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  conn.dispose();
  return samples;
}

function stats(values) {
  const s = [...values].sort((a, b) => a - b);
  const q = p => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { median: +q(0.5).toFixed(1), p95: +q(0.95).toFixed(1), max: +s[s.length - 1].toFixed(1) };
}

const pull = await session(true);
if (process.env.BENCH_VERBOSE) console.log(pull.map(s => s.loop.toFixed(0)).join(' '));
const push = await session(false);
const result = {
  cells: CELLS,
  edits: EDITS,
  pull: { loopCell: stats(pull.map(s => s.loop)), allCells: stats(pull.map(s => s.allCells)) },
  push: { loopCell: stats(push.map(s => s.loop)) },
};
console.log(`notebook of ${CELLS} cells, ${EDITS} edits of cell 3, diagnostics of cell ${CELLS} measured (ms):`);
console.log(
  `  pull (VS Code): edit → updated loop cell   median ${result.pull.loopCell.median}  p95 ${result.pull.loopCell.p95}  max ${result.pull.loopCell.max}`,
);
console.log(
  `  pull (VS Code): edit → all ${CELLS} cells updated median ${result.pull.allCells.median}  p95 ${result.pull.allCells.p95}  max ${result.pull.allCells.max}`,
);
console.log(
  `  push:           edit → loop cell published median ${result.push.loopCell.median}  p95 ${result.push.loopCell.p95}  max ${result.push.loopCell.max} (includes the server's 150 ms debounce)`,
);
if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify(result, null, 2) + '\n');
