// CONTRIBUTING.md's recipes, followed by a newcomer's hands: a loss added to a pack as one row of its
// losses.ts, a rule written with the rules/helpers specifications, registered, run by the real rules pass
// over a workspace with fixtures (`# expect:` markers, a close-looking negative), its fix applied by the fix
// loop to an expected text, and its docs rendered from the metadata. When a step of the recipe stops
// working (a helper renamed, the pass no longer takes a rule list, a row no longer reaches the engine),
// this test fails and the recipe must change with the code.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalysisWorkspace } from '../../../server/src/analysis';
import { languageOfPath } from '../../../server/src/parse/frontend';
import { runRules } from '../../../server/src/rules/run';
import { rules } from '../../../server/src/rules/registry';
import { renderRuleDoc } from '../../../server/src/rules/docs';
import type { Rule } from '../../../server/src/rules/api';
import { checkLossArgument, reportAtCompiledLoss, removeActivationFix } from '../../../server/src/rules/helpers';
import { lossSpecs, param, type LossRow } from '../../../server/src/frameworks/losses-table';
import { LOSS_SPECS } from '../../../server/src/frameworks/registry';
import type { LossSpec } from '../../../server/src/frameworks/types';
import { fixFiles } from '../../../server/src/fixes/fix-loop';
import { lineOf, pythonFrontEnd, typescriptFrontEnd } from '../../helpers/analysis';

// "Adding a loss to a framework": one row in the pack's losses.ts (here: a made-up PyTorch loss) and its
// signature's parameters. The pack's `lossSpecs(rows, …)` turns rows into the specs PACKS merges into
// LOSS_SPECS when the registry loads; a throw-away row is merged the same way and removed afterwards.
const row: LossRow = ['torch.nn.functional.recipe_loss', 'F.recipe_loss', 'regression', undefined, { form: 'function' }];
const [spec] = lossSpecs([row], 'torch', new Map([[row[0], [param('reduction', 2, "'mean'")]]]), { torchReduction: true });
const lossTable = LOSS_SPECS as Map<string, LossSpec>;
assert.ok(!lossTable.has(spec.path), 'the throw-away loss is not a real one');
lossTable.set(spec.path, spec);
after(() => lossTable.delete(spec.path));

// "Adding a rule", step 2: a rule file is a Rule whose check is a specification for the helpers.
const recipeRule: Rule = {
  meta: {
    id: 'LL999',
    name: 'recipe-loss-on-softmax',
    severity: 'warning',
    frameworks: ['torch', 'keras'],
    summary: 'A made-up regression loss is fed softmax probabilities',
    fix: { title: 'Remove the softmax', applicability: 'unsafe' },
    docs: {
      what: 'Flags `F.recipe_loss` whose input is softmax probabilities, and a Keras model with a softmax output compiled with `loss="mse"`.',
      why: 'A throw-away rule of the recipe test.',
      example: { language: 'python', code: 'F.recipe_loss(F.softmax(z, dim=1), y)' },
      useInstead: { language: 'python', code: 'F.recipe_loss(z, y)' },
      fixSafety: 'Unsafe: it changes what the model outputs.',
    },
  },
  check(ctx) {
    checkLossArgument(ctx, {
      families: ['regression'],
      kinds: ['probs-softmax'],
      when: ev => ev.spec.path === spec.path,
      message: (ev, t) => `${ev.spec.label} gets softmax probabilities from ${t.origin?.label ?? 'here'}.`,
      related: 'softmax applied here',
      fix: (c, _ev, t) => removeActivationFix(c, t.origin, 'Remove the softmax'),
    });
    reportAtCompiledLoss(ctx, {
      families: ['regression'],
      outputKinds: ['probs-softmax'],
      when: loss => loss.label === "'mse'",
      message: loss => `${loss.label} on a softmax output.`,
      related: 'softmax output',
    });
  },
};

// Step 3: one line in the registry's list; the rules pass runs that list.
const registered: readonly Rule[] = [...rules, recipeRule];

/** A workspace over in-memory files whose checks run the rules pass with `ruleList` (what the entry points do with the registry). */
async function workspace(files: Record<string, string>, ruleList: readonly Rule[]) {
  const python = await pythonFrontEnd();
  const uriOf = (p: string) => `file:///ws/${p}`;
  const byUri = new Map(Object.entries(files).map(([p, t]) => [uriOf(p), t]));
  const ws = createAnalysisWorkspace({
    runRules: (uri, events, textOf) => runRules(uri, events, textOf, ruleList),
    host: { readFile: async uri => byUri.get(uri) },
    roots: ['file:///ws'],
    frontEnd: lang => (lang === 'python' ? python : typescriptFrontEnd()),
  });
  for (const [p, text] of Object.entries(files)) ws.update(uriOf(p), text, languageOfPath(p)!);
  for (const p of Object.keys(files)) await ws.resolveImports(uriOf(p));
  return { ws, uriOf };
}

// Step 4: fixtures, lines marked `# expect: LL999`, every other line clean (negatives that look close).
const fixtures: Record<string, string> = {
  'positive.py': [
    'import torch.nn.functional as F',
    '',
    'def train_step(model, x, y):',
    '    p = F.softmax(model(x), dim=1)',
    '    return F.recipe_loss(p, y)  # expect: LL999',
    '',
  ].join('\n'),
  'negative.py': [
    'import torch.nn.functional as F',
    '',
    'def train_step(model, x, y):',
    '    z = model(x)',
    '    a = F.recipe_loss(z, y)',
    '    b = F.mse_loss(F.softmax(z, dim=1), y)',
    '    return a + b',
    '',
  ].join('\n'),
  'compiled.py': [
    'from tensorflow import keras',
    '',
    'model = keras.Sequential([keras.layers.Dense(64, activation="relu"), keras.layers.Dense(10, activation="softmax")])',
    'model.compile(optimizer="adam", loss="mse")  # expect: LL999',
    '',
  ].join('\n'),
};

function expectedMarks(text: string, code: string): number[] {
  return text
    .split('\n')
    .flatMap((l, i) => (new RegExp(`#\\s*expect:.*\\b${code}\\b`).test(l) ? [i + 1] : []))
    .sort((a, b) => a - b);
}

test('recipe: the new loss row reaches the lookup with the pack defaults filled in', () => {
  const found = LOSS_SPECS.get('torch.nn.functional.recipe_loss');
  assert.equal(found?.family, 'regression');
  assert.equal(found?.framework, 'torch');
  assert.deepEqual(found?.input, { pos: 0, kw: ['input'] });
  assert.deepEqual(found?.target, { pos: 1, kw: ['target'] });
  assert.deepEqual(
    found?.params.map(p => p.name),
    ['reduction'],
  );
});

test('recipe: the registered rule fires on the marked lines of its fixtures and nowhere else', async () => {
  const { ws, uriOf } = await workspace(fixtures, registered);
  for (const [path, text] of Object.entries(fixtures)) {
    const got = ws
      .check(uriOf(path))
      .filter(f => f.code === 'LL999')
      .map(f => lineOf(text, f.span.start));
    assert.deepEqual(got, expectedMarks(text, 'LL999'), `${path}: LL999 lines`);
  }
  const [finding] = ws.check(uriOf('positive.py')).filter(f => f.code === 'LL999');
  assert.equal(finding.name, 'recipe-loss-on-softmax');
  assert.equal(finding.severity, 'warning');
  assert.match(finding.message, /^F\.recipe_loss gets softmax probabilities from /);
  assert.equal(lineOf(fixtures['positive.py'], finding.related[0].span.start), 4, 'related information at the softmax');
});

test('recipe: a rule left out of the registry does not run', async () => {
  const { ws, uriOf } = await workspace(fixtures, rules);
  assert.deepEqual(
    ws.check(uriOf('positive.py')).filter(f => f.code === 'LL999'),
    [],
  );
});

test('recipe: the fix fixture (<case>.input.py → <case>.expected.py) is reached by the fix loop and is stable', async () => {
  const input = fixtures['positive.py'];
  const expected = input.replace('F.softmax(model(x), dim=1)', 'model(x)');
  const fix = async (text: string) => {
    const { ws, uriOf } = await workspace({ 'positive.py': text }, registered);
    const uri = uriOf('positive.py');
    let current = text;
    const report = await fixFiles(
      {
        uris: [uri],
        text: () => current,
        findings: async () => ws.check(uri).filter(f => f.code === 'LL999'),
        setText: (_uri, t) => {
          current = t;
          ws.update(uri, t, 'python');
        },
        editable: u => u === uri,
      },
      { unsafe: true },
    );
    return { text: current, report };
  };
  const once = await fix(input);
  assert.equal(once.text, expected);
  assert.equal(once.report.applied.get('LL999'), 1);
  const twice = await fix(once.text);
  assert.equal(twice.text, once.text, 'a second run changes nothing');
});

test('recipe: `npm run docs` renders the rule page from its metadata alone', () => {
  const page = renderRuleDoc(recipeRule.meta);
  for (const part of ['LL999', 'recipe-loss-on-softmax', recipeRule.meta.docs.what, 'F.recipe_loss(z, y)', 'Remove the softmax']) {
    assert.ok(page.includes(part), `the page shows ${part}`);
  }
});
