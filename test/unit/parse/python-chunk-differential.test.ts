// The chunked Python front end against the reference, one whole-file tree-sitter tree lowered by the
// same lowering: seeded random edits (typing and deleting identifier characters, spaces, newlines,
// quotes, brackets, colons, `#`, backslashes, decorators…, mostly undone again as a person corrects
// a typo) on the rule fixtures and examples, one by one and concatenated into one big file, with tiny
// chunks (many boundaries) and with the default size. After every edit: parsing never throws; when
// the reference has no syntax error the Module deep-equals it (spans included), else syntax errors
// are reported; no span object is shared; chunks the edit did not touch keep their statements (the
// same objects), and when the text before and after is valid every top-level statement away from
// the edit is the same object as before.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import type { Module, Stmt } from '../../../server/src/ir';
import type { ContentChange } from '../../../server/src/parse/frontend';
import type { PythonFrontEnd } from '../../../server/src/parse/python/index';
import { assertNoSharedSpans, loadPython, mulberry32, positionAt, wholeFileLowering, pythonFiles } from './pythonTestSupport';

const files = [...pythonFiles('test/fixtures/rules'), ...pythonFiles('examples'), 'test/fixtures/parse/python/train_example.py'];
const sources = files.map(f => readFileSync(f, 'utf8'));
const big = sources.join('\n');

const TYPED = [
  'a',
  'x',
  '_',
  '1',
  ' ',
  ' ',
  '    ',
  '\n',
  '\n',
  '"',
  "'",
  '"""',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ':',
  ':',
  '#',
  '\\',
  '@',
  ',',
  '.',
  '=',
  'else',
  'f"{x}"',
  'x = 1\n',
  '\ndef g():\n    return 1\n',
  '\n    y = 2',
];

interface Step {
  start: number;
  end: number;
  insert: string;
}

/** A random edit at an offset that splits neither a surrogate pair nor a \r\n. */
function randomEdit(text: string, rnd: () => number): Step {
  const safe = (o: number): number => {
    let p = Math.max(0, Math.min(text.length, o));
    const prev = text.charCodeAt(p - 1);
    if ((prev >= 0xd800 && prev <= 0xdbff) || (prev === 13 && text.charCodeAt(p) === 10)) p--;
    return p;
  };
  let start = safe(Math.floor(rnd() * (text.length + 1)));
  const r = rnd();
  if (r < 0.15) {
    // At a line start: where chunk boundaries are.
    start = text.lastIndexOf('\n', start - 1) + 1;
  }
  const kind = rnd();
  if (kind < 0.55) return { start, end: start, insert: TYPED[Math.floor(rnd() * TYPED.length)] };
  if (kind < 0.9) return { start, end: safe(start + 1 + Math.floor(rnd() * 3)), insert: '' };
  // A whole line deleted.
  const ls = text.lastIndexOf('\n', start - 1) + 1;
  const nl = text.indexOf('\n', start);
  return { start: ls, end: nl < 0 ? text.length : nl + 1, insert: '' };
}

function apply(text: string, e: Step): string {
  return text.slice(0, e.start) + e.insert + text.slice(e.end);
}

let reference: (text: string) => { module: Module; hasError: boolean };
let tiny: PythonFrontEnd;
let normal: PythonFrontEnd;
before(async () => {
  tiny = await loadPython({ chunkTarget: 100 });
  normal = await loadPython();
  reference = await wholeFileLowering();
});

interface Run {
  name: string;
  text: () => string;
  fe: () => PythonFrontEnd;
  steps: number;
  seed: number;
}

// PY_CHUNK_ROUNDS=n repeats every run with n different seeds (a longer search for counter-examples).
const rounds = Number(process.env.PY_CHUNK_ROUNDS ?? 1);
const runs: Run[] = [];
for (let round = 0; round < rounds; round++) {
  const seed = (s: number) => s + round * 10_000;
  runs.push(
    ...sources.map((_, k): Run => ({ name: files[k], text: () => sources[k], fe: () => tiny, steps: 12, seed: seed(k + 1) })),
    { name: 'all files, tiny chunks', text: () => big, fe: () => tiny, steps: 150, seed: seed(1001) },
    { name: 'all files, default chunks', text: () => big, fe: () => normal, steps: 150, seed: seed(1002) },
    { name: 'all files with CRLF, tiny chunks', text: () => big.replace(/\n/g, '\r\n'), fe: () => tiny, steps: 60, seed: seed(1003) },
  );
}

describe('chunked python parsing equals a whole-file parse', () => {
  for (const run of runs) {
    test(`${run.name} (seed ${run.seed})`, () => {
      const fe = run.fe();
      const rnd = mulberry32(run.seed);
      const uri = `file:///diff-${run.seed}.py`;
      let text = run.text();
      let module = fe.parse(uri, text);
      let valid = !reference(text).hasError;
      assert.ok(valid, `${run.name} parses without errors to begin with`);
      assert.deepEqual(module, reference(text).module);
      // Inverse edits, undone last first: a broken text is mostly repaired by the next step, as a
      // person corrects a typo, so that most steps compare valid text.
      const undos: Step[] = [];
      let compared = 0;
      for (let step = 0; step < run.steps; step++) {
        const context = `${run.name} seed ${run.seed} step ${step}`;
        const previous = text;
        const undoNow = undos.length > 0 && rnd() < (valid ? 0.3 : 0.85);
        const e = undoNow ? (undos.pop() as Step) : randomEdit(text, rnd);
        text = apply(previous, e);
        if (!undoNow) undos.push({ start: e.start, end: e.start + e.insert.length, insert: previous.slice(e.start, e.end) });

        const how = rnd();
        const changes: ContentChange[] | undefined =
          how < 0.85
            ? [{ range: { start: positionAt(previous, e.start), end: positionAt(previous, e.end) }, text: e.insert }]
            : how < 0.95
              ? undefined
              : splitInTwo(previous, e);
        // The edited range as the front end sees it: the change, or the difference of the texts.
        const [s, oe, ne] = changes?.length === 1 ? [e.start, e.end, e.start + e.insert.length] : diffRange(previous, text);

        const oldChunks = fe.chunkRanges(uri) ?? [];
        const oldStmts = module.body.map(st => ({ st, start: st.span.start, end: st.span.end }));
        const oldText = previous;
        const wasValid = valid;

        module = fe.parse(uri, text, changes);
        assert.equal(fe.incrementalFailures, 0, `${context}: the incremental update did not fail internally`);

        const { module: expected, hasError } = reference(text);
        valid = !hasError;
        if (valid) {
          if (process.env.PY_CHUNK_DEBUG) {
            try {
              assert.deepEqual(module, expected);
            } catch (err) {
              console.log(
                JSON.stringify(
                  {
                    context,
                    e,
                    changes: changes?.length,
                    oldChunks,
                    newChunks: fe.chunkRanges(uri),
                    before: previous.slice(Math.max(0, e.start - 300), e.end + 300),
                    after: text.slice(Math.max(0, e.start - 300), e.start + e.insert.length + 300),
                  },
                  null,
                  1,
                ),
              );
              throw err;
            }
          }
          assert.deepEqual(module, expected, context);
          compared++;
        } else {
          if (process.env.PY_CHUNK_DEBUG && module.syntaxErrors.length === 0)
            console.log(JSON.stringify({ context, e, after: text.slice(Math.max(0, e.start - 100), e.start + e.insert.length + 100) }));
          assert.ok(module.syntaxErrors.length > 0, `${context}: syntax errors are reported`);
        }
        assertNoSharedSpans(module, context);

        // Chunks away from the edit come back moved, with the very same statements.
        const delta = ne - oe;
        const newChunks = fe.chunkRanges(uri) ?? [];
        const at = new Map(newChunks.map(c => [`${c.start}:${c.end}`, c]));
        for (const c of oldChunks) {
          if (c.end >= s && c.start <= oe) continue;
          const moved = c.start > oe ? { start: c.start + delta, end: c.end + delta } : c;
          if (!at.has(`${moved.start}:${moved.end}`)) continue;
          const before = oldStmts.filter(o => o.start >= c.start && o.start < c.end).map(o => o.st);
          const after = module.body.filter(st => st.span.start >= moved.start && st.span.start < moved.end);
          assert.equal(after.length, before.length, `${context}: statements of an untouched chunk`);
          after.forEach((st, k) => assert.equal(st, before[k], `${context}: an untouched chunk keeps its statements`));
        }
        // Between valid texts, every top-level statement away from the edit (not its neighbour, which
        // tree-sitter may re-parse) is kept as the same object.
        if (valid && wasValid) {
          const byStart = new Map<number, { st: Stmt; start: number; end: number }>();
          for (const o of oldStmts) byStart.set(o.start, o);
          const body = module.body;
          let lastBefore = -1;
          while (lastBefore + 1 < body.length && body[lastBefore + 1].span.end < s) lastBefore++;
          let firstAfter = body.length;
          while (firstAfter > 0 && body[firstAfter - 1].span.start > ne) firstAfter--;
          for (let k = 0; k < body.length; k++) {
            if (k > lastBefore - 1 && k < firstAfter + 1) continue;
            const st = body[k];
            const { start, end } = st.span;
            const oldStart = k < lastBefore ? start : start - delta;
            const o = byStart.get(oldStart);
            if (o === undefined || o.end - o.start !== end - start) continue;
            if (oldText.slice(o.start, o.end) !== text.slice(start, end)) continue;
            assert.equal(st, o.st, `${context}: statement at ${start} is kept`);
          }
        }
      }
      assert.equal(fe.incrementalFailures, 0, 'no incremental update failed internally');
      assert.ok(compared >= (run.steps >= 50 ? run.steps / 5 : 1), `${run.name}: only ${compared} of ${run.steps} steps were valid Python`);
      fe.forget(uri);
    });
  }
});

/** The same edit sent as two changes (a deletion, then an insertion): the several-changes path. */
function splitInTwo(previous: string, e: Step): ContentChange[] {
  const afterDelete = previous.slice(0, e.start) + previous.slice(e.end);
  return [
    { range: { start: positionAt(previous, e.start), end: positionAt(previous, e.end) }, text: '' },
    { range: { start: positionAt(afterDelete, e.start), end: positionAt(afterDelete, e.start) }, text: e.insert },
  ];
}

function diffRange(a: string, b: string): [number, number, number] {
  const max = Math.min(a.length, b.length);
  let p = 0;
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  let q = 0;
  while (q < max - p && a.charCodeAt(a.length - 1 - q) === b.charCodeAt(b.length - 1 - q)) q++;
  return [p, a.length - q, b.length - q];
}
