// Import insertion for loss snippets: a missing `import torch.nn as nn` / `import torch.nn.functional as
// F` (and friends) is added to the file's import header, and nothing is added when the name is already
// bound in any spelling. Also: which framework a file is for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  applyImportEdit,
  decideFramework,
  importEdit,
  missingImports,
  scanImports,
  type SourceLanguage,
} from '../../../client/src/common/selector/imports';
import { lossSnippets, planInsertion } from '../../../client/src/common/selector/snippets';
import type { Framework } from '../../../core/src/knowledge';

const missingCases: { name: string; code: string; framework: Framework; file: string; language?: SourceLanguage; expect: string[] }[] = [
  { name: 'nn in an empty file', code: 'criterion = nn.MSELoss()', framework: 'torch', file: '', expect: ['import torch.nn as nn'] },
  {
    name: 'F in an empty file',
    code: 'loss = F.mse_loss(a, b)',
    framework: 'torch',
    file: '',
    expect: ['import torch.nn.functional as F'],
  },
  {
    name: 'nn and F and torch, in that order',
    code: 'c = nn.BCEWithLogitsLoss(pos_weight=torch.tensor([1.0]))\nF.relu(x)',
    framework: 'torch',
    file: '',
    expect: ['import torch', 'import torch.nn as nn', 'import torch.nn.functional as F'],
  },
  { name: 'nn already imported as a module alias', code: 'nn.MSELoss()', framework: 'torch', file: 'import torch.nn as nn\n', expect: [] },
  { name: 'nn already imported from torch', code: 'nn.MSELoss()', framework: 'torch', file: 'from torch import nn, optim\n', expect: [] },
  {
    name: 'nn from a parenthesized multi-line import',
    code: 'nn.MSELoss()',
    framework: 'torch',
    file: 'from torch import (\n    nn,\n    optim,\n)\n',
    expect: [],
  },
  {
    name: 'F imported through torch.nn',
    code: 'F.mse_loss(a, b)',
    framework: 'torch',
    file: 'from torch.nn import functional as F\n',
    expect: [],
  },
  {
    name: '`import torch` does not bind nn',
    code: 'nn.MSELoss()',
    framework: 'torch',
    file: 'import torch\n',
    expect: ['import torch.nn as nn'],
  },
  { name: '`import torch.nn` binds torch', code: 'torch.clamp(x, min=0)', framework: 'torch', file: 'import torch.nn\n', expect: [] },
  {
    name: 'an import inside a function does not count',
    code: 'nn.MSELoss()',
    framework: 'torch',
    file: 'def f():\n    import torch.nn as nn\n',
    expect: ['import torch.nn as nn'],
  },
  { name: 'torch.nn.X is not a use of nn', code: 'torch.nn.MSELoss()', framework: 'torch', file: 'import torch\n', expect: [] },
  {
    name: 'torchvision focal loss',
    code: 'sigmoid_focal_loss(x, y)',
    framework: 'torch',
    file: 'import torch\n',
    expect: ['from torchvision.ops import sigmoid_focal_loss'],
  },
  { name: 'math for the flow NLL', code: 'math.log(2 * math.pi)', framework: 'torch', file: '', expect: ['import math'] },
  {
    name: 'keras with TensorFlow imported uses its bundled keras',
    code: 'keras.losses.Huber()',
    framework: 'keras',
    file: 'import tensorflow as tf\n',
    expect: ['from tensorflow import keras'],
  },
  { name: 'keras without TensorFlow', code: 'keras.losses.Huber()', framework: 'keras', file: '', expect: ['import keras'] },
  { name: 'keras already bound', code: 'keras.losses.Huber()', framework: 'keras', file: 'from tensorflow import keras\n', expect: [] },
  {
    name: 'tf for a hand-written Keras loss',
    code: 'tf.reduce_mean(x)',
    framework: 'keras',
    file: 'import keras\n',
    expect: ['import tensorflow as tf'],
  },
  { name: 'tf.math is not a use of math', code: 'tf.math.softplus(x)', framework: 'keras', file: 'import tensorflow as tf\n', expect: [] },
  { name: 'compile string needs nothing', code: "model.compile(optimizer='adam', loss='mse')", framework: 'keras', file: '', expect: [] },
  {
    name: 'optax with one-hot labels needs optax and jax',
    code: 'loss = optax.softmax_cross_entropy(logits, jax.nn.one_hot(labels, 10)).mean()',
    framework: 'jax',
    file: 'import numpy as np\n',
    expect: ['import jax', 'import optax'],
  },
  {
    name: 'optax already bound',
    code: 'loss = optax.log_cosh(pred, target).mean()',
    framework: 'jax',
    file: 'import jax\nimport optax\n',
    expect: [],
  },
  {
    name: 'jnp is jax.numpy',
    code: 'loss = jnp.mean(jnp.abs(pred - target))',
    framework: 'jax',
    file: 'import optax\n',
    expect: ['import jax.numpy as jnp'],
  },
  {
    name: 'TF.js ES module',
    code: 'tf.losses.huberLoss(a, b);',
    framework: 'tfjs',
    file: "import { foo } from './foo';\n",
    language: 'typescript',
    expect: ["import * as tf from '@tensorflow/tfjs';"],
  },
  {
    name: 'TF.js CommonJS',
    code: 'tf.losses.huberLoss(a, b);',
    framework: 'tfjs',
    file: "const fs = require('fs');\n",
    language: 'javascript',
    expect: ["const tf = require('@tensorflow/tfjs');"],
  },
  {
    name: 'TF.js already bound (tfjs-node)',
    code: 'tf.losses.huberLoss(a, b);',
    framework: 'tfjs',
    file: "import * as tf from '@tensorflow/tfjs-node';\n",
    language: 'typescript',
    expect: [],
  },
  {
    name: 'TF.js already required',
    code: 'tf.losses.huberLoss(a, b);',
    framework: 'tfjs',
    file: "const tf = require('@tensorflow/tfjs-node');\n",
    language: 'javascript',
    expect: [],
  },
];

for (const c of missingCases) {
  test(`missing imports: ${c.name}`, () => {
    assert.deepEqual(missingImports(c.code, c.framework, c.file, c.language ?? 'python'), c.expect);
  });
}

const placementCases: { name: string; file: string; language: SourceLanguage; lines: string[]; expect: string }[] = [
  { name: 'empty file', file: '', language: 'python', lines: ['import torch.nn as nn'], expect: 'import torch.nn as nn\n' },
  {
    name: 'after the last header import',
    file: 'import os\nimport torch\n\nx = 1\n',
    language: 'python',
    lines: ['import torch.nn as nn'],
    expect: 'import os\nimport torch\nimport torch.nn as nn\n\nx = 1\n',
  },
  {
    name: 'after a module docstring and __future__',
    file: '"""Train.\n\nMore.\n"""\nfrom __future__ import annotations\nimport torch\n\nx = 1\n',
    language: 'python',
    lines: ['import torch.nn as nn'],
    expect: '"""Train.\n\nMore.\n"""\nfrom __future__ import annotations\nimport torch\nimport torch.nn as nn\n\nx = 1\n',
  },
  {
    name: 'after a multi-line import',
    file: 'from torch import (\n    optim,\n)\nx = 1\n',
    language: 'python',
    lines: ['import torch.nn as nn'],
    expect: 'from torch import (\n    optim,\n)\nimport torch.nn as nn\nx = 1\n',
  },
  {
    name: 'not below imports that follow code',
    file: 'import torch\nx = 1\nimport numpy as np\n',
    language: 'python',
    lines: ['import math'],
    expect: 'import torch\nimport math\nx = 1\nimport numpy as np\n',
  },
  {
    name: 'code without imports gets a blank line',
    file: 'x = 1\n',
    language: 'python',
    lines: ['import math'],
    expect: 'import math\n\nx = 1\n',
  },
  {
    name: 'after a shebang',
    file: '#!/usr/bin/env python3\nx = 1\n',
    language: 'python',
    lines: ['import math'],
    expect: '#!/usr/bin/env python3\nimport math\n\nx = 1\n',
  },
  {
    name: 'last line without newline',
    file: 'import torch',
    language: 'python',
    lines: ['import math'],
    expect: 'import torch\nimport math\n',
  },
  {
    name: 'CRLF file keeps CRLF',
    file: 'import torch\r\nx = 1\r\n',
    language: 'python',
    lines: ['import math'],
    expect: 'import torch\r\nimport math\r\nx = 1\r\n',
  },
  {
    name: 'TS after multi-line import',
    file: "import {\n  a,\n} from './a';\nconst x = 1;\n",
    language: 'typescript',
    lines: ["import * as tf from '@tensorflow/tfjs';"],
    expect: "import {\n  a,\n} from './a';\nimport * as tf from '@tensorflow/tfjs';\nconst x = 1;\n",
  },
  {
    name: "JS after 'use strict'",
    file: "'use strict';\nconst x = 1;\n",
    language: 'javascript',
    lines: ["const tf = require('@tensorflow/tfjs');"],
    expect: "'use strict';\nconst tf = require('@tensorflow/tfjs');\n\nconst x = 1;\n",
  },
];

for (const c of placementCases) {
  test(`import placement: ${c.name}`, () => {
    assert.equal(applyImportEdit(c.file, importEdit(c.file, c.language, c.lines)), c.expect);
  });
}

test('no edit when nothing is missing', () => {
  assert.equal(importEdit('import torch\n', 'python', []), undefined);
});

test('inserting CrossEntropyLoss twice adds the import once', () => {
  const snippet = lossSnippets('crossEntropy', 'torch')[0];
  let file = 'import torch\n\n';
  for (let i = 0; i < 2; i++) {
    const plan = planInsertion(snippet, file, 'python');
    file = applyImportEdit(file, plan.importEdit) + snippet.plain + '\n';
  }
  assert.equal(file.match(/import torch\.nn as nn/g)?.length, 1);
});

test('the functional form adds F, the class form adds nn', () => {
  const [cls, fn] = lossSnippets('mseLoss', 'torch');
  assert.deepEqual(planInsertion(cls, 'import torch\n', 'python').imports, ['import torch.nn as nn']);
  assert.deepEqual(planInsertion(fn, 'import torch\n', 'python').imports, ['import torch.nn.functional as F']);
});

const frameworkCases: { name: string; languageId: string | undefined; file: string; expect: ReturnType<typeof decideFramework> }[] = [
  { name: 'torch import', languageId: 'python', file: 'import torch\n', expect: { kind: 'known', framework: 'torch' } },
  { name: 'from torch import nn', languageId: 'python', file: 'from torch import nn\n', expect: { kind: 'known', framework: 'torch' } },
  {
    name: 'lightning counts as PyTorch',
    languageId: 'python',
    file: 'import lightning as L\n',
    expect: { kind: 'known', framework: 'torch' },
  },
  { name: 'tensorflow import', languageId: 'python', file: 'import tensorflow as tf\n', expect: { kind: 'known', framework: 'keras' } },
  { name: 'keras import', languageId: 'python', file: 'from keras import layers\n', expect: { kind: 'known', framework: 'keras' } },
  { name: 'none: ask', languageId: 'python', file: 'import numpy as np\n', expect: { kind: 'ask', choices: ['torch', 'keras', 'jax'] } },
  { name: 'optax import', languageId: 'python', file: 'import optax\n', expect: { kind: 'known', framework: 'jax' } },
  {
    name: 'flax and jax.numpy count as JAX',
    languageId: 'python',
    file: 'import jax.numpy as jnp\nfrom flax import linen as nn\n',
    expect: { kind: 'known', framework: 'jax' },
  },
  {
    name: 'torch and jax: ask between them',
    languageId: 'python',
    file: 'import torch\nimport jax\n',
    expect: { kind: 'ask', choices: ['torch', 'jax'] },
  },
  {
    name: 'both: ask',
    languageId: 'python',
    file: 'import torch\nimport tensorflow as tf\n',
    expect: { kind: 'ask', choices: ['torch', 'keras'] },
  },
  { name: 'TypeScript is TF.js', languageId: 'typescript', file: '', expect: { kind: 'known', framework: 'tfjs' } },
  { name: 'JSX is TF.js', languageId: 'javascriptreact', file: '', expect: { kind: 'known', framework: 'tfjs' } },
  { name: 'markdown is none', languageId: 'markdown', file: 'import torch', expect: { kind: 'none' } },
  { name: 'no editor is none', languageId: undefined, file: '', expect: { kind: 'none' } },
];

for (const c of frameworkCases) {
  test(`framework: ${c.name}`, () => {
    assert.deepEqual(decideFramework(c.languageId, c.file), c.expect);
  });
}

test('scanImports reads aliases and modules', () => {
  const scan = scanImports('import torch.nn.functional as F, os\nfrom tensorflow import keras as K\n', 'python');
  assert.deepEqual(scan.bindings, [
    { name: 'F', module: 'torch.nn.functional' },
    { name: 'os', module: 'os' },
    { name: 'K', module: 'tensorflow.keras' },
  ]);
  assert.equal(scan.insertAfterLine, 1);
});
