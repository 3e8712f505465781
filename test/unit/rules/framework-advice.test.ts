// Every finding speaks the framework of its file: a message or fix in a TensorFlow/Keras/TF.js file names
// no PyTorch API, and one in a PyTorch file names no TensorFlow/Keras API. Each rule fixture file whose
// imports name exactly one of the two families is checked, with every rule's findings and fixes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { workspaceOf } from '../../helpers/analysis';
import { languageOfPath } from '../../../server/src/parse/frontend';

const ROOT = join(process.cwd(), 'test/fixtures/rules');

/** APIs of the other family, as messages and fixes would write them (`F.`, `nn.`, not `tf.nn.`). */
const FOREIGN = {
  tensorflow:
    /(?<![\w.])(?:torch\.|F\.|nn\.)|\b(?:BCEWithLogitsLoss|CrossEntropyLoss|NLLLoss|BCELoss|logsigmoid|binary_cross_entropy_with_logits)\b/,
  torch: /(?<![\w.])(?:tf\.|keras\.)|from_logits|\b(?:tfjs|logSoftmax|logSigmoid|sigmoidCrossEntropy|softmaxCrossEntropy)\b/,
};

function familyOf(path: string, text: string): keyof typeof FOREIGN | undefined {
  if (/\.[jt]s$/.test(path)) return /@tensorflow\/tfjs/.test(text) ? 'tensorflow' : undefined;
  const torch = /^\s*(?:import|from)\s+torch\b/m.test(text);
  const tf = /^\s*(?:import|from)\s+(?:tensorflow|keras|tf_keras)\b/m.test(text);
  return torch === tf ? undefined : torch ? 'torch' : 'tensorflow';
}

function casesOf(): { name: string; files: Record<string, string> }[] {
  const out: { name: string; files: Record<string, string> }[] = [];
  const filesOf = (dir: string): Record<string, string> => {
    const files: Record<string, string> = {};
    const walk = (d: string) => {
      for (const n of readdirSync(d)) {
        const p = join(d, n);
        if (statSync(p).isDirectory()) walk(p);
        else if (languageOfPath(n)) files[relative(dir, p)] = readFileSync(p, 'utf8');
      }
    };
    walk(dir);
    return files;
  };
  for (const rule of readdirSync(ROOT).sort())
    for (const c of readdirSync(join(ROOT, rule)).sort()) {
      const p = join(ROOT, rule, c);
      if (statSync(p).isDirectory()) out.push({ name: `${rule}/${c}`, files: filesOf(p) });
      else if (languageOfPath(c)) out.push({ name: `${rule}/${c}`, files: { [c]: readFileSync(p, 'utf8') } });
    }
  return out;
}

test('no message or fix names an API of another framework than its file', async () => {
  const problems: string[] = [];
  let checked = 0;
  for (const c of casesOf()) {
    const { ws, uriOf } = await workspaceOf(c.files);
    for (const [path, text] of Object.entries(c.files)) {
      const family = familyOf(path, text);
      if (!family) continue;
      for (const f of ws.check(uriOf(path))) {
        checked++;
        const texts = [f.message, f.fix?.title ?? '', ...(f.fix?.edits.map(e => e.newText) ?? [])];
        for (const t of texts) {
          // segmentation_models_pytorch's losses have a from_logits argument of their own.
          const own = /^\s*(?:import|from)\s+segmentation_models_pytorch\b/m.test(text) ? t.replace(/from_logits/g, '') : t;
          const m = FOREIGN[family].exec(own);
          if (m) problems.push(`${c.name}/${path} ${f.code} (${family} file) names ${m[0]}: ${t}`);
        }
      }
    }
  }
  assert.ok(checked > 100, `only ${checked} findings were checked`);
  assert.deepEqual(problems, []);
});

const ADVICE_CASES: { name: string; file: string; text: string; says: string[] }[] = [
  {
    name: 'LL008 in TensorFlow: tf.math.log_sigmoid / tf.nn.log_softmax',
    file: 'a.py',
    text: 'import tensorflow as tf\ndef f(y, z):\n    a = tf.math.log(tf.sigmoid(z))\n    b = tf.math.log(tf.nn.softmax(z))\n    return -tf.reduce_sum(y * a) - tf.reduce_sum(y * b)\n',
    says: ['LL008 use tf.math.log_sigmoid', 'LL008 use tf.nn.log_softmax'],
  },
  {
    name: 'LL008 in PyTorch: F.logsigmoid',
    file: 'a.py',
    text: 'import torch\ndef f(y, z):\n    a = torch.log(torch.sigmoid(z))\n    return -(y * a).sum()\n',
    says: ['LL008 use F.logsigmoid'],
  },
  {
    name: 'LL009 in TensorFlow: tf.nn.softmax_cross_entropy_with_logits',
    file: 'a.py',
    text: 'import tensorflow as tf\ndef f(y, z):\n    return -tf.reduce_sum(y * tf.math.log(tf.nn.softmax(z)))\n',
    says: ['LL009 tf.nn.softmax_cross_entropy_with_logits'],
  },
  {
    name: 'LL001 on Keras: what the TensorFlow and the other backends do',
    file: 'a.py',
    text: 'from tensorflow import keras\nm = keras.Sequential([keras.layers.Dense(3, activation="softmax")])\nm.compile(loss=keras.losses.CategoricalCrossentropy(from_logits=True))\n',
    says: ['LL001 On the TensorFlow backend Keras warns', 'LL001 JAX and PyTorch backends of Keras 3'],
  },
];

for (const c of ADVICE_CASES) {
  test(`advice: ${c.name}`, async () => {
    const { ws, uriOf } = await workspaceOf({ [c.file]: c.text });
    const found = ws.check(uriOf(c.file)).map(f => `${f.code} ${f.message}`);
    for (const s of c.says) {
      const [code, ...words] = s.split(' ');
      assert.ok(
        found.some(f => f.startsWith(code) && f.includes(words.join(' '))),
        `expected a ${code} finding saying "${words.join(' ')}", got:\n${found.join('\n')}`,
      );
    }
  });
}
