// textDocument/codeAction over stdio, like an editor: quick fixes from Diagnostic.data (safe ones
// preferred, unsafe ones labelled), "Ignore LLnnn on this line", "Explain LLnnn", a fix that edits
// another file, source.fixAll.losslens with and without losslens.fix.unsafe, and refusal of
// actions for diagnostics of an older document version.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { TestClient } from './lsp-client';

const dir = mkdtempSync(join(tmpdir(), 'losslens-actions-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const uriOf = (name: string) => pathToFileURL(join(dir, name)).href;
const clients: TestClient[] = [];
after(() => clients.forEach(c => c.kill()));

async function start(settings: Record<string, unknown> = {}) {
  const r = await TestClient.start({
    pullDiagnostics: true,
    settings: () => settings,
    workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }],
  });
  clients.push(r.client);
  return r;
}

function offsetOf(text: string, p: { line: number; character: number }): number {
  let line = 0;
  let i = 0;
  while (line < p.line) {
    const nl = text.indexOf('\n', i);
    if (nl < 0) return text.length;
    i = nl + 1;
    line++;
  }
  return i + p.character;
}

/** Applies LSP text edits (non-overlapping, as the protocol requires) to `text`. */
function applyTextEdits(text: string, edits: TextEdit[]): string {
  const spans = edits.map(e => ({ start: offsetOf(text, e.range.start), end: offsetOf(text, e.range.end), newText: e.newText }));
  spans.sort((a, b) => b.start - a.start);
  for (let i = 1; i < spans.length; i++) assert.ok(spans[i].end <= spans[i - 1].start, 'edits do not overlap');
  for (const s of spans) text = text.slice(0, s.start) + s.newText + text.slice(s.end);
  return text;
}

function documentEdits(action: CodeAction): TextDocumentEdit[] {
  assert.ok(action.edit?.documentChanges, `${action.title} carries documentChanges`);
  return action.edit!.documentChanges as TextDocumentEdit[];
}

async function actionsFor(client: TestClient, uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range,
    context: { diagnostics, ...(only ? { only } : {}) },
  });
}

async function replaceText(client: TestClient, uri: string, version: number, text: string): Promise<void> {
  await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
}

const LOG_SOFTMAX = [
  'import torch',
  'import torch.nn.functional as F',
  '',
  'def log_probs(logits):',
  '    return torch.log(F.softmax(logits, dim=1))',
  '',
  'def nll(logits, labels):',
  '    return F.nll_loss(log_probs(logits), labels)',
  '',
].join('\n');

test('the server advertises quick fixes and source.fixAll.losslens', async () => {
  const { client, init } = await start();
  const provider = init.capabilities.codeActionProvider as { codeActionKinds: string[] };
  assert.deepEqual(provider.codeActionKinds, ['quickfix', 'source.fixAll.losslens']);
  await client.shutdown();
});

test('a safe fix is preferred and applying it removes the diagnostic; ignore and explain are offered', async () => {
  const { client } = await start();
  const uri = uriOf('safe.py');
  await client.open(uri, LOG_SOFTMAX);
  const ll008 = (await client.pull(uri)).items.filter(d => d.code === 'LL008');
  assert.equal(ll008.length, 1);
  const actions = await actionsFor(client, uri, ll008);
  assert.deepEqual(
    actions.map(a => a.title),
    ['Use log_softmax', 'Ignore LL008 on this line', 'Explain LL008 (log-of-activation)'],
  );
  const [fix, ignore, explain] = actions;
  assert.equal(fix.kind, 'quickfix');
  assert.equal(fix.isPreferred, true);
  assert.deepEqual(fix.diagnostics, ll008);
  const [change] = documentEdits(fix);
  assert.deepEqual(change.textDocument, { uri, version: 1 });
  const fixed = applyTextEdits(LOG_SOFTMAX, change.edits as TextEdit[]);
  assert.equal(fixed, LOG_SOFTMAX.replace('torch.log(F.softmax(logits, dim=1))', 'F.log_softmax(logits, dim=1)'));

  assert.equal(ignore.isPreferred, undefined);
  const ignored = applyTextEdits(LOG_SOFTMAX, documentEdits(ignore)[0].edits as TextEdit[]);
  assert.equal(ignored.split('\n')[4], '    return torch.log(F.softmax(logits, dim=1))  # losslens: ignore[LL008]');
  assert.deepEqual(explain.command, { title: 'Explain LL008 (log-of-activation)', command: 'losslens.explainRule', arguments: ['LL008'] });
  assert.equal(explain.edit, undefined);

  await replaceText(client, uri, 2, fixed);
  assert.deepEqual(
    (await client.pull(uri)).items.filter(d => d.code === 'LL008'),
    [],
    'the fix removes the finding',
  );
  await replaceText(client, uri, 3, ignored);
  assert.deepEqual((await client.pull(uri)).items, [], 'the suppression silences it, and is used');
  await client.shutdown();
});

test('an unsafe fix is offered but labelled and not preferred; nn.Sequential loses its softmax and the comma', async () => {
  const { client } = await start();
  const uri = uriOf('seq.py');
  const text = [
    'import torch.nn as nn',
    '',
    'model = nn.Sequential(',
    '    nn.Linear(8, 4),',
    '    nn.Softmax(dim=1),',
    ')',
    'criterion = nn.CrossEntropyLoss()',
    '',
    'def step(x, y):',
    '    return criterion(model(x), y)',
    '',
  ].join('\n');
  await client.open(uri, text);
  const ll001 = (await client.pull(uri)).items.filter(d => d.code === 'LL001');
  assert.equal(ll001.length, 1);
  const [fix] = await actionsFor(client, uri, ll001);
  assert.equal(fix.title, 'Remove the softmax and pass the logits (unsafe)');
  assert.equal(fix.isPreferred, undefined);
  const fixed = applyTextEdits(text, documentEdits(fix)[0].edits as TextEdit[]);
  assert.equal(fixed, text.replace('    nn.Softmax(dim=1),\n', ''));
  await replaceText(client, uri, 2, fixed);
  assert.deepEqual((await client.pull(uri)).items, []);
  await client.shutdown();
});

test('a fix in another file: one edit per document, the closed file with version null', async () => {
  writeFileSync(
    join(dir, 'network.py'),
    [
      'import torch.nn as nn',
      'import torch.nn.functional as F',
      '',
      'class Network(nn.Module):',
      '    def __init__(self):',
      '        super().__init__()',
      '        self.body = nn.Linear(20, 3)',
      '',
      '    def forward(self, x):',
      '        return F.softmax(self.body(x), dim=1)',
      '',
    ].join('\n'),
  );
  const { client } = await start();
  const uri = uriOf('train.py');
  await client.open(
    uri,
    'import torch.nn as nn\nfrom network import Network\n\nnet = Network()\nloss_fn = nn.CrossEntropyLoss()\n\ndef step(x, y):\n    return loss_fn(net(x), y)\n',
  );
  // The pull waits until the imports of the document are read.
  const items = (await client.pull(uri)).items.filter(d => d.code === 'LL001');
  assert.equal(items.length, 1);
  const [fix] = await actionsFor(client, uri, items);
  const changes = documentEdits(fix);
  assert.deepEqual(
    changes.map(c => c.textDocument),
    [{ uri: uriOf('network.py'), version: null }],
  );
  assert.deepEqual(changes[0].edits, [
    { range: { start: { line: 9, character: 15 }, end: { line: 9, character: 45 } }, newText: 'self.body(x)' },
  ]);
  await client.shutdown();
});

const MIXED = [
  'import torch',
  'import torch.nn as nn',
  'import torch.nn.functional as F',
  '',
  'summed = nn.CrossEntropyLoss(size_average=False)',
  '',
  'def step(x, y):',
  '    lp = torch.log(F.softmax(x, dim=1))',
  '    return F.cross_entropy(F.softmax(x, dim=1), y) + F.nll_loss(lp, y)',
  '',
].join('\n');

test('source.fixAll.losslens applies the safe fixes of the file in one versioned edit', async () => {
  const { client } = await start();
  const uri = uriOf('mixed.py');
  await client.open(uri, MIXED);
  const codes = (await client.pull(uri)).items.map(d => d.code).sort();
  assert.deepEqual(codes, ['LL001', 'LL008', 'LL019']);
  // Requested as the editor does on save: by kind, without diagnostics.
  const actions = await actionsFor(client, uri, [], ['source.fixAll']);
  assert.equal(actions.length, 1);
  assert.equal(actions[0].kind, 'source.fixAll.losslens');
  const [change] = documentEdits(actions[0]);
  assert.deepEqual(change.textDocument, { uri, version: 1 });
  const fixed = applyTextEdits(MIXED, change.edits as TextEdit[]);
  assert.equal(
    fixed,
    MIXED.replace('size_average=False', "reduction='sum'").replace('torch.log(F.softmax(x, dim=1))', 'F.log_softmax(x, dim=1)'),
  );
  assert.deepEqual(await actionsFor(client, uri, [], ['quickfix']), [], 'no source action when only quick fixes are asked for');
  await client.shutdown();
});

test('losslens.fix.unsafe adds the unsafe fixes to fix-all', async () => {
  const { client } = await start({ fix: { unsafe: true } });
  const uri = uriOf('mixed-unsafe.py');
  await client.open(uri, MIXED);
  await client.pull(uri);
  const [all] = await actionsFor(client, uri, [], ['source.fixAll.losslens']);
  const fixed = applyTextEdits(MIXED, documentEdits(all)[0].edits as TextEdit[]);
  assert.match(fixed, /return F\.cross_entropy\(x, y\) \+ F\.nll_loss\(lp, y\)/);
  assert.match(fixed, /reduction='sum'/);
  await replaceText(client, uri, 2, fixed);
  assert.deepEqual((await client.pull(uri)).items, []);
  await client.shutdown();
});

test('diagnostics from an older version get no action at all', async () => {
  const { client } = await start();
  const uri = uriOf('stale.py');
  await client.open(uri, LOG_SOFTMAX);
  const old = (await client.pull(uri)).items.filter(d => d.code === 'LL008');
  assert.equal(old.length, 1);
  assert.ok((await actionsFor(client, uri, old)).length > 0);
  await replaceText(client, uri, 2, '# a new first line\n' + LOG_SOFTMAX);
  assert.deepEqual(await actionsFor(client, uri, old), [], 'the old ranges point at other text now');
  const fresh = (await client.pull(uri)).items.filter(d => d.code === 'LL008');
  const [fix] = await actionsFor(client, uri, fresh);
  assert.deepEqual(documentEdits(fix)[0].textDocument, { uri, version: 2 });
  await client.shutdown();
});

test('diagnostics of other tools are left alone', async () => {
  const { client } = await start();
  const uri = uriOf('other.py');
  await client.open(uri, LOG_SOFTMAX);
  await client.pull(uri);
  const foreign: Diagnostic = {
    range: { start: { line: 4, character: 4 }, end: { line: 4, character: 10 } },
    message: 'x',
    source: 'Pylance',
    code: 'reportFoo',
  };
  assert.deepEqual(await actionsFor(client, uri, [foreign]), []);
  await client.shutdown();
});
