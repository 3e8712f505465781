// Suppression comments: where they are, which codes they name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSuppressions, parseNoqa } from '../../../server/src/config/suppressions';
import { lineStarts } from '../../../server/src/base/line-index';

function parse(text: string) {
  return parseSuppressions(text, lineStarts(text)).map(s => ({ kind: s.kind, line: s.line, codes: s.codes?.map(c => c.code) ?? null }));
}

test('python and JS comment forms, with and without codes', () => {
  const text = [
    'x = 1  # losslens: ignore[LL001]',
    'y = 2  # losslens: ignore[LL001, ll003]',
    'z = 3  #losslens:ignore',
    'const a = 1; // losslens: ignore[LL004]',
    '# losslens: ignore-file',
    '# losslens: ignore-file[LL007]',
  ].join('\n');
  assert.deepEqual(parse(text), [
    { kind: 'line', line: 0, codes: ['LL001'] },
    { kind: 'line', line: 1, codes: ['LL001', 'LL003'] },
    { kind: 'line', line: 2, codes: null },
    { kind: 'line', line: 3, codes: ['LL004'] },
    { kind: 'file', line: 4, codes: null },
    { kind: 'file', line: 5, codes: ['LL007'] },
  ]);
});

test('text that is not a directive is ignored', () => {
  assert.deepEqual(parse('x = "losslens: ignore"\n# losslens: ignored\n# losslens: ignore-me'), []);
});

test('code spans point at each code', () => {
  const text = 'a  # losslens: ignore[LL001, LL003]';
  const [s] = parseSuppressions(text, lineStarts(text));
  assert.equal(text.slice(s.codes![1].span.start, s.codes![1].span.end), 'LL003');
  assert.equal(text.slice(s.span.start, s.span.end), 'losslens: ignore[LL001, LL003]');
});

test("noqa comments: LossLens codes only, bare ones marked null, other tools' lists dropped", () => {
  const text = [
    'a = 1  # noqa: LL001',
    'b = 2  # noqa:LL001,ll005',
    'c = 3  # NOQA: E501, LL003 W291',
    'd = 4  # noqa',
    'e = 5  # noqa: E501',
    'const f = 1; // noqa: LL004',
    'g = 6  # noqa-ish LL001',
  ].join('\n');
  assert.deepEqual(
    parseNoqa(text, lineStarts(text)).map(n => ({ line: n.line, codes: n.codes?.map(c => c.code) ?? null })),
    [
      { line: 0, codes: ['LL001'] },
      { line: 1, codes: ['LL001', 'LL005'] },
      { line: 2, codes: ['LL003'] },
      { line: 3, codes: null },
      { line: 5, codes: ['LL004'] },
    ],
  );
  const one = 'x  # noqa: E501, LL005';
  const [n] = parseNoqa(one, [0]);
  assert.equal(one.slice(n.codes![0].span.start, n.codes![0].span.end), 'LL005');
});
