// The language server's notebook mapping: one incremental change per rebuild of the program, and
// ranges/diagnostics of the program shown on cells.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { textChange, toCellRange, toCellDiagnostic } from '../../../server/src/lsp/notebooks';
import { VirtualNotebook } from '../../../server/src/notebook';

test('textChange: applying the single change turns the old program into the new one', () => {
  const cases: [string, string][] = [
    ['a\nb\nc\n', 'a\nB\nc\n'],
    ['a\nb\nc\n', 'a\nc\n'],
    ['', 'x = 1\n'],
    ['x = 1\n', ''],
    ['same\n', 'same\n'],
    ['a\r\nb\r\n', 'a\r\nX\r\nb\r\n'],
    ['a\r\nb', 'a\nb'],
    ['aaaa', 'aa'],
    ['x\r\n', 'x\r\ny\r\n'],
    ['a\r\n\r\nb', 'a\r\nb'],
    ['a\nb', 'a\r\nb'],
  ];
  for (const [before, after] of cases) {
    const doc = TextDocument.create('file:///nb.ipynb', 'python', 1, before);
    TextDocument.update(doc, [textChange(before, after)], 2);
    assert.equal(doc.getText(), after, JSON.stringify([before, after]));
  }
  // Line breaks of every kind in every position (seeded, so failures reproduce).
  let seed = 7;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const word = () => Array.from({ length: rand(9) }, () => ['a', 'b', '\r', '\n'][rand(4)]).join('');
  for (let i = 0; i < 2000; i++) {
    const [before, after] = [word(), word()];
    const doc = TextDocument.create('file:///nb.ipynb', 'python', 1, before);
    TextDocument.update(doc, [textChange(before, after)], 2);
    assert.equal(doc.getText(), after, JSON.stringify([before, after]));
  }
});

const model = VirtualNotebook.build([
  { id: 'cell1', kind: 'code', text: '!pip install torch\nimport torch' },
  { id: 'cell2', kind: 'code', text: 'p = torch.softmax(x, 1)\nloss = f(p)' },
]);

test('toCellRange: ranges in one cell map; ranges crossing cells are cut (lenient) or refused (strict)', () => {
  assert.deepEqual(toCellRange(model, { start: { line: 3, character: 7 }, end: { line: 3, character: 11 } }), {
    cell: 'cell2',
    range: { start: { line: 1, character: 7 }, end: { line: 1, character: 11 } },
  });
  const crossing = { start: { line: 1, character: 0 }, end: { line: 2, character: 3 } };
  assert.deepEqual(toCellRange(model, crossing), {
    cell: 'cell1',
    range: { start: { line: 1, character: 0 }, end: { line: 1, character: 12 } },
  });
  assert.equal(toCellRange(model, crossing, true), undefined);
  assert.equal(
    toCellRange(model, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, true),
    undefined,
    'a blanked !pip line cannot be edited',
  );
});

test('toCellDiagnostic: the range and related places in the notebook move to cells; data stays', () => {
  const d = toCellDiagnostic(model, 'file:///nb.ipynb', {
    range: { start: { line: 3, character: 9 }, end: { line: 3, character: 10 } },
    message: 'm',
    data: {
      fix: {
        edits: [{ uri: 'file:///nb.ipynb', range: { start: { line: 2, character: 4 }, end: { line: 2, character: 22 } }, newText: 'x' }],
      },
    },
    relatedInformation: [
      {
        location: { uri: 'file:///nb.ipynb', range: { start: { line: 2, character: 4 }, end: { line: 2, character: 22 } } },
        message: 'softmax here',
      },
      {
        location: { uri: 'file:///net.py', range: { start: { line: 9, character: 0 }, end: { line: 9, character: 1 } } },
        message: 'elsewhere',
      },
    ],
  })!;
  assert.equal(d.cell, 'cell2');
  assert.deepEqual(d.diagnostic.range, { start: { line: 1, character: 9 }, end: { line: 1, character: 10 } });
  assert.deepEqual(
    d.diagnostic.relatedInformation!.map(r => [r.location.uri, r.location.range.start]),
    [
      ['cell2', { line: 0, character: 4 }],
      ['file:///net.py', { line: 9, character: 0 }],
    ],
  );
  assert.equal(
    (d.diagnostic.data as { fix: { edits: { uri: string }[] } }).fix.edits[0].uri,
    'file:///nb.ipynb',
    'code actions translate back to the program',
  );
});
