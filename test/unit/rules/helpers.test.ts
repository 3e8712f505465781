// The two checks most rules are specifications of: where checkLossArgument and reportAtCompiledLoss
// report, what they filter on, and that the first matching check of a list decides a finding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalysisEvent, ArgInfo, CompileEvent, LossCallEvent } from '../../../server/src/analysis/engine/events';
import type { Kind, TensorValue, Value } from '../../../server/src/analysis/engine/values';
import type { LossFamily } from '../../../server/src/frameworks/types';
import type { Expr } from '../../../server/src/ir';
import type { Report, RuleContext } from '../../../server/src/rules/api';
import { checkLossArgument, reportAtCompiledLoss } from '../../../server/src/rules/helpers';

const URI = 'file:///ws/train.py';
const expr = (start: number) => ({ k: 'name', id: 'x', span: { start, end: start + 1 } }) as unknown as Expr;
const tensor = (kind: Kind, extra: Partial<TensorValue> = {}): TensorValue => ({ t: 'tensor', kind, ...extra });
const arg = (start: number, value: Value, uri = URI): ArgInfo => ({ value, expr: expr(start), uri });
const origin = { uri: URI, span: { start: 0, end: 5 }, label: 'F.softmax' };

function loss(family: LossFamily, input?: ArgInfo, target?: ArgInfo, framework = 'torch'): LossCallEvent {
  return { type: 'loss', family, spec: { label: `loss(${family})`, framework }, input, target } as unknown as LossCallEvent;
}

function compile(lossName: string, output: Value, start = 90): CompileEvent {
  return { type: 'compile', framework: 'keras', output, loss: arg(start, { t: 'const', value: lossName }) } as unknown as CompileEvent;
}

function run(events: AnalysisEvent[], check: (ctx: RuleContext) => void): Report[] {
  const reports: Report[] = [];
  check({ uri: URI, events, text: () => '', report: r => reports.push(r) });
  return reports;
}

test('checkLossArgument reports a matching argument at the argument, with related information at its origin', () => {
  const reports = run([loss('kl', arg(10, tensor('probs-softmax', { origin })))], ctx =>
    checkLossArgument(ctx, {
      families: ['kl'],
      kinds: ['probs-softmax'],
      message: (ev, t) => `${ev.spec.label} on ${t.origin?.label}`,
      related: 'made here',
    }),
  );
  assert.deepEqual(reports, [
    {
      uri: URI,
      span: { start: 10, end: 11 },
      message: 'loss(kl) on F.softmax',
      related: [{ uri: URI, span: origin.span, message: 'made here' }],
      fix: undefined,
    },
  ]);
});

test('checkLossArgument filters on family, kind, argument and condition, and stays silent on unknown kinds', () => {
  const events = [
    loss('nll', arg(10, tensor('probs-softmax'))), // other family
    loss('kl', arg(20, tensor('logits'))), // other kind
    loss('kl', arg(30, tensor('unknown'))), // unknown
    loss('kl', arg(40, { t: 'union', options: [tensor('probs-softmax'), tensor('logits')] } as Value)), // paths disagree
    loss('kl', arg(50, tensor('probs-softmax', { guarded: true }))), // the condition says no
    loss('kl', undefined, arg(60, tensor('probs-softmax'))), // the target, not the input
    loss('kl', arg(70, tensor('probs-softmax'))),
  ];
  const reports = run(events, ctx =>
    checkLossArgument(ctx, {
      families: ['kl'],
      kinds: ['probs-softmax'],
      when: (_ev, t) => !t.guarded,
      message: () => 'm',
    }),
  );
  assert.deepEqual(
    reports.map(r => r.span.start),
    [70],
  );
  assert.equal(reports[0].related, undefined);
  const targets = run(events, ctx =>
    checkLossArgument(ctx, { families: ['kl'], argument: 'target', kinds: ['probs-softmax'], message: () => 'm' }),
  );
  assert.deepEqual(
    targets.map(r => r.span.start),
    [60],
  );
});

test('checkLossArgument anchors a value that entered a user function at the outermost call, once per place', () => {
  const entries = [
    { uri: URI, span: { start: 100, end: 105 }, callee: 'outer' },
    { uri: URI, span: { start: 200, end: 205 }, callee: 'inner' },
  ];
  const events = [loss('kl', arg(10, tensor('probs-softmax', { entries }))), loss('kl', arg(20, tensor('probs-softmax', { entries })))];
  const reports = run(events, ctx => checkLossArgument(ctx, { families: ['kl'], kinds: ['probs-softmax'], message: () => 'm' }));
  assert.deepEqual(
    reports.map(r => r.span),
    [{ start: 100, end: 105 }],
  );
});

test('checkLossArgument: with several checks the first that matches a call decides, and reports in another file are not built', () => {
  const events = [
    loss('hinge-01', undefined, arg(10, tensor('labels-pm1'))), // only the second check matches
    loss('pm1-margin', undefined, arg(20, tensor('labels01'))), // only the first
    loss('hinge-01', undefined, arg(30, tensor('labels01'))), // both: the first decides
    loss('pm1-margin', undefined, arg(40, tensor('labels01'), 'file:///ws/other.py')), // another file
  ];
  const built: string[] = [];
  const reports = run(events, ctx =>
    checkLossArgument(
      ctx,
      { families: ['pm1-margin', 'hinge-01'], argument: 'target', kinds: ['labels01'], message: () => (built.push('first'), 'first') },
      { families: ['hinge-01'], argument: 'target', kinds: ['labels-pm1', 'labels01'], message: () => (built.push('second'), 'second') },
    ),
  );
  assert.deepEqual(
    reports.map(r => [r.span.start, r.message]),
    [
      [10, 'second'],
      [20, 'first'],
      [30, 'first'],
    ],
  );
  assert.deepEqual(built, ['second', 'first', 'first']);
});

test('reportAtCompiledLoss reports at the loss argument of a compile whose output is known on every path', () => {
  const softmaxOut = tensor('probs-softmax', { origin, units: 10 });
  const events = [
    compile('binary_crossentropy', softmaxOut, 90),
    compile('binary_crossentropy', tensor('unknown'), 100),
    compile('binary_crossentropy', { t: 'union', options: [softmaxOut, tensor('logits')] } as Value, 110),
    compile('categorical_crossentropy', softmaxOut, 120), // another family
    compile('not_a_loss', softmaxOut, 130),
  ];
  const reports = run(events, ctx =>
    reportAtCompiledLoss(ctx, {
      families: ['bce-prob'],
      outputKinds: ['probs-softmax'],
      message: (loss, out) => `${loss.label} after ${out.origin?.label}`,
      related: 'last layer',
    }),
  );
  assert.deepEqual(reports, [
    {
      uri: URI,
      span: { start: 90, end: 91 },
      message: "'binary_crossentropy' after F.softmax",
      related: [{ uri: URI, span: origin.span, message: 'last layer' }],
    },
  ]);
});

test('reportAtCompiledLoss without output kinds takes any known kind; the first matching check decides', () => {
  const events = [
    compile('categorical_crossentropy', tensor('logits', { units: 1 }), 90),
    compile('categorical_crossentropy', tensor('probs-sigmoid', { units: 3 }), 100),
  ];
  const reports = run(events, ctx =>
    reportAtCompiledLoss(
      ctx,
      { families: ['cce-prob'], when: (_loss, out) => out.units === 1, message: () => 'one unit', related: 'r' },
      { families: ['cce-prob'], outputKinds: ['probs-sigmoid', 'logits'], message: () => 'sigmoid', related: 'r' },
    ),
  );
  assert.deepEqual(
    reports.map(r => [r.span.start, r.message]),
    [
      [90, 'one unit'],
      [100, 'sigmoid'],
    ],
  );
});
