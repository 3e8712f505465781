// Differential test of the chunked TS/JS front end against the whole-file reference: real TS/JS
// files take many seeded random edits (identifier characters, spaces, line breaks, quotes,
// backticks, braces, brackets, `;`, `/`, comment markers), mostly typed and then taken back as a
// person does, so the text keeps coming back to valid code, and often right at chunk cuts. After
// every edit: nothing throws; when the whole text parses without problems, the module equals the
// whole-file parse and lowering of it (spans, exports, default export); when it does not, problems
// are reported; and every top-level statement of a chunk the edit left alone is the same object.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import type { Module, Stmt } from '../../../server/src/ir';
import type { ContentChange } from '../../../server/src/parse/frontend';
import { createTypeScriptFrontEnd, parseWholeFile, scriptKindOf } from '../../../server/src/parse/typescript/index';
import { positionAt } from '../../helpers/positions';

/** Deterministic PRNG (mulberry32) so a failure can be replayed from its seed. */
function prng(seed: number): (n: number) => number {
  return n => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
}

function walk(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|tsx|js|mjs|cjs)$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const FILES = [...walk('test/fixtures/rules', []), ...walk('examples', []), ...walk('test/fixtures/parse/typescript', [])];
const SOURCES = FILES.map(path => ({ path, text: readFileSync(path, 'utf8') }));
const BIG = SOURCES.filter(s => /\.(ts|js|mjs|cjs)$/.test(s.path))
  .map(s => s.text)
  .join('\n');

const TYPED = [
  'a',
  'x',
  '_',
  '0',
  ' ',
  '  ',
  '\n',
  '\n\n',
  "'",
  '"',
  '`',
  '{',
  '}',
  '[',
  ']',
  '(',
  ')',
  ';',
  '/',
  '*',
  ',',
  '.',
  '=',
  '/*',
  '*/',
  '//',
  '${',
  'else ',
  '(g)',
  'tf.',
  '\r\n',
  '<',
  '>',
  ':',
  '?',
  '!',
  '+',
  '@',
  '#',
  '=>',
  'export ',
  'import ',
  'await ',
  'function ',
  'async ',
  'class ',
];

interface Edit {
  start: number;
  end: number;
  insert: string;
}

function randomEdit(text: string, rand: (n: number) => number, cuts: readonly number[]): Edit {
  // Half the edits land at a chunk cut or right before it, where the cut rules are tested.
  let at = rand(text.length + 1);
  if (cuts.length > 0 && rand(2) === 0) at = Math.max(0, Math.min(text.length, cuts[rand(cuts.length)] - rand(2)));
  const kind = rand(6);
  if (kind === 0) return { start: at, end: Math.min(text.length, at + 1 + rand(8)), insert: '' };
  const insert = TYPED[rand(TYPED.length)];
  if (kind === 1) return { start: at, end: Math.min(text.length, at + 1 + rand(3)), insert };
  return { start: at, end: at, insert };
}

function apply(text: string, e: Edit): string {
  return text.slice(0, e.start) + e.insert + text.slice(e.end);
}

function change(text: string, e: Edit): ContentChange {
  return { range: { start: positionAt(text, e.start), end: positionAt(text, e.end) }, text: e.insert };
}

/** The old-text range an edit may be taken to cover: the edit itself and the common prefix/suffix range. */
function touched(oldText: string, newText: string, e: Edit): [number, number] {
  let prefix = 0;
  const max = Math.min(oldText.length, newText.length);
  while (prefix < max && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix))
    suffix++;
  return [Math.min(e.start, prefix), Math.max(e.end, oldText.length - suffix)];
}

function isModule(uri: string, text: string): boolean {
  const sf = ts.createSourceFile(
    uri,
    text,
    { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone },
    false,
    scriptKindOf(ts, uri),
  );
  return ts.isExternalModule(sf);
}

function run(source: string, file: string, seed: number, chunkSize: number, steps: number): { checked: number; chunks: number } {
  const rand = prng(seed);
  const frontEnd = createTypeScriptFrontEnd(ts, { chunkSize });
  const uri = `file:///differential/${seed}/${file}`;
  let text = source;
  let module: Module = frontEnd.parse(uri, text);
  // Edits typed and not yet taken back, most recent last.
  const undo: Edit[] = [];
  let checked = 0;
  let maxChunks = 0;
  let wasModule = isModule(uri, text);
  for (let step = 0; step < steps; step++) {
    const where = `${file}, chunk size ${chunkSize}, seed ${seed}, step ${step}`;
    const chunks = frontEnd.chunksOf(uri)!;
    maxChunks = Math.max(maxChunks, chunks.length);
    // Typed, and more often than not taken back later (the same edit reversed), so the text
    // wanders around the original and keeps coming back to it.
    const undoing = undo.length > 0 && rand(10) < 6;
    const edit = undoing
      ? undo.pop()!
      : randomEdit(
          text,
          rand,
          chunks.map(c => c.start),
        );
    const next = apply(text, edit);
    if (!undoing) undo.push({ start: edit.start, end: edit.start + edit.insert.length, insert: text.slice(edit.start, edit.end) });
    let changes: ContentChange[] | undefined = [change(text, edit)];
    const mode = rand(20);
    if (mode === 0) changes = undefined;
    else if (mode === 1) changes = [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: 'zz' }];
    else if (mode === 2 && edit.insert.length > 1) {
      // The same edit sent as two changes, the second relative to the text after the first.
      const first = { start: edit.start, end: edit.end, insert: edit.insert.slice(0, 1) };
      const mid = apply(text, first);
      const second = { start: edit.start + 1, end: edit.start + 1, insert: edit.insert.slice(1) };
      changes = [change(text, first), change(mid, second)];
    }
    // What must keep its identity: the top-level statements of chunks the edit leaves alone. An
    // insertion into a run of equal characters may be taken anywhere in the run (the front end
    // diffs when changes are missing), so the chunks around the common prefix/suffix count as edited.
    const [from, to] = touched(text, next, edit);
    const kept = new Map<number, Stmt[]>();
    let ci = 0;
    for (const s of module.body) {
      while (ci < chunks.length - 1 && chunks[ci].end <= s.span.start) ci++;
      const c = chunks[ci];
      if (c.start <= to && c.end >= from) continue;
      let list = kept.get(c.id);
      if (!list) kept.set(c.id, (list = []));
      list.push(s);
    }
    const nextIsModule = isModule(uri, next);
    const moduleFlip = wasModule !== nextIsModule;
    wasModule = nextIsModule;

    module = frontEnd.parse(uri, next, changes);
    text = next;

    const reference = parseWholeFile(ts, uri, text);
    if (reference.syntaxErrors.length === 0) {
      assert.deepStrictEqual(module, reference, where);
      checked++;
    } else {
      assert.ok(module.syntaxErrors.length > 0, `${where}: problems reported`);
    }
    if (!moduleFlip) {
      const body = new Set(module.body);
      for (const c of frontEnd.chunksOf(uri)!) {
        for (const s of kept.get(c.id) ?? []) assert.ok(body.has(s), `${where}: statement of untouched chunk ${c.id} kept`);
      }
    }
  }
  return { checked, chunks: maxChunks };
}

const RUNS: { name: string; source: string; file: string; seeds: number[]; chunkSizes: number[]; steps: number }[] = [
  ...SOURCES.map(s => ({
    name: s.path,
    source: s.text,
    file: s.path.replace(/.*\//, ''),
    seeds: [1, 2],
    chunkSizes: [1, 200],
    steps: 60,
  })),
  { name: 'all files concatenated', source: BIG, file: 'all.ts', seeds: [3, 4], chunkSizes: [64, 1000], steps: 120 },
];

for (const r of RUNS) {
  test(`random edits keep the chunked module equal to the whole-file one: ${r.name}`, () => {
    let checked = 0;
    let chunks = 0;
    for (const chunkSize of r.chunkSizes) {
      for (const seed of r.seeds) {
        const result = run(r.source, r.file, seed, chunkSize, r.steps);
        checked += result.checked;
        chunks = Math.max(chunks, result.chunks);
      }
    }
    // The edits come back to valid code often enough for the comparison to mean something.
    const valid = parseWholeFile(ts, `file:///${r.file}`, r.source).syntaxErrors.length === 0;
    if (valid) assert.ok(checked >= (r.steps * r.seeds.length * r.chunkSizes.length) / 5, `${checked} comparisons`);
    if (r.source.length > 400) assert.ok(chunks > 1, 'the document was cut');
  });
}

test('moving chunks moves every span of kept statements once, in place', () => {
  const source = readFileSync('test/fixtures/parse/typescript/tfjs-classifier.ts', 'utf8');
  const frontEnd = createTypeScriptFrontEnd(ts, { chunkSize: 64 });
  const uri = 'file:///differential/spans.ts';
  const first = frontEnd.parse(uri, source);
  const last = first.body[first.body.length - 1];
  const spans = [last.span, ...(last.k === 'func' ? [last.def.span, last.def.nameSpan] : [])];
  const starts = spans.map(s => s.start);
  let text = source;
  for (let i = 0; i < 5; i++) {
    const next = '\n' + text;
    frontEnd.parse(uri, next, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
    text = next;
  }
  const now = frontEnd.parse(uri, text);
  assert.equal(now.body[now.body.length - 1], last);
  assert.deepEqual(
    spans.map(s => s.start),
    starts.map(s => s + 5),
  );
  assert.deepStrictEqual(now, parseWholeFile(ts, uri, text));
});
