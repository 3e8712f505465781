// Python reads `\n`, `\r\n` and a lone `\r` alike, and so must LossLens: every rule fixture, with its
// line breaks turned into CRLF and into CR only, gets the same findings on the same lines as with LF.
// (A lone `\r` once made a first-line comment swallow the whole file.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { workspaceOf } from '../../helpers/analysis';
import { languageOfPath } from '../../../server/src/parse/frontend';
import { lineStarts, lineOfOffset } from '../../../server/src/base/line-index';

const ROOT = join(process.cwd(), 'test/fixtures/rules');

function filesOf(dir: string, out: Record<string, string> = {}, base = dir): Record<string, string> {
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) filesOf(p, out, base);
    else if (languageOfPath(n)) out[relative(base, p)] = readFileSync(p, 'utf8');
  }
  return out;
}

const cases: { name: string; files: Record<string, string> }[] = [];
for (const rule of readdirSync(ROOT).sort()) {
  for (const c of readdirSync(join(ROOT, rule)).sort()) {
    const p = join(ROOT, rule, c);
    if (statSync(p).isDirectory()) cases.push({ name: `${rule}/${c}`, files: filesOf(p) });
    else if (languageOfPath(c)) cases.push({ name: `${rule}/${c}`, files: { [c]: readFileSync(p, 'utf8') } });
  }
}

/** Findings of every file as `path:line:code`, lines counted with `\n`, `\r\n` and `\r` alike. */
async function findings(files: Record<string, string>): Promise<string[]> {
  const { ws, uriOf } = await workspaceOf(files);
  const out: string[] = [];
  for (const [path, text] of Object.entries(files)) {
    const starts = lineStarts(text);
    for (const f of ws.check(uriOf(path))) out.push(`${path}:${lineOfOffset(starts, f.span.start) + 1}:${f.code}`);
  }
  return out.sort();
}

const withEol = (files: Record<string, string>, eol: string) =>
  Object.fromEntries(Object.entries(files).map(([p, t]) => [p, t.replace(/\r\n|\r|\n/g, eol)]));

test('every rule fixture has the same findings with CRLF and CR-only line breaks as with LF', async () => {
  assert.ok(cases.length > 80, `only ${cases.length} fixtures found`);
  const differ: string[] = [];
  for (const c of cases) {
    const lf = await findings(withEol(c.files, '\n'));
    for (const eol of ['\r\n', '\r']) {
      const got = await findings(withEol(c.files, eol));
      if (JSON.stringify(got) !== JSON.stringify(lf)) differ.push(`${c.name} ${JSON.stringify(eol)}: ${got.join(' ')} ≠ ${lf.join(' ')}`);
    }
  }
  assert.deepEqual(differ, [], `${differ.length} of ${cases.length * 2} converted fixtures differ`);
});
