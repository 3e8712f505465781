// Findings a caller's values cause in a callee file (`Inspection.foreign`, `resolveCallers`,
// `callerFindings`): found through the host's listing, once each, with the call site.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalysisWorkspace, mergeFindings } from '../../../server/src/analysis';
import { runRules } from '../../../server/src/rules/run';
import { pythonFrontEnd } from '../../helpers/analysis';

const files = new Map([
  [
    'file:///ws/models.py',
    'import torch.nn as nn\nimport torch.nn.functional as F\n\nclass Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.fc = nn.Linear(10, 3)\n    def forward(self, x):\n        return F.softmax(self.fc(x), dim=1)\n',
  ],
  [
    'file:///ws/engine.py',
    'def train_one_epoch(model, loader, criterion):\n    for x, y in loader:\n        loss = criterion(model(x), y)\n',
  ],
  [
    'file:///ws/main.py',
    'import torch.nn as nn\nfrom models import Net\nfrom engine import train_one_epoch\n\ntrain_one_epoch(Net(), [], nn.CrossEntropyLoss())\n',
  ],
]);

for (const snapshot of [false, true]) {
  test(`callerFindings (${snapshot ? 'snapshot' : 'editor'} workspace): the callee gets what main.py causes, naming the call`, async () => {
    const python = await pythonFrontEnd();
    const ws = createAnalysisWorkspace({
      runRules,
      host: { readFile: async uri => files.get(uri), listFiles: async () => [...files.keys()] },
      roots: ['file:///ws'],
      frontEnd: () => python,
      incremental: !snapshot,
      snapshot,
    });
    const engine = 'file:///ws/engine.py';
    ws.update(engine, files.get(engine)!, 'python');
    await ws.resolveImports(engine);
    assert.deepEqual(ws.check(engine), [], 'unknown parameters on its own');
    await ws.resolveCallers(engine);
    const found = ws.callerFindings(engine);
    assert.deepEqual(
      found.map(f => [f.code, f.uri]),
      [['LL001', engine]],
    );
    const call = found[0].related.at(-1)!;
    assert.equal(call.uri, 'file:///ws/main.py');
    assert.equal(call.message, 'called from main.py:5 (train_one_epoch)');
    // main.py's own check reports nothing in main.py for it, and merging is idempotent.
    assert.deepEqual(
      ws.check('file:///ws/main.py').map(f => f.code),
      [],
    );
    assert.equal(mergeFindings(found, found).length, 1);
  });
}

test('callerFindings follow edits of the caller and of the callee (editor workspace)', async () => {
  const python = await pythonFrontEnd();
  const texts = new Map(files);
  const ws = createAnalysisWorkspace({
    runRules,
    host: { readFile: async uri => texts.get(uri), listFiles: async () => [...texts.keys()] },
    roots: ['file:///ws'],
    frontEnd: () => python,
  });
  const engine = 'file:///ws/engine.py';
  const main = 'file:///ws/main.py';
  for (const [u, t] of texts) ws.update(u, t, 'python');
  const codes = async () => {
    await ws.resolveCallers(engine);
    return ws.callerFindings(engine).map(f => f.code);
  };
  assert.deepEqual(await codes(), ['LL001']);
  const edit = (uri: string, from: string, to: string) => {
    const text = texts.get(uri)!.replace(from, to);
    texts.set(uri, text);
    ws.update(uri, text, 'python');
  };
  edit(main, 'CrossEntropyLoss', 'MSELoss');
  assert.deepEqual(await codes(), [], 'MSELoss takes probabilities');
  edit(main, 'MSELoss', 'CrossEntropyLoss');
  assert.deepEqual(await codes(), ['LL001']);
  edit(engine, 'criterion(model(x), y)', 'criterion(x, y)');
  assert.deepEqual(await codes(), [], 'the callee no longer feeds the model output to the loss');
});
