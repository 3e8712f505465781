// Fix edits computed on the notebook program are applied to the cells they fall in, never across
// cells or on blanked IPython lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VirtualNotebook, toCellEdit, cellEditsOf } from '../../../server/src/notebook';

const nb = VirtualNotebook.build([
  { id: '0', kind: 'code', text: '%pip install torch\nimport torch.nn.functional as F' },
  { id: '1', kind: 'markdown', text: 'words' },
  { id: '2', kind: 'code', text: 'p = F.softmax(x, dim=1)\nloss = F.cross_entropy(p, y)\n' },
]);
const at = (needle: string) => nb.text.indexOf(needle);

test("an edit inside one cell maps to that cell's offsets", () => {
  const start = at('F.softmax(x, dim=1)');
  const e = toCellEdit(nb, { span: { start, end: start + 'F.softmax(x, dim=1)'.length }, newText: 'x' })!;
  assert.equal(e.cell.id, '2');
  assert.deepEqual(e.span, { start: 4, end: 23 });
  const end = at('F.cross_entropy(p, y)') + 'F.cross_entropy(p, y)'.length;
  assert.deepEqual(
    toCellEdit(nb, { span: { start: end, end }, newText: '  # ok' })!.span,
    { start: 52, end: 52 },
    'an insertion at a line end',
  );
});

test('edits across cells or on a blanked magic line are rejected', () => {
  const cases: [string, { start: number; end: number }][] = [
    ['spans two cells', { start: at('import torch'), end: at('loss') }],
    ['on the blanked %pip line', { start: 0, end: 0 }],
  ];
  for (const [name, span] of cases) assert.equal(toCellEdit(nb, { span, newText: '' }), undefined, name);
  const { byCell, rejected } = cellEditsOf(nb, [
    { span: { start: 0, end: 0 }, newText: '#' },
    { span: { start: at('p = F'), end: at('p = F') + 1 }, newText: 'q' },
  ]);
  assert.equal(rejected.length, 1);
  assert.deepEqual(
    [...byCell].map(([c, edits]) => [c.id, edits]),
    [['2', [{ span: { start: 0, end: 1 }, newText: 'q' }]]],
  );
});
