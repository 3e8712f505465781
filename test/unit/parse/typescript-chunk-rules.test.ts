// Where the TS/JS front end cuts a document into separately parsed chunks, and what happens when an
// edit breaks a cut: each case is two top-level statements on consecutive lines, parsed with chunks
// as small as they can be, so every cut the rules allow is made. A cut must never be made where
// parsing the two lines apart differs from parsing them together (`}` then `(` on the next line is
// a call, `else` continues an `if`, …), and whatever the cuts, the module must be the whole-file one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as ts from 'typescript';
import type { ContentChange } from '../../../server/src/parse/frontend';
import { createTypeScriptFrontEnd, parseWholeFile } from '../../../server/src/parse/typescript/index';
import { canStartChunk, endsCleanly, lineStartBefore } from '../../../server/src/parse/typescript/chunkRules';
import { positionAt } from '../../helpers/positions';

let docCounter = 0;

/** Parses `text` in chunks as small as the rules allow; returns the front end, URI, module and chunk starts. */
function chunked(text: string, file = 'a.ts') {
  const frontEnd = createTypeScriptFrontEnd(ts, { chunkSize: 1 });
  const uri = `file:///rules/${docCounter++}/${file}`;
  const module = frontEnd.parse(uri, text);
  return { frontEnd, uri, module, starts: frontEnd.chunksOf(uri)!.map(c => c.start) };
}

const FILLER = 'const filler = 0;\n';

// `cut`: whether a chunk may start at the second line. Filler before and after keeps every other
// cut possible, so only the rule between the two lines decides.
const PAIRS: { name: string; prev: string; next: string; cut: boolean; file?: string }[] = [
  { name: 'two declarations', prev: 'const a = 1;', next: 'const b = 2;', cut: true },
  { name: 'function then call statement', prev: 'function f() {}', next: 'f();', cut: true },
  { name: 'class then decorated class', prev: 'class A {}', next: '@dec class B {}', cut: true },
  { name: 'string statement after a block', prev: 'function f() {}', next: "'use strict';", cut: true },
  { name: 'identifier that starts like a keyword (input, asserted)', prev: 'x = {};', next: 'input = asserted;', cut: true },
  { name: 'indented next statement', prev: 'a();', next: '  b();', cut: true },
  { name: 'comment lines between', prev: 'a();\n// note\n/* block\n comment */', next: 'b();', cut: true },
  { name: 'no semicolon: ASI could depend on the next line', prev: 'let a = 1', next: 'let b = 2;', cut: false },
  { name: '} then ( calls the function expression', prev: 'const f = function () {}', next: '(g)();', cut: false },
  { name: '} then [ indexes', prev: 'const o = {}', next: '[1, 2].forEach(h);', cut: false },
  { name: '} then template tags', prev: 'const t = function () {}', next: '`x`;', cut: false },
  { name: '} then / divides (no regex)', prev: 'const o = {}', next: '/re/g.test(s);', cut: false },
  { name: '} then . continues a member chain', prev: 'const o = {}', next: '.toString();', cut: false },
  { name: '} then binary operator', prev: 'const o = {}', next: '+ 1;', cut: false },
  { name: '} then comma', prev: 'const o = {}', next: ', p = 2;', cut: false },
  { name: '} then ?.', prev: 'const o = {}', next: '?.x;', cut: false },
  { name: '} then ?', prev: 'const o = {}', next: '? a : b;', cut: false },
  { name: 'if then else', prev: 'if (a) { b(); }', next: 'else { c(); }', cut: false },
  { name: 'try then catch', prev: 'try { a(); }', next: 'catch (e) { b(); }', cut: false },
  { name: 'try then finally', prev: 'try { a(); }', next: 'finally { b(); }', cut: false },
  { name: 'do then while', prev: 'do { a(); }', next: 'while (b);', cut: false },
  { name: 'export list then from', prev: 'export { a }', next: "from './m';", cut: false },
  { name: 'object then in', prev: 'const o = {}', next: 'in p;', cut: false },
  { name: 'object then instanceof', prev: 'const o = {}', next: 'instanceof P;', cut: false },
  { name: 'object type then as', prev: 'const o = {}', next: 'as T;', cut: false },
  { name: 'object then satisfies', prev: 'const o = {}', next: 'satisfies T;', cut: false },
  { name: 'overload returning {} then a block: the block is its body', prev: 'function f(): {}', next: '{ return 1; }', cut: false },
  { name: 'type then =', prev: 'let v: {}', next: '= {};', cut: false },
  { name: 'class then extends', prev: 'const C = class {}', next: 'extends B {};', cut: false },
  { name: 'arrow on the next line', prev: 'const o = {}', next: '=> 1;', cut: false },
  { name: 'type arguments / JSX', prev: 'const o = {}', next: '<T>(x);', cut: false },
  { name: 'unicode escape could spell a keyword', prev: 'const o = {}', next: '\\u0069n;', cut: false },
  { name: 'unterminated block comment after the statement', prev: 'a(); /* open', next: 'b(); */ c();', cut: false },
  { name: 'statement on the same line', prev: 'a(); b();', next: 'c();', cut: true },
  {
    name: 'JS: function expression called on the next line',
    prev: 'var f = function () {}',
    next: '(function () {})();',
    cut: false,
    file: 'a.js',
  },
  { name: 'JS: require then call', prev: "const tf = require('@tensorflow/tfjs');", next: 'tf.ready();', cut: true, file: 'a.js' },
];

for (const { name, prev, next, cut, file } of PAIRS) {
  test(`cut rule: ${name} → ${cut ? 'cut' : 'no cut'}`, () => {
    const text = FILLER + prev + '\n' + next + '\n' + FILLER;
    const { module, starts } = chunked(text, file);
    const at = FILLER.length + prev.length + 1;
    assert.equal(starts.includes(at), cut, `chunk starts ${starts.join(',')}, line starts at ${at}`);
    // The filler's own cuts are always made: the chunking is not simply off.
    assert.ok(starts.includes(FILLER.length), 'filler cut');
    const reference = parseWholeFile(ts, `file:///${file ?? 'a.ts'}`, text);
    assert.deepStrictEqual(module, reference);
  });
}

test('a chunk may start with strings, numbers, decorators, `;` and words other than the continuing ones', () => {
  const table: [string, boolean][] = [
    ["'a'", true],
    ['"a"', true],
    ['1;', true],
    ['@d class A {}', true],
    [';', true],
    ['foo()', true],
    ['_x', true],
    ['$x', true],
    ['élan', true],
    ['in', false],
    ['in;', false],
    ['inx', true],
    ['else', false],
    ['catch', false],
    ['finally', false],
    ['while', false],
    ['from', false],
    ['with', false],
    ['as', false],
    ['satisfies', false],
    ['extends', false],
    ['implements', false],
    ['(', false],
    ['[', false],
    ['{', false],
    ['`', false],
    ['.', false],
    ['/', false],
    ['+', false],
    ['-', false],
    ['!', false],
    ['<', false],
    ['=', false],
    [',', false],
    ['?', false],
    ['\\u0061', false],
    ['#x', false],
  ];
  for (const [text, allowed] of table) assert.equal(canStartChunk(text, 0), allowed, text);
});

test('a cut goes at the start of the line of the next statement, only after spaces or tabs', () => {
  const table: [string, number][] = [
    ['a;\nb', 3],
    ['a;\n  \tb', 3],
    ['a;\r\nb', 4],
    ['a;\rb', 3],
    ['a; b', -1],
    ['a; /*\n*/ b', -1],
    ['b', -1],
  ];
  for (const [text, expected] of table) assert.equal(lineStartBefore(text, text.indexOf('b')), expected, JSON.stringify(text));
});

test('a statement ends cleanly with ; or } and no parse problem at or after its last character', () => {
  const ends = (source: string) => {
    const sf = ts.createSourceFile('a.ts', source, ts.ScriptTarget.Latest);
    const diagnostics = (sf as unknown as { parseDiagnostics: ts.DiagnosticWithLocation[] }).parseDiagnostics;
    return endsCleanly(source, sf.statements[sf.statements.length - 1].end, diagnostics, Infinity);
  };
  const table: [string, boolean][] = [
    ['a();\n', true],
    ['function f() {}\n', true],
    ['a(); // note\n', true],
    ['a()\n', false],
    ['a(); /* open\n', false],
    ['function f() {\n', false],
    ['const s = `open\n', false],
    ["const s = 'a\\\n", false],
    ['if (a) {}\n', true],
  ];
  for (const [source, expected] of table) assert.equal(ends(source), expected, JSON.stringify(source));
});

// Edits that break a cut: the chunks around it are merged, the module stays the whole-file one,
// and typing the edit away again restores a module equal to the first.
const LEAD = 'const lead = 0;\nconst lead2 = 0;\n';
const BREAKS: { name: string; text: string; edit: (text: string) => { at: number; remove: number; insert: string } }[] = [
  {
    name: '( typed at the start of a chunk',
    text: 'const f = function () {};\ng();\nh();\n',
    edit: t => ({ at: t.indexOf('g()'), remove: 0, insert: '(' }),
  },
  {
    name: '; deleted at the end of a chunk',
    text: 'const f = function () {};\n(g)();\nh();\n',
    edit: t => ({ at: t.indexOf('};') + 1, remove: 1, insert: '' }),
  },
  {
    name: '/* typed at the end of a chunk',
    text: 'a();\nb();\nc();\nd();\n',
    edit: t => ({ at: t.indexOf('b();') + 4, remove: 0, insert: ' /*' }),
  },
  {
    name: 'backtick typed opens a template across chunks',
    text: 'a();\nb();\nc();\nd();\n',
    edit: t => ({ at: t.indexOf('b();') + 2, remove: 0, insert: '`' }),
  },
  { name: 'line break deleted between chunks', text: 'a();\nb();\nc();\n', edit: t => ({ at: t.indexOf('\nb'), remove: 1, insert: '' }) },
  {
    name: '{ typed opens a block over the next chunks',
    text: 'a();\nb();\nc();\nd();\n',
    edit: t => ({ at: t.indexOf('b();'), remove: 0, insert: 'if (x) {' }),
  },
  {
    name: 'else typed after an if',
    text: 'if (a) { b(); }\nc();\nd();\n',
    edit: t => ({ at: t.indexOf('c();'), remove: 0, insert: 'else ' }),
  },
  { name: 'a chunk emptied', text: 'a();\nb();\nc();\n', edit: t => ({ at: t.indexOf('b();'), remove: 4, insert: '' }) },
  { name: 'edit across a cut', text: 'a();\nb();\nc();\n', edit: t => ({ at: t.indexOf('();\nb') + 1, remove: 6, insert: ');\nx(' }) },
];

for (const { name, text: body, edit } of BREAKS) {
  test(`broken cut: ${name}`, () => {
    const text = LEAD + body;
    const { frontEnd, uri, module } = chunked(text);
    const first = module.body.slice();
    const { at, remove, insert } = edit(text);
    const next = text.slice(0, at) + insert + text.slice(at + remove);
    const range = { start: positionAt(text, at), end: positionAt(text, at + remove) };
    const edited = frontEnd.parse(uri, next, [{ range, text: insert }]);
    const reference = parseWholeFile(ts, 'file:///a.ts', next);
    if (reference.syntaxErrors.length === 0) assert.deepStrictEqual(edited, reference);
    else assert.ok(edited.syntaxErrors.length > 0, 'errors reported');
    // Undo: back to the first text, and to its module.
    const undo: ContentChange = {
      range: { start: positionAt(next, at), end: positionAt(next, at + insert.length) },
      text: text.slice(at, at + remove),
    };
    const back = frontEnd.parse(uri, text, [undo]);
    assert.deepStrictEqual(back, parseWholeFile(ts, 'file:///a.ts', text));
    // Statements the edit never reached are still the first objects.
    assert.equal(back.body[0], first[0]);
  });
}

test('an unterminated comment swallowing the rest merges geometrically and recovers when closed', () => {
  const lines = Array.from({ length: 300 }, (_, i) => `export const v${i} = tf.softmax(x${i});\n`);
  const text = lines.join('');
  const frontEnd = createTypeScriptFrontEnd(ts, { chunkSize: 200 });
  const uri = 'file:///rules/comment.ts';
  const first = frontEnd.parse(uri, text);
  const before = frontEnd.chunksOf(uri)!.length;
  assert.ok(before > 20, `${before} chunks`);
  const at = text.indexOf('export const v10 ');
  const opened = text.slice(0, at) + '/*' + text.slice(at);
  const p = positionAt(text, at);
  const broken = frontEnd.parse(uri, opened, [{ range: { start: p, end: p }, text: '/*' }]);
  assert.ok(broken.syntaxErrors.length > 0);
  assert.equal(broken.body.length, 10);
  assert.deepStrictEqual(broken.body, parseWholeFile(ts, 'file:///a.ts', opened).body);
  const closed = frontEnd.parse(uri, text, [{ range: { start: p, end: { line: p.line, character: p.character + 2 } }, text: '' }]);
  assert.deepStrictEqual(closed, parseWholeFile(ts, 'file:///a.ts', text));
  assert.equal(closed.body[0], first.body[0]);
  // The big merged chunk was cut again.
  assert.ok(frontEnd.chunksOf(uri)!.length > before / 2, `${frontEnd.chunksOf(uri)!.length} chunks`);
});

test('top-level await follows the whole document being a module, also when an edit far away changes that', () => {
  // In a script `await (x)` calls a function named await; in a module it awaits x.
  const script = 'const a = 1;\n' + 'const b = 2;\n'.repeat(20) + 'const r = await (p);\n';
  const frontEnd = createTypeScriptFrontEnd(ts, { chunkSize: 16 });
  const uri = 'file:///rules/await.ts';
  frontEnd.parse(uri, script);
  assert.ok(frontEnd.chunksOf(uri)!.length > 5);
  const steps: [string, string][] = [
    ['const a = 1;', 'export const a = 1;'],
    ['export const a = 1;', 'const a = 1;'],
    ['const a = 1;', "import 'm';"],
  ];
  let text = script;
  for (const [from, to] of steps) {
    const at = text.indexOf(from);
    const next = text.slice(0, at) + to + text.slice(at + from.length);
    const range = { start: positionAt(text, at), end: positionAt(text, at + from.length) };
    const module = frontEnd.parse(uri, next, [{ range, text: to }]);
    assert.deepStrictEqual(module, parseWholeFile(ts, 'file:///a.ts', next), to);
    text = next;
  }
});

test('a shebang is only trivia at the very start of the document', () => {
  const text = '#!/usr/bin/env node\nconst a = 1;\nconst b = 2;\n';
  const { module } = chunked(text, 'a.js');
  assert.deepStrictEqual(module, parseWholeFile(ts, 'file:///a.js', text));
});
