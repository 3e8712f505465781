// WorkspaceOptions.snapshot (one-shot CLI runs): each file's imports are resolved once, and a file
// removed from the workspace is read again by the importers that need it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalysisWorkspace } from '../../../server/src/analysis';
import { runRules } from '../../../server/src/rules/run';
import { pythonFrontEnd } from '../../helpers/analysis';

const files = new Map([
  ['file:///ws/net.py', 'import torch.nn as nn\n\n\ndef make():\n    return nn.Sequential(nn.Linear(4, 3), nn.Softmax(dim=1))\n'],
  [
    'file:///ws/train.py',
    'import torch.nn as nn\nfrom net import make\n\n\ndef step(x, y):\n    return nn.CrossEntropyLoss()(make()(x), y)\n',
  ],
]);

test('snapshot workspace: imports resolve once, and a removed import is read again when needed', async () => {
  const python = await pythonFrontEnd();
  const reads: string[] = [];
  const ws = createAnalysisWorkspace({
    runRules,
    host: {
      readFile: async uri => {
        reads.push(uri);
        return files.get(uri);
      },
    },
    roots: ['file:///ws'],
    frontEnd: () => python,
    incremental: false,
    snapshot: true,
  });
  const train = 'file:///ws/train.py';
  ws.update(train, files.get(train)!, 'python');
  await ws.resolveImports(train);
  assert.deepEqual(
    ws.check(train).map(f => f.code),
    ['LL001'],
  );
  const before = reads.length;
  await ws.resolveImports(train);
  assert.equal(reads.length, before, 'a second resolution reads nothing');
  ws.remove('file:///ws/net.py');
  await ws.resolveImports(train);
  assert.ok(reads.includes('file:///ws/net.py') && reads.length > before, 'the removed import is read again');
  assert.deepEqual(
    ws.check(train).map(f => f.code),
    ['LL001'],
  );
});
