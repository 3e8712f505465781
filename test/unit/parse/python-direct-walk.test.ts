// FlatTree walks trees by calling the runtime's cursor functions directly (walkCursor.ts) instead of
// through web-tree-sitter's TreeCursor API. Both walks must lower every text identically: valid files,
// text broken by random edits (MISSING and ERROR nodes), and incremental re-parses, whose reuse path
// asks the API about errors in the middle of a walk.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import type { Module } from '../../../server/src/ir';
import type { PythonFrontEnd } from '../../../server/src/parse/python/index';
import { directWalk } from '../../../server/src/parse/python/walkCursor';
import { loadPython, mulberry32, positionAt, pythonFiles } from './pythonTestSupport';

const sources = [...pythonFiles('test/fixtures/rules'), ...pythonFiles('examples')].map(f => readFileSync(f, 'utf8'));
const PIECES = ['(', ')', ':', '"', "'''", '\n', '    ', 'x', '#', '\\', 'def ', ',', 'f"{', '}'];

/** `steps` random insertions and deletions, each followed by an incremental re-parse: the modules. */
function editSequence(fe: PythonFrontEnd, uri: string, text: string, seed: number, steps: number): Module[] {
  const rnd = mulberry32(seed);
  const out = [fe.parse(uri, text)];
  for (let s = 0; s < steps; s++) {
    const at = Math.floor(rnd() * (text.length + 1));
    const del = rnd() < 0.4 ? Math.min(text.length - at, 1 + Math.floor(rnd() * 4)) : 0;
    const insert = del > 0 ? '' : PIECES[Math.floor(rnd() * PIECES.length)];
    const range = { start: positionAt(text, at), end: positionAt(text, at + del) };
    text = text.slice(0, at) + insert + text.slice(at + del);
    out.push(fe.parse(uri, text, [{ range, text: insert }]));
  }
  fe.forget(uri);
  return out;
}

let fe: PythonFrontEnd;
before(async () => {
  fe = await loadPython({ chunkTarget: 300 });
});

test('the direct walk is available with the bundled runtime', () => {
  assert.equal(directWalk(), true);
});

test('every fixture and example lowers the same with both walks', () => {
  for (const [k, text] of sources.entries()) {
    directWalk(false);
    const api = fe.parse(`file:///api-${k}.py`, text);
    directWalk(true);
    const direct = fe.parse(`file:///direct-${k}.py`, text);
    assert.deepEqual(direct, api, `source ${k}`);
    fe.forget(`file:///api-${k}.py`);
    fe.forget(`file:///direct-${k}.py`);
  }
});

test('random edits with incremental re-parses lower the same with both walks', () => {
  const text = sources.join('\n');
  for (const seed of [1, 2, 3]) {
    try {
      directWalk(false);
      const api = editSequence(fe, `file:///api-seq-${seed}.py`, text, seed, 60);
      directWalk(true);
      const direct = editSequence(fe, `file:///direct-seq-${seed}.py`, text, seed, 60);
      for (let s = 0; s < api.length; s++) assert.deepEqual(direct[s], api[s], `seed ${seed} step ${s}`);
    } finally {
      directWalk(true);
    }
  }
});
