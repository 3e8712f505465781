// Jupyter notebooks over LSP notebook document sync, driven like VS Code drives it: the cells of a
// notebook are one program, findings land on the right cell and line, and cell edits, reordering,
// insertion and deletion update the diagnostics of the other cells (pull: refresh; push: publish).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient } from './lsp-client';

const dir = mkdtempSync(join(tmpdir(), 'losslens-nb-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const clients: TestClient[] = [];
after(() => clients.forEach(c => c.kill()));

interface Cell {
  uri: string;
  kind: 1 | 2;
  language: string;
  text: string;
}

const notebookUri = (name: string) => pathToFileURL(join(dir, name)).href;
/** VS Code's cell URIs: the notebook's path, a fragment per cell. */
const cellUri = (nb: string, n: number) => `vscode-notebook-cell:${new URL(nb).pathname}#W${n}sZmlsZQ%3D%3D`;

/** The cross-cell bug: cell 3 (model ending in softmax), cell 7 (CrossEntropyLoss loop). */
function trainingCells(nb: string): Cell[] {
  const texts: [1 | 2, string][] = [
    [1, '# Digit classifier'],
    [2, '!pip install -q torch\n%matplotlib inline\nimport torch\nimport torch.nn as nn'],
    [2, 'model = nn.Sequential(\n    nn.Linear(784, 128),\n    nn.ReLU(),\n    nn.Linear(128, 10),\n    nn.Softmax(dim=1),\n)'],
    [1, '## Data'],
    [2, 'x = torch.randn(64, 784)\ny = torch.randint(0, 10, (64,))'],
    [2, 'model?'],
    [
      2,
      'criterion = nn.CrossEntropyLoss()\nfor epoch in range(3):\n    optimizer.zero_grad()\n    out = model(x)\n    loss = criterion(out, y)\n    loss.backward()',
    ],
  ];
  return texts.map(([kind, text], i) => ({ uri: cellUri(nb, i + 1), kind, language: kind === 2 ? 'python' : 'markdown', text }));
}

function openNotebook(client: TestClient, uri: string, cells: Cell[]): Promise<void> {
  return client.connection.sendNotification('notebookDocument/didOpen', {
    notebookDocument: { uri, notebookType: 'jupyter-notebook', version: 1, cells: cells.map(c => ({ kind: c.kind, document: c.uri })) },
    cellTextDocuments: cells.map(c => ({ uri: c.uri, languageId: c.language, version: 1, text: c.text })),
  });
}

let nbVersion = 1;
function changeNotebook(client: TestClient, uri: string, cells: Record<string, unknown>): Promise<void> {
  return client.connection.sendNotification('notebookDocument/didChange', {
    notebookDocument: { uri, version: ++nbVersion },
    change: { cells },
  });
}

const ll001 = (items: Diagnostic[]) => items.filter(d => d.code === 'LL001');

async function start(pullDiagnostics: boolean) {
  const r = await TestClient.start({
    pullDiagnostics,
    settings: () => ({}),
    workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'nb' }],
  });
  clients.push(r.client);
  return r;
}

test('the server announces notebook sync for Python cells of Jupyter notebooks', async () => {
  const { client, init } = await start(true);
  assert.deepEqual(init.capabilities.notebookDocumentSync, {
    notebookSelector: [{ notebook: { notebookType: 'jupyter-notebook' }, cells: [{ language: 'python' }] }],
  });
  assert.equal(await client.shutdown(), 0);
});

test('pull: the cross-cell LL001 lands on cell 7 with related information in cell 3; a fix in cell 3 refreshes cell 7', async () => {
  const { client } = await start(true);
  const nb = notebookUri('train.ipynb');
  const cells = trainingCells(nb);
  await openNotebook(client, nb, cells);

  const [c3, c7] = [cells[2].uri, cells[6].uri];
  const seven = await client.pull(c7);
  const d = ll001(seven.items);
  assert.equal(d.length, 1, JSON.stringify(seven.items));
  assert.deepEqual(d[0].range, { start: { line: 4, character: 21 }, end: { line: 4, character: 24 } }, 'on `out` in cell 7, line 5');
  const rel = d[0].relatedInformation ?? [];
  assert.ok(
    rel.some(r => r.location.uri === c3 && r.location.range.start.line === 4),
    `related info points at the softmax in cell 3: ${JSON.stringify(rel)}`,
  );
  for (const c of cells.filter(c => c.kind === 2 && c.uri !== c7))
    assert.deepEqual(ll001((await client.pull(c.uri)).items), [], `nothing on ${c.uri}`);
  assert.deepEqual((await client.pull(cells[0].uri)).items, [], 'markdown cells get nothing');

  // Remove the softmax line in cell 3: the editor pulls cell 3; the server must tell it to pull again.
  const refreshesBefore = client.refreshes;
  const t0 = performance.now();
  await changeNotebook(client, nb, {
    textContent: [
      {
        document: { uri: c3, version: 2 },
        changes: [{ range: { start: { line: 4, character: 0 }, end: { line: 5, character: 0 } }, text: '' }],
      },
    ],
  });
  assert.deepEqual(ll001((await client.pull(c3)).items), []);
  await client.waitFor('a diagnostic refresh', () => client.refreshes > refreshesBefore);
  const cleared = await client.pull(c7);
  const latency = performance.now() - t0;
  assert.deepEqual(ll001(cleared.items), [], 'cell 7 is clean once the model emits logits');
  console.log(`# pull: edit in cell 3 → refreshed diagnostics of cell 7 in ${latency.toFixed(1)} ms`);

  // Put it back: cell 7 shows LL001 again.
  await changeNotebook(client, nb, {
    textContent: [
      {
        document: { uri: c3, version: 3 },
        changes: [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: '    nn.Softmax(dim=1),\n' }],
      },
    ],
  });
  assert.deepEqual(ll001((await client.pull(c3)).items), []);
  assert.equal(ll001((await client.pull(c7)).items).length, 1);
  assert.equal(await client.shutdown(), 0);
});

test('pull: reordering, inserting and deleting cells move the diagnostics with the cells', async () => {
  const { client } = await start(true);
  const nb = notebookUri('reorder.ipynb');
  const cells = trainingCells(nb);
  await openNotebook(client, nb, cells);
  const c7 = cells[6].uri;
  assert.equal(ll001((await client.pull(c7)).items).length, 1);

  // Move the training cell (7) to the top: the loss now runs before the model exists.
  const order = [cells[6], ...cells.slice(0, 6)];
  await changeNotebook(client, nb, {
    structure: { array: { start: 0, deleteCount: 7, cells: order.map(c => ({ kind: c.kind, document: c.uri })) } },
  });
  assert.deepEqual(ll001((await client.pull(c7)).items), [], 'analysed in document order');

  // Move it back to the end: the finding returns on the same cell line.
  await changeNotebook(client, nb, {
    structure: { array: { start: 0, deleteCount: 7, cells: cells.map(c => ({ kind: c.kind, document: c.uri })) } },
  });
  const back = ll001((await client.pull(c7)).items);
  assert.equal(back.length, 1);
  assert.equal(back[0].range.start.line, 4);

  // Insert a cell with three lines before cell 7: positions inside cell 7 do not move.
  const inserted = { uri: cellUri(nb, 99), kind: 2 as const, language: 'python', text: 'import math\n\nprint(math.pi)' };
  await changeNotebook(client, nb, {
    structure: {
      array: { start: 6, deleteCount: 0, cells: [{ kind: 2, document: inserted.uri }] },
      didOpen: [{ uri: inserted.uri, languageId: 'python', version: 1, text: inserted.text }],
    },
  });
  const afterInsert = ll001((await client.pull(c7)).items);
  assert.deepEqual(
    afterInsert.map(d => d.range.start),
    [{ line: 4, character: 21 }],
  );

  // Delete the model cell (3): nothing defines a softmax model any more.
  await changeNotebook(client, nb, {
    structure: { array: { start: 2, deleteCount: 1 }, didClose: [{ uri: cells[2].uri }] },
  });
  assert.deepEqual(ll001((await client.pull(c7)).items), []);
  assert.deepEqual((await client.pull(cells[2].uri)).items, [], 'a closed cell has no diagnostics');
  assert.equal(await client.shutdown(), 0);
});

test('push: diagnostics are published per cell, follow edits in another cell and are cleared on close', async () => {
  const { client } = await start(false);
  const nb = notebookUri('push.ipynb');
  const cells = trainingCells(nb);
  const [c3, c7] = [cells[2].uri, cells[6].uri];
  await openNotebook(client, nb, cells);
  const first = await client.waitFor('LL001 published on cell 7', () =>
    client.published.find(p => p.uri === c7 && ll001(p.diagnostics).length),
  );
  assert.equal(ll001(first.diagnostics)[0].range.start.line, 4);
  assert.ok(!client.published.some(p => p.uri === nb && p.diagnostics.length), 'nothing is published on the notebook file itself');

  const t0 = performance.now();
  const count = client.published.length;
  await changeNotebook(client, nb, {
    textContent: [
      {
        document: { uri: c3, version: 2 },
        changes: [{ range: { start: { line: 4, character: 0 }, end: { line: 5, character: 0 } }, text: '' }],
      },
    ],
  });
  await client.waitFor('cell 7 cleared', () => client.published.slice(count).find(p => p.uri === c7 && p.diagnostics.length === 0));
  console.log(
    `# push: edit in cell 3 → new diagnostics of cell 7 published in ${(performance.now() - t0).toFixed(1)} ms (includes the 150 ms debounce)`,
  );

  await changeNotebook(client, nb, {
    textContent: [
      {
        document: { uri: c3, version: 3 },
        changes: [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: '    nn.Softmax(dim=1),\n' }],
      },
    ],
  });
  await client.waitFor('LL001 back on cell 7', () =>
    client.published
      .filter(p => p.uri === c7)
      .at(-1)
      ?.diagnostics.some(d => d.code === 'LL001'),
  );

  // Deleting cell 7 clears what it showed; closing the notebook clears every cell.
  await changeNotebook(client, nb, { structure: { array: { start: 6, deleteCount: 1 }, didClose: [{ uri: c7 }] } });
  await client.waitFor('cell 7 cleared when deleted', () => client.published.filter(p => p.uri === c7).at(-1)?.diagnostics.length === 0);
  await changeNotebook(client, nb, {
    structure: {
      array: { start: 6, deleteCount: 0, cells: [{ kind: 2, document: c7 }] },
      didOpen: [{ uri: c7, languageId: 'python', version: 1, text: cells[6].text }],
    },
  });
  await client.waitFor('LL001 on cell 7 once it is back', () =>
    client.published
      .filter(p => p.uri === c7)
      .at(-1)
      ?.diagnostics.some(d => d.code === 'LL001'),
  );
  await client.connection.sendNotification('notebookDocument/didClose', {
    notebookDocument: { uri: nb },
    cellTextDocuments: cells.map(c => ({ uri: c.uri })),
  });
  await client.waitFor('cell 7 cleared on close', () => client.published.filter(p => p.uri === c7).at(-1)?.diagnostics.length === 0);
  assert.equal(await client.shutdown(), 0);
});

test('a cell with an IPython magic and CRLF line endings keeps exact positions', async () => {
  const { client } = await start(true);
  const nb = notebookUri('crlf.ipynb');
  const cells: Cell[] = [
    { uri: cellUri(nb, 1), kind: 2, language: 'python', text: '%load_ext autoreload\r\nimport torch.nn.functional as F\r\n' },
    {
      uri: cellUri(nb, 2),
      kind: 2,
      language: 'python',
      text: '%%time\r\ndef step(x, y):\r\n    !echo hi\r\n    p = F.softmax(x, dim=1)\r\n    return F.cross_entropy(p, y)\r\n',
    },
  ];
  await openNotebook(client, nb, cells);
  const items = ll001((await client.pull(cells[1].uri)).items);
  assert.deepEqual(
    items.map(d => d.range),
    [{ start: { line: 4, character: 27 }, end: { line: 4, character: 28 } }],
  );
  assert.equal(await client.shutdown(), 0);
});

test('code actions on a cell: the fix and the ignore comment are edits of the cells', async () => {
  const { client } = await start(true);
  const nb = notebookUri('actions.ipynb');
  const cells = trainingCells(nb);
  await openNotebook(client, nb, cells);
  const c7 = cells[6].uri;
  const [d] = ll001((await client.pull(c7)).items);
  assert.ok(d);
  const actions = (await client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri: c7 },
    range: d.range,
    context: { diagnostics: [d], only: ['quickfix'] },
  })) as {
    title: string;
    edit?: { documentChanges?: { textDocument: { uri: string; version: number | null }; edits: { range: unknown; newText: string }[] }[] };
  }[];
  const withEdits = actions.filter(a => a.edit);
  assert.ok(withEdits.length > 0, `actions: ${JSON.stringify(actions.map(a => a.title))}`);
  const cellUris = new Set(cells.map(c => c.uri));
  for (const a of withEdits) {
    for (const dc of a.edit!.documentChanges ?? []) {
      assert.ok(cellUris.has(dc.textDocument.uri), `${a.title}: edits a cell, not ${dc.textDocument.uri}`);
      assert.equal(dc.textDocument.version, 1, 'with the cell document version');
    }
  }
  // The fix removes the softmax layer: an edit of cell 3, computed from cell 7's diagnostic.
  const fix = withEdits.find(a => /softmax/i.test(a.title));
  assert.ok(fix, 'the LL001 fix is offered on cell 7');
  assert.deepEqual(
    fix.edit!.documentChanges!.map(dc => [dc.textDocument.uri, dc.edits.map(e => e.range)]),
    [[cells[2].uri, [{ start: { line: 4, character: 0 }, end: { line: 5, character: 0 } }]]],
  );
  const ignore = withEdits.find(a => /^Ignore LL001/.test(a.title));
  assert.ok(ignore, 'ignore on this line is offered');
  const [dc] = ignore.edit!.documentChanges!;
  assert.equal(dc.textDocument.uri, c7);
  assert.deepEqual(
    dc.edits[0].range,
    { start: { line: 4, character: 28 }, end: { line: 4, character: 28 } },
    "at the end of the finding's line in cell 7",
  );
  assert.match(dc.edits[0].newText, /^\s+# losslens: ignore\[LL001\]$/, 'a Python comment: notebook cells are Python');
  assert.equal(await client.shutdown(), 0);
});

test("hover on a cell: asked of the notebook program, the range is the cell's", async () => {
  const { client } = await start(true);
  const nb = notebookUri('hover.ipynb');
  const cells = trainingCells(nb);
  await openNotebook(client, nb, cells);
  const c7 = cells[6].uri;
  await client.pull(c7);
  // `criterion = nn.CrossEntropyLoss()` on the first line of cell 7.
  const hover = (await client.connection.sendRequest('textDocument/hover', {
    textDocument: { uri: c7 },
    position: { line: 0, character: 20 },
  })) as {
    contents: { value: string };
    range?: { start: { line: number; character: number }; end: { line: number; character: number } };
  } | null;
  assert.ok(hover, 'a loss preview on CrossEntropyLoss');
  assert.match(hover.contents.value, /cross.?entropy/i);
  assert.ok(hover.range, 'with a range');
  assert.equal(hover.range.start.line, 0, "on the cell's own line");
  assert.ok(
    hover.range.start.character <= 20 &&
      hover.range.end.character > 20 &&
      hover.range.end.character <= 'criterion = nn.CrossEntropyLoss()'.length,
  );
  assert.equal(
    await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: cells[1].uri }, position: { line: 0, character: 3 } }),
    null,
    'nothing on a blanked !pip line',
  );
  assert.equal(await client.shutdown(), 0);
});

test('a notebook importing a module of its folder: the model from network.py reaches the loss cell; editing network.py refreshes it', async () => {
  const network =
    'import torch.nn as nn\nimport torch.nn.functional as F\n\nclass Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.fc = nn.Linear(4, 3)\n\n    def forward(self, x):\n        return F.softmax(self.fc(x), dim=1)\n';
  writeFileSync(join(dir, 'network.py'), network);
  const { client } = await start(true);
  const nb = notebookUri('imports.ipynb');
  const cells: Cell[] = [
    {
      uri: cellUri(nb, 1),
      kind: 2,
      language: 'python',
      text: 'import torch\nimport torch.nn as nn\nfrom network import Net\nmodel = Net()',
    },
    {
      uri: cellUri(nb, 2),
      kind: 2,
      language: 'python',
      text: 'x = torch.randn(8, 4)\ny = torch.randint(0, 3, (8,))\nloss = nn.CrossEntropyLoss()(model(x), y)',
    },
  ];
  await openNotebook(client, nb, cells);
  const found = ll001((await client.pull(cells[1].uri)).items);
  assert.deepEqual(
    found.map(d => d.range.start),
    [{ line: 2, character: 29 }],
  );
  const networkUri = pathToFileURL(join(dir, 'network.py')).href;
  assert.ok(
    found[0].relatedInformation?.some(r => r.location.uri === networkUri),
    'related information in network.py',
  );

  await client.open(networkUri, network);
  const refreshes = client.refreshes;
  await client.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: networkUri, version: 2 },
    contentChanges: [{ range: { start: { line: 9, character: 15 }, end: { line: 9, character: 43 } }, text: 'self.fc(x)' }],
  });
  assert.deepEqual(ll001((await client.pull(networkUri)).items), []);
  await client.waitFor('a refresh for the importing notebook', () => client.refreshes > refreshes);
  assert.deepEqual(ll001((await client.pull(cells[1].uri)).items), [], 'the notebook sees the open, edited network.py');
  assert.equal(await client.shutdown(), 0);
});

test("the .ipynb opened as a text document does not replace the notebook's program", async () => {
  const { client } = await start(true);
  const nb = notebookUri('both.ipynb');
  const cells = trainingCells(nb);
  await openNotebook(client, nb, cells);
  await client.open(nb, '{"cells": []}', 'json');
  assert.equal(ll001((await client.pull(cells[6].uri)).items).length, 1);
  await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: nb } });
  assert.equal(ll001((await client.pull(cells[6].uri)).items).length, 1);
  assert.equal(await client.shutdown(), 0);
});
