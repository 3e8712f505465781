// Rule fixtures: test/fixtures/rules/<LLnnn>/<case>.{py,ts,js} or <case>/ (a folder = a multi-file
// workspace). A line carrying `# expect: LL001` (or `// expect: LL001, LL008`) must get exactly those
// findings starting on it; every other line must get none — so each fixture checks for false positives too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { lineOf, workspaceOf } from '../../helpers/analysis';
import { languageOfPath } from '../../../server/src/parse/frontend';
import { mergeFindings } from '../../../server/src/analysis';
import { rules } from '../../../server/src/rules/registry';

// Tests run from the repository root (npm test); bundles live in out/, so paths are cwd-relative.
const ROOT = join(process.cwd(), 'test/fixtures/rules');
const EXPECT = /(?:#|\/\/)\s*expect:\s*((?:LL\d{3}\s*,?\s*)+)/;

function expected(text: string): string[] {
  const out: string[] = [];
  text.split('\n').forEach((l, i) => {
    const m = EXPECT.exec(l);
    if (m) for (const c of m[1].split(/[\s,]+/).filter(Boolean)) out.push(`${i + 1}:${c}`);
  });
  return out.sort();
}

function filesOf(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (languageOfPath(n)) out[relative(dir, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
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

for (const c of cases) {
  test(`fixture ${c.name}`, async () => {
    const { ws, uriOf } = await workspaceOf(c.files);
    for (const [path, text] of Object.entries(c.files)) {
      // A file's findings include what its callers in other files cause in it (reported on it, once).
      await ws.resolveCallers(uriOf(path));
      const got = mergeFindings(ws.check(uriOf(path)), ws.callerFindings(uriOf(path)))
        .map(f => `${lineOf(text, f.span.start)}:${f.code}`)
        .sort();
      assert.deepEqual(got, expected(text), `${c.name}/${path}: findings (line:code) differ from the # expect markers`);
    }
  });
}

test('every rule the rules pass runs has positive and negative fixtures', () => {
  for (const { meta } of rules) {
    const own = cases.filter(c => c.name.startsWith(`${meta.id}/`));
    assert.ok(own.length > 0, `test/fixtures/rules/${meta.id} is missing`);
    const marks = (c: (typeof cases)[number]) => Object.values(c.files).some(t => expected(t).some(e => e.endsWith(`:${meta.id}`)));
    // Positive: a case where the rule must fire. Negative: a whole case where it must stay silent.
    assert.ok(own.some(marks), `${meta.id}: no fixture line expects ${meta.id}`);
    assert.ok(
      own.some(c => !marks(c)),
      `${meta.id}: every fixture expects ${meta.id}; add a close-looking correct case`,
    );
  }
});

test('fixture folders are named after registered rules', () => {
  const ids = new Set(rules.map(r => r.meta.id));
  for (const dir of readdirSync(ROOT)) assert.ok(ids.has(dir), `test/fixtures/rules/${dir} names no rule in the registry`);
});
