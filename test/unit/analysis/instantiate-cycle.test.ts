// Issue #21: a class whose field initializer (or constructor) builds another class that builds the first
// one back, directly or through a base class, made `instantiate` recurse without limit (a stack overflow
// and the file's findings lost). The cycle is cut like a recursive call: the inner instance stays
// unknown, and the rest of the file is still analysed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { typescriptFrontEnd, pythonFrontEnd } from '../../helpers/analysis';
import { Interpreter } from '../../../server/src/analysis/engine/interpreter';
import type { LossCallEvent } from '../../../server/src/analysis/engine/events';
import type { FrontEnd } from '../../../server/src/parse/frontend';

const TS_LOSS = `function f(y, x) { return tf.losses.softmaxCrossEntropy(y, tf.softmax(x)); }`;
const PY_LOSS = `def f(x, y):\n    return F.cross_entropy(F.softmax(x, dim=1), y)\n`;

function lossesIn(fe: FrontEnd, uri: string, text: string): number {
  const interp = new Interpreter({ resolve: () => undefined });
  interp.run(uri, fe.parse(uri, text), text);
  return interp.events.filter((e): e is LossCallEvent => e.type === 'loss').length;
}

test('instantiation cycles end, and the rest of the file is analysed', async () => {
  const ts = typescriptFrontEnd();
  const py = await pythonFrontEnd();
  const tsCases: [string, string][] = [
    ['fields A → B → A', 'class A { b = new B(); }\nclass B { a = new A(); }\nconst a = new A();'],
    ['field builds its own class', 'class A { me = new A(); }\nnew A();'],
    ['through a base class', 'class A { b = new B(); }\nclass B extends A {}\nnew B();'],
    [
      'constructors A → B → A',
      'class A { constructor() { this.b = new B(); } }\nclass B { constructor() { this.a = new A(); } }\nnew A();',
    ],
    ['field and constructor', 'class A { b = new B(); }\nclass B { constructor() { this.a = new A(); } }\nnew A();'],
  ];
  for (const [name, code] of tsCases) {
    const text = `import * as tf from '@tensorflow/tfjs';\n${code}\n${TS_LOSS}\n`;
    assert.ok(lossesIn(ts, `file:///ws/${name.replace(/\W+/g, '_')}.ts`, text) > 0, name);
  }
  const pyCases: [string, string][] = [
    [
      '__init__ A → B → A',
      'class A:\n    def __init__(self):\n        self.b = B()\n\nclass B:\n    def __init__(self):\n        self.a = A()\n\nA()\n',
    ],
    ['through a base class', 'class A:\n    def __init__(self):\n        self.b = B()\n\nclass B(A):\n    pass\n\nB()\n'],
  ];
  for (const [name, code] of pyCases) {
    const text = `import torch.nn.functional as F\n${code}\n${PY_LOSS}`;
    assert.ok(lossesIn(py, `file:///ws/${name.replace(/\W+/g, '_')}.py`, text) > 0, name);
  }
});
