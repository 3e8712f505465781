// Hover over the real server (`node dist/server.js --stdio`): Python, Keras and TF.js loss previews
// carry the formula, the parameters as written, computed numbers and a base64 SVG image whose
// decoded document is well-formed with two curves; `losslens.hover.plots` switches to sparklines or off.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { TestClient } from './lsp-client';
import { assertWellFormedXml, curveCount, svgImage } from '../unit/hover/svg-check';

const PY = [
  'import torch',
  'import torch.nn as nn',
  'import torch.nn.functional as F',
  'from tensorflow import keras',
  '',
  'criterion = nn.HuberLoss(delta=0.5)',
  '',
  'class FocalLoss(nn.Module):',
  '    def __init__(self, gamma: float = 2.0, alpha: float = 0.25):',
  '        super().__init__()',
  '        self.gamma = gamma',
  '',
  'def step(logits, y, labels):',
  '    a = criterion(logits, y)',
  '    b = F.cross_entropy(logits, labels, label_smoothing=0.1)',
  '    return a + b',
  '',
  'outlier = F.mse_loss(torch.tensor([1., 2., 100.]), torch.tensor([1., 2., 3.]))',
  'focal = FocalLoss(gamma=3.0, alpha=0.5)',
  'model = keras.Sequential([keras.layers.Dense(10, activation="softmax")])',
  "model.compile(optimizer='adam', loss='categorical_crossentropy')",
  'bfce = keras.losses.BinaryFocalCrossentropy(gamma=3)',
  '',
].join('\n');

const TS = [
  "import * as tf from '@tensorflow/tfjs';",
  'export const robust = (labels: tf.Tensor, preds: tf.Tensor) => tf.losses.huberLoss(labels, preds, undefined, 2);',
  'const outlier = tf.losses.meanSquaredError([1, 2, 3], [1, 2, 100]);',
  'const model = tf.sequential();',
  "model.add(tf.layers.dense({ units: 3, activation: 'softmax', inputShape: [4] }));",
  "model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });",
  '',
].join('\n');

const dir = mkdtempSync(join(tmpdir(), 'losslens-hover-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const uriOf = (name: string) => pathToFileURL(join(dir, name)).href;
const clients: TestClient[] = [];
after(() => clients.forEach(c => c.kill()));

async function session(plots?: string) {
  const { client } = await TestClient.start({ pullDiagnostics: true, settings: () => (plots ? { hover: { plots } } : {}) });
  clients.push(client);
  const py = uriOf(`train-${plots ?? 'default'}.py`);
  const ts = uriOf(`model-${plots ?? 'default'}.ts`);
  await client.open(py, PY, 'python');
  await client.open(ts, TS, 'typescript');
  // A pull waits until the parsers are loaded and the documents analysed.
  await client.pull(py);
  await client.pull(ts);
  const hover = async (uri: string, text: string, probe: string, shift = 1): Promise<Hover | null> => {
    const offset = text.indexOf(probe) + shift;
    assert.ok(offset > 0, probe);
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    const character = offset - (before.lastIndexOf('\n') + 1);
    return client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line, character },
    }) as Promise<Hover | null>;
  };
  return { client, hoverPy: (p: string, s?: number) => hover(py, PY, p, s), hoverTs: (p: string, s?: number) => hover(ts, TS, p, s) };
}

function markdownOf(h: Hover | null): string {
  assert.ok(h, 'a hover');
  const c = h.contents as MarkupContent;
  assert.equal(c.kind, 'markdown');
  return c.value;
}

function assertImage(md: string): void {
  const img = svgImage(md);
  assert.ok(img, 'a data:image/svg+xml;base64 image');
  assert.ok(md.includes('](data:image/svg+xml;base64,'), 'as a Markdown image');
  assert.ok(!/<svg/.test(md), 'no inline <svg>');
  assertWellFormedXml(img.svg);
  assert.equal(curveCount(img.svg), 2, 'loss and gradient');
  assert.ok(img.uri.length < 8192, `SVG data URI under 8 KB: ${img.uri.length}`);
}

test('hover over stdio: PyTorch, user-defined, Keras and TF.js losses with formula, parameters, numbers and image', async () => {
  const { client, hoverPy, hoverTs } = await session();

  const huber = await hoverPy('nn.HuberLoss(delta=0.5)');
  const md = markdownOf(huber);
  assert.match(md, /\*\*Huber loss\*\* — `nn\.HuberLoss` · PyTorch/);
  assert.ok(md.includes('L = ½e² if |e| ≤ δ, else δ(|e| − ½δ)'), 'the formula');
  assert.ok(md.includes('| `delta` | `0.5` |'), 'delta as written');
  assert.ok(md.includes("| `reduction` | `'mean'` | default |"), 'the default filled in');
  assert.ok(md.includes('| 1 | 0.375 | 0.5 | 1 |'), 'Huber at an error of 2δ');
  assert.match(
    md,
    /\[Open in Loss Explorer\]\(command:losslens\.openExplorer\?%7B%22lossId%22%3A%22huberLoss%22%2C%22params%22%3A%7B%22delta%22%3A0\.5%7D%7D/,
  );
  assertImage(md);
  assert.deepEqual(huber!.range, { start: { line: 5, character: 12 }, end: { line: 5, character: 35 } });

  const atCall = markdownOf(await hoverPy('criterion(logits, y)'));
  assert.ok(atCall.includes('| `delta` | `0.5` |'), 'the loss object at its call shows its constructor parameters');

  const ce = markdownOf(await hoverPy('F.cross_entropy'));
  assert.ok(ce.includes('| `label_smoothing` | `0.1` |'));
  assert.ok(ce.includes('expects logits'));
  assertImage(ce);

  const mse = markdownOf(await hoverPy('F.mse_loss'));
  assert.ok(mse.includes('loss = **3136.33**'), mse);
  assert.ok(mse.includes('∂loss/∂input = `[0, 0, 64.67]`'));
  assert.ok(mse.includes('MAE 32.33'));

  const focal = markdownOf(await hoverPy('FocalLoss(gamma=3.0'));
  assert.match(focal, /\*\*Sigmoid focal loss \(binary \/ multi-label\)\*\* — `FocalLoss` · user-defined class/);
  assert.ok(focal.includes('| `gamma` | `3.0` |') && focal.includes('| `alpha` | `0.5` |'));
  assert.ok(focal.includes('| 0.9 | 0.001 |'), '(1 − p_t)^γ at p_t = 0.9 for γ = 3');
  assertImage(focal);

  const compile = markdownOf(await hoverPy("'categorical_crossentropy'"));
  assert.match(compile, /Keras compile string/);
  assert.match(compile, /✓ Here the model output: the analyzer infers probabilities \(softmax output\)/);
  assertImage(compile);

  const bfce = markdownOf(await hoverPy('BinaryFocalCrossentropy(gamma=3)'));
  assert.ok(bfce.includes('| `gamma` | `3` |'));
  assertImage(bfce);

  const tfjs = markdownOf(await hoverTs('tf.losses.huberLoss'));
  assert.ok(tfjs.includes('| `delta (4th argument)` | `2` |'), tfjs);
  assert.ok(tfjs.includes('| 4 | 6 | 2 | 16 |'));
  assertImage(tfjs);

  const tfjsLit = markdownOf(await hoverTs('tf.losses.meanSquaredError'));
  assert.ok(tfjsLit.includes('loss = **3136.33**'), 'TF.js labels come first');

  const tfjsCompile = markdownOf(await hoverTs("'categoricalCrossentropy'"));
  assert.match(tfjsCompile, /TensorFlow\.js compile string/);

  assert.equal(await hoverPy('import torch'), null, 'nothing on plain code');
  assert.equal(await client.shutdown(), 0);
});

test('hover over stdio: losslens.hover.plots = text gives sparklines; off gives nothing', async () => {
  const text = await session('text');
  const md = markdownOf(await text.hoverPy('nn.HuberLoss(delta=0.5)'));
  assert.equal(svgImage(md), undefined, 'no image');
  assert.match(md, /loss {6}[▁▂▃▄▅▆▇█]{32}/);
  assert.ok(md.includes('| `delta` | `0.5` |'));
  assert.equal(await text.client.shutdown(), 0);

  const off = await session('off');
  assert.equal(await off.hoverPy('nn.HuberLoss(delta=0.5)'), null);
  assert.equal(await off.client.shutdown(), 0);
});
