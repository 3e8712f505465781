// The CLI's relevance pre-check (server/src/analysis/relevance.ts): it may skip a file only when the
// check of that file could not report anything. These tests hold it to that: the import scanner finds
// every import form, the code-text lexer drops only comments and docstrings, the rule words cover the
// API catalogue, and no fixture or example with findings is ever skipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RelevanceIndex, RULE_WORDS, scanPythonImports, type PythonImport } from '../../../server/src/analysis/relevance';
import { pythonCodeText } from '../../../server/src/analysis/python-code-text';
import {
  ACTIVATION_FUNCTIONS,
  ACTIVATION_METHODS,
  LAYERS,
  LOSS_SPECS,
  PACKS,
  PATH_REWRITES,
} from '../../../server/src/frameworks/registry';
import { createAnalysisWorkspace } from '../../../server/src/analysis';
import { runRules } from '../../../server/src/rules/run';
import { languageOfPath } from '../../../server/src/parse/frontend';
import { pythonFrontEnd, typescriptFrontEnd } from '../../helpers/analysis';
import { pythonFiles } from '../parse/pythonTestSupport';

const imports: [source: string, expected: PythonImport[]][] = [
  ['import a', [{ module: 'a', level: 0, names: [] }]],
  [
    'import a.b as c, d',
    [
      { module: 'a.b', level: 0, names: [] },
      { module: 'd', level: 0, names: [] },
    ],
  ],
  ['from . import x, y as z', [{ module: '', level: 1, names: ['x', 'y'] }]],
  ['from ..pkg.mod import (\n    a,  # see f(x)\n    b as c,\n)', [{ module: 'pkg.mod', level: 2, names: ['a', 'b'] }]],
  ['from pkg import a, \\\n    b', [{ module: 'pkg', level: 0, names: ['a', 'b'] }]],
  ['if TYPE_CHECKING: from pkg import Net', [{ module: 'pkg', level: 0, names: ['Net'] }]],
  ['try: import helpers\nexcept ImportError: pass', [{ module: 'helpers', level: 0, names: [] }]],
  ['x = 1; import helpers', [{ module: 'helpers', level: 0, names: [] }]],
  ['def f():\n    from .losses import focal\n', [{ module: 'losses', level: 1, names: ['focal'] }]],
  ['from pkg import *', [{ module: 'pkg', level: 0, names: [] }]],
  ['import  a . b', [{ module: 'a.b', level: 0, names: [] }]],
  [
    'from módulo.señal import función as f\nimport データ',
    [
      { module: 'módulo.señal', level: 0, names: ['función'] },
      { module: 'データ', level: 0, names: [] },
    ],
  ],
  ['important = 1\nreimport(x)', []],
];
for (const [source, expected] of imports) {
  test(`imports found without parsing: ${JSON.stringify(source)}`, () => {
    assert.deepEqual(scanPythonImports(source), expected);
  });
}

const codeText: [source: string, expected: string][] = [
  ['x = 1  # softmax here\n', 'x = 1  \n'],
  ['"""Module docstring with loss."""\nimport torch\n', '\nimport torch\n'],
  ['def f():\n    """doc: softmax"""\n    return 1\n', 'def f():\n    \n    return 1\n'],
  ['def f():\n    r"""raw " doc""" "and more"  # c\n    return 1\n', 'def f():\n      \n    return 1\n'],
  ["x = 'loss'\n", "x = 'loss'\n"],
  ['f(\n    """softmax"""\n)\n', 'f(\n    """softmax"""\n)\n'],
  ['x = \\\n    """softmax"""\n', 'x = \\\n    """softmax"""\n'],
  ['"""a""".join(x)\n', '"""a""".join(x)\n'],
  ['y = 1; "doc"\n', 'y = 1; \n'],
  ["s = 'a # not a comment' + softmax\n", "s = 'a # not a comment' + softmax\n"],
  ['s = f"{d["k"]} # x" + softmax\n', 's = f"{d["k"]} # x" + softmax\n'],
  ['s = f"{{literal}} {x:>{w}}"  # loss\n', 's = f"{{literal}} {x:>{w}}"  \n'],
  ['y = a if b else"softmax"\n', 'y = a if b else"softmax"\n'],
  ["s = 'unterminated\nloss = 1\n", "s = 'unterminated\nloss = 1\n"],
  ['"""never closed\nloss\n', ''],
];
for (const [source, expected] of codeText) {
  test(`code text drops comments and docstrings only: ${JSON.stringify(source)}`, () => {
    assert.equal(pythonCodeText(source), expected);
  });
}

test('code text of random Python-like input: never longer, never throws', () => {
  const alphabet = ['"', "'", '"""', '#', '\\', '\n', '(', ')', '{', '}', 'f', 'r', ' ', 'x', ';', ':', 'softmax'];
  let seed = 7;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed;
  };
  for (let k = 0; k < 2000; k++) {
    let s = '';
    for (let j = rand() % 40; j > 0; j--) s += alphabet[rand() % alphabet.length];
    const out = pythonCodeText(s);
    assert.ok(out.length <= s.length, JSON.stringify(s));
  }
});

test('rule words name every loss and every activation of the Python catalogue', () => {
  for (const spec of LOSS_SPECS.values()) {
    if (spec.framework === 'tfjs') continue;
    assert.match(spec.path, RULE_WORDS, `${spec.path} has no rule word`);
  }
  const acts = (m: ReadonlyMap<string, { act: string }>) => [...m].filter(([, s]) => s.act !== 'other').map(([p]) => p);
  const names = PACKS.filter(p => p.id !== 'tfjs').flatMap(p => acts(p.activationNames ?? new Map()));
  for (const path of [...acts(ACTIVATION_FUNCTIONS), ...acts(ACTIVATION_METHODS), ...names]) {
    if (path.startsWith('tfjs.')) continue;
    assert.match(path, RULE_WORDS, `${path} has no rule word`);
  }
  for (const [path, spec] of LAYERS) {
    if (spec.act && spec.act !== 'other' && !path.startsWith('tfjs.')) assert.match(path, RULE_WORDS, `${path} has no rule word`);
  }
  // An alias that reaches a catalogue name must itself be found by the words (`torch.special.expit`).
  for (const { from, to } of PATH_REWRITES) {
    if (RULE_WORDS.test(to)) assert.match(from, RULE_WORDS, `alias ${from} of ${to} has no rule word`);
  }
});

test('the README names every rule word', () => {
  const readme = readFileSync('README.md', 'utf8');
  for (const word of RULE_WORDS.source.split('|')) assert.ok(readme.includes(`\`${word}\``), `README.md does not list \`${word}\``);
});

/** A relevance index over in-memory files under file:///ws. */
function indexOf(files: Record<string, string>): { mayReport(path: string): boolean; reads: string[] } {
  const reads: string[] = [];
  const byUri = new Map(Object.entries(files).map(([p, t]) => [`file:///ws/${p}`, t]));
  const index = new RelevanceIndex(
    uri => {
      reads.push(uri);
      return byUri.get(uri);
    },
    ['file:///ws'],
  );
  return { mayReport: p => index.mayReport(`file:///ws/${p}`, files[p]), reads };
}

const closures: [name: string, files: Record<string, string>, expected: Record<string, boolean>][] = [
  ['a loss in the file itself', { 'a.py': 'import torch\nloss = torch.nn.CrossEntropyLoss()\n' }, { 'a.py': true }],
  ['no rule word anywhere', { 'a.py': 'import torch\nx = torch.zeros(3)\n' }, { 'a.py': false }],
  [
    'words only in comments and docstrings',
    { 'a.py': '"""Computes the loss."""\nimport torch  # softmax later\nx = 1\n' },
    { 'a.py': false },
  ],
  [
    'a model with softmax in an imported file',
    {
      'train.py': 'from network import Net\nnet = Net()\n',
      'network.py': 'import torch\nclass Net(torch.nn.Module):\n    def forward(self, x):\n        return x.softmax(1)\n',
    },
    { 'train.py': true, 'network.py': true },
  ],
  [
    'two levels of imports, relative',
    {
      'pkg/__init__.py': '',
      'pkg/train.py': 'from .model import build\n',
      'pkg/model.py': 'from . import heads\ndef build():\n    return heads.make()\n',
      'pkg/heads.py': 'import torch.nn as nn\ndef make():\n    return nn.Sigmoid()\n',
    },
    { 'pkg/train.py': true, 'pkg/model.py': true },
  ],
  [
    'a cycle whose members reach a word through another member',
    {
      'a.py': 'import torch\nimport b\n',
      'b.py': 'import a\nimport c\n',
      'c.py': 'def objective(x):\n    return x\n',
    },
    { 'a.py': true, 'b.py': true },
  ],
  ['a cycle without words', { 'a.py': 'import torch\nimport b\n', 'b.py': 'import a\n' }, { 'a.py': false, 'b.py': false }],
  [
    'compile counts next to keras, across files',
    {
      'fit.py': 'import tensorflow as tf\nfrom build import model\nmodel.compile("adam", "mse")\n',
      'build.py': 'from tensorflow import keras\nmodel = keras.Sequential([keras.layers.Dense(1)])\n',
    },
    { 'fit.py': true },
  ],
  ['a word split across adjacent string literals', { 'a.py': 'import keras\nact = ("soft"\n       "max")\n' }, { 'a.py': true }],
  ['re.compile alone does not', { 'a.py': 'import re, torch\npat = re.compile("x")\n' }, { 'a.py': false }],
  [
    'framework imports are not followed',
    { 'a.py': 'import torch.nn.functional as F\nx = F.relu\n', 'torch/nn/functional.py': 'def softmax(x): ...\n' },
    { 'a.py': false },
  ],
];
for (const [name, files, expected] of closures) {
  test(`relevance: ${name}`, () => {
    const { mayReport } = indexOf(files);
    for (const [path, want] of Object.entries(expected)) assert.equal(mayReport(path), want, path);
  });
}

test('relevance reads each imported file once per index', () => {
  const files = {
    'a.py': 'import torch\nimport shared\n',
    'b.py': 'import torch\nimport shared\n',
    'shared.py': 'import util\n',
    'util.py': 'x = 1\n',
  };
  const { mayReport, reads } = indexOf(files);
  assert.equal(mayReport('a.py'), false);
  assert.equal(mayReport('b.py'), false);
  assert.equal(reads.filter(u => u.endsWith('/shared.py')).length, 1);
  assert.equal(reads.filter(u => u.endsWith('/util.py')).length, 1);
});

test('no rule fixture or example with findings is skipped by the pre-check', async () => {
  const repo = process.cwd();
  const rulesDir = join(repo, 'test', 'fixtures', 'rules');
  const roots = [...readdirSync(rulesDir).map(d => join(rulesDir, d)), join(repo, 'examples')];
  const python = await pythonFrontEnd();
  let withFindings = 0;
  for (const root of roots) {
    const rootUri = pathToFileURL(root).href;
    const read = (uri: string) => {
      try {
        return readFileSync(new URL(uri), 'utf8');
      } catch {
        return undefined;
      }
    };
    const ws = createAnalysisWorkspace({
      runRules,
      host: { readFile: async uri => read(uri) },
      roots: [rootUri],
      frontEnd: lang => (lang === 'python' ? python : typescriptFrontEnd()),
      incremental: false,
    });
    const index = new RelevanceIndex(read, [rootUri]);
    for (const path of pythonFiles(root)) {
      const rel = relative(root, path);
      const uri = pathToFileURL(path).href;
      const text = read(uri)!;
      ws.update(uri, text, languageOfPath(rel)!);
      await ws.resolveImports(uri);
      if (ws.check(uri).length === 0) continue;
      withFindings++;
      assert.ok(index.mayReport(uri, text), `${relative(repo, join(root, rel))} has findings but would be skipped`);
    }
  }
  assert.ok(withFindings > 50, `only ${withFindings} files with findings: the test lost its fixtures`);
});
