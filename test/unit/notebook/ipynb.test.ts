// nbformat 4 files: reading (with clear errors for what cannot be analysed), positions in the JSON,
// and writing changed cell sources back while every other byte stays as it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  readIpynb,
  writeIpynbSources,
  jsonOffsetOf,
  virtualNotebookOf,
  sourceLines,
  NotebookError,
  parseJsonLocated,
  JsonSyntaxError,
} from '../../../server/src/notebook';

const FIXTURES = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'notebooks');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

test('reads cells, their kinds and sources (list or single string), in order', () => {
  const nb = readIpynb(fixture('cross_cell_double_softmax.ipynb'));
  assert.deepEqual(
    nb.cells.map(c => c.kind),
    ['markdown', 'code', 'code', 'markdown', 'code', 'code', 'code', 'code'],
  );
  assert.equal(nb.language, 'python');
  assert.match(nb.cells[2].source, /^model = nn\.Sequential\(\n[\s\S]*nn\.Softmax\(dim=1\),\n\)\nmodel$/);
  const single = readIpynb(fixture('fixable_steps.ipynb'));
  assert.equal(single.cells[4].sourceNode?.kind, 'string');
  assert.match(single.cells[4].source, /^def kl\(/);
});

test('bad input gets a clear message and says whether the file is broken or just not for LossLens', () => {
  const cases: { file: string; message: RegExp; kind: 'invalid' | 'unsupported' }[] = [
    { file: 'invalid_json.ipynb', message: /^not valid JSON \(line 3, column 45: unexpected '\}', expected a string\)$/, kind: 'invalid' },
    {
      file: 'nbformat3.ipynb',
      message: /nbformat 3 notebooks are not supported; convert it with `jupyter nbconvert --to notebook --nbformat 4`/,
      kind: 'invalid',
    },
    { file: 'markdown_only.ipynb', message: /^the notebook has no code cells$/, kind: 'unsupported' },
    { file: 'r_kernel.ipynb', message: /^not a Python notebook \(kernel language: R\)$/, kind: 'unsupported' },
  ];
  for (const c of cases) {
    assert.throws(
      () => readIpynb(fixture(c.file)),
      (e: unknown) => e instanceof NotebookError && c.message.test(e.message) && e.kind === c.kind,
      c.file,
    );
  }
  const inline: [string, RegExp][] = [
    ['', /not valid JSON \(line 1, column 1: unexpected end of file/],
    ['[1, 2]', /not a Jupyter notebook \(the file is not a JSON object\)/],
    ['{"cells": []}', /no "nbformat" number/],
    ['{"nbformat": 5, "cells": []}', /nbformat 5 is newer/],
    ['{"nbformat": 4}', /no "cells" array/],
    ['{"nbformat": 4, "cells": [{"source": "x"}]}', /cell 1 has no "cell_type"/],
    ['{"nbformat": 4, "cells": [{"cell_type": "code", "source": 3}]}', /cell 1: "source" must be a string or a list of strings/],
    [
      '{"nbformat": 4, "metadata": {"language_info": {"name": "julia"}}, "cells": [{"cell_type": "code", "source": "x"}]}',
      /kernel language: julia/,
    ],
  ];
  for (const [text, message] of inline) assert.throws(() => readIpynb(text), message, text);
});

test('the JSON parser is strict and locates values', () => {
  for (const bad of ['{"a": 1,}', '{"a": "\\x"}', '{"a": "line\nbreak"}', '01', '{"a" 1}', '[1] 2', '"\\ud83d']) {
    assert.throws(() => parseJsonLocated(bad), JsonSyntaxError, bad);
  }
  const text = '\ufeff { "k" : ["a\\u00e9\\n", 2.5e3, true, null] }';
  const v = parseJsonLocated(text);
  assert.equal(v.kind, 'object');
  const arr = (v as { entries: { value: { kind: string; items: { start: number; end: number }[] } }[] }).entries[0].value;
  assert.equal(arr.kind, 'array');
  assert.deepEqual(
    arr.items.map(i => text.slice(i.start, i.end)),
    ['"a\\u00e9\\n"', '2.5e3', 'true', 'null'],
  );
  assert.deepEqual(JSON.parse('{ "k" : ["a\\u00e9\\n", 2.5e3, true, null] }').k, ['aé\n', 2500, true, null]);
});

test('a cell position is found on its line of the .ipynb file, escapes accounted for', () => {
  const text = fixture('cross_cell_double_softmax.ipynb');
  const nb = readIpynb(text);
  const cell = nb.cells[6];
  const at = cell.source.indexOf('model(x), y)');
  const offset = jsonOffsetOf(nb, 6, at);
  assert.equal(text.slice(offset, offset + 12), 'model(x), y)');
  // Single-string sources hold `\n` escapes: the decoded offset is mapped past them.
  const steps = readIpynb(fixture('fixable_steps.ipynb'));
  const kl = steps.cells[4];
  const o = jsonOffsetOf(steps, 4, kl.source.indexOf('F.kl_div'));
  assert.equal(steps.text.slice(o, o + 8), 'F.kl_div');
  // The end of a line (its line break) is still on that line.
  const lineEnd = cell.source.indexOf('\n');
  assert.equal(text.slice(jsonOffsetOf(nb, 6, lineEnd), jsonOffsetOf(nb, 6, lineEnd) + 2), '\\n');
});

test('writing back: unchanged sources give the identical file; a changed cell changes only its source', () => {
  for (const name of ['cross_cell_double_softmax.ipynb', 'fixable_steps.ipynb', 'clean_training.ipynb']) {
    const text = fixture(name);
    const nb = readIpynb(text);
    assert.equal(writeIpynbSources(nb, new Map(nb.cells.map(c => [c.index, c.source]))), text, `${name}: identity`);
  }
  const text = fixture('cross_cell_double_softmax.ipynb');
  const nb = readIpynb(text);
  const newSource = nb.cells[2].source.replace('    nn.Softmax(dim=1),\n', '');
  const out = writeIpynbSources(nb, new Map([[2, newSource]]));
  const again = readIpynb(out);
  assert.equal(again.cells[2].source, newSource);
  for (const c of again.cells) if (c.index !== 2) assert.equal(c.source, nb.cells[c.index].source);
  // Everything but that source array is byte-identical, and it is laid out the way nbformat does.
  const s = nb.cells[2].sourceNode!;
  assert.equal(out.slice(0, s.start), text.slice(0, s.start));
  assert.equal(out.slice(out.length - (text.length - s.end)), text.slice(s.end));
  assert.ok(
    out.slice(s.start).startsWith('[\n    "model = nn.Sequential(\\n",\n    "    nn.Linear(784, 128),\\n",\n'),
    out.slice(s.start, s.start + 80),
  );
  assert.deepEqual(JSON.parse(out), {
    ...JSON.parse(text),
    cells: JSON.parse(text).cells.map((c: { source: string[] }, i: number) => (i === 2 ? { ...c, source: sourceLines(newSource) } : c)),
  });
});

test('writing back keeps each source shape: single string, empty list, one-line list, CRLF files', () => {
  const cases: { name: string; text: string; cell: number; source: string; expect: string }[] = [
    {
      name: 'string',
      text: '{"nbformat": 4, "cells": [{"cell_type": "code", "source": "a\\nb"}]}',
      cell: 0,
      source: 'a\nc',
      expect: '{"nbformat": 4, "cells": [{"cell_type": "code", "source": "a\\nc"}]}',
    },
    {
      name: 'empty list',
      text: '{\n "cells": [\n  {\n   "cell_type": "code",\n   "source": []\n  }\n ],\n "nbformat": 4\n}\n',
      cell: 0,
      source: 'x = 1\ny = 2',
      expect:
        '{\n "cells": [\n  {\n   "cell_type": "code",\n   "source": [\n    "x = 1\\n",\n    "y = 2"\n   ]\n  }\n ],\n "nbformat": 4\n}\n',
    },
    {
      name: 'to empty',
      text: '{"nbformat": 4, "cells": [{"cell_type": "code", "source": ["a\\n", "b"]}]}',
      cell: 0,
      source: '',
      expect: '{"nbformat": 4, "cells": [{"cell_type": "code", "source": []}]}',
    },
    {
      name: 'one-line list',
      text: '{"nbformat": 4, "cells": [{"cell_type": "code", "source": ["a\\n", "b"]}]}',
      cell: 0,
      source: 'a\nb\nc',
      expect: '{"nbformat": 4, "cells": [{"cell_type": "code", "source": ["a\\n", "b\\n", "c"]}]}',
    },
    {
      name: 'CRLF file',
      text: '{\r\n "cells": [\r\n  {\r\n   "cell_type": "code",\r\n   "source": [\r\n    "a\\n",\r\n    "b"\r\n   ]\r\n  }\r\n ],\r\n "nbformat": 4\r\n}\r\n',
      cell: 0,
      source: 'é = 1\n',
      expect:
        '{\r\n "cells": [\r\n  {\r\n   "cell_type": "code",\r\n   "source": [\r\n    "é = 1\\n"\r\n   ]\r\n  }\r\n ],\r\n "nbformat": 4\r\n}\r\n',
    },
    {
      name: 'control characters escaped like Python json',
      text: '{"nbformat": 4, "cells": [{"cell_type": "code", "source": "x"}]}',
      cell: 0,
      source: 's = "\u001b[1m\t"',
      expect: '{"nbformat": 4, "cells": [{"cell_type": "code", "source": "s = \\"\\u001b[1m\\t\\""}]}',
    },
  ];
  for (const c of cases) {
    const out = writeIpynbSources(readIpynb(c.text), new Map([[c.cell, c.source]]));
    assert.equal(out, c.expect, c.name);
    assert.equal(readIpynb(out).cells[c.cell].source, c.source, `${c.name}: reads back`);
  }
});

test('the notebook program of a file: code cells only, ids are cell indices', () => {
  const nb = readIpynb(fixture('cross_cell_double_softmax.ipynb'));
  const v = virtualNotebookOf(nb);
  assert.deepEqual(
    v.cells.map(c => c.index),
    [1, 2, 4, 5, 6, 7],
  );
  assert.ok(!v.text.includes('!pip') && !v.text.includes('model?'), 'magics and help are blanked');
});

test('JSON nested deeper than the limit is a syntax error of that notebook, not a stack overflow', () => {
  const deep = `{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [], "x": ${'['.repeat(8000)}${']'.repeat(8000)}}`;
  assert.throws(
    () => parseJsonLocated(deep),
    (e: unknown) => e instanceof JsonSyntaxError && /nested deeper than 512 levels/.test(e.message),
  );
  assert.throws(
    () => readIpynb(deep),
    (e: unknown) => e instanceof NotebookError && /not valid JSON \(line 1, column \d+: arrays and objects nested deeper/.test(e.message),
  );
  // Up to the limit it parses.
  const ok = parseJsonLocated(`${'['.repeat(500)}${']'.repeat(500)}`);
  assert.equal(ok.kind, 'array');
});
