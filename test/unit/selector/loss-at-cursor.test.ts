// Finding the loss under the cursor (for Explain and Open Loss Explorer at cursor): the name in any
// spelling, the call around the cursor, compile strings, and the parameters written in the call.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lossAtCursor } from '../../../client/src/common/commands/loss-at-cursor';
import { explainMarkdown } from '../../../client/src/common/commands/explain-markdown';

/** `|` marks the cursor. */
function at(marked: string) {
  const offset = marked.indexOf('|');
  return lossAtCursor(marked.replace('|', ''), offset);
}

const cases: { text: string; lossId: string | undefined; params?: Record<string, number> }[] = [
  { text: 'criterion = nn.CrossEntropy|Loss()', lossId: 'crossEntropy' },
  { text: 'criterion = torch.nn.|CrossEntropyLoss(label_smoothing=0.1)', lossId: 'crossEntropy', params: { labelSmoothing: 0.1 } },
  { text: 'loss = torch.nn.functional.cross_entropy(logits, |y)', lossId: 'crossEntropy' },
  { text: 'c = nn.HuberLoss(del|ta=0.5)', lossId: 'huberLoss', params: { delta: 0.5 } },
  { text: 'c = nn.HuberLoss(\n    delta=2,\n)|', lossId: undefined },
  { text: 'c = nn.Huber|Loss(\n    delta=2,\n)', lossId: 'huberLoss', params: { delta: 2 } },
  { text: 'l = sigmoid_focal_loss(x, y, alpha=0.5, gamma=3.0, reduction="mean")|'.replace('|', ''), lossId: undefined },
  { text: 'l = sigmoid_focal_loss(x, y, al|pha=0.5, gamma=3.0)', lossId: 'sigmoidFocalLoss', params: { alpha: 0.5, gamma: 3 } },
  {
    text: 'c = nn.BCEWithLogitsLoss(pos_weight=torch.tensor([3.0]))|'.replace('|', '').replace('BCE', 'B|CE'),
    lossId: 'binaryCrossEntropyWithLogits',
    params: { posWeight: 3 },
  },
  { text: "model.compile(optimizer='adam', loss='categorical_|crossentropy')", lossId: 'crossEntropy' },
  { text: "model.compile(optimizer='adam', loss='m|se')", lossId: 'mseLoss' },
  { text: 'loss_fn = keras.losses.Binary|Crossentropy(from_logits=True)', lossId: 'binaryCrossEntropyWithLogits' },
  { text: 'loss_fn = keras.losses.Binary|Crossentropy()', lossId: 'binaryCrossEntropy' },
  { text: 'const l = tf.losses.huber|Loss(ys, preds);', lossId: 'huberLoss' },
  { text: "model.compile({optimizer: 'adam', loss: 'meanSquared|Error'});", lossId: 'mseLoss' },
  {
    text: 'c = nn.TripletMarginLoss(margin=0.3, p=1)|'.replace('|', '').replace('Triplet', 'Tri|plet'),
    lossId: 'tripletMarginLoss',
    params: { margin: 0.3, p: 1 },
  },
  { text: 'x = torch.zeros(|3)', lossId: undefined },
  { text: 'print("hello |world")', lossId: undefined },
];

for (const c of cases) {
  test(`loss at cursor: ${JSON.stringify(c.text)}`, () => {
    const hit = at(c.text);
    assert.equal(hit?.lossId, c.lossId);
    if (c.params) assert.deepEqual(hit?.params, c.params);
  });
}

test('parameters the loss does not have are dropped', () => {
  const hit = at('nn.Huber|Loss(delta=0.5, beta=3, reduction="sum")');
  assert.deepEqual(hit?.params, { delta: 0.5 });
});

test('the explanation has the formula, the parameters with the call values, and code in every framework', () => {
  const md = explainMarkdown({ lossId: 'huberLoss', params: { delta: 0.5 }, framework: 'keras', hoverMarkdown: '**LossLens** hover text' });
  assert.match(md, /^# Huber loss/);
  assert.match(md, /\*\*LossLens\*\* hover text/);
  assert.match(md, /## Formula/);
  assert.match(md, /\| `delta` \| 1 \| 0\.5 \|/);
  const keras = md.indexOf('**Keras**');
  const torch = md.indexOf('**PyTorch**');
  assert.ok(keras > 0 && torch > keras, 'the editor framework comes first');
  assert.match(md, /keras\.losses\.Huber\(delta=0\.5\)/);
  assert.match(md, /\*\*TensorFlow\.js\*\*/);
});
