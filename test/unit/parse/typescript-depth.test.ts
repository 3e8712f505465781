// Hostile but valid TS/JS must not cost a file its findings: lowering is depth-bounded (deep parts
// become `unknown`) and a class whose instance field constructs the class is not built for ever.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as ts from 'typescript';
import type { Expr, Stmt } from '../../../server/src/ir';
import { createTypeScriptFrontEnd } from '../../../server/src/parse/typescript/index';
import { MAX_EXPRESSION_DEPTH } from '../../../server/src/parse/typescript/lower';
import { check } from '../../helpers/analysis';

const DOUBLE_SOFTMAX = `
export function step(ys: tf.Tensor, logits: tf.Tensor) {
  const probs = tf.softmax(logits);
  return tf.losses.softmaxCrossEntropy(ys, probs);
}
`;
const HEADER = "import * as tf from '@tensorflow/tfjs';\n";

function depthOf(e: Expr): number {
  let max = 0;
  // Iterative: the test must not overflow where the code under test used to.
  const stack: [unknown, number][] = [[e, 1]];
  while (stack.length) {
    const [node, d] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if ('k' in node && typeof (node as { k: unknown }).k === 'string') max = Math.max(max, d);
    for (const [key, v] of Object.entries(node)) {
      if (key === 'span' || key === 'nameSpan' || key === 'argsSpan') continue;
      if (Array.isArray(v)) for (const x of v) stack.push([x, d + 1]);
      else if (typeof v === 'object' && v !== null) stack.push([v, d + 1]);
    }
  }
  return max;
}

const cases: [name: string, source: string][] = [
  ['a valid 2,500-term + chain', `const a = 1;\nconst x = ${Array(2500).fill('a').join(' + ')};\n`],
  ['a 3,000-deep member chain', `const z = tf${'.a'.repeat(3000)};\n`],
  [
    'a class whose field initializer constructs the class',
    'class Node2 {\n  child = new Node2();\n  other = [new Node2(), { n: new Node2() }];\n}\nconst root = new Node2();\n',
  ],
];
for (const [name, source] of cases) {
  test(`${name}: the rest of the file keeps its findings`, async () => {
    for (const order of ['before', 'after'] as const) {
      const text = order === 'before' ? HEADER + source + DOUBLE_SOFTMAX : HEADER + DOUBLE_SOFTMAX + source;
      const findings = await check(text, `deep-${order}.ts`);
      assert.deepEqual(
        findings.map(f => f.code),
        ['LL001'],
        `${name}, hostile part ${order} the loss`,
      );
    }
  });
}

test(`lowering stops at ${MAX_EXPRESSION_DEPTH} levels: deeper parts are unknown`, () => {
  const fe = createTypeScriptFrontEnd(ts);
  const m = fe.parse('file:///depth/a.ts', `const x = ${Array(2500).fill('a').join(' + ')};\n`);
  const assign = m.body[0] as Extract<Stmt, { k: 'assign' }>;
  assert.equal(assign.k, 'assign');
  const depth = depthOf(assign.value);
  assert.ok(depth <= MAX_EXPRESSION_DEPTH * 2 + 2 && depth >= MAX_EXPRESSION_DEPTH, `IR depth ${depth}`);
  // A shallow chain is lowered in full.
  const shallow = fe.parse('file:///depth/b.ts', 'const y = a + b + c;\n').body[0] as Extract<Stmt, { k: 'assign' }>;
  assert.equal(JSON.stringify(shallow.value).includes('unknown'), false);
});

test('only a class constructing itself in an instance field is cut; statics, methods and other classes are kept', () => {
  const fe = createTypeScriptFrontEnd(ts);
  const m = fe.parse(
    'file:///depth/c.ts',
    [
      'class A {',
      '  self = new A();',
      '  other = new B();',
      '  static instance = new A();',
      '  clone() { return new A(); }',
      '  make = () => new A();',
      '}',
      '',
    ].join('\n'),
  );
  const cls = m.body[0] as Extract<Stmt, { k: 'class' }>;
  const fields = cls.def.body.filter((s): s is Extract<Stmt, { k: 'assign' }> => s.k === 'assign');
  assert.deepEqual(
    fields.map(f => f.value.k),
    ['unknown', 'call', 'call', 'lambda'],
  );
  const method = cls.def.body.find((s): s is Extract<Stmt, { k: 'func' }> => s.k === 'func');
  const ret = method?.def.body[0] as Extract<Stmt, { k: 'return' }>;
  assert.equal(ret.value?.k, 'call');
});
