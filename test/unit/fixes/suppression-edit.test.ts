// "Ignore LLnnn on this line" and "Remove unused suppression" edits, and that the result is what the
// suppression parser reads back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ignoreOnLineEdit, removeSuppressionEdit, commentStyleOf } from '../../../server/src/fixes/suppression-edit';
import { applyEdits } from '../../../server/src/fixes/text-edits';
import { parseSuppressions } from '../../../server/src/config/suppressions';
import { lineStarts } from '../../../server/src/base/line-index';

test('ignore on this line: appends, extends, or declines', () => {
  const cases: { name: string; text: string; at: string; code: string; style: '#' | '//'; expected: string | undefined }[] = [
    {
      name: 'appends a Python comment',
      text: 'a = 1\nloss = ce(p, y)\nb = 2\n',
      at: 'p, y',
      code: 'LL001',
      style: '#',
      expected: 'a = 1\nloss = ce(p, y)  # losslens: ignore[LL001]\nb = 2\n',
    },
    {
      name: 'appends after an existing comment',
      text: 'loss = ce(p, y)  # note\n',
      at: 'p',
      code: 'LL001',
      style: '#',
      expected: 'loss = ce(p, y)  # note  # losslens: ignore[LL001]\n',
    },
    {
      name: 'extends an existing list',
      text: 'loss = ce(p, y)  # losslens: ignore[LL003]\n',
      at: 'p',
      code: 'LL001',
      style: '#',
      expected: 'loss = ce(p, y)  # losslens: ignore[LL003, LL001]\n',
    },
    {
      name: 'TypeScript comment, trailing spaces and CRLF kept',
      text: 'const l = f(p);   \r\nnext();\r\n',
      at: 'p',
      code: 'LL021',
      style: '//',
      expected: 'const l = f(p);  // losslens: ignore[LL021]\r\nnext();\r\n',
    },
    {
      name: 'last line without newline',
      text: 'x = g(p)',
      at: 'p',
      code: 'LL008',
      style: '#',
      expected: 'x = g(p)  # losslens: ignore[LL008]',
    },
    { name: 'already suppressed', text: 'x = g(p)  # losslens: ignore[LL008]\n', at: 'p', code: 'LL008', style: '#', expected: undefined },
    {
      name: 'bare ignore covers every rule',
      text: 'x = g(p)  # losslens: ignore\n',
      at: 'p',
      code: 'LL008',
      style: '#',
      expected: undefined,
    },
    { name: 'line continued with a backslash', text: 'x = g(p) + \\\n    1\n', at: 'p', code: 'LL008', style: '#', expected: undefined },
  ];
  for (const c of cases) {
    const offset = c.text.indexOf(c.at);
    const edit = ignoreOnLineEdit(c.text, offset, c.code, c.style);
    const result = edit && applyEdits(c.text, [edit]);
    assert.equal(result, c.expected, c.name);
    if (result) {
      const line = lineStarts(result).filter(s => s <= offset).length - 1;
      const sup = parseSuppressions(result, lineStarts(result)).find(s => s.line === line);
      assert.ok(
        sup?.codes?.some(x => x.code === c.code),
        `${c.name}: the parser reads the suppression back`,
      );
    }
  }
});

test('comment style by file type', () => {
  assert.equal(commentStyleOf('file:///a/train.py'), '#');
  assert.equal(commentStyleOf('file:///a/stub.pyi'), '#');
  assert.equal(commentStyleOf('file:///a/model.ts'), '//');
  assert.equal(commentStyleOf('file:///a/model.mjs'), '//');
  assert.equal(commentStyleOf('vscode-notebook-cell:/a/nb.ipynb#W2sZmlsZQ%3D%3D', 'python'), '#', 'a notebook cell, by language id');
  assert.equal(commentStyleOf('untitled:Untitled-1', 'typescript'), '//');
});

test('remove an unused suppression: one code of several, or the whole comment', () => {
  const one = 'x = 1  # losslens: ignore[LL001, LL003]\n';
  const ll003 = one.indexOf('LL003');
  assert.equal(applyEdits(one, [removeSuppressionEdit(one, { start: ll003, end: ll003 + 5 })!]), 'x = 1  # losslens: ignore[LL001]\n');
  const ll001 = one.indexOf('LL001');
  assert.equal(applyEdits(one, [removeSuppressionEdit(one, { start: ll001, end: ll001 + 5 })!]), 'x = 1  # losslens: ignore[LL003]\n');
  const whole = 'x = 1  # losslens: ignore[LL001]\ny = 2\n';
  const s = whole.indexOf('LL001');
  assert.equal(applyEdits(whole, [removeSuppressionEdit(whole, { start: s, end: s + 5 })!]), 'x = 1\ny = 2\n');
  const ts = 'f(); // losslens: ignore\n';
  const d = ts.indexOf('losslens');
  assert.equal(applyEdits(ts, [removeSuppressionEdit(ts, { start: d, end: ts.indexOf('\n') })!]), 'f();\n');
  const explained = 'x = 1  # losslens: ignore[LL001] legacy code\n';
  const e = explained.indexOf('LL001');
  assert.equal(removeSuppressionEdit(explained, { start: e, end: e + 5 }), undefined, 'words after the directive would become code');
});
