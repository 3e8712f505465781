// Text helpers the rules' fixes use: removing a layer from a written layer list with its comma, and
// appending an argument to a call whatever its layout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listElementRemoval, appendArgumentEdit } from '../../../server/src/rules/helpers';
import { applyEdits } from '../../../server/src/fixes/text-edits';

/** Spans of the comma-separated elements between the first '(' and its ')' (flat test inputs). */
function elements(text: string): { start: number; end: number }[] {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  const out: { start: number; end: number }[] = [];
  const re = /nn\.\w+\([^()]*\)/g;
  re.lastIndex = open + 1;
  for (let m = re.exec(text); m && m.index < close; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

test('removing a layer from a layer list keeps the rest and the formatting valid', () => {
  const cases: [string, string, number, string | undefined][] = [
    ['last on its own line, trailing comma and comment', 'S(\n    nn.A(1),\n    nn.B(2),  # probs\n)\n', 1, 'S(\n    nn.A(1),\n)\n'],
    ['last on its own line, no trailing comma', 'S(\n    nn.A(1),\n    nn.B(2)\n)\n', 1, 'S(\n    nn.A(1),\n)\n'],
    ['one line, last', 'S(nn.A(1), nn.B(2))', 1, 'S(nn.A(1))'],
    ['one line, first', 'S(nn.A(1), nn.B(2))', 0, 'S(nn.B(2))'],
    ['one line, middle', 'S(nn.A(1), nn.B(2), nn.C(3))', 1, 'S(nn.A(1), nn.C(3))'],
    ['one line, trailing comma', 'S(nn.A(1), nn.B(2),)', 1, 'S(nn.A(1),)'],
    ['CRLF', 'S(\r\n    nn.A(1),\r\n    nn.B(2),\r\n)\r\n', 1, 'S(\r\n    nn.A(1),\r\n)\r\n'],
    ['comment between elements on one line', 'S(nn.A(1), # x\n nn.B(2))', 1, undefined],
  ];
  for (const [name, text, index, expected] of cases) {
    const span = listElementRemoval(text, elements(text), index);
    assert.equal(span && applyEdits(text, [{ span, newText: '' }]), expected, name);
  }
});

test('appending an argument: empty list, plain, trailing comma on one line and one per line', () => {
  const call = (text: string) => {
    const open = text.indexOf('(');
    const close = text.lastIndexOf(')');
    const args: { span: { start: number; end: number } }[] = [];
    for (const m of text.slice(open + 1, close).matchAll(/[a-z_]+/g))
      args.push({ span: { start: open + 1 + m.index!, end: open + 1 + m.index! + m[0].length } });
    return { args, argsSpan: { start: open, end: close + 1 } };
  };
  const cases: [string, string][] = [
    ['f()', 'f(dim=1)'],
    ['f(x)', 'f(x, dim=1)'],
    ['f(x,)', 'f(x, dim=1)'],
    ['f(\n    x,\n    y,\n)', 'f(\n    x,\n    y,\n    dim=1,\n)'],
    ['f(\n    x,\n    y\n)', 'f(\n    x,\n    y, dim=1\n)'],
  ];
  for (const [text, expected] of cases) {
    const e = appendArgumentEdit(text, 'u', call(text), 'dim=1');
    assert.equal(applyEdits(text, [e]), expected, text);
  }
});
