// The TypeScript compiler is loaded lazily: opening TS/JS without TF.js must not load it; a document
// that imports TF.js loads it and gets TF.js diagnostics; a file that uses TF.js only through a
// workspace file it imports loads it too.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TestClient } from './lsp-client';

const dir = mkdtempSync(join(tmpdir(), 'losslens-lsp-tfjs-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const uriOf = (name: string) => pathToFileURL(join(dir, name)).href;
const clients: TestClient[] = [];
after(() => clients.forEach(c => c.kill()));

const LOADED = /TypeScript parser loaded/;

const PLAIN = [
  'export function softmax(xs: number[]): number[] {',
  '  const m = Math.max(...xs);',
  '  const e = xs.map(x => Math.exp(x - m));',
  '  const s = e.reduce((a, b) => a + b, 0);',
  '  return e.map(x => x / s);',
  '}',
  '',
].join('\n');

const TFJS = [
  "const tf = require('@tensorflow/tfjs');",
  '',
  'function loss(labels, logits) {',
  '  return tf.losses.softmaxCrossEntropy(labels, tf.softmax(logits));',
  '}',
  '',
  'module.exports = { loss };',
  '',
].join('\n');

async function start() {
  const r = await TestClient.start({
    pullDiagnostics: true,
    settings: () => ({}),
    workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }],
  });
  clients.push(r.client);
  return r.client;
}

test('a TS file without TF.js does not load the compiler; a JS file with TF.js loads it and gets LL001', async () => {
  const client = await start();
  const plain = uriOf('plain.ts');
  await client.open(plain, PLAIN, 'typescript');
  const report = await client.pull(plain);
  assert.deepEqual(report.items, []);
  assert.ok(!client.logs.some(l => LOADED.test(l)), `compiler loaded for a file without TF.js: ${client.logs.join('\n')}`);

  const train = uriOf('train.js');
  await client.open(train, TFJS, 'javascript');
  const withTfjs = await client.pull(train);
  const ll001 = withTfjs.items.filter(d => d.code === 'LL001');
  assert.equal(ll001.length, 1, JSON.stringify(withTfjs.items));
  assert.equal(ll001[0].source, 'LossLens');
  assert.deepEqual(ll001[0].range.start, { line: 3, character: 47 }, 'at the tf.softmax(logits) argument');
  assert.equal(client.logs.filter(l => LOADED.test(l)).length, 1, client.logs.join('\n'));
  assert.equal(await client.shutdown(), 0);
});

test('a TS file that uses TF.js only through a workspace import loads the compiler and gets LL004', async () => {
  writeFileSync(
    join(dir, 'model.ts'),
    [
      "import * as tf from '@tensorflow/tfjs';",
      '',
      'export function buildModel(): tf.Sequential {',
      '  const m = tf.sequential();',
      '  m.add(tf.layers.dense({ units: 3, inputShape: [4] }));',
      '  return m;',
      '}',
      '',
    ].join('\n'),
  );
  const client = await start();
  const uri = uriOf('compile.ts');
  const text = [
    "import { buildModel } from './model';",
    '',
    'const model = buildModel();',
    "model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });",
    '',
  ].join('\n');
  await client.open(uri, text, 'typescript');
  const report = await client.pull(uri);
  const ll004 = report.items.filter(d => d.code === 'LL004');
  assert.equal(ll004.length, 1, JSON.stringify(report.items));
  assert.equal(ll004[0].range.start.line, 3);
  assert.ok(
    client.logs.some(l => LOADED.test(l)),
    client.logs.join('\n'),
  );
  assert.equal(await client.shutdown(), 0);
});
