// The notebook model: IPython-only lines blanked without moving anything else, code cells
// concatenated in order, and positions mapped between the program and (cell, line, column).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pythonOfCell, VirtualNotebook, type NotebookCellInput } from '../../../server/src/notebook';

test('IPython-only lines are blanked; Python (including look-alikes) is kept', () => {
  const cases: { name: string; cell: string; python: string; blanked: number[] }[] = [
    {
      name: 'line magic and shell escape',
      cell: '%matplotlib inline\n!pip install torch\nimport torch',
      python: '\n\nimport torch',
      blanked: [0, 1],
    },
    { name: 'shell output assigned', cell: 'files = !ls *.csv\nx = 1', python: '\nx = 1', blanked: [0] },
    { name: 'magic output assigned', cell: 'out = %sx ls\n', python: '\n', blanked: [0] },
    { name: 'help', cell: 'model?\nnp.mean??\n?torch.nn\nx = 1', python: '\n\n\nx = 1', blanked: [0, 1, 2] },
    {
      name: 'magic inside a block becomes pass',
      cell: 'for i in range(3):\n    %time f(i)\n    !echo hi\n',
      python: 'for i in range(3):\n    pass\n    pass\n',
      blanked: [1, 2],
    },
    { name: 'magic continued with a backslash', cell: '%timeit -n 10 \\\n    f(x)\ny = 2', python: '\n\ny = 2', blanked: [0, 1] },
    { name: 'modulo continuing a bracketed expression', cell: 'x = (a\n     % b)\n', python: 'x = (a\n     % b)\n', blanked: [] },
    {
      name: 'percent inside a triple-quoted string',
      cell: 's = """\n%d items\n!important\n"""\n%who',
      python: 's = """\n%d items\n!important\n"""\n',
      blanked: [4],
    },
    { name: 'backslash continuation', cell: 'y = 1 + \\\n    %d\n', python: 'y = 1 + \\\n    %d\n', blanked: [] },
    {
      name: 'comment mentioning a magic',
      cell: '# %matplotlib inline\nx = 1  # !ls',
      python: '# %matplotlib inline\nx = 1  # !ls',
      blanked: [],
    },
    { name: 'cell magic with a non-Python body', cell: '%%bash\necho hi\n    indented\n', python: '\n\n\n', blanked: [0, 1, 2, 3] },
    { name: 'cell magic whose body is Python', cell: '\n%%time\nloss = f(x)\n', python: '\n\nloss = f(x)\n', blanked: [1] },
    { name: 'CRLF line endings are kept', cell: '%load_ext autoreload\r\nimport torch\r\n', python: '\r\nimport torch\r\n', blanked: [0] },
    { name: 'empty cell', cell: '', python: '', blanked: [] },
  ];
  for (const c of cases) {
    const py = pythonOfCell(c.cell);
    assert.equal(py.text, c.python, c.name);
    assert.deepEqual(
      [...py.blanked].sort((a, b) => a - b),
      c.blanked,
      c.name,
    );
    assert.equal(py.text.split(/\r\n|\r|\n/).length, c.cell.split(/\r\n|\r|\n/).length, `${c.name}: same number of lines`);
  }
});

const cells: NotebookCellInput[] = [
  { id: 'md', kind: 'markdown', text: '# Title\nmore text' },
  { id: 'a', kind: 'code', text: '%matplotlib inline\nimport torch\n' },
  { id: 'empty', kind: 'code', text: '' },
  { id: 'raw', kind: 'raw', text: 'raw text' },
  { id: 'b', kind: 'code', text: 'x = torch.randn(2)\r\ny = x.softmax(0)' },
  { id: 'cr', kind: 'code', text: 'z = 1\r' },
  { id: 'c', kind: 'code', text: 'w = 2' },
];

test('code cells are concatenated in order, each on lines of its own; markdown and raw cells are left out', () => {
  const nb = VirtualNotebook.build(cells);
  assert.equal(nb.text, '\nimport torch\n\n\nx = torch.randn(2)\r\ny = x.softmax(0)\nz = 1\r\rw = 2\n');
  assert.deepEqual(
    nb.cells.map(c => [c.id, c.index, c.firstLine, c.lineCount]),
    [
      ['a', 1, 0, 3],
      ['empty', 2, 3, 1],
      ['b', 4, 4, 2],
      ['cr', 5, 6, 2],
      ['c', 6, 8, 1],
    ],
  );
});

test('positions map from the program to the cell and back', () => {
  const nb = VirtualNotebook.build(cells);
  const cases: { virtual: { line: number; character: number }; cell: string; line: number; character: number }[] = [
    { virtual: { line: 1, character: 7 }, cell: 'a', line: 1, character: 7 },
    { virtual: { line: 3, character: 0 }, cell: 'empty', line: 0, character: 0 },
    { virtual: { line: 5, character: 6 }, cell: 'b', line: 1, character: 6 },
    { virtual: { line: 6, character: 4 }, cell: 'cr', line: 0, character: 4 },
    { virtual: { line: 8, character: 5 }, cell: 'c', line: 0, character: 5 },
  ];
  for (const c of cases) {
    const loc = nb.toCellPosition(c.virtual)!;
    assert.deepEqual([loc.cell.id, loc.line, loc.character], [c.cell, c.line, c.character], JSON.stringify(c.virtual));
    assert.deepEqual(nb.toVirtualPosition(c.cell, { line: c.line, character: c.character }), c.virtual, `back from ${c.cell}`);
    const offset = nb.offsetAt(c.virtual);
    assert.equal(nb.toCell(offset)!.offset, loc.offset, 'offsets agree with positions');
    assert.equal(nb.toVirtualOffset(c.cell, loc.offset), offset);
  }
  // The text at a mapped position is the same in the cell and in the program.
  const b = nb.cell('b')!;
  const at = b.text.indexOf('softmax');
  assert.equal(nb.text.slice(nb.toVirtualOffset('b', at), nb.toVirtualOffset('b', at)! + 7), 'softmax');
});

test('a blanked magic line maps to its cell line, columns clamped to the line', () => {
  const nb = VirtualNotebook.build(cells);
  const loc = nb.toCellPosition({ line: 0, character: 0 })!;
  assert.deepEqual([loc.cell.id, loc.line, loc.character], ['a', 0, 0]);
  assert.ok(nb.isBlanked(0));
  assert.ok(!nb.isBlanked(nb.offsetAt({ line: 1, character: 0 })));
  assert.deepEqual(
    nb.toVirtualPosition('a', { line: 0, character: 12 }),
    { line: 0, character: 0 },
    'the blanked line is empty in the program',
  );
  assert.equal(nb.toVirtualPosition('nope', { line: 0, character: 0 }), undefined);
});

test('a notebook without code cells is an empty program', () => {
  const nb = VirtualNotebook.build([{ id: 'm', kind: 'markdown', text: '# x' }]);
  assert.equal(nb.text, '');
  assert.equal(nb.toCell(0), undefined);
});
