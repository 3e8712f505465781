// Facts beyond the kind (shape, dtype, class count, multi-hot rows, masks, value ranges): what reaches
// the first loss call's prediction (`input`) or `target`. Unknown must stay unknown (undefined).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pythonFrontEnd } from '../../helpers/analysis';
import { Interpreter } from '../../../server/src/analysis/engine/interpreter';
import type { LossCallEvent } from '../../../server/src/analysis/engine/events';
import type { TensorValue } from '../../../server/src/analysis/engine/values';

async function argAtLoss(code: string, which: 'input' | 'target'): Promise<TensorValue | undefined> {
  const fe = await pythonFrontEnd();
  const uri = 'file:///ws/main.py';
  const text = `import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\nimport tensorflow as tf\n${code}\n`;
  const interp = new Interpreter({ resolve: () => undefined });
  interp.run(uri, fe.parse(uri, text), text);
  const ev = interp.events.find((e): e is LossCallEvent => e.type === 'loss' && !!e[which]);
  assert.ok(ev, 'the snippet has no loss call with that argument');
  const v = ev[which]!.value;
  return v.t === 'tensor' ? v : undefined;
}

type Fact = 'shape' | 'dtype' | 'classes' | 'multiHot' | 'mask' | 'range';
const cases: [name: string, code: string, which: 'input' | 'target', fact: Fact, expected: unknown][] = [
  ['Linear head: (batch, units)', 'f = nn.Linear(8, 1)\nF.mse_loss(f(x), y)', 'input', 'shape', [null, 1]],
  ['squeeze(-1) drops the unit axis', 'f = nn.Linear(8, 1)\nF.mse_loss(f(x).squeeze(-1), y)', 'input', 'shape', [null]],
  ['squeeze(1) drops the unit axis', 'f = nn.Linear(8, 1)\nF.mse_loss(f(x).squeeze(1), y)', 'input', 'shape', [null]],
  [
    'squeeze() with an unknown batch size is not certain',
    'f = nn.Linear(8, 1)\nF.mse_loss(f(x).squeeze(), y)',
    'input',
    'shape',
    undefined,
  ],
  ['view(-1) is 1-D', 'F.mse_loss(x, y.view(-1))', 'target', 'shape', undefined],
  ['view(-1) of a tensor is 1-D', 'F.mse_loss(x, torch.randn(4, 1).view(-1))', 'target', 'shape', [null]],
  ['unsqueeze(1) adds an axis', 'F.mse_loss(x, torch.randn(4).unsqueeze(1))', 'target', 'shape', [4, 1]],
  ['torch.flatten', 'F.mse_loss(x, torch.flatten(torch.zeros(n, 1)))', 'target', 'shape', [null]],
  ['varargs sizes', 'F.mse_loss(x, torch.zeros(n, 1))', 'target', 'shape', [null, 1]],
  ['tuple sizes', 'F.mse_loss(x, torch.zeros((4,)))', 'target', 'shape', [4]],
  ['a shape variable hides the rank', 'F.mse_loss(x, torch.zeros(shape))', 'target', 'shape', undefined],
  ['literal shape', 'F.mse_loss(x, torch.tensor([[1.0], [2.0]]))', 'target', 'shape', [2, 1]],
  ['reshape(-1, 1)', 'F.mse_loss(x, torch.randn(n).reshape(-1, 1))', 'target', 'shape', [null, 1]],
  ['indexing loses the shape', 'f = nn.Linear(8, 1)\nF.mse_loss(f(x)[:, 0], y)', 'input', 'shape', undefined],
  [
    'Sequential ending in Linear',
    'm = nn.Sequential(nn.Linear(8, 4), nn.ReLU(), nn.Linear(4, 1))\nF.mse_loss(m(x), y)',
    'input',
    'shape',
    [null, 1],
  ],
  ['tf.squeeze on an axis', 'F.mse_loss(x, tf.squeeze(torch.zeros(n, 1), axis=-1))', 'target', 'shape', [null]],
  ['randint: int ids with K', 'F.binary_cross_entropy_with_logits(x, torch.randint(0, 5, (8,)))', 'target', 'classes', 5],
  ['randint: size', 'F.binary_cross_entropy_with_logits(x, torch.randint(0, 5, (8,)))', 'target', 'shape', [8]],
  ['randint with an unknown bound', 'F.binary_cross_entropy_with_logits(x, torch.randint(0, k, (8,)))', 'target', 'classes', undefined],
  [
    'argmax over the last axis of K logits',
    'f = nn.Linear(8, 7)\nF.binary_cross_entropy_with_logits(x, f(h).argmax(dim=-1))',
    'target',
    'classes',
    7,
  ],
  [
    'argmax over axis 0 is not class ids',
    'f = nn.Linear(8, 7)\nF.binary_cross_entropy_with_logits(x, f(h).argmax(dim=0))',
    'target',
    'classes',
    undefined,
  ],
  ['literal class ids', 'F.binary_cross_entropy(x, torch.tensor([0, 2, 1]))', 'target', 'classes', 3],
  ['.long() is integer', 'F.cross_entropy(x, torch.randn(4).long())', 'target', 'dtype', 'int'],
  ['.float() is float', 'F.cross_entropy(x, torch.randint(0, 3, (4,)).float())', 'target', 'dtype', 'float'],
  ['to(torch.float32)', 'F.cross_entropy(x, torch.randint(0, 3, (4,)).to(torch.float32))', 'target', 'dtype', 'float'],
  ['to(device) keeps the dtype', "F.cross_entropy(x, torch.randint(0, 3, (4,)).to('cuda'))", 'target', 'dtype', 'int'],
  ['to(unknown) forgets the dtype', 'F.cross_entropy(x, torch.randint(0, 3, (4,)).to(dev))', 'target', 'dtype', undefined],
  ['factory dtype', 'F.cross_entropy(x, torch.zeros(4, dtype=torch.long))', 'target', 'dtype', 'int'],
  ['float literal', 'F.cross_entropy(x, torch.tensor([[1.0, 0.0, 1.0]]))', 'target', 'dtype', 'float'],
  ['multi-hot literal rows', 'F.cross_entropy(x, torch.tensor([[1.0, 0.0, 1.0], [0.0, 1.0, 0.0]]))', 'target', 'multiHot', true],
  ['one-hot literal rows are not multi-hot', 'F.cross_entropy(x, torch.tensor([[1.0, 0.0], [0.0, 1.0]]))', 'target', 'multiHot', undefined],
  [
    'a column of a multi-hot matrix is not multi-hot',
    'F.cross_entropy(x, torch.tensor([[1.0, 0.0, 1.0]])[:, 0])',
    'target',
    'multiHot',
    undefined,
  ],
  ['comparison: a mask', 'F.mse_loss(x, (torch.zeros(4, 3) != 0).float())', 'target', 'mask', true],
  ['comparison: keeps the shape', 'F.mse_loss(x, torch.zeros(4, 3) != 0)', 'target', 'shape', [4, 3]],
  ['comparison of unknowns is unknown', 'F.mse_loss(x, a != b)', 'target', 'mask', undefined],
  ['relu range', 'F.cross_entropy(F.relu(x), y)', 'input', 'range', [0, Infinity]],
  ['tanh range', 'F.cross_entropy(torch.tanh(x), y)', 'input', 'range', [-1, 1]],
  ['clamp(min=0) of logits', 'f = nn.Linear(8, 3)\nF.cross_entropy(f(x).clamp(min=0), y)', 'input', 'range', [0, Infinity]],
  ['nn.ReLU layer last', 'm = nn.Sequential(nn.Linear(8, 3), nn.ReLU())\nF.cross_entropy(m(x), y)', 'input', 'range', [0, Infinity]],
  [
    'ReLU in a hidden layer only',
    'm = nn.Sequential(nn.Linear(8, 4), nn.ReLU(), nn.Linear(4, 3))\nF.cross_entropy(m(x), y)',
    'input',
    'range',
    undefined,
  ],
  ['arithmetic after relu forgets the range', 'F.cross_entropy(F.relu(x) * w, y)', 'input', 'range', undefined],
];

for (const [name, code, which, fact, expected] of cases) {
  test(`fact at the loss: ${name}`, async () => {
    const t = await argAtLoss(code, which);
    const got = t?.[fact];
    const value = fact === 'range' && got ? [(got as TensorValue['range'])!.lo, (got as TensorValue['range'])!.hi] : got;
    assert.deepEqual(value, expected);
  });
}
