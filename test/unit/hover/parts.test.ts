// The pieces behind hovers: literal tensors read from the IR, number formatting, the user-loss
// recognition heuristic, key-point tables, sparklines and the hover.plots setting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pythonFrontEnd, typescriptFrontEnd } from '../../helpers/analysis';
import type { Expr, Module } from '../../../server/src/ir';
import { literalTensor } from '../../../server/src/hover/literal-tensor';
import { collectDefinitions } from '../../../server/src/hover/ir-walk';
import { formatNumber, formatTensor } from '../../../server/src/hover/format';
import { matchUserClass, matchUserFunction } from '../../../server/src/hover/user-losses';
import { keyPoints } from '../../../server/src/hover/key-points';
import { sparkline } from '../../../server/src/hover/sparkline';
import { evaluateLiteral } from '../../../server/src/hover/literal-eval';
import { firstSentences, markdownToPlainText } from '../../../server/src/hover/render';
import { parseSettings } from '../../../server/src/config/settings';

async function pyModule(text: string): Promise<Module> {
  return (await pythonFrontEnd()).parse(`file:///t${Math.random()}.py`, text)!;
}

function valueOf(m: Module, name: string): Expr {
  for (const s of m.body) if (s.k === 'assign' && s.targets[0].k === 'name' && s.targets[0].id === name) return s.value;
  throw new Error(`no ${name}`);
}

test('literal tensors: nested lists, constructors, shapes, bound names; anything computed is not literal', async () => {
  const m = await pyModule(
    [
      'a = torch.tensor([1., 2., 100.])',
      'b = [[1, -2], [3, 4]]',
      'c = np.array([[0.5], [1e-3]])',
      'd = torch.tensor([[1, 2], [3]])',
      'e = torch.tensor(x)',
      'f = a',
      'g = torch.tensor([1., 2.]) * 2',
      'h = torch.tensor([True, False])',
      'i = torch.randn(3)',
    ].join('\n'),
  );
  const bindings = collectDefinitions(m).bindingsAt(0);
  const cases: [string, { data: number[]; shape: number[] } | undefined][] = [
    ['a', { data: [1, 2, 100], shape: [3] }],
    ['b', { data: [1, -2, 3, 4], shape: [2, 2] }],
    ['c', { data: [0.5, 1e-3], shape: [2, 1] }],
    ['d', undefined],
    ['e', undefined],
    ['f', { data: [1, 2, 100], shape: [3] }],
    ['g', undefined],
    ['h', { data: [1, 0], shape: [2] }],
    ['i', undefined],
  ];
  for (const [name, expected] of cases) assert.deepEqual(literalTensor(valueOf(m, name), bindings), expected, name);
});

test('literal tensors: TF.js constructors with an explicit shape', () => {
  const m = typescriptFrontEnd().parse(
    'file:///t.ts',
    'const a = tf.tensor2d([1, 2, 3, 4], [2, 2]);\nconst b = tf.tensor([1, 2, 3], [2, 2]);\n',
  )!;
  const decl = (i: number) => (m.body[i] as Extract<Module['body'][number], { k: 'assign' }>).value;
  assert.deepEqual(literalTensor(decl(0)), { data: [1, 2, 3, 4], shape: [2, 2] });
  assert.equal(literalTensor(decl(1)), undefined, 'size and shape disagree');
});

test('number formatting keeps the reference numbers recognisable', () => {
  const cases: [number, string][] = [
    [9409 / 3, '3136.33'],
    [97 / 3, '32.33'],
    [194 / 3, '64.67'],
    [1 / 3, '0.333'],
    [0, '0'],
    [-2.197, '−2.2'],
    [2.63e-5, '2.63e-5'],
    [1e-5, '1e-5'],
    [Infinity, '∞'],
    [NaN, 'NaN'],
    [1234567, '1.23e6'],
  ];
  for (const [v, s] of cases) assert.equal(formatNumber(v), s, String(v));
  assert.equal(formatTensor([0, 0, 64.6667], [3]), '[0, 0, 64.67]');
  assert.equal(formatTensor([1, 2, 3, 4], [2, 2]), '[[1, 2], [3, 4]]');
  assert.equal(formatTensor([3136.333], []), '3136.33');
});

test('user losses are recognised by name and characteristic parameters', async () => {
  const m = await pyModule(
    [
      'class FocalLoss(nn.Module):',
      '    def __init__(self, gamma=2.0, alpha=0.25): pass',
      'class MulticlassFocalLoss(nn.Module):',
      '    def __init__(self, gamma=2.0, weight=None): pass',
      'class FocalLossNoGamma(nn.Module):',
      '    def __init__(self, alpha=0.25): pass',
      'class HuberLoss(nn.Module):',
      '    def __init__(self, delta=1.0): pass',
      'class MSELoss(nn.Module):',
      '    def forward(self, pred, target): return ((pred - target) ** 2).mean()',
      'class TripletLoss(nn.Module):',
      '    def __init__(self, margin=1.0, p=2.0, mining="online"): pass',
      'class NTXentLoss(nn.Module):',
      '    def __init__(self, temperature=0.5): pass',
      'class Encoder(nn.Module):',
      '    def __init__(self, gamma=2.0): pass',
      'def focal_loss(logits, targets, gamma=2.0, alpha=0.25, reduction="mean"): pass',
      'def focal_loss_mc(logits, targets, gamma=2.0):',
      '    log_p = F.log_softmax(logits, dim=-1)',
      'def huber(pred, target, delta=1.0): pass',
    ].join('\n'),
  );
  const defs = collectDefinitions(m);
  const byClass = Object.fromEntries(defs.classes.map(c => [c.name, matchUserClass(c)?.lossId]));
  assert.deepEqual(byClass, {
    FocalLoss: 'sigmoidFocalLoss',
    MulticlassFocalLoss: 'softmaxFocalLoss',
    FocalLossNoGamma: undefined,
    HuberLoss: 'huberLoss',
    MSELoss: 'mseLoss',
    TripletLoss: 'tripletMarginLoss',
    NTXentLoss: 'infoNce',
    Encoder: undefined,
  });
  const byFunction = Object.fromEntries(
    defs.functions.filter(f => f.params[0]?.name !== 'self').map(f => [f.name, matchUserFunction(f)?.lossId]),
  );
  assert.deepEqual(byFunction, { focal_loss: 'sigmoidFocalLoss', focal_loss_mc: 'softmaxFocalLoss', huber: 'huberLoss' });
  const focal = matchUserClass(defs.classes[0])!;
  assert.deepEqual(focal.mapping, { gamma: 'gamma', alpha: 'alpha' });
});

test('key points: focal down-weighting at p_t = 0.1 / 0.5 / 0.9 for the γ in the code', () => {
  const cases: [number, string[]][] = [
    [2, ['0.81', '0.25', '0.01']],
    [0, ['1', '1', '1']],
    [5, ['0.59', '0.0313', '1e-5']],
  ];
  for (const [gamma, factors] of cases) {
    const t = keyPoints('sigmoidFocalLoss', { gamma, alpha: -1 })!;
    assert.deepEqual(
      t.rows.map(r => r[0]),
      ['0.1', '0.5', '0.9'],
    );
    assert.deepEqual(
      t.rows.map(r => r[1]),
      factors,
      `γ = ${gamma}`,
    );
  }
  // γ = 0 without α is plain cross-entropy: ratio 1×.
  assert.deepEqual(
    keyPoints('sigmoidFocalLoss', { gamma: 0, alpha: -1 })!.rows.map(r => r[4]),
    ['1×', '1×', '1×'],
  );
});

test('key points: Huber around δ, every catalog loss has a table', async () => {
  const t = keyPoints('huberLoss', { delta: 1 })!;
  assert.deepEqual(t.rows, [
    ['0.5', '0.125', '0.5', '0.25'],
    ['1', '0.5', '1', '1'],
    ['2', '1.5', '1', '4'],
    ['5', '4.5', '1', '25'],
  ]);
  const { catalog } = await import('../../../core/src/index');
  for (const e of catalog) {
    const table = keyPoints(e.id, {});
    assert.ok(table && table.rows.length >= 3, e.id);
    for (const r of table.rows)
      assert.ok(
        r.every(c => c !== 'NaN'),
        `${e.id}: ${r}`,
      );
  }
});

test('literal evaluation: errors are reported, not thrown', () => {
  const r = evaluateLiteral({
    lossId: 'mseLoss',
    input: { data: [1, 2], shape: [2] },
    target: { data: [1, 2, 3], shape: [3] },
    inputText: 'a',
    targetText: 'b',
    reduction: 'mean',
    params: {},
  });
  assert.ok(r.error && /shape/i.test(r.error), r.error);
});

test('sparkline: one cell per sample, lowest and highest bars at the extremes', () => {
  assert.equal(sparkline([0, 1, 2, 3, 4, 5, 6, 7], 8), '▁▂▃▄▅▆▇█');
  assert.equal(sparkline([1, 1, 1], 3), '▅▅▅', 'a flat curve sits mid-height');
  assert.equal(
    sparkline(
      Float64Array.from({ length: 513 }, (_, i) => (i - 256) ** 2),
      5,
    ),
    '█▃▁▃█',
  );
});

test('render helpers: first sentences skip decimals and method calls; plain text drops markup', () => {
  assert.equal(firstSentences('Typical γ = 2, α = 0.25. Second. Third.', 20), 'Typical γ = 2, α = 0.25.');
  assert.equal(firstSentences('Forgetting .mean()/.sum() hurts. Next one.'), 'Forgetting .mean()/.sum() hurts. Next one.');
  assert.equal(
    markdownToPlainText(
      '**A** — `x` · [Rule docs](https://e.x/a) [Open](command:c?%7B%7D)\n\n![alt](data:image/svg+xml;base64,AAA)\n\np\\_t',
    ),
    'A — x · Rule docs (https://e.x/a)\n\np_t',
  );
});

test('settings: losslens.hover.plots is validated, image by default', () => {
  assert.equal(parseSettings({}).settings.hoverPlots, 'image');
  assert.equal(parseSettings({ hover: { plots: 'text' } }).settings.hoverPlots, 'text');
  assert.equal(parseSettings({ 'hover.plots': 'off' }).settings.hoverPlots, 'off');
  const bad = parseSettings({ hover: { plots: 'svg' } });
  assert.equal(bad.settings.hoverPlots, 'image');
  assert.deepEqual(
    bad.problems.map(p => p.setting),
    ['losslens.hover.plots'],
  );
});
