// applyConfiguration: severities and selection (editor settings < project files), suppressions,
// and LL000 hints for suppressions that suppressed nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyConfiguration } from '../../../server/src/config/apply';
import { effectiveSeverity } from '../../../server/src/config/rule-selection';
import type { Finding, Severity } from '../../../server/src/findings';

const URI = 'file:///p/train.py';
const text = [
  'import torch.nn.functional as F', // 0
  'p = F.softmax(x, dim=1)', // 1
  'loss = F.cross_entropy(p, y)', // 2
  'loss2 = F.cross_entropy(p, y)  # losslens: ignore[LL001]', // 3
  'loss3 = F.cross_entropy(p, y)  # losslens: ignore', // 4
  'z = 1  # losslens: ignore[LL001, LL002]', // 5
].join('\n');

function at(line: number, code = 'LL001', severity: Severity = 'error'): Finding {
  const start = text.split('\n').slice(0, line).join('\n').length + (line ? 1 : 0) + 10;
  return {
    code,
    name: code === 'LL001' ? 'double-softmax' : 'x',
    severity,
    message: 'm',
    uri: URI,
    span: { start, end: start + 1 },
    related: [],
  };
}

test('suppressed findings are dropped, unused suppressions become LL000 hints', () => {
  const out = applyConfiguration([at(2), at(3), at(4)], text, {}, URI);
  assert.deepEqual(
    out.map(f => [f.code, lineOf(f), f.severity, f.message]),
    [
      ['LL001', 2, 'error', 'm'],
      ['LL000', 5, 'hint', 'Unused suppression for LL001'],
      ['LL000', 5, 'hint', 'Unused suppression for LL002'],
    ],
  );
  const hint = out[1];
  assert.equal(text.slice(hint.span.start, hint.span.end), 'LL001');
  assert.equal(hint.name, 'unused-suppression');
});

test('a bare ignore that suppresses nothing is reported', () => {
  const out = applyConfiguration([], 'x = 1  # losslens: ignore\n', {}, URI);
  assert.deepEqual(
    out.map(f => f.message),
    ['Unused suppression'],
  );
});

test('ignore-file suppresses everything and disables unused hints', () => {
  assert.deepEqual(applyConfiguration([at(2), at(3)], text + '\n# losslens: ignore-file', {}, URI), []);
});

test('ignore-file with codes suppresses only those codes', () => {
  const out = applyConfiguration(
    [at(2, 'LL001'), at(2, 'LL003', 'warning')],
    'import x\n' + text + '\n# losslens: ignore-file[LL001]',
    {},
    URI,
  );
  assert.ok(out.every(f => f.code !== 'LL001'));
});

test('LL000 can be switched off or re-graded like any rule', () => {
  assert.equal(applyConfiguration([], 'x  # losslens: ignore\n', { ignore: ['LL000'] }, URI).length, 0);
  assert.equal(applyConfiguration([], 'x  # losslens: ignore\n', { editorSeverity: { LL000: 'warning' } }, URI)[0].severity, 'warning');
});

test('a suppression of a rule that is off is not reported as unused', () => {
  const out = applyConfiguration([], 'x  # losslens: ignore[LL001]\n', { editorSeverity: { LL001: 'off' } }, URI);
  assert.deepEqual(out, []);
});

test('severity overrides and off', () => {
  assert.equal(applyConfiguration([at(2)], text, { editorSeverity: { LL001: 'warning' } }, URI)[0].severity, 'warning');
  assert.equal(applyConfiguration([at(2)], text, { editorSeverity: { LL001: 'off' } }, URI).filter(f => f.code === 'LL001').length, 0);
});

const selection: [string, Parameters<typeof effectiveSeverity>[2], string][] = [
  ['defaults', {}, 'error'],
  ['editor severity', { editorSeverity: { LL001: 'info' } }, 'info'],
  ['select without the rule', { select: ['LL003'] }, 'off'],
  ['select ALL', { select: ['ALL'] }, 'error'],
  ['ignore', { ignore: ['LL001'] }, 'off'],
  ['project severity beats editor', { editorSeverity: { LL001: 'info' }, severity: { LL001: 'hint' } }, 'hint'],
  ['explicit project select re-enables editor off', { editorSeverity: { LL001: 'off' }, select: ['LL001'] }, 'error'],
  ['select ALL keeps editor off', { editorSeverity: { LL001: 'off' }, select: ['ALL'] }, 'off'],
  ['project ignore beats editor severity', { editorSeverity: { LL001: 'warning' }, ignore: ['LL001'] }, 'off'],
];
for (const [name, sel, expected] of selection) {
  test(`effectiveSeverity: ${name}`, () => assert.equal(effectiveSeverity('LL001', 'error', sel), expected));
}

function lineOf(f: Finding): number {
  return text.slice(0, f.span.start).split('\n').length - 1;
}

const layered: [string, Parameters<typeof effectiveSeverity>[2], string][] = [
  ['prefix select', { select: ['LL0'] }, 'error'],
  ['prefix select of another group', { select: ['LL01'] }, 'off'],
  ['the more specific selector wins: id over prefix', { select: ['LL001'], ignore: ['LL0'] }, 'error'],
  ['the more specific selector wins: prefix over ALL', { select: ['ALL'], ignore: ['LL00'] }, 'off'],
  ['extend-ignore', { extendIgnore: ['LL001'] }, 'off'],
  ['command line select beats project ignore', { ignore: ['LL001'], cli: { select: ['LL001'] } }, 'error'],
  ['command line select drops what it does not name', { cli: { select: ['LL002'] } }, 'off'],
  ['command line ignore', { select: ['LL001'], cli: { ignore: ['LL00'] } }, 'off'],
  ['command line id re-enables project severity off', { severity: { LL001: 'off' }, cli: { select: ['LL001'] } }, 'error'],
];
for (const [name, sel, expected] of layered) {
  test(`effectiveSeverity: ${name}`, () => assert.equal(effectiveSeverity('LL001', 'error', sel), expected));
}

test('per-file-ignores match the path relative to the configuration folder', () => {
  const perFileIgnores = { dir: 'file:///p', entries: [{ glob: 'tests/**', selectors: ['LL00'] }] };
  const f = (uri: string) => ({ ...at(2), uri });
  assert.equal(applyConfiguration([f('file:///p/tests/t.py')], text, { perFileIgnores }, 'file:///p/tests/t.py').length, 0);
  assert.equal(
    applyConfiguration([f('file:///p/src/t.py')], text, { perFileIgnores }, 'file:///p/src/t.py').filter(x => x.code === 'LL001').length,
    1,
  );
});
