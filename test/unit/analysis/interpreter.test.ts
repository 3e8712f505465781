// Value-kind transfer and path rules of the interpreter (docs/ARCHITECTURE.md "Value-kind analysis"), checked on the kind that reaches
// the first loss call of a snippet: undefined means "not certain", which keeps every rule silent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pythonFrontEnd } from '../../helpers/analysis';
import { Interpreter } from '../../../server/src/analysis/engine/interpreter';
import { tensorOf } from '../../../server/src/rules/api';
import type { LossCallEvent } from '../../../server/src/analysis/engine/events';

async function run(code: string): Promise<Interpreter> {
  const fe = await pythonFrontEnd();
  const uri = 'file:///ws/main.py';
  const text = `import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n${code}\n`;
  const interp = new Interpreter({ resolve: () => undefined });
  interp.run(uri, fe.parse(uri, text), text);
  return interp;
}

async function kindAtLoss(code: string): Promise<string | undefined> {
  const interp = await run(code);
  const losses = interp.events.filter((e): e is LossCallEvent => e.type === 'loss' && !!e.input);
  assert.ok(losses.length > 0, 'the snippet has no loss call');
  const kinds = new Set(losses.map(l => tensorOf(l.input)?.kind));
  assert.equal(kinds.size, 1, `different kinds on different evaluations: ${[...kinds]}`);
  return [...kinds][0];
}

const cases: [string, string, string | undefined][] = [
  ['activation in the same function', 'def f(x, y):\n    return F.cross_entropy(F.softmax(x, dim=1), y)', 'probs-softmax'],
  ['shape ops keep the kind', 'def f(x, y):\n    return F.cross_entropy(torch.sigmoid(x).view(-1, 3).float(), y)', 'probs-sigmoid'],
  ['arithmetic gives unknown', 'def f(x, y):\n    return F.cross_entropy(torch.sigmoid(x) * 2 - 1, y)', undefined],
  [
    'clamp bounds logits (no longer logits)',
    'def f(x, y):\n    return F.binary_cross_entropy(nn.Linear(3, 1)(x).clamp(0, 1), y)',
    undefined,
  ],
  ['clamp keeps probabilities', 'def f(x, y):\n    return F.binary_cross_entropy(torch.sigmoid(x).clamp(1e-6, 1), y)', 'probs-sigmoid'],
  [
    'if without else joins with the old value',
    'def f(x, y, c):\n    if c:\n        x = torch.sigmoid(x)\n    return F.binary_cross_entropy_with_logits(x, y)',
    undefined,
  ],
  [
    'both branches agree',
    'def f(x, y, c):\n    if c:\n        p = torch.sigmoid(x)\n    else:\n        p = torch.sigmoid(x + 1)\n    return F.binary_cross_entropy_with_logits(p, y)',
    'probs-sigmoid',
  ],
  [
    'a returning branch does not reach the code after the if',
    'def f(x, y, c):\n    z = nn.Linear(3, 3)(x)\n    if c:\n        z = torch.sigmoid(z)\n        return z\n    return F.binary_cross_entropy(z, y)',
    'logits',
  ],
  [
    'loop bodies may not run',
    'def f(x, y, n):\n    for _ in range(n):\n        x = torch.sigmoid(x)\n    return F.binary_cross_entropy_with_logits(x, y)',
    undefined,
  ],
  [
    'training branch: the loss sees the training path',
    'class M(nn.Module):\n    def forward(self, x):\n        z = nn.Linear(3, 1)(x)\n        if self.training:\n            return z\n        return torch.sigmoid(z)\n\ndef f(x, y):\n    return F.binary_cross_entropy(M()(x), y)',
    'logits',
  ],
  [
    'in-place sigmoid_ rebinds the name',
    'def f(x, y):\n    z = nn.Linear(3, 1)(x)\n    z.sigmoid_()\n    return F.binary_cross_entropy(z, y)',
    'probs-sigmoid',
  ],
  [
    'other in-place ops make it unknown',
    'def f(x, y):\n    z = torch.sigmoid(x)\n    z.mul_(2)\n    return F.binary_cross_entropy(z, y)',
    undefined,
  ],
  [
    'dict entry replaced in a branch',
    'def f(x, y, c):\n    d = {"p": x}\n    if c:\n        d["p"] = torch.sigmoid(x)\n    return F.binary_cross_entropy_with_logits(d["p"], y)',
    undefined,
  ],
  [
    'Sequential with *layers is opaque',
    'def f(blocks, x, y):\n    return F.cross_entropy(nn.Sequential(*blocks)(nn.Linear(2, 2)(x)), y)',
    undefined,
  ],
  [
    'Sequential last layer',
    'seq = nn.Sequential(nn.Linear(4, 3), nn.Dropout(0.1), nn.LogSoftmax(dim=1))\ndef f(x, y):\n    return F.nll_loss(seq(x), y)',
    'log-probs',
  ],
  [
    'indexing a Sequential',
    'seq = nn.Sequential(nn.Linear(4, 1), nn.Sigmoid())\ndef f(x, y):\n    return F.binary_cross_entropy_with_logits(seq[0](x), y)',
    'logits',
  ],
  [
    'module.to(device) keeps the module',
    'class M(nn.Module):\n    def forward(self, x):\n        return torch.sigmoid(x)\nm = M().to("cuda")\ndef f(x, y):\n    return F.binary_cross_entropy_with_logits(m(x), y)',
    'probs-sigmoid',
  ],
  [
    'class-level attribute',
    'class L(nn.Module):\n    act = nn.Sigmoid()\n    def forward(self, x, y):\n        return F.binary_cross_entropy_with_logits(self.act(x), y)',
    'probs-sigmoid',
  ],
];

for (const [name, code, kind] of cases) {
  test(`kind at the loss: ${name}`, async () => {
    assert.equal(await kindAtLoss(code), kind);
  });
}

test('a loss chosen by a branch records one loss call per arm, each with the test on its path', async () => {
  const interp = await run(
    'def f(x, y, c):\n    crit = nn.NLLLoss() if c else nn.CrossEntropyLoss()\n    return crit(F.log_softmax(x, dim=1), y)',
  );
  const losses = interp.events.filter((e): e is LossCallEvent => e.type === 'loss');
  assert.deepEqual(
    losses.map(e => [e.spec.label, e.arm?.when.map(w => w.holds), e.arm?.of]),
    [
      ['nn.NLLLoss', [true], 2],
      ['nn.CrossEntropyLoss', [false], 2],
    ],
  );
  assert.equal(losses[0].arm!.group, losses[1].arm!.group);
});

test('a loss chosen at run time on paths not told apart (a loop) records no loss call', async () => {
  const interp = await run(
    'def f(x, y, items):\n    crit = nn.NLLLoss()\n    for c in items:\n        crit = nn.CrossEntropyLoss()\n    return crit(F.log_softmax(x, dim=1), y)',
  );
  assert.equal(interp.events.filter(e => e.type === 'loss').length, 0);
});

test('a value entering a user function remembers the outermost call (one finding per flow)', async () => {
  const interp = await run(
    'def inner(p, y):\n    return F.cross_entropy(p, y)\ndef outer(p, y):\n    return inner(p, y)\ndef f(x, y):\n    return outer(F.softmax(x, dim=1), y)',
  );
  const withEntries = interp.events.filter(
    (e): e is LossCallEvent => e.type === 'loss' && e.input?.value.t === 'tensor' && !!e.input.value.entries?.length,
  );
  assert.equal(withEntries.length, 1);
  const entries = withEntries[0].input!.value.t === 'tensor' ? withEntries[0].input!.value.entries! : [];
  assert.deepEqual(
    entries.map(en => en.callee),
    ['outer', 'inner'],
  );
});

test('helpers that call each other stay within the call budget', async () => {
  // 60 functions, each calling the previous three: exponential without memoised calls and the budget.
  const lines = ['def h0(x):\n    return torch.sigmoid(x)'];
  for (let i = 1; i < 60; i++) lines.push(`def h${i}(x):\n    return h${i - 1}(x) + h${Math.max(0, i - 2)}(x) + h${Math.max(0, i - 3)}(x)`);
  const interp = await run(lines.join('\n'));
  assert.ok(interp.callCount <= 4000, `ran ${interp.callCount} function bodies`);
  assert.ok(interp.callCount < 1000, `memoised calls should keep this small, ran ${interp.callCount}`);
});
