// Applying edits and choosing fixes that can go together: overlapping fixes are skipped whole,
// identical edits are shared, and text is never corrupted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, editsConflict, selectCompatibleFixes, editsByUri } from '../../../server/src/fixes/text-edits';
import type { Fix } from '../../../server/src/findings';

const U = 'file:///a.py';
const fix = (title: string, ...edits: [number, number, string, string?][]): { fix: Fix } => ({
  fix: {
    title,
    applicability: 'safe',
    edits: edits.map(([start, end, newText, uri]) => ({ uri: uri ?? U, span: { start, end }, newText })),
  },
});

test('editsConflict: overlaps, shared insertion points and touching ranges', () => {
  const cases: [string, [number, number], [number, number], boolean][] = [
    ['disjoint', [0, 2], [3, 5], false],
    ['touching end to start', [0, 3], [3, 5], false],
    ['overlapping', [0, 4], [3, 5], true],
    ['nested', [0, 10], [3, 5], true],
    ['two insertions at one offset', [4, 4], [4, 4], true],
    ['insertion inside a replacement', [4, 4], [2, 6], true],
    ['insertion at the end of a replacement', [6, 6], [2, 6], false],
    ['insertion at the start of a replacement', [2, 2], [2, 6], false],
  ];
  for (const [name, a, b, expected] of cases) {
    const sa = { start: a[0], end: a[1] };
    const sb = { start: b[0], end: b[1] };
    assert.equal(editsConflict(sa, sb), expected, name);
    assert.equal(editsConflict(sb, sa), expected, `${name} (swapped)`);
  }
});

test('applyEdits applies in offset order whatever the input order, and refuses overlaps', () => {
  const text = 'p = torch.log(F.softmax(x, dim=1))';
  assert.equal(
    applyEdits(text, [
      { span: { start: 0, end: 1 }, newText: 'q' },
      { span: { start: 4, end: 34 }, newText: 'F.log_softmax(x, dim=1)' },
    ]),
    'q = F.log_softmax(x, dim=1)',
  );
  assert.equal(
    applyEdits('abc', [
      { span: { start: 3, end: 3 }, newText: '!' },
      { span: { start: 0, end: 0 }, newText: '>' },
    ]),
    '>abc!',
  );
  assert.throws(
    () =>
      applyEdits('abcdef', [
        { span: { start: 0, end: 3 }, newText: '' },
        { span: { start: 2, end: 4 }, newText: '' },
      ]),
    /overlapping/,
  );
});

test('two fixes on one line: the overlapping one is skipped whole, the other applies, the text stays valid', () => {
  // loss = F.kl_div(torch.log(F.softmax(a, dim=1)), b)
  //        0123456789...
  const line = 'loss = F.kl_div(torch.log(F.softmax(a, dim=1)), b)';
  const logCall = { start: line.indexOf('torch.log'), end: line.indexOf('), b)') + 1 };
  const softmaxCall = { start: line.indexOf('F.softmax'), end: line.indexOf('), b)') };
  const close = line.length - 1;
  const logSoftmax = fix('log_softmax', [logCall.start, logCall.end, 'F.log_softmax(a, dim=1)']);
  const removeSoftmax = fix('remove softmax', [softmaxCall.start, softmaxCall.end, 'a']);
  const batchmean = fix('batchmean', [close, close, ", reduction='batchmean'"]);
  const { chosen, skipped } = selectCompatibleFixes([removeSoftmax, batchmean, logSoftmax]);
  assert.deepEqual(
    chosen.map(c => c.fix.title),
    ['log_softmax', 'batchmean'],
  );
  assert.deepEqual(
    skipped.map(c => c.fix.title),
    ['remove softmax'],
  );
  const edits = editsByUri(chosen.map(c => c.fix)).get(U)!;
  assert.equal(applyEdits(line, edits), "loss = F.kl_div(F.log_softmax(a, dim=1), b, reduction='batchmean')");
});

test('a fix is all or nothing: one conflicting edit drops all of its edits', () => {
  const a = fix('a', [0, 5, 'X']);
  const b = fix('b', [10, 12, 'Y'], [3, 4, 'Z']);
  const { chosen, skipped } = selectCompatibleFixes([a, b]);
  assert.deepEqual(
    chosen.map(c => c.fix.title),
    ['a'],
  );
  assert.deepEqual(
    skipped.map(c => c.fix.title),
    ['b'],
  );
});

test('identical edits from two findings (one softmax in a shared model file) are shared, applied once', () => {
  const m = 'file:///model.py';
  const a = fix('from train.py', [10, 30, 'self.fc(x)', m]);
  const b = fix('from eval.py', [10, 30, 'self.fc(x)', m]);
  const { chosen } = selectCompatibleFixes([a, b]);
  assert.equal(chosen.length, 2);
  assert.deepEqual(editsByUri(chosen.map(c => c.fix)).get(m), [{ span: { start: 10, end: 30 }, newText: 'self.fc(x)' }]);
});

test('edits in different files never conflict', () => {
  const a = fix('a', [0, 5, 'X'], [0, 5, 'Y', 'file:///b.py']);
  const b = fix('b', [0, 5, 'Z', 'file:///c.py']);
  assert.equal(selectCompatibleFixes([a, b]).chosen.length, 2);
});
