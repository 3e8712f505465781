// The explorer's message protocol: what each side accepts from the other. Plain Node (no browser).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportBytes, parseHostMessage, parseOpenArgs, parsePageMessage, type ExportMessage } from '../../webview/src/protocol';

const PNG_1PX = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

test('page → host: valid messages are accepted and copied without extra keys', () => {
  const valid: unknown[] = [
    { v: 1, type: 'ready' },
    { v: 1, type: 'export', format: 'svg', suggestedName: 'huber-loss.svg', data: '<svg xmlns="http://www.w3.org/2000/svg"></svg>' },
    { v: 1, type: 'export', format: 'csv', suggestedName: 'a.csv', data: 'x,y\n1,2\n' },
    { v: 1, type: 'export', format: 'png', suggestedName: 'chart.png', data: PNG_1PX },
    { v: 1, type: 'insertSnippet', lossId: 'huberLoss', params: { delta: 1.5 } },
    { v: 1, type: 'copySnippet', lossId: 'sigmoidFocalLoss', params: {} },
  ];
  for (const m of valid) assert.deepEqual(parsePageMessage(m), m, JSON.stringify(m).slice(0, 80));
});

test('page → host: malformed, unknown or other-version messages are rejected', () => {
  const cases: [string, unknown][] = [
    ['null', null],
    ['a string', 'ready'],
    ['an array', [{ v: 1, type: 'ready' }]],
    ['no version', { type: 'ready' }],
    ['version 2', { v: 2, type: 'ready' }],
    ['unknown type', { v: 1, type: 'runCommand', command: 'workbench.action.quit' }],
    ['extra key', { v: 1, type: 'ready', command: 'x' }],
    ['export: unknown format', { v: 1, type: 'export', format: 'exe', suggestedName: 'a.exe', data: 'MZ' }],
    ['export: path in the name', { v: 1, type: 'export', format: 'csv', suggestedName: '../../.bashrc.csv', data: 'x' }],
    ['export: name with a slash', { v: 1, type: 'export', format: 'csv', suggestedName: 'a/b.csv', data: 'x' }],
    ['export: extension does not match', { v: 1, type: 'export', format: 'csv', suggestedName: 'a.svg', data: 'x' }],
    ['export: empty data', { v: 1, type: 'export', format: 'csv', suggestedName: 'a.csv', data: '' }],
    ['export: data not a string', { v: 1, type: 'export', format: 'csv', suggestedName: 'a.csv', data: 1 }],
    ['export: svg that is not svg', { v: 1, type: 'export', format: 'svg', suggestedName: 'a.svg', data: '<html>' }],
    ['export: png not a data URL', { v: 1, type: 'export', format: 'png', suggestedName: 'a.png', data: 'https://example.com/a.png' }],
    ['export: png with bad base64', { v: 1, type: 'export', format: 'png', suggestedName: 'a.png', data: 'data:image/png;base64,@@@' }],
    ['export: too large', { v: 1, type: 'export', format: 'csv', suggestedName: 'a.csv', data: 'x'.repeat(16 * 1024 * 1024 + 1) }],
    ['insert: bad id', { v: 1, type: 'insertSnippet', lossId: '__proto__', params: {} }],
    ['insert: id too long', { v: 1, type: 'insertSnippet', lossId: 'a'.repeat(65), params: {} }],
    ['insert: params missing', { v: 1, type: 'insertSnippet', lossId: 'mseLoss' }],
    ['insert: NaN param', { v: 1, type: 'insertSnippet', lossId: 'huberLoss', params: { delta: Number.NaN } }],
    ['insert: string param', { v: 1, type: 'insertSnippet', lossId: 'huberLoss', params: { delta: '1' } }],
    ['insert: odd param name', { v: 1, type: 'insertSnippet', lossId: 'huberLoss', params: { 'de lta': 1 } }],
    [
      'insert: too many params',
      { v: 1, type: 'insertSnippet', lossId: 'huberLoss', params: Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`p${i}`, i])) },
    ],
  ];
  for (const [what, m] of cases) assert.equal(parsePageMessage(m), undefined, what);
});

test('host → page: show and editorContext are validated', () => {
  assert.deepEqual(parseHostMessage({ v: 1, type: 'show', args: { lossId: 'huberLoss', params: { delta: 2 }, view: 'plots' } }), {
    v: 1,
    type: 'show',
    args: { lossId: 'huberLoss', params: { delta: 2 }, view: 'plots' },
  });
  assert.deepEqual(parseHostMessage({ v: 1, type: 'show', args: { ruleId: 'LL001' } }), { v: 1, type: 'show', args: { ruleId: 'LL001' } });
  assert.deepEqual(parseHostMessage({ v: 1, type: 'editorContext', framework: 'tfjs', fileName: 'model.ts' }), {
    v: 1,
    type: 'editorContext',
    framework: 'tfjs',
    fileName: 'model.ts',
  });
  assert.deepEqual(parseHostMessage({ v: 1, type: 'editorContext', framework: 'jax', fileName: 'train.py' }), {
    v: 1,
    type: 'editorContext',
    framework: 'jax',
    fileName: 'train.py',
  });
  assert.deepEqual(parseHostMessage({ v: 1, type: 'editorContext', framework: null, fileName: null }), {
    v: 1,
    type: 'editorContext',
    framework: null,
    fileName: null,
  });
  const bad: [string, unknown][] = [
    ['show without args', { v: 1, type: 'show' }],
    ['show with args null', { v: 1, type: 'show', args: null }],
    ['unknown view', { v: 1, type: 'show', args: { view: 'settings' } }],
    ['bad rule id', { v: 1, type: 'show', args: { ruleId: 'rm -rf' } }],
    ['extra arg', { v: 1, type: 'show', args: { lossId: 'mseLoss', html: '<script>' } }],
    ['unknown framework', { v: 1, type: 'editorContext', framework: 'mxnet', fileName: null }],
    ['fileName not a string', { v: 1, type: 'editorContext', framework: 'torch', fileName: 3 }],
    ['missing fileName', { v: 1, type: 'editorContext', framework: 'torch' }],
  ];
  for (const [what, m] of bad) assert.equal(parseHostMessage(m), undefined, what);
});

test('openExplorer arguments (command links, code actions): absent means "just open", invalid is refused', () => {
  assert.deepEqual(parseOpenArgs(undefined), {});
  assert.deepEqual(parseOpenArgs({ lossId: 'crossEntropy', ruleId: 'LL001' }), { lossId: 'crossEntropy', ruleId: 'LL001' });
  assert.equal(parseOpenArgs('crossEntropy'), undefined);
  assert.equal(parseOpenArgs({ lossId: 1 }), undefined);
});

test('export bytes: text as UTF-8, PNG decoded from base64', () => {
  const text: ExportMessage = { v: 1, type: 'export', format: 'csv', suggestedName: 'a.csv', data: 'γ,1\n' };
  assert.deepEqual(Array.from(exportBytes(text)), [0xce, 0xb3, 0x2c, 0x31, 0x0a]);
  const png: ExportMessage = { v: 1, type: 'export', format: 'png', suggestedName: 'a.png', data: PNG_1PX };
  assert.deepEqual(Array.from(exportBytes(png).slice(0, 8)), [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
});
