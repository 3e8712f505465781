// TF.js through the one value-kind engine: the kind that reaches the first tf.losses call of a TS
// snippet (undefined = not certain, every rule silent), suppressions, and incremental re-parsing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineOf, typescriptFrontEnd, workspaceOf } from '../../helpers/analysis';
import { Interpreter } from '../../../server/src/analysis/engine/interpreter';
import { tensorOf } from '../../../server/src/rules/api';
import type { LossCallEvent } from '../../../server/src/analysis/engine/events';
import { applyConfiguration } from '../../../server/src/config/apply';

function kindAtLoss(code: string): string | undefined {
  const uri = `file:///ws/k${Math.random().toString(36).slice(2)}.ts`;
  const text = `import * as tf from '@tensorflow/tfjs';\n${code}\n`;
  const interp = new Interpreter({ resolve: () => undefined });
  interp.run(uri, typescriptFrontEnd().parse(uri, text), text);
  const losses = interp.events.filter((e): e is LossCallEvent => e.type === 'loss' && !!e.input);
  assert.ok(losses.length > 0, 'the snippet has no loss call');
  const kinds = new Set(losses.map(l => tensorOf(l.input)?.kind));
  assert.equal(kinds.size, 1, `different kinds on different evaluations: ${[...kinds]}`);
  return [...kinds][0];
}

const CE = 'tf.losses.softmaxCrossEntropy';
const cases: [string, string, string | undefined][] = [
  ['function call', `function f(y, x) { return ${CE}(y, tf.softmax(x)); }`, 'probs-softmax'],
  ['method chain', `const f = (y, x) => ${CE}(y, x.softmax().reshape([-1, 3]).clipByValue(0, 1));`, 'probs-softmax'],
  ['arithmetic gives unknown', `const f = (y, x) => ${CE}(y, tf.softmax(x).mul(2));`, undefined],
  ['let re-assigned on every path', `function f(y, x) { let p = x; p = tf.sigmoid(p); return ${CE}(y, p); }`, 'probs-sigmoid'],
  ['let re-assigned on one path', `function f(y, x, c) { let p = x; if (c) { p = tf.softmax(p); } return ${CE}(y, p); }`, undefined],
  ['ternary with disagreeing branches', `function f(y, x, c) { return ${CE}(y, c ? tf.softmax(x) : x); }`, undefined],
  ['ternary with agreeing branches', `function f(y, x, c) { return ${CE}(y, c ? tf.softmax(x) : x.softmax()); }`, 'probs-softmax'],
  [
    'tf.tidy returns its callback result',
    `function f(y, x) { const p = tf.tidy(() => tf.softmax(x)); return ${CE}(y, p); }`,
    'probs-softmax',
  ],
  [
    'arrow returning an activation',
    `const predict = x => tf.sigmoid(x);\nfunction f(y, x) { return ${CE}(y, predict(x)); }`,
    'probs-sigmoid',
  ],
  [
    'sequential + add, predict',
    `const m = tf.sequential();\nm.add(tf.layers.dense({ units: 4, inputShape: [2] }));\nfunction f(y, x) { return ${CE}(y, m.predict(x)); }`,
    'logits',
  ],
  [
    'layer added on one path only',
    `const m = tf.sequential();\nm.add(tf.layers.dense({ units: 4, inputShape: [2] }));\nif (Math.random() > 0.5) m.add(tf.layers.softmax());\nfunction f(y, x) { return ${CE}(y, m.predict(x)); }`,
    undefined,
  ],
  [
    'functional model with apply',
    `const i = tf.input({ shape: [2] });\nconst o = tf.layers.dense({ units: 4, activation: 'softmax' }).apply(i);\nconst m = tf.model({ inputs: i, outputs: o });\nfunction f(y, x) { return ${CE}(y, m.apply(x)); }`,
    'probs-softmax',
  ],
  [
    'an activation LossLens does not model',
    `const m = tf.sequential();\nm.add(tf.layers.dense({ units: 4, activation: 'relu', inputShape: [2] }));\nfunction f(y, x) { return ${CE}(y, m.predict(x)); }`,
    undefined,
  ],
  ['logSoftmax is log-probabilities', `const f = (y, x) => ${CE}(y, tf.logSoftmax(x));`, 'log-probs'],
  [
    'object property of a JS object',
    `const heads = { probs: (x) => tf.softmax(x) };\nconst f = (y, x) => ${CE}(y, heads.probs(x));`,
    'probs-softmax',
  ],
];

for (const [name, code, want] of cases) {
  test(`TF.js kind: ${name}`, () => assert.equal(kindAtLoss(code), want));
}

test('// losslens: ignore[LL001] suppresses a TF.js finding on its line; an unrelated code does not', async () => {
  const text = [
    "import * as tf from '@tensorflow/tfjs';",
    'export const a = (y: tf.Tensor, x: tf.Tensor) => tf.losses.softmaxCrossEntropy(y, tf.softmax(x)); // losslens: ignore[LL001]',
    'export const b = (y: tf.Tensor, x: tf.Tensor) => tf.losses.softmaxCrossEntropy(y, tf.softmax(x)); // losslens: ignore[LL002]',
    '',
  ].join('\n');
  const { ws, uriOf } = await workspaceOf({ 'main.ts': text });
  const uri = uriOf('main.ts');
  const raw = ws.check(uri);
  assert.deepEqual(
    raw.map(f => `${lineOf(text, f.span.start)}:${f.code}`),
    ['2:LL001', '3:LL001'],
  );
  const shown = applyConfiguration(raw, text, {}, uri);
  // Line 3's ignore names another code: the finding stays and the suppression is reported as unused (LL000).
  assert.deepEqual(shown.map(f => `${lineOf(text, f.span.start)}:${f.code}`).sort(), ['3:LL000', '3:LL001']);
});

test('incremental re-parsing gives the same findings as a fresh parse after every edit', async () => {
  const base = [
    "import * as tf from '@tensorflow/tfjs';",
    'export function f(y: tf.Tensor, x: tf.Tensor) {',
    '  const p = tf.softmax(x);',
    '  return tf.losses.softmaxCrossEntropy(y, p);',
    '}',
    '',
  ].join('\n');
  const { ws, uriOf } = await workspaceOf({ 'inc.ts': base });
  const uri = uriOf('inc.ts');
  let text = base;
  const edits: [string, string][] = [
    ['tf.softmax(x)', 'x'], // removes the bug
    ['const p = x;', 'const p = x.softmax();'], // brings it back as a method
    ['}\n', '}\nexport const g = (y: tf.Tensor, z: tf.Tensor) => tf.losses.sigmoidCrossEntropy(y, z.sigmoid());\n'],
    ['(y, z', '(y, z,'], // a syntax error
  ];
  for (const [from, to] of edits) {
    const at = text.indexOf(from);
    assert.ok(at >= 0, from);
    const before = text;
    text = text.slice(0, at) + to + text.slice(at + from.length);
    const start = { line: lineOf(before, at) - 1, character: at - before.lastIndexOf('\n', at - 1) - 1 };
    const end = {
      line: lineOf(before, at + from.length) - 1,
      character: at + from.length - before.lastIndexOf('\n', at + from.length - 1) - 1,
    };
    ws.update(uri, text, 'typescript', [{ range: { start, end }, text: to }]);
    const incremental = ws.check(uri).map(f => `${f.code}@${f.span.start}`);
    const fresh = await workspaceOf({ 'inc.ts': text });
    assert.deepEqual(
      incremental,
      fresh.ws.check(fresh.uriOf('inc.ts')).map(f => `${f.code}@${f.span.start}`),
      `after ${from} → ${to}`,
    );
  }
});
