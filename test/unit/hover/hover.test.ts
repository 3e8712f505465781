// Hover previews over real analyses: each kind of target (framework constructors and functions, loss
// objects at their call, Keras objects and compile strings, TF.js positional parameters and compile
// strings, recognised user-defined losses, activations feeding the wrong loss, rule codes in
// suppression comments) gives the expected loss, parameters as written and computed numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { workspaceOf } from '../../helpers/analysis';
import { buildHoverIndex, hoverAt, type HoverOptions, type HoverResult, type LossHover } from '../../../server/src/hover/index';
import { assertWellFormedXml, curveCount, svgImage } from './svg-check';

const PY = `import torch
import torch.nn as nn
import torch.nn.functional as F
from torchvision.ops import sigmoid_focal_loss
from tensorflow import keras

GAMMA = 3.0
huber = nn.HuberLoss(delta=0.5)

class FocalLoss(nn.Module):
    def __init__(self, gamma: float = 2.0, alpha: float = 0.25, reduction: str = 'mean'):
        super().__init__()
        self.gamma = gamma
        self.alpha = alpha

    def forward(self, logits, targets):
        bce = F.binary_cross_entropy_with_logits(logits, targets.float(), reduction='none')
        p_t = torch.exp(-bce)
        return ((1 - p_t) ** self.gamma * bce).mean()

class HuberLoss(nn.Module):
    def __init__(self, delta: float = 1.0):
        super().__init__()
        self.delta = delta

def smooth_l1(pred, target, beta=0.5):
    return (pred - target).abs().mean()

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 3)
    def forward(self, x):
        return self.fc(x)

def train(x, y, labels):
    model = Net()
    logits = model(x)
    a = huber(logits, y)
    b = F.cross_entropy(logits, labels, label_smoothing=0.1)
    c = F.cross_entropy(F.softmax(logits, dim=1), labels)
    d = sigmoid_focal_loss(logits, y, gamma=GAMMA)
    focal = FocalLoss(gamma=2.0, alpha=0.25)
    e = focal(logits, y)
    f = HuberLoss(delta=2.5)
    g = smooth_l1(logits, y)
    h = F.nll_loss(F.softmax(logits, dim=1), labels)
    return a + b + c + d + e

def other(z, t):
    focal = FocalLoss(gamma=5.0)
    return focal(z, t)

mse = F.mse_loss(torch.tensor([1., 2., 100.]), torch.tensor([1., 2., 3.]))
mae = F.l1_loss(torch.tensor([1., 2., 100.]), torch.tensor([1., 2., 3.]))
pred = torch.tensor([1., 2., 100.])
target = torch.tensor([1., 2., 3.])
hub = F.huber_loss(pred, target, delta=2.0)
ce_lit = F.cross_entropy(torch.tensor([[2.0, 0.0, -1.0]]), torch.tensor([0]))
sym = F.cross_entropy(torch.tensor([[2.0, 0.0]]), torch.tensor([0]), label_smoothing=ls)

model = keras.Sequential([keras.layers.Dense(10, activation='softmax')])
model.compile(optimizer='adam', loss='categorical_crossentropy')
bfce = keras.losses.BinaryFocalCrossentropy(gamma=3)
kh = keras.losses.Huber(delta=0.3)
unknown_model = build()
unknown_model.compile(optimizer='adam', loss='mse')
x = 1  # losslens: ignore[LL001, LL014]
`;

const TS = `import * as tf from '@tensorflow/tfjs';
export function lossOf(labels: tf.Tensor, preds: tf.Tensor) {
  return tf.losses.huberLoss(labels, preds, undefined, 2);
}
const lit = tf.losses.meanSquaredError([1, 2, 3], [1, 2, 100]);
const abs = tf.losses.absoluteDifference(tf.tensor([1, 2, 3]), tf.tensor([1, 2, 100]));
const model = tf.sequential();
model.add(tf.layers.dense({ units: 3, activation: 'softmax', inputShape: [4] }));
model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });
// losslens: ignore[LL021]
`;

let files: Promise<Awaited<ReturnType<typeof workspaceOf>>> | undefined;
function ws() {
  files ??= workspaceOf({ 'train.py': PY, 'model.ts': TS });
  return files;
}

/** The hover at the first occurrence of `probe` (+ `shift` characters) in `path`. */
async function hover(
  path: 'train.py' | 'model.ts',
  probe: string,
  options: HoverOptions = { plots: 'image' },
  shift = 1,
): Promise<HoverResult | undefined> {
  const { ws: w, uriOf } = await ws();
  const text = path === 'train.py' ? PY : TS;
  const at = text.indexOf(probe);
  assert.ok(at >= 0, `probe ${probe} is in the source`);
  const index = buildHoverIndex(w.inspect(uriOf(path)), uriOf(path));
  return hoverAt(index, text, at + shift, options);
}

function loss(r: HoverResult | undefined): LossHover {
  assert.ok(r, 'a hover');
  assert.equal(r.model.type, 'loss');
  return r.model as LossHover;
}

const paramsOf = (m: LossHover) => Object.fromEntries(m.params.map(p => [p.name, `${p.value}${p.note ? ` (${p.note})` : ''}`]));

interface Case {
  name: string;
  path: 'train.py' | 'model.ts';
  probe: string;
  shift?: number;
  lossId: string;
  label: string;
  /** name → substring of the rendered value (and note) */
  params?: Record<string, string>;
  curve?: Record<string, number>;
  markdown?: (string | RegExp)[];
}

const CASES: Case[] = [
  {
    name: 'torch constructor',
    path: 'train.py',
    probe: 'nn.HuberLoss(delta=0.5)',
    lossId: 'huberLoss',
    label: 'nn.HuberLoss',
    params: { delta: '`0.5`', reduction: "`'mean'` (default)" },
    curve: { delta: 0.5 },
    markdown: ['| 0.5 | 0.125 | 0.5 | 0.25 |', '| 2.5 | 1.13 | 0.5 | 6.25 |'],
  },
  {
    name: 'loss object at its call gets the constructor parameters',
    path: 'train.py',
    probe: 'huber(logits, y)',
    lossId: 'huberLoss',
    label: 'nn.HuberLoss',
    params: { delta: '`0.5`' },
    curve: { delta: 0.5 },
    markdown: [/Here `logits`: the analyzer infers logits/],
  },
  {
    name: 'functional with label smoothing',
    path: 'train.py',
    probe: 'F.cross_entropy(logits, labels, label_smoothing',
    lossId: 'crossEntropy',
    label: 'F.cross_entropy',
    params: { label_smoothing: '`0.1`', ignore_index: '`-100` (default)' },
    curve: { labelSmoothing: 0.1 },
    markdown: ['expects logits', '✓ Here `logits`', 'With ε = 0.1 the loss stops falling', '| 0.99 | 4.6 | 0.24 | 0.04 |'],
  },
  {
    name: 'functional on softmax output flags the domain',
    path: 'train.py',
    probe: 'F.cross_entropy(F.softmax',
    lossId: 'crossEntropy',
    label: 'F.cross_entropy',
    markdown: ['⚠️ Here `F.softmax(logits, dim=1)`: the analyzer infers probabilities (softmax output)', '**LL001** double-softmax'],
  },
  {
    name: 'torchvision focal with a module constant',
    path: 'train.py',
    probe: 'sigmoid_focal_loss(logits, y, gamma=GAMMA)',
    lossId: 'sigmoidFocalLoss',
    label: 'sigmoid_focal_loss',
    params: { gamma: '`GAMMA` (= 3)', alpha: '`0.25` (default)', reduction: "`'none'` (default)" },
    curve: { gamma: 3, alpha: 0.25 },
    markdown: ["reduction='none'", '| 0.9 | 0.001 |'],
  },
  {
    name: 'user FocalLoss class definition',
    path: 'train.py',
    probe: 'FocalLoss(nn.Module)',
    lossId: 'sigmoidFocalLoss',
    label: 'FocalLoss',
    params: { gamma: '`2.0` (default)', alpha: '`0.25` (default)' },
    curve: { gamma: 2, alpha: 0.25 },
    markdown: ['user-defined class', 'Recognised by its name', '| 0.1 | 0.81 |', '| 0.5 | 0.25 |', '| 0.9 | 0.01 |'],
  },
  {
    name: 'user FocalLoss instance at its call',
    path: 'train.py',
    probe: 'focal(logits, y)',
    lossId: 'sigmoidFocalLoss',
    label: 'FocalLoss',
    params: { gamma: '`2.0`', alpha: '`0.25`' },
    curve: { gamma: 2, alpha: 0.25 },
  },
  {
    name: 'same name bound in another function: its own constructor',
    path: 'train.py',
    probe: 'focal(z, t)',
    lossId: 'sigmoidFocalLoss',
    label: 'FocalLoss',
    params: { gamma: '`5.0`', alpha: '`0.25` (default)' },
    curve: { gamma: 5, alpha: 0.25 },
  },
  {
    name: 'user HuberLoss constructor',
    path: 'train.py',
    probe: 'HuberLoss(delta=2.5)',
    lossId: 'huberLoss',
    label: 'HuberLoss',
    params: { delta: '`2.5`' },
    curve: { delta: 2.5 },
  },
  {
    name: 'user smooth_l1 function',
    path: 'train.py',
    probe: 'def smooth_l1',
    shift: 5,
    lossId: 'smoothL1Loss',
    label: 'smooth_l1',
    params: { beta: '`0.5` (default)' },
    curve: { beta: 0.5 },
  },
  {
    name: 'Keras compile string',
    path: 'train.py',
    probe: "'categorical_crossentropy'",
    lossId: 'crossEntropy',
    label: "'categorical_crossentropy'",
    markdown: ['Keras compile string', 'expects probabilities (softmax outputs)', '✓ Here the model output'],
  },
  {
    name: 'Keras compile string on a model the analysis cannot follow',
    path: 'train.py',
    probe: "loss='mse'",
    shift: 6,
    lossId: 'mseLoss',
    label: "'mse'",
  },
  {
    name: 'Keras focal object',
    path: 'train.py',
    probe: 'BinaryFocalCrossentropy(gamma=3)',
    lossId: 'sigmoidFocalLoss',
    label: 'keras.losses.BinaryFocalCrossentropy',
    params: { gamma: '`3`', apply_class_balancing: '`False` (default)' },
    curve: { gamma: 3, alpha: -1 },
    markdown: ['apply_class_balancing=True', 'no α weighting'],
  },
  {
    name: 'Keras Huber object',
    path: 'train.py',
    probe: 'keras.losses.Huber(delta=0.3)',
    lossId: 'huberLoss',
    label: 'keras.losses.Huber',
    params: { delta: '`0.3`' },
    curve: { delta: 0.3 },
  },
  {
    name: 'TF.js positional delta',
    path: 'model.ts',
    probe: 'tf.losses.huberLoss',
    lossId: 'huberLoss',
    label: 'tf.losses.huberLoss',
    params: { 'delta (4th argument)': '`2`', 'weights (3rd argument)': '`undefined` (default)' },
    curve: { delta: 2 },
    markdown: ['| 4 | 6 | 2 | 16 |'],
  },
  {
    name: 'TF.js compile string',
    path: 'model.ts',
    probe: "'categoricalCrossentropy'",
    lossId: 'crossEntropy',
    label: "'categoricalCrossentropy'",
    markdown: ['TensorFlow.js compile string', '✓ Here the model output'],
  },
];

for (const c of CASES) {
  test(`hover: ${c.name}`, async () => {
    const r = await hover(c.path, c.probe, { plots: 'image' }, c.shift ?? 1);
    const m = loss(r);
    assert.equal(m.entry.id, c.lossId);
    assert.equal(m.label, c.label);
    const params = paramsOf(m);
    for (const [name, value] of Object.entries(c.params ?? {})) {
      assert.ok(params[name]?.includes(value), `${name}: expected ${value}, got ${params[name]} (all: ${JSON.stringify(params)})`);
    }
    if (c.curve) assert.deepEqual(m.curveParams, c.curve);
    const md = r!.markdown;
    assert.ok(md.includes('`' + m.entry.formula + '`'), 'the one-line formula, as written (no table escaping outside tables)');
    assert.ok(md.includes(`**${m.entry.title.replace(/[()]/g, c => c)}**`) || md.includes(m.entry.title), 'the title');
    for (const s of c.markdown ?? []) {
      if (typeof s === 'string') assert.ok(md.includes(s), `markdown has ${s}\n---\n${md}`);
      else assert.match(md, s);
    }
    assert.ok(md.includes('**Use when:**') && md.includes('**Avoid when:**'));
    const img = svgImage(md);
    assert.ok(img, 'an SVG data-URI image');
    assertWellFormedXml(img.svg);
    assert.equal(curveCount(img.svg), 2, 'loss and gradient curves');
    assert.ok(img.uri.length < 8192, `image under 8 KB (${img.uri.length})`);
    assert.match(md, /\[Open in Loss Explorer\]\(command:losslens\.openExplorer\?([^ )]+)/);
    const arg = JSON.parse(decodeURIComponent(/command:losslens\.openExplorer\?([^ )]+)/.exec(md)![1]));
    assert.deepEqual(arg, { lossId: c.lossId, params: m.curveParams });
  });
}

test('hover: the image caption names the parameter values', async () => {
  const r = await hover('train.py', 'nn.HuberLoss(delta=0.5)');
  const img = svgImage(r!.markdown)!;
  assert.match(img.alt, /delta = 0\.5/);
  assert.match(img.svg, />delta = 0\.5</);
  assert.match(r!.markdown, /\*Loss \(solid\) and gradient \(dashed\) for delta = 0\.5/);
});

test('hover: literal evaluation reproduces MSE 3136.33 vs MAE 32.33', async () => {
  const cases: [path: 'train.py' | 'model.ts', probe: string, value: string, grad: string][] = [
    ['train.py', 'F.mse_loss(torch', '3136.33', '[0, 0, 64.67]'],
    ['train.py', 'F.l1_loss(torch', '32.33', '[0, 0, 0.333]'],
    // Labels first in TF.js: predictions [1, 2, 100].
    ['model.ts', 'tf.losses.meanSquaredError', '3136.33', '[0, 0, 64.67]'],
    ['model.ts', 'tf.losses.absoluteDifference', '32.33', '[0, 0, 0.333]'],
    // Names bound once to literal tensors count as literals; δ = 2 from the call.
    ['train.py', 'F.huber_loss(pred', '64', '[0, 0, 0.667]'],
  ];
  for (const [path, probe, value, grad] of cases) {
    const m = loss(await hover(path, probe));
    assert.ok(m.literal, `${probe} is evaluated`);
    assert.equal(m.literal.error, undefined);
    const md = (await hover(path, probe))!.markdown;
    assert.ok(md.includes(`loss = **${value}**`), `${probe}: value ${value}\n${md}`);
    assert.ok(md.includes(`∂loss/∂input = \`${grad}\``), `${probe}: gradient ${grad}`);
  }
  const mse = loss(await hover('train.py', 'F.mse_loss(torch'));
  assert.deepEqual(
    mse.literal!.comparisons.map(c => [c.label, Math.round(c.value * 100) / 100]),
    [
      ['MSE', 3136.33],
      ['MAE', 32.33],
      ['Huber (δ = 1)', 32.17],
    ],
  );
});

test('hover: literal cross-entropy on a logit row', async () => {
  const m = loss(await hover('train.py', 'F.cross_entropy(torch.tensor([[2.0, 0.0, -1.0]])'));
  // −log softmax([2, 0, −1])₀ = log(1 + e^−2 + e^−3) ≈ 0.1698
  assert.ok(Math.abs(m.literal!.value[0] - 0.16984) < 1e-4, String(m.literal!.value));
  assert.deepEqual(m.literal!.gradShape, [1, 3]);
});

test('hover: a symbolic parameter is named, the plot falls back to the default, no literal numbers', async () => {
  const m = loss(await hover('train.py', 'F.cross_entropy(torch.tensor([[2.0, 0.0]]), torch.tensor([0]), label_smoothing=ls)'));
  const row = m.params.find(p => p.name === 'label_smoothing')!;
  assert.equal(row.source, 'symbolic');
  assert.equal(row.value, '`ls`');
  assert.match(row.note!, /labelSmoothing = 0/);
  assert.deepEqual(m.curveParams, {});
  assert.equal(m.literal, undefined);
});

test('hover: positional tensor arguments belong to their own hovers; the callee and keywords to the loss', async () => {
  const text = PY;
  const call = text.indexOf('F.cross_entropy(logits, labels, label_smoothing');
  const { ws: w, uriOf } = await ws();
  const index = buildHoverIndex(w.inspect(uriOf('train.py')), uriOf('train.py'));
  const at = (o: number) => hoverAt(index, text, o, { plots: 'image' });
  assert.equal((at(call + 2)?.model as LossHover).entry.id, 'crossEntropy', 'on the callee');
  assert.equal(at(call + 'F.cross_entropy('.length + 1), undefined, 'on the logits argument');
  assert.equal((at(text.indexOf('label_smoothing=0.1') + 3)?.model as LossHover).entry.id, 'crossEntropy', 'on the keyword');
});

test('hover: the activation feeding the wrong loss explains the mismatch with numbers', async () => {
  const r = await hover('train.py', 'F.softmax(logits, dim=1), labels)');
  assert.ok(r);
  assert.equal(r.model.type, 'activation');
  // Net's Linear(4, 3): three classes, the floor is log(1 + 2/e).
  assert.match(r.markdown, /\| 3 \| 0\.551 \|/);
  const nll = await hover('train.py', 'F.softmax(logits, dim=1), labels)\n    return');
  assert.match(nll!.markdown, /expects log-probabilities/);
});

test('hover: a rule code in a suppression comment shows the rule, with plots off too', async () => {
  for (const plots of ['image', 'off'] as const) {
    const r = await hover('train.py', 'LL014]', { plots });
    assert.ok(r);
    assert.equal(r.model.type, 'rule');
    assert.match(r.markdown, /\*\*LL014\*\* `redundant-log-softmax`/);
    assert.match(r.markdown, /\[Rule docs\]\(https:\/\/github\.com\/losslens\/losslens\/blob\/main\/docs\/rules\/LL014\.md\)/);
  }
  const ts = await hover('model.ts', 'LL021]');
  assert.match(ts!.markdown, /unknown-loss-name/);
});

test('hover: text plots give sparklines and no image; off gives no loss preview', async () => {
  const text = await hover('train.py', 'nn.HuberLoss(delta=0.5)', { plots: 'text' });
  assert.ok(text);
  assert.equal(svgImage(text.markdown), undefined);
  assert.match(text.markdown, /```text\nloss {6}[▁▂▃▄▅▆▇█]{32}\ngradient {2}[▁▂▃▄▅▆▇█]{32}\n.*delta = 0\.5/);
  assert.ok(text.markdown.includes('| 0.5 | 0.125 | 0.5 | 0.25 |'), 'the key-point table stays');
  assert.equal(await hover('train.py', 'nn.HuberLoss(delta=0.5)', { plots: 'off' }), undefined);
});

test('hover: clients without Markdown get plain text with sparklines, no image and no command link', async () => {
  const r = await hover('train.py', 'nn.HuberLoss(delta=0.5)', { plots: 'image', markdown: false });
  assert.ok(r);
  assert.ok(!r.markdown.includes('data:image'), 'no image');
  assert.ok(!r.markdown.includes('command:'), 'no command link');
  assert.ok(!r.markdown.includes('**'), 'no bold markers');
  assert.match(r.markdown, /^Huber loss — nn\.HuberLoss · PyTorch/);
  assert.match(r.markdown, /loss {6}[▁▂▃▄▅▆▇█]{32}/);
});

test('hover: nothing outside loss code', async () => {
  assert.equal(await hover('train.py', 'import torch'), undefined);
  assert.equal(await hover('train.py', 'self.fc = nn.Linear'), undefined);
});
