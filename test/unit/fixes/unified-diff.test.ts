// `fix --diff` output: the standard unified format, checked exactly on small cases and by applying
// the hunks back on random edits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unifiedDiff } from '../../../server/src/fixes/unified-diff';

test('equal texts give no diff', () => {
  assert.equal(unifiedDiff('a\nb\n', 'a\nb\n', 'a/x', 'b/x'), '');
});

test('one changed line with three lines of context on each side', () => {
  const before = 'l1\nl2\nl3\nl4\nl5\nl6\nl7\nl8\n';
  const after = 'l1\nl2\nl3\nl4\nL5\nl6\nl7\nl8\n';
  assert.equal(
    unifiedDiff(before, after, 'a/f.py', 'b/f.py'),
    ['--- a/f.py', '+++ b/f.py', '@@ -2,7 +2,7 @@', ' l2', ' l3', ' l4', '-l5', '+L5', ' l6', ' l7', ' l8', ''].join('\n'),
  );
});

test('separate hunks, a removed line, and a missing final newline', () => {
  const before = Array.from({ length: 12 }, (_, i) => `l${i + 1}`).join('\n');
  const after = before.replace('l2\n', '').replace('l12', 'L12');
  assert.equal(
    unifiedDiff(before, after, 'a', 'b'),
    [
      '--- a',
      '+++ b',
      '@@ -1,5 +1,4 @@',
      ' l1',
      '-l2',
      ' l3',
      ' l4',
      ' l5',
      '@@ -9,4 +8,4 @@',
      ' l9',
      ' l10',
      ' l11',
      '-l12',
      '\\ No newline at end of file',
      '+L12',
      '\\ No newline at end of file',
      '',
    ].join('\n'),
  );
});

test('insertion into an empty file numbers the empty side from 0', () => {
  assert.equal(unifiedDiff('', 'x\n', 'a', 'b'), '--- a\n+++ b\n@@ -0,0 +1 @@\n+x\n');
});

/** Applies a unified diff produced above to `text` (enough of `patch` for the round trip). */
function applyPatch(text: string, diff: string): string {
  const old = text === '' ? [] : text.split(/(?<=\n)/);
  const lines = diff.split('\n');
  const out: string[] = [];
  let at = 0;
  for (let i = 2; i < lines.length; i++) {
    const h = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@$/.exec(lines[i]);
    if (!h) continue;
    const start = Number(h[1]) - (h[2] === '0' ? 0 : 1);
    while (at < start) out.push(old[at++]);
    for (i++; i < lines.length && !lines[i].startsWith('@@') && lines[i] !== ''; i++) {
      const op = lines[i][0];
      const body = lines[i].slice(1);
      const noEol = lines[i + 1] === '\\ No newline at end of file';
      if (op === ' ' || op === '-') {
        assert.equal(old[at].replace(/\n$/, ''), body, 'context matches');
        at++;
      }
      if (op === ' ' || op === '+') out.push(body + (noEol ? '' : '\n'));
      if (noEol) i++;
    }
    i--;
  }
  while (at < old.length) out.push(old[at++]);
  return out.join('');
}

test('round trip: applying the diff of random edits reproduces the new text', () => {
  let seed = 7;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let round = 0; round < 200; round++) {
    const base = Array.from({ length: rnd(30) }, () => `line ${rnd(8)}`);
    const next = [...base];
    for (let k = rnd(5); k >= 0; k--) {
      const op = rnd(3);
      const at = rnd(next.length + 1);
      if (op === 0) next.splice(at, 0, `new ${rnd(100)}`);
      else if (op === 1 && next.length) next.splice(Math.min(at, next.length - 1), 1);
      else if (next.length) next[Math.min(at, next.length - 1)] = `changed ${rnd(100)}`;
    }
    const eol = (a: string[], final: boolean) => a.join('\n') + (final && a.length ? '\n' : '');
    const before = eol(base, rnd(2) === 0);
    const after = eol(next, rnd(2) === 0);
    const diff = unifiedDiff(before, after, 'a', 'b', rnd(4));
    assert.equal(diff === '' ? before : applyPatch(before, diff), after, `round ${round}:\n${diff}`);
  }
});
