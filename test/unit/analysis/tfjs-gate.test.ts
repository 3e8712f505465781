// The lazy TypeScript front end as the analysis workspace sees it: TS/JS without TF.js does not ask
// for the compiler, is parsed once it is loaded, and can wake it through the files it imports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalysisWorkspace } from '../../../server/src/analysis';
import { runRules } from '../../../server/src/rules/run';
import { mentionsTfjs, relativeSpecifiers } from '../../../server/src/analysis/tfjs-gate';
import { pythonFrontEnd, typescriptFrontEnd } from '../../helpers/analysis';
import type { FrontEnd } from '../../../server/src/parse/frontend';

const TFJS_LOSS =
  "import * as tf from '@tensorflow/tfjs';\nexport const f = (y: tf.Tensor, x: tf.Tensor) => tf.losses.softmaxCrossEntropy(y, tf.softmax(x));\n";

/** A provider that loads the TS front end like the servers do, counting loads and forgets. */
async function lazyWorkspace(files: Record<string, string> = {}) {
  const python = await pythonFrontEnd();
  const stats = { loads: 0, forgets: 0 };
  let ts: FrontEnd | undefined;
  const ws = createAnalysisWorkspace({
    runRules,
    host: { readFile: async uri => files[uri.replace('file:///ws/', '')] },
    roots: ['file:///ws'],
    frontEnd: (language, text) => {
      if (language === 'python') return python;
      if (ts) return ts;
      if (text !== undefined && !mentionsTfjs(text)) return undefined;
      stats.loads++;
      const real = typescriptFrontEnd();
      ts = {
        language: real.language,
        parse: (u, t, c) => real.parse(u, t, c),
        forget: u => {
          stats.forgets++;
          real.forget(u);
        },
      };
      return ts;
    },
  });
  return { ws, stats };
}

test('mentionsTfjs: any @tensorflow/tfjs package, nothing else', () => {
  const cases: [string, boolean][] = [
    ["import * as tf from '@tensorflow/tfjs';", true],
    ["const tf = require('@tensorflow/tfjs-node-gpu');", true],
    ["import { layers } from '@tensorflow/tfjs-layers';", true],
    ["import * as ort from 'onnxruntime-web';", false],
    ['export const softmax = (x: number[]) => x;', false],
  ];
  for (const [text, want] of cases) assert.equal(mentionsTfjs(text), want, text);
});

test('relativeSpecifiers: ESM imports, re-exports, require and dynamic import; packages are ignored', () => {
  const text = [
    "import { buildModel } from './model';",
    'import * as heads from "../heads/index.js";',
    "import './side-effect';",
    "export { loss } from './losses';",
    "const cfg = require( './config.json' );",
    "const lazy = await import('./lazy');",
    "import * as tf from '@tensorflow/tfjs';",
    "const fs = require('fs');",
  ].join('\n');
  assert.deepEqual(relativeSpecifiers(text), ['./model', '../heads/index.js', './side-effect', './losses', './config.json', './lazy']);
});

test('a TS file without TF.js is not parsed until the compiler is loaded by one that uses it', async () => {
  const { ws, stats } = await lazyWorkspace();
  const plain = 'file:///ws/plain.ts';
  ws.update(plain, 'export const x = 1;\n', 'typescript');
  assert.equal(stats.loads, 0);
  assert.deepEqual(ws.check(plain), []);
  assert.equal(ws.inspect(plain).module, undefined, 'not parsed');
  ws.remove(plain);
  assert.equal(stats.loads, 0, 'removing an unparsed file does not load the compiler');
  assert.equal(stats.forgets, 0);

  ws.update(plain, 'export const x = 1;\n', 'typescript');
  const uri = 'file:///ws/loss.ts';
  ws.update(uri, TFJS_LOSS, 'typescript');
  assert.equal(stats.loads, 1);
  assert.deepEqual(
    ws.check(uri).map(f => f.code),
    ['LL001'],
  );
  assert.ok(ws.inspect(plain).module, 'the deferred file is parsed once the compiler is there');
  ws.remove(plain);
  assert.equal(stats.forgets, 1);
});

test('a TS file that uses TF.js only through a file it imports loads the compiler when its imports are resolved', async () => {
  const files = {
    'model.ts':
      "import * as tf from '@tensorflow/tfjs';\nexport function build() { const m = tf.sequential(); m.add(tf.layers.dense({ units: 3, inputShape: [2] })); return m; }\n",
  };
  const { ws, stats } = await lazyWorkspace(files);
  const uri = 'file:///ws/train.ts';
  const text = "import { build } from './model';\nconst m = build();\nm.compile({ optimizer: 'sgd', loss: 'categoricalCrossentropy' });\n";
  ws.update(uri, text, 'typescript');
  assert.equal(stats.loads, 0);
  await ws.resolveImports(uri);
  assert.equal(stats.loads, 1);
  assert.deepEqual(
    ws.check(uri).map(f => f.code),
    ['LL004'],
  );
  assert.deepEqual(ws.dependents('file:///ws/model.ts'), [uri]);
});

test('without a text hint (the CLI) the compiler is provided for any TS/JS file', async () => {
  const python = await pythonFrontEnd();
  let loads = 0;
  const eager = createAnalysisWorkspace({
    runRules,
    host: { readFile: async () => undefined },
    roots: ['file:///ws'],
    frontEnd: language => (language === 'python' ? python : (loads++, typescriptFrontEnd())),
  });
  eager.update('file:///ws/plain.ts', 'export const x = 1;\n', 'typescript');
  assert.ok(eager.inspect('file:///ws/plain.ts').module);
  assert.ok(loads > 0);
});
