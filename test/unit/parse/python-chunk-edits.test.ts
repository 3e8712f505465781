// Chunked Python parsing, case by case: what stays local to a chunk (re-parsing, syntax errors),
// what is moved in place (the span objects of later chunks), and the places where chunks must be
// joined for the result to equal a whole-file parse.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Module } from '../../../server/src/ir';
import type { PythonFrontEnd } from '../../../server/src/parse/python/index';
import { loadPython, positionAt, wholeFileLowering } from './pythonTestSupport';

let tiny: PythonFrontEnd;
let normal: PythonFrontEnd;
let reference: (text: string) => { module: Module; hasError: boolean };
before(async () => {
  tiny = await loadPython({ chunkTarget: 100 });
  normal = await loadPython();
  reference = await wholeFileLowering();
});

/** A valid file of `n` small functions. */
function functions(n: number): string {
  let out = 'import torch\n\n';
  for (let i = 0; i < n; i++) out += `\ndef f${i}(x):\n    y = torch.softmax(x, dim=${i % 3})\n    return y\n\n`;
  return out;
}

function edit(fe: PythonFrontEnd, uri: string, text: string, start: number, end: number, insert: string): { text: string; module: Module } {
  const next = text.slice(0, start) + insert + text.slice(end);
  const module = fe.parse(uri, next, [{ range: { start: positionAt(text, start), end: positionAt(text, end) }, text: insert }]);
  return { text: next, module };
}

const funcNames = (m: Module) => m.body.flatMap(s => (s.k === 'func' ? [s.def.name] : []));

describe('chunked python parsing', () => {
  test('a large file is cut into chunks of about the target size, and a fresh parse equals the whole-file parse', () => {
    const text = functions(400);
    const m = normal.parse('file:///big.py', text);
    const chunks = normal.chunkRanges('file:///big.py') ?? [];
    assert.ok(chunks.length > 5, `${chunks.length} chunks`);
    assert.equal(chunks[0].start, 0);
    assert.equal(chunks[chunks.length - 1].end, text.length);
    chunks.forEach((c, k) => {
      if (k > 0) assert.equal(c.start, chunks[k - 1].end);
    });
    assert.deepEqual(m, reference(text).module);
    normal.forget('file:///big.py');
    assert.equal(normal.chunkRanges('file:///big.py'), undefined);
  });

  test('an edit moves the statements of later chunks in place: same objects, same span objects', () => {
    const uri = 'file:///move.py';
    const text = functions(200);
    const before = normal.parse(uri, text);
    const last = before.body[before.body.length - 1];
    const span = last.span;
    const start = span.start;
    const after = edit(normal, uri, text, text.indexOf('dim=0'), text.indexOf('dim=0'), 'extra, ');
    assert.equal(after.module.body[after.module.body.length - 1], last);
    assert.equal(last.span, span);
    assert.equal(span.start, start + 'extra, '.length);
    assert.deepEqual(after.module, reference(after.text).module);
    normal.forget(uri);
  });

  test('a syntax error stays in its chunk: every other function is still lowered', () => {
    const uri = 'file:///broken.py';
    let text = functions(200);
    normal.parse(uri, text);
    const at = text.indexOf('def f100(');
    // An unclosed bracket: the next `def` at column 0 ends it (the text is broken there anyway).
    ({ text } = edit(normal, uri, text, at, at, 'x = foo(1,\n'));
    const m = normal.parse(uri, text);
    assert.ok(m.syntaxErrors.length > 0);
    const names = funcNames(m);
    for (let i = 0; i < 200; i++) if (i !== 100) assert.ok(names.includes(`f${i}`), `f${i} is still there`);
    for (const e of m.syntaxErrors) assert.ok(Math.abs(e.span.start - at) < 5000, 'the error is near the edit');
    // Closing the bracket again gives back exactly the whole-file lowering.
    const close = text.indexOf('foo(1,') + 'foo(1,'.length;
    const fixed = edit(normal, uri, text, close, close, ')');
    assert.deepEqual(fixed.module, reference(fixed.text).module);
    normal.forget(uri);
  });

  test('an opening triple quote joins every chunk after it (the rest of the file is inside the string), and deleting it cuts them again', () => {
    const uri = 'file:///quote.py';
    const text = functions(30);
    tiny.parse(uri, text);
    const at = text.indexOf('def f10(');
    const opened = edit(tiny, uri, text, at, at, 's = """\n');
    assert.ok(opened.module.syntaxErrors.length > 0);
    const chunks = tiny.chunkRanges(uri) ?? [];
    assert.ok(chunks[chunks.length - 1].start <= at, 'one chunk from the quote to the end');
    const closed = edit(tiny, uri, opened.text, at, at + 's = """\n'.length, '');
    assert.equal(closed.text, text);
    assert.deepEqual(closed.module, reference(text).module);
    assert.ok((tiny.chunkRanges(uri) ?? []).filter(c => c.start > at).length > 5, 'cut again after the quote');
    tiny.forget(uri);
  });

  const joins: { what: string; text: string }[] = [
    {
      what: 'a line ending in `.` (tree-sitter reads on into the next line)',
      text: 'model = make(\n    1,\n).\ncriterion = nn.CrossEntropyLoss()\nx = criterion(model, y)\n',
    },
    { what: 'a `def` header without its parameters before a line that has them', text: 'import os\ndef f\n(x): return g(x)\ny = f(1)\n' },
    { what: 'a decorator, a comment, then the definition', text: 'a = 1\n@dec(1)\n# note\ndef f(x):\n    return x\nb = 2\n' },
    { what: 'a statement continued with a backslash', text: 'total = 1 + \\\n2\nz = total\n' },
    {
      what: 'if/else and try/except at column 0',
      text: 'if a:\n    x = 1\nelse:\n    x = 2\ntry:\n    y = f()\nexcept ValueError:\n    y = 0\nfinally:\n    z = 3\nw = 4\n',
    },
  ];
  for (const c of joins) {
    test(`the chunks are joined where a statement goes on: ${c.what}`, () => {
      const uri = 'file:///join.py';
      assert.deepEqual(tiny.parse(uri, c.text), reference(c.text).module);
      // Typed character by character at the end, it still equals the whole-file lowering at every step.
      let text = '';
      tiny.parse(uri, text);
      for (const ch of c.text) {
        const next = edit(tiny, uri, text, text.length, text.length, ch);
        text = next.text;
        const ref = reference(text);
        if (!ref.hasError) assert.deepEqual(next.module, ref.module, JSON.stringify(text));
      }
      tiny.forget(uri);
    });
  }

  test('inconsistent changes, several changes and none at all fall back correctly', () => {
    const uri = 'file:///fallback.py';
    const text = functions(50);
    tiny.parse(uri, text);
    const wrong = text.replace('def f3(', 'def g3(');
    // A change that does not lead to the text: parsed afresh.
    assert.deepEqual(
      tiny.parse(uri, wrong, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '#' }]),
      reference(wrong).module,
    );
    // No changes: the edit is found by diffing.
    const again = wrong.replace('def f7(', 'def h7(');
    assert.deepEqual(tiny.parse(uri, again), reference(again).module);
    // Two changes at once.
    const i1 = again.indexOf('def f9(') + 4;
    const i2 = again.indexOf('def f30(') + 4;
    const both = again.slice(0, i1) + 'k' + again.slice(i1 + 1, i2) + 'q' + again.slice(i2 + 1);
    const afterFirst = again.slice(0, i1) + 'k' + again.slice(i1 + 1);
    const m = tiny.parse(uri, both, [
      { range: { start: positionAt(again, i1), end: positionAt(again, i1 + 1) }, text: 'k' },
      { range: { start: positionAt(afterFirst, i2), end: positionAt(afterFirst, i2 + 1) }, text: 'q' },
    ]);
    assert.deepEqual(m, reference(both).module);
    assert.equal(tiny.incrementalFailures, 0);
    tiny.forget(uri);
  });
});
