// The helpers that make the rules pass cheap must not change what rules see or report:
// eventsOfType gives exactly the filtered list in list order, keptReports agrees with what
// the rules pass (runRules) keeps, and compiledLossOf with compiledLoss.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalysisEvent, CompileEvent } from '../../../server/src/analysis/engine/events';
import type { RuleContext } from '../../../server/src/rules/api';
import { compiledLossOf, eventsOfType, keptReports, type EventType } from '../../../server/src/rules/api';
import { compiledLoss } from '../../../server/src/rules/compiled-loss';

const TYPES: EventType[] = ['loss', 'loss-object', 'activation', 'log', 'compile', 'fit', 'return', 'function'];

/** Stand-in events: only `type` is read by the index; `n` tells them apart. */
function eventList(types: EventType[]): AnalysisEvent[] {
  return types.map((type, n) => ({ type, n }) as unknown as AnalysisEvent);
}

const mixed = eventList([
  'function',
  'loss',
  'compile',
  'loss',
  'return',
  'activation',
  'loss-object',
  'compile',
  'log',
  'fit',
  'loss',
  'return',
]);

const typeSets: EventType[][] = [
  ...TYPES.map(t => [t]),
  ['loss', 'compile'],
  ['compile', 'loss'],
  ['loss-object', 'loss'],
  ['activation', 'loss', 'compile'],
  ['fit', 'loss'],
  TYPES,
];

for (const types of typeSets) {
  test(`eventsOfType(${types.join(', ')}) is the filtered list, in list order`, () => {
    const events = mixed.slice();
    const expected = events.filter(e => types.includes(e.type));
    assert.deepEqual(eventsOfType(events, ...types), expected);
    // Asked again (another rule of the same pass): the same answer.
    assert.deepEqual(eventsOfType(events, ...types), expected);
  });
}

test('eventsOfType of an empty list, and of a type the list lacks, is empty', () => {
  assert.deepEqual(eventsOfType([], 'loss'), []);
  assert.deepEqual(eventsOfType(eventList(['return', 'function']), 'compile', 'fit'), []);
});

test('eventsOfType follows a list that grew or was emptied after it was indexed', () => {
  const events = eventList(['loss', 'return']);
  assert.equal(eventsOfType(events, 'loss').length, 1);
  events.push(...eventList(['loss', 'compile']));
  assert.equal(eventsOfType(events, 'loss').length, 2);
  events.length = 0;
  assert.equal(eventsOfType(events, 'loss').length, 0);
});

test('each new event list gets its own index', () => {
  const a = eventList(['loss', 'loss']);
  const b = eventList(['loss', 'compile', 'compile']);
  assert.equal(eventsOfType(a, 'loss').length, 2);
  assert.equal(eventsOfType(b, 'compile').length, 2);
  assert.equal(eventsOfType(a, 'compile').length, 0);
});

function context(uri: string): RuleContext {
  return { uri, events: [], text: () => undefined, report: () => {} };
}

const span = (start: number, end: number) => ({ start, end });

test('keptReports: what the rules pass keeps — the checked file only, the first report at a span', () => {
  const kept = keptReports(context('file:///a.py'));
  const cases: [string, { uri: string; span: { start: number; end: number } }, boolean][] = [
    ['first report at a span', { uri: 'file:///a.py', span: span(3, 9) }, true],
    ['same span again', { uri: 'file:///a.py', span: span(3, 9) }, false],
    ['same start, other end', { uri: 'file:///a.py', span: span(3, 10) }, true],
    ['another file', { uri: 'file:///b.py', span: span(20, 25) }, false],
    ['that span in the checked file afterwards', { uri: 'file:///a.py', span: span(20, 25) }, true],
  ];
  for (const [what, where, expected] of cases) assert.equal(kept(where), expected, what);
});

test('keptReports: every rule run starts with nothing reported', () => {
  const ctx = context('file:///a.py');
  assert.equal(keptReports(ctx)({ uri: ctx.uri, span: span(1, 2) }), true);
  assert.equal(keptReports(ctx)({ uri: ctx.uri, span: span(1, 2) }), true);
});

test('compiledLossOf gives what compiledLoss gives, also when asked twice', () => {
  const str = (value: string) => ({ value: { t: 'const', value }, expr: { k: 'str' }, uri: 'file:///a.py' });
  const compiles = [
    { type: 'compile', framework: 'keras', loss: str('categorical_crossentropy') },
    { type: 'compile', framework: 'keras', loss: str('no_such_loss') },
    { type: 'compile', framework: 'tfjs', loss: str('meanSquaredError') },
  ] as unknown as CompileEvent[];
  for (const ev of compiles) {
    assert.deepEqual(compiledLossOf(ev), compiledLoss(ev));
    assert.deepEqual(compiledLossOf(ev), compiledLoss(ev));
  }
  assert.equal(compiledLossOf(compiles[1]), undefined);
});
