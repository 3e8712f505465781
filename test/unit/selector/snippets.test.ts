// Snippets for every loss × framework: present, well-formed VS Code snippet syntax with tab stops for the
// parameters, honest about hand-written implementations, and syntactically valid code once the tab
// stops hold their defaults and the missing imports are added (Python checked by `python3 -m
// py_compile`, TypeScript/JavaScript by the TypeScript compiler's syntactic diagnostics).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { catalog, getCatalogEntry, type Framework } from '../../../core/src/knowledge';
import { FRAMEWORKS, lossSnippets, planInsertion, type LossSnippet } from '../../../client/src/common/selector/snippets';
import { applyImportEdit } from '../../../client/src/common/selector/imports';
import { compileTemplate } from '../../../client/src/common/selector/template';

const all: LossSnippet[] = catalog.flatMap(e => FRAMEWORKS.flatMap(fw => lossSnippets(e.id, fw)));

/** Resolves VS Code snippet syntax the way the editor does for a plain insert: tab stops take their defaults. */
function expandSnippet(snippet: string): { text: string; tabStops: Map<number, string> } {
  let text = '';
  const tabStops = new Map<number, string>();
  for (let i = 0; i < snippet.length; i++) {
    const c = snippet[i];
    if (c === '\\' && i + 1 < snippet.length && '$}\\'.includes(snippet[i + 1])) {
      text += snippet[++i];
    } else if (c === '$') {
      const simple = /^\$(\d+)/.exec(snippet.slice(i));
      const placeholder = /^\$\{(\d+):((?:\\.|[^\\}])*)\}/.exec(snippet.slice(i));
      if (placeholder) {
        const value = placeholder[2].replace(/\\(.)/g, '$1');
        const n = Number(placeholder[1]);
        if (tabStops.has(n)) assert.equal(tabStops.get(n), value, `tab stop ${n} has two defaults`);
        tabStops.set(n, value);
        text += value;
        i += placeholder[0].length - 1;
      } else if (simple) {
        i += simple[0].length - 1;
      } else {
        assert.fail(`unescaped $ at ${i} in ${snippet}`);
      }
    } else if (c === '}') {
      assert.fail(`unescaped } at ${i} in ${snippet}`);
    } else {
      text += c;
    }
  }
  return { text, tabStops };
}

test('every catalog loss has at least one snippet in every framework', () => {
  for (const e of catalog) {
    for (const fw of FRAMEWORKS) assert.ok(lossSnippets(e.id, fw).length >= 1, `${e.id} × ${fw}`);
  }
  assert.equal(all.length >= 87, true, `${all.length} snippets`);
});

test('snippet syntax expands to the plain text, ends at $0, and tab stops are numbered from 1 without gaps', () => {
  for (const s of all) {
    const where = `${s.lossId} × ${s.framework} (${s.label})`;
    const { text, tabStops } = expandSnippet(s.snippet);
    assert.equal(text, s.plain, where);
    assert.ok(s.snippet.endsWith('$0'), where);
    const numbers = [...tabStops.keys()].sort((a, b) => a - b);
    assert.deepEqual(
      numbers,
      numbers.map((_, i) => i + 1),
      `${where}: tab stops ${numbers.join(',')}`,
    );
    assert.ok(tabStops.size >= 1, `${where}: no tab stop to fill in`);
  }
});

test('every hyperparameter a snippet mentions is a tab stop holding the catalog default', () => {
  const expectations: { lossId: string; framework: Framework; contains: string }[] = [
    { lossId: 'huberLoss', framework: 'torch', contains: 'nn.HuberLoss(delta=${1:1.0})' },
    { lossId: 'sigmoidFocalLoss', framework: 'torch', contains: 'alpha=${3:0.25}, gamma=${4:2.0}' },
    { lossId: 'sigmoidFocalLoss', framework: 'keras', contains: 'alpha=${2:0.25}, gamma=${3:2.0}' },
    { lossId: 'tripletMarginLoss', framework: 'torch', contains: 'nn.TripletMarginLoss(margin=${1:1.0}, p=${2:2})' },
    { lossId: 'multiMarginLoss', framework: 'torch', contains: 'p=${1:1}, margin=${2:1.0}' },
    { lossId: 'labelSmoothingCrossEntropy', framework: 'tfjs', contains: 'undefined, ${3:0.1})' },
    { lossId: 'infoNce', framework: 'torch', contains: '/ ${3:0.1}' },
    { lossId: 'binaryCrossEntropyWithLogits', framework: 'torch', contains: 'pos_weight=torch.tensor([${1:1.0}])' },
  ];
  for (const x of expectations) {
    const first = lossSnippets(x.lossId, x.framework)[0];
    assert.ok(first.snippet.includes(x.contains), `${x.lossId} × ${x.framework}: ${first.snippet}`);
  }
  // Values from the Loss Explorer replace the defaults.
  assert.match(lossSnippets('huberLoss', 'torch', { delta: 0.5 })[0].plain, /HuberLoss\(delta=0\.5\)/);
});

test('a template naming a parameter the loss does not have is rejected', () => {
  assert.throws(() => compileTemplate('x = {{gama}}', getCatalogEntry('sigmoidFocalLoss')!.params, 'python'), /gama/);
});

test('hand-written implementations say so in their first line', () => {
  for (const s of all.filter(x => x.custom)) {
    const first = s.plain.split('\n')[0];
    const comment = s.framework === 'tfjs' ? '//' : '#';
    assert.ok(first.startsWith(comment), `${s.lossId} × ${s.framework}: first line is not a comment`);
    assert.match(first, /custom implementation/, `${s.lossId} × ${s.framework}`);
  }
});

test('TF.js has no triplet, focal or KL loss in tf.losses: those snippets are custom implementations', () => {
  for (const id of ['tripletMarginLoss', 'sigmoidFocalLoss', 'softmaxFocalLoss', 'klDiv', 'contrastiveLoss']) {
    const first = lossSnippets(id, 'tfjs')[0];
    assert.equal(first.custom, true, id);
    assert.match(first.plain, /^\/\/ TF\.js has no .*: a short custom implementation/, id);
    assert.doesNotMatch(first.plain, /tf\.losses\.(triplet|focal|kl)/i, id);
  }
});

test('PyTorch built-ins come as the nn.*Loss object first and the functional form second', () => {
  for (const id of ['mseLoss', 'crossEntropy', 'huberLoss', 'klDiv', 'tripletMarginLoss']) {
    const [first, second] = lossSnippets(id, 'torch');
    assert.equal(first.form, 'class', id);
    assert.match(first.plain, /nn\.\w+Loss\(/, id);
    assert.equal(second.form, 'functional', id);
    assert.match(second.plain, /F\.\w+\(/, id);
  }
});

test('Keras and TF.js offer the compile string where the framework has one', () => {
  const compileOf = (id: string, fw: Framework) => lossSnippets(id, fw).find(s => s.form === 'compile')?.plain;
  assert.match(compileOf('mseLoss', 'keras')!, /loss='mse'/);
  assert.match(compileOf('crossEntropy', 'keras')!, /loss='categorical_crossentropy'/);
  assert.match(compileOf('mseLoss', 'tfjs')!, /loss: 'meanSquaredError'/);
  assert.match(compileOf('sparseCrossEntropy', 'tfjs')!, /loss: 'sparseCategoricalCrossentropy'/);
  assert.match(compileOf('klDiv', 'tfjs')!, /loss: 'kullbackLeiblerDivergence'/);
});

function pythonSnippets(): LossSnippet[] {
  return all.filter(s => s.framework !== 'tfjs');
}

test('every Python snippet compiles with python3 -m py_compile (defaults filled, imports added)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'losslens-snippets-'));
  try {
    const files: { file: string; where: string }[] = [];
    pythonSnippets().forEach((s, i) => {
      // Into an empty file and into one that already imports something, as a user would.
      for (const [k, start] of [
        ['empty', ''],
        ['existing', 'import numpy as np\n\nx = np.zeros(3)\n'],
      ] as const) {
        const plan = planInsertion(s, start, 'python');
        const text = applyImportEdit(start, plan.importEdit) + '\n' + s.plain + '\n';
        const file = join(dir, `s${i}_${k}.py`);
        writeFileSync(file, text);
        files.push({ file, where: `${s.lossId} × ${s.framework} (${s.label}) into ${k}` });
      }
    });
    const script =
      'import json, py_compile, sys\nbad = []\nfor f in sys.argv[1:]:\n    try:\n        py_compile.compile(f, doraise=True)\n    except py_compile.PyCompileError as e:\n        bad.append([f, str(e)])\nprint(json.dumps(bad))\n';
    const r = spawnSync('python3', ['-c', script, ...files.map(f => f.file)], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const bad = JSON.parse(r.stdout) as [string, string][];
    const described = bad.map(([f, e]) => `${files.find(x => x.file === f)?.where}: ${e}`);
    assert.deepEqual(described, []);
    assert.ok(files.length >= 2 * 58, `${files.length} files compiled`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('every TF.js snippet parses as TypeScript and as JavaScript without syntax errors', () => {
  for (const s of all.filter(x => x.framework === 'tfjs')) {
    for (const [language, fileName] of [
      ['typescript', 'snippet.ts'],
      ['javascript', 'snippet.js'],
    ] as const) {
      const plan = planInsertion(s, '', language);
      const text = applyImportEdit('', plan.importEdit) + s.plain + '\n';
      const out = ts.transpileModule(text, { fileName, reportDiagnostics: true, compilerOptions: { allowJs: true } });
      const errors = (out.diagnostics ?? []).map(d => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      assert.deepEqual(errors, [], `${s.lossId} (${s.label}) as ${language}:\n${text}`);
    }
  }
});
