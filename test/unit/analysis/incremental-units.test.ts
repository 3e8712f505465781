// Which analysis units an edit makes run again (server/src/analysis/engine/units.ts): the ones whose
// code or module-level names changed, and every unit when the top level changed what later units see.
// (That the findings equal a check from scratch is incremental-check.test.ts's job.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { workspaceOf } from '../../helpers/analysis';

const BASE = `import torch
import torch.nn as nn
import torch.nn.functional as F

SCALE = 2.0
criterion = nn.CrossEntropyLoss()


def uses_scale(x, y):
    return F.cross_entropy(x * SCALE, y)


def uses_criterion(x, y):
    return criterion(F.softmax(x, dim=1), y)


def alone(x, y):
    return F.cross_entropy(x, y)


class Head(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 3)

    def forward(self, x):
        return self.fc(x)


def builds_head(x, y):
    head = Head()
    return F.cross_entropy(head(x), y)
`;

interface Case {
  name: string;
  /** [search, replace] applied once to BASE. */
  edit: [string, string];
  /** Units expected to run (5 units: 4 functions + the class); `all` = a check from scratch. */
  run: number | 'all';
  /** Whether the previous top level is patched (only definitions changed) or runs again. */
  topLevel?: 'patched' | 'ran';
}

const cases: Case[] = [
  {
    name: 'an edit inside one function runs that function only',
    edit: ['return F.cross_entropy(x, y)', 'return F.cross_entropy(x, y.long())'],
    run: 1,
    topLevel: 'patched',
  },
  { name: 'a module-level constant re-runs the functions that read it', edit: ['SCALE = 2.0', 'SCALE = 3.0'], run: 1, topLevel: 'ran' },
  { name: 'a module-level criterion re-runs its users', edit: ['criterion = nn.CrossEntropyLoss()', 'criterion = nn.NLLLoss()'], run: 1 },
  // builds_head gives the class its instance: both run, and nothing else.
  {
    name: 'an edit in a class re-runs it and the function that instantiates it',
    edit: ['return self.fc(x)', 'return torch.sigmoid(self.fc(x))'],
    run: 2,
    topLevel: 'patched',
  },
  // The parser re-lowers the class whose start the insertion touches: it and its instantiating function run too.
  {
    name: 'a new function runs, with the statement it was typed against',
    edit: ['class Head', 'def extra(x):\n    return x\n\n\nclass Head'],
    run: 3,
  },
  {
    name: 'a top-level statement that changes a value another one created runs everything',
    edit: ['SCALE = 2.0', 'SCALE = 2.0\nCONFIG = {}\nCONFIG["act"] = F.softmax'],
    run: 'all',
  },
  // `alone` now gives Head an instance: Head runs again, and builds_head (kept) runs quietly to re-create its instance.
  {
    name: 'a function that starts creating instances of a class re-runs the class unit',
    edit: ['def alone(x, y):', 'def alone(x, y):\n    Head()'],
    run: 3,
  },
];

for (const c of cases) {
  test(`incremental units: ${c.name}`, async () => {
    const { ws, uriOf } = await workspaceOf({ 'train.py': BASE });
    const uri = uriOf('train.py');
    const before = ws.inspect(uri);
    assert.equal(before.units?.fullReason, 'first check');
    const at = BASE.indexOf(c.edit[0]);
    assert.ok(at >= 0, `edit anchor not found: ${c.edit[0]}`);
    const next = BASE.slice(0, at) + c.edit[1] + BASE.slice(at + c.edit[0].length);
    ws.update(uri, next, 'python');
    const after = ws.inspect(uri);
    const total = (after.units?.unitsRun ?? 0) + (after.units?.unitsKept ?? 0);
    if (c.run === 'all') {
      assert.ok(after.units?.fullReason, `expected a check from scratch, got ${JSON.stringify(after.units)}`);
      assert.equal(after.units?.unitsRun, total);
    } else {
      assert.equal(after.units?.fullReason, undefined, JSON.stringify(after.units));
      assert.equal(after.units?.unitsRun, c.run, JSON.stringify(after.units));
      if (c.topLevel) assert.equal(after.units?.topLevel, c.topLevel);
    }
    const fresh = await workspaceOf({ 'train.py': next });
    assert.deepEqual(after.findings, fresh.ws.check(fresh.uriOf('train.py')));
  });
}

test('incremental units: an edit in an imported file makes its importers run every unit', async () => {
  const { ws, uriOf } = await workspaceOf({
    'net.py': 'import torch.nn as nn\n\n\ndef make():\n    return nn.Sequential(nn.Linear(4, 3), nn.Softmax(dim=1))\n',
    'train.py':
      'import torch.nn as nn\nfrom net import make\n\n\ndef step(x, y):\n    return nn.CrossEntropyLoss()(make()(x), y)\n\n\ndef other(x):\n    return x\n',
  });
  const train = uriOf('train.py');
  assert.equal(ws.check(train).length, 1);
  ws.update(train, ws.inspect(train).text, 'python');
  assert.equal(ws.inspect(train).units?.unitsRun, 0, 'an unchanged file keeps every unit');
  ws.update(uriOf('net.py'), 'import torch.nn as nn\n\n\ndef make():\n    return nn.Sequential(nn.Linear(4, 3))\n', 'python');
  const after = ws.inspect(train);
  assert.equal(after.units?.fullReason, 'an imported file changed');
  assert.equal(after.findings.length, 0);
});
