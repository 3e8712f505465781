// Incremental re-parsing in the TS/JS front end: after any sequence of edits, the module lowered
// from the kept SourceFile (ts.updateSourceFile) must equal a full parse of the same text, with
// the edits given as LSP content changes, given not at all, or given wrongly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as ts from 'typescript';
import type { ContentChange } from '../../../server/src/parse/frontend';
import { createTypeScriptFrontEnd } from '../../../server/src/parse/typescript/index';
import { offsetAt } from '../../../server/src/base/line-index';
import { positionAt } from '../../helpers/positions';

const FIXTURE = readFileSync('test/fixtures/parse/typescript/tfjs-classifier.ts', 'utf8');
const JS_FIXTURE = readFileSync('test/fixtures/parse/typescript/tfjs-node-train.js', 'utf8');

/** Deterministic PRNG (mulberry32) so a failure can be replayed from its seed. */
function prng(seed: number): (n: number) => number {
  return n => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
}

// Insertions that open and close constructs, so the edited text wanders in and out of syntax errors.
const SNIPPETS = [
  'x',
  ' ',
  '\n',
  '(',
  ')',
  '{',
  '}',
  '`',
  "'",
  '/*',
  '*/',
  '//',
  ';',
  ',',
  'tf.',
  'loss: ',
  '=> ',
  'const ',
  'é',
  '😀',
  '\r\n',
  '',
];

function randomChange(text: string, rand: (n: number) => number): { change: ContentChange; next: string } {
  const start = rand(text.length + 1);
  const end = Math.min(text.length, start + (rand(3) === 0 ? rand(12) : 0));
  const insert = SNIPPETS[rand(SNIPPETS.length)].repeat(1 + rand(2));
  const change = { range: { start: positionAt(text, start), end: positionAt(text, end) }, text: insert };
  return { change, next: text.slice(0, start) + insert + text.slice(end) };
}

function fullParse(text: string, file = 'model.ts') {
  return createTypeScriptFrontEnd(ts).parse(`file:///fresh/${file}`, text);
}

const RUNS: { seed: number; file: string; source: string }[] = [
  ...[1, 2, 3, 42, 2024].map(seed => ({ seed, file: 'model.ts', source: FIXTURE })),
  ...[5, 6, 77].map(seed => ({ seed, file: 'train.js', source: JS_FIXTURE })),
];

for (const { seed, file, source } of RUNS) {
  test(`seeded random edits (${file}, seed ${seed}) give the same module as a full parse`, () => {
    const rand = prng(seed);
    const frontEnd = createTypeScriptFrontEnd(ts);
    const uri = `file:///edited/${file}`;
    let text = source;
    frontEnd.parse(uri, text);
    for (let step = 0; step < 60; step++) {
      // Sometimes several changes arrive in one notification; each is relative to the text after the previous one.
      const changes: ContentChange[] = [];
      for (let n = 1 + (rand(4) === 0 ? rand(3) : 0); n > 0; n--) {
        const { change, next } = randomChange(text, rand);
        changes.push(change);
        text = next;
      }
      const incremental = frontEnd.parse(uri, text, changes);
      // Kept statements after the edit were moved in place: a span moved twice (or not at all) shows here.
      assert.deepStrictEqual(incremental, fullParse(text, file), `seed ${seed}, step ${step}`);
    }
  });
}

test('without changes, an edited document still re-parses correctly', () => {
  const rand = prng(7);
  const frontEnd = createTypeScriptFrontEnd(ts);
  const uri = 'file:///nochanges/model.ts';
  let text = FIXTURE;
  frontEnd.parse(uri, text);
  for (let step = 0; step < 40; step++) {
    text = randomChange(text, rand).next;
    assert.deepStrictEqual(frontEnd.parse(uri, text), fullParse(text), `step ${step}`);
  }
});

test('changes that do not reproduce the text are not trusted', () => {
  const frontEnd = createTypeScriptFrontEnd(ts);
  const uri = 'file:///wrong/model.ts';
  frontEnd.parse(uri, FIXTURE);
  const text = FIXTURE.replace('units: 64', 'units: 128');
  const wrong: ContentChange[] = [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 2 } }, text: '' }];
  assert.deepStrictEqual(frontEnd.parse(uri, text, wrong), fullParse(text));
  const whole: ContentChange[] = [{ text: 'const y = 1;' }];
  assert.deepStrictEqual(frontEnd.parse(uri, 'const y = 1;', whole), fullParse('const y = 1;'));
});

test('an unchanged document shares its lowering; forget drops the kept tree', () => {
  const frontEnd = createTypeScriptFrontEnd(ts);
  const uri = 'file:///same/model.ts';
  const first = frontEnd.parse(uri, FIXTURE);
  assert.equal(frontEnd.parse(uri, FIXTURE), first);
  frontEnd.forget(uri);
  const again = frontEnd.parse(uri, FIXTURE);
  assert.notEqual(again, first);
  assert.deepStrictEqual(again, first);
});

test('LSP positions map to UTF-16 offsets across line-ending styles', () => {
  const text = 'ab\r\ncd\ne😀f\rg';
  const table: [number, number, number][] = [
    [0, 0, 0],
    [0, 2, 2],
    [0, 99, 2],
    [1, 0, 4],
    [1, 2, 6],
    [2, 0, 7],
    [2, 1, 8],
    [2, 3, 10],
    [3, 0, 12],
    [3, 1, 13],
    [9, 0, 13],
  ];
  for (const [line, character, offset] of table) assert.equal(offsetAt(text, line, character), offset, `${line}:${character}`);
});

test('top-level statements before an edit keep their lowering; the edited one is lowered again', () => {
  const frontEnd = createTypeScriptFrontEnd(ts);
  const uri = 'file:///reuse/model.ts';
  const first = frontEnd.parse(uri, FIXTURE);
  // A same-length replacement: nothing moves, only the edited statement changes.
  const at = FIXTURE.indexOf('1e-3') + 3;
  const start = positionAt(FIXTURE, at);
  const text = FIXTURE.slice(0, at) + '4' + FIXTURE.slice(at + 1);
  const second = frontEnd.parse(uri, text, [{ range: { start, end: { line: start.line, character: start.character + 1 } }, text: '4' }]);
  assert.deepStrictEqual(second, fullParse(text));
  const index = (m: typeof first, name: string) =>
    m.body.findIndex(s => s.k === 'assign' && s.targets[0].k === 'name' && s.targets[0].id === name);
  const numClasses = index(first, 'NUM_CLASSES');
  const learningRate = index(first, 'LEARNING_RATE');
  assert.ok(numClasses >= 0 && learningRate > numClasses);
  for (let i = 0; i < learningRate; i++) assert.equal(second.body[i], first.body[i], `statement ${i} reused`);
  assert.notEqual(second.body[learningRate], first.body[learningRate]);
  const lr = second.body[learningRate];
  assert.ok(lr.k === 'assign' && lr.value.k === 'num' && lr.value.value === 1e-4);
});

test('statements after an edit keep their lowering too, moved in place, also when reused again from inside', () => {
  const frontEnd = createTypeScriptFrontEnd(ts);
  const uri = 'file:///moved/model.ts';
  const source =
    'const a = 1;\nfunction f(x) {\n  const y = tf.softmax(x);\n  const z = y;\n  const w = z;\n  return w;\n}\nexport default { f };\n';
  const insert = (text: string, at: number, s: string): [string, ContentChange[]] => {
    const p = positionAt(text, at);
    return [text.slice(0, at) + s + text.slice(at), [{ range: { start: p, end: p }, text: s }]];
  };
  const first = frontEnd.parse(uri, source);
  // Typed before `f`: f's statement and the export are the same objects, their spans moved.
  let [text, changes] = insert(source, source.indexOf('1;'), '2');
  const second = frontEnd.parse(uri, text, changes);
  assert.deepStrictEqual(second, fullParse(text));
  assert.equal(second.body[1], first.body[1]);
  // Typed inside f's body: f is lowered again; the statement after the edit that the TypeScript
  // parser reused is the old object (moved by the first edit and by this one, once each).
  [text, changes] = insert(text, text.indexOf('const z'), ' ');
  const third = frontEnd.parse(uri, text, changes);
  assert.deepStrictEqual(third, fullParse(text));
  const body = (m: typeof first) => (m.body[1].k === 'func' ? m.body[1].def.body : []);
  assert.notEqual(third.body[1], first.body[1]);
  assert.equal(body(third)[2], body(first)[2]);
  // And typed before it again: everything from the previous versions is moved once more.
  [text, changes] = insert(text, 0, '\n\n');
  assert.deepStrictEqual(frontEnd.parse(uri, text, changes), fullParse(text));
});

test('a statement that shares its pos with a missing node starts at its own first token, fresh or moved', () => {
  const frontEnd = createTypeScriptFrontEnd(ts);
  const uri = 'file:///missing/model.js';
  // `let a = ` lacks its initializer: the missing identifier and the next statement both have pos 8.
  const text = 'let a = \nconst x = 1;\n';
  const first = frontEnd.parse(uri, text);
  assert.deepEqual(
    first.body.map(s => s.span.start),
    [0, text.indexOf('const')],
  );
  const next = 'z;' + text;
  const moved = frontEnd.parse(uri, next, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'z;' }]);
  assert.deepStrictEqual(moved, fullParse(next, 'model.js'));
  assert.equal(moved.body[moved.body.length - 1].span.start, next.indexOf('const'));
});
