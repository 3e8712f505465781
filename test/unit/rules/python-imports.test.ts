// Import insertion for fixes that need a module (LL008's logsigmoid needs torch.nn.functional).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pythonModuleRef, importEdit } from '../../../server/src/rules/helpers/python-imports';
import { applyEdits } from '../../../server/src/fixes/text-edits';

const M = 'torch.nn.functional';

test('an existing import is reused under its name', () => {
  assert.deepEqual(pythonModuleRef('import torch.nn.functional as fn\n', M, 'F'), { name: 'fn' });
  assert.deepEqual(pythonModuleRef('from torch.nn import functional as TF  # noqa\n', M, 'F'), { name: 'TF' });
  assert.deepEqual(pythonModuleRef('from torch.nn import functional\n', M, 'F'), { name: 'functional' });
});

test('a missing import is added after the leading imports, docstring and comments', () => {
  const cases: [string, string, string][] = [
    [
      'after imports',
      'import torch\nimport numpy as np\n\nx = 1\n',
      'import torch\nimport numpy as np\nimport torch.nn.functional as F\n\nx = 1\n',
    ],
    ['after a docstring', '"""Doc\nstring."""\n\nx = 1\n', '"""Doc\nstring."""\nimport torch.nn.functional as F\n\nx = 1\n'],
    [
      'after a shebang and __future__',
      '#!/usr/bin/env python\nfrom __future__ import annotations\nimport torch\ndef f(): pass\n',
      '#!/usr/bin/env python\nfrom __future__ import annotations\nimport torch\nimport torch.nn.functional as F\ndef f(): pass\n',
    ],
    [
      'after a parenthesised import',
      'from torch import (\n    nn,\n    optim,\n)\nx = 1\n',
      'from torch import (\n    nn,\n    optim,\n)\nimport torch.nn.functional as F\nx = 1\n',
    ],
    ['in an empty module', '', 'import torch.nn.functional as F\n'],
    ['CRLF file', 'import torch\r\nx = 1\r\n', 'import torch\r\nimport torch.nn.functional as F\r\nx = 1\r\n'],
    ['last line without newline', 'import torch', 'import torch\nimport torch.nn.functional as F\n'],
  ];
  for (const [name, text, expected] of cases) {
    const ref = pythonModuleRef(text, M, 'F');
    assert.equal(ref.name, 'F', name);
    assert.equal(applyEdits(text, [ref.edit!]), expected, name);
  }
});

test('when the alias is taken, the module is spelled out (imported when needed)', () => {
  const taken = 'import torch\nF = 3\n';
  assert.deepEqual(pythonModuleRef(taken, M, 'F'), { name: M });
  const notImported = 'import numpy\nF = 3\n';
  const ref = pythonModuleRef(notImported, M, 'F');
  assert.equal(ref.name, M);
  assert.equal(applyEdits(notImported, [ref.edit!]), 'import numpy\nimport torch.nn.functional\nF = 3\n');
  assert.equal(importEdit('x = 1\n', 'import a').span.start, 0);
});
