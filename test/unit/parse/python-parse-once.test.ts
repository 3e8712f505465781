// `parseOnce` (the CLI's parse: one tree for a whole valid file, the chunked parse otherwise) must give
// the Module `parse` gives: for every fixture and example, for text broken by random edits, and for a
// file over the whole-file size limit.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import type { PythonFrontEnd } from '../../../server/src/parse/python/index';
import { loadPython, mulberry32, pythonFiles } from './pythonTestSupport';

const sources = [...pythonFiles('test/fixtures/rules'), ...pythonFiles('examples')].map(f => readFileSync(f, 'utf8'));
let fe: PythonFrontEnd;
let n = 0;
before(async () => {
  fe = await loadPython();
});

function assertSame(text: string, context: string): void {
  const uri = `file:///once-${n++}.py`;
  const once = fe.parseOnce(uri, text);
  assert.equal(fe.chunkRanges(uri), undefined, `${context}: parseOnce keeps no document`);
  const parsed = fe.parse(uri, text);
  fe.forget(uri);
  assert.deepEqual(once, parsed, context);
}

test('every fixture and example: parseOnce equals parse', () => {
  sources.forEach((text, k) => assertSame(text, `source ${k}`));
});

test('text with syntax errors: parseOnce equals parse', () => {
  const rnd = mulberry32(11);
  const pieces = ['(', ')', ':', '"', "'''", '\n', 'def ', ',', '[', '\\'];
  sources.forEach((text, k) => {
    for (let e = 0; e < 3; e++) {
      const at = Math.floor(rnd() * (text.length + 1));
      const broken = text.slice(0, at) + pieces[Math.floor(rnd() * pieces.length)] + text.slice(at);
      assertSame(broken, `source ${k} edit ${e}`);
    }
  });
});

test('a file over the whole-file limit: parseOnce equals parse', () => {
  let big = '';
  for (let k = 0; big.length <= 300 * 1024; k++) big += sources[k % sources.length] + '\n';
  assertSame(big, 'big file');
});
