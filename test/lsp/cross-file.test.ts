// The language server reports, on a callee file, what its callers' values cause there: opening
// engine.py (never main.py) shows the double softmax main.py's call causes, naming the call; editing
// main.py (opened later) updates engine.py's diagnostics.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient } from './lsp-client';

const MODELS = [
  'import torch.nn as nn',
  'import torch.nn.functional as F',
  '',
  'class Net(nn.Module):',
  '    def __init__(self):',
  '        super().__init__()',
  '        self.fc = nn.Linear(10, 3)',
  '    def forward(self, x):',
  '        return F.softmax(self.fc(x), dim=1)',
  '',
].join('\n');
const ENGINE = [
  'def train_one_epoch(model, loader, criterion):',
  '    for x, y in loader:',
  '        loss = criterion(model(x), y)',
  '        loss.backward()',
  '',
].join('\n');
const MAIN = [
  'import torch.nn as nn',
  'from models import Net',
  'from engine import train_one_epoch',
  '',
  'train_one_epoch(Net(), [], nn.CrossEntropyLoss())',
  '',
].join('\n');

const dir = mkdtempSync(join(tmpdir(), 'losslens-lsp-xfile-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const uriOf = (name: string) => pathToFileURL(join(dir, name)).href;
writeFileSync(join(dir, 'models.py'), MODELS);
writeFileSync(join(dir, 'engine.py'), ENGINE);
writeFileSync(join(dir, 'main.py'), MAIN);
const clients: TestClient[] = [];

/** Pulls `uri`'s diagnostics until `pick` accepts them (generous limit: the callers load in the background). */
async function pollPull<T>(client: TestClient, uri: string, what: string, pick: (items: Diagnostic[]) => T | false): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const v = pick((await client.pull(uri)).items);
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; logs: ${client.logs.join('\n')}`);
    await new Promise(r => setTimeout(r, 50));
  }
}
after(() => clients.forEach(c => c.kill()));

test('opening the callee shows the finding its caller causes, with the call site; editing the caller updates it', async () => {
  const { client } = await TestClient.start({
    pullDiagnostics: true,
    settings: () => ({}),
    workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'w' }],
  });
  clients.push(client);
  const engine = uriOf('engine.py');
  await client.open(engine, ENGINE);
  // The callers are found after the file's own diagnostics: poll until they arrive.
  const ll001 = await pollPull(client, engine, 'LL001 on engine.py from main.py', items => {
    const found = items.filter(d => d.code === 'LL001');
    return found.length > 0 && found;
  });
  assert.equal(ll001.length, 1);
  assert.deepEqual(ll001[0].range.start, { line: 2, character: 25 }, 'at model(x) in criterion(model(x), y)');
  const call = ll001[0].relatedInformation?.find(r => r.location.uri === uriOf('main.py'));
  assert.ok(call, JSON.stringify(ll001[0].relatedInformation));
  assert.equal(call.location.range.start.line, 4);
  assert.match(call.message, /called from main\.py:5/);

  // The caller opened and edited: MSELoss takes probabilities, the finding on engine.py goes.
  const main = uriOf('main.py');
  await client.open(main, MAIN);
  await client.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: main, version: 2 },
    contentChanges: [{ range: { start: { line: 4, character: 30 }, end: { line: 4, character: 46 } }, text: 'MSELoss' }],
  });
  await pollPull(client, engine, 'engine.py without LL001', items => items.every(d => d.code !== 'LL001'));
  assert.equal(await client.shutdown(), 0);
});
