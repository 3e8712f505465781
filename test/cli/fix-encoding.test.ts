// `losslens fix` keeps a file's encoding and line breaks: a PEP 263 coding cookie decides how the
// bytes are read and written back (an encoding fix cannot write back is refused, file unchanged), a
// UTF-8 byte order mark stays first, and inserted text uses the file's own line break (`\r\n`, a lone
// `\r` or `\n`). Every fixed file must still compile with Python.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { runCli, makeTree } from './run-cli';

/** `python3 -m py_compile` accepts the file (skipped when there is no python3). */
function assertCompiles(path: string): void {
  const r = spawnSync('python3', ['-m', 'py_compile', path], { encoding: 'utf8' });
  if (r.error) return;
  assert.equal(r.status, 0, `py_compile ${path}: ${r.stderr}`);
}

const SIGMOID_LOG = (eol: string) =>
  [
    'import torch',
    '',
    'def lp(z):',
    '    return torch.log(torch.sigmoid(z))',
    '',
    'def bce(z, y):',
    '    return -(y * lp(z)).mean()',
    '',
  ].join(eol);
const SIGMOID_LOG_FIXED = (eol: string) =>
  [
    'import torch',
    'import torch.nn.functional as F',
    '',
    'def lp(z):',
    '    return F.logsigmoid(z)',
    '',
    'def bce(z, y):',
    '    return -(y * lp(z)).mean()',
    '',
  ].join(eol);

test('a Latin-1 file with a coding cookie is fixed and written back in Latin-1, strings and comments intact', () => {
  const text = (body: string) => `# -*- coding: latin-1 -*-\n# Modèle: café crème\n${body}`;
  const withString = (s: string) => s.replace('def lp(z):\n', 'LABEL = "déjà vu ½"\n\ndef lp(z):\n');
  const dir = makeTree({});
  const path = join(dir, 'scores.py');
  writeFileSync(path, Buffer.from(text(withString(SIGMOID_LOG('\n'))), 'latin1'));
  const r = runCli(['fix', 'scores.py'], dir);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.deepEqual(readFileSync(path), Buffer.from(text(withString(SIGMOID_LOG_FIXED('\n'))), 'latin1'));
  assertCompiles(path);
});

test('cp1252 and an alias spelling (iso_8859_1 on line 2) are read and written in their encoding', () => {
  const cases = [
    { cookie: '# coding: cp1252\n', encode: (s: string) => Buffer.from(s.replace('€', '\x80'), 'latin1'), extra: '# prix: 5 €\n' },
    {
      cookie: '#!/usr/bin/env python\n# vim: set fileencoding=iso_8859_1 :\n',
      encode: (s: string) => Buffer.from(s, 'latin1'),
      extra: '# ÿ\n',
    },
  ];
  for (const c of cases) {
    const dir = makeTree({});
    const path = join(dir, 'a.py');
    writeFileSync(path, c.encode(c.cookie + c.extra + SIGMOID_LOG('\n')));
    const r = runCli(['fix', 'a.py'], dir);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.deepEqual(readFileSync(path), c.encode(c.cookie + c.extra + SIGMOID_LOG_FIXED('\n')), c.cookie);
    assertCompiles(path);
  }
});

test('an encoding fix cannot write back is refused with a message: file unchanged, check still reports', () => {
  const dir = makeTree({});
  const path = join(dir, 'jp.py');
  // "# 日本" in Shift JIS.
  const bytes = Buffer.concat([
    Buffer.from('# -*- coding: shift_jis -*-\n# '),
    Buffer.from([0x93, 0xfa, 0x96, 0x7b]),
    Buffer.from('\n' + SIGMOID_LOG('\n')),
  ]);
  writeFileSync(path, bytes);
  const r = runCli(['fix', 'jp.py'], dir);
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.match(r.stderr, /^warning: jp\.py: not fixed because its declared encoding 'shift-jis' is not one fix can write back/m);
  assert.match(r.stdout, /^jp\.py:6:12: LL008 /m);
  assert.match(r.stdout, /^No fixes applied; 1 problem remaining/m);
  assert.deepEqual(readFileSync(path), bytes);
  assert.match(runCli(['check', '--no-cache', 'jp.py'], dir).stdout, /^jp\.py:6:12: LL008 /m);
});

test('invalid UTF-8 in a file without a cookie is refused rather than rewritten with U+FFFD', () => {
  const dir = makeTree({});
  const path = join(dir, 'a.py');
  const bytes = Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from('\n' + SIGMOID_LOG('\n'))]);
  writeFileSync(path, bytes);
  const r = runCli(['fix', 'a.py'], dir);
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.match(r.stderr, /not fixed because it is not valid UTF-8/);
  assert.deepEqual(readFileSync(path), bytes);
});

test('a UTF-8 byte order mark stays first when an import is inserted at the top', () => {
  const dir = makeTree({ 'a.py': '\uFEFF' + SIGMOID_LOG('\n'), 'b.py': '\uFEFF# -*- coding: utf-8 -*-\n' + SIGMOID_LOG('\n') });
  const r = runCli(['fix', '.'], dir);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.equal(readFileSync(join(dir, 'a.py'), 'utf8'), '\uFEFF' + SIGMOID_LOG_FIXED('\n'));
  assert.equal(readFileSync(join(dir, 'b.py'), 'utf8'), '\uFEFF# -*- coding: utf-8 -*-\n' + SIGMOID_LOG_FIXED('\n'));
  assertCompiles(join(dir, 'a.py'));
  assertCompiles(join(dir, 'b.py'));
});

test('CR-only and CRLF files: findings as with LF, and the import goes after the imports with the same line break', () => {
  for (const eol of ['\r', '\r\n']) {
    const header = ['# scores', '"""Module doc."""', ''].join(eol) + eol;
    const dir = makeTree({ 'a.py': header + SIGMOID_LOG(eol) });
    const check = runCli(['check', '--no-cache', 'a.py'], dir);
    assert.match(check.stdout, /^a\.py:7:12: LL008 /m, JSON.stringify(eol));
    const r = runCli(['fix', 'a.py'], dir);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.equal(readFileSync(join(dir, 'a.py'), 'utf8'), header + SIGMOID_LOG_FIXED(eol), JSON.stringify(eol));
    assertCompiles(join(dir, 'a.py'));
  }
});

test('the LL007 fix adds its argument line with the file line break (CRLF, CR)', () => {
  for (const eol of ['\r\n', '\r']) {
    const lines = (args: string[]) => ['import torch.nn as nn', '', 'kl = nn.KLDivLoss(', ...args, ')', ''].join(eol);
    const dir = makeTree({ 'a.py': lines(['    log_target=False,']) });
    const r = runCli(['fix', '--unsafe', 'a.py'], dir);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.equal(
      readFileSync(join(dir, 'a.py'), 'utf8'),
      lines(['    log_target=False,', "    reduction='batchmean',"]),
      JSON.stringify(eol),
    );
    assertCompiles(join(dir, 'a.py'));
  }
});
