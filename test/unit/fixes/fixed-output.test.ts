// Fixed-output fixtures (issue 6): for every rule with a fix, each `<case>.input.<ext>` under
// test/fixtures/fixes/<LLnnn>/ (or every `*.input.*` of a `<case>/` folder, analysed together as one
// workspace) is fixed with that rule's fixes until nothing is left to fix. The result must equal
// `<name>.expected.<ext>` (a file without one must stay unchanged), be stable under a second run,
// no longer trigger the rule, and still compile (python3 -m py_compile; TypeScript parse).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync, statSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import * as ts from 'typescript';
import { workspaceOf } from '../../helpers/analysis';
import { fixFiles } from '../../../server/src/fixes/fix-loop';
import { ruleMetas } from '../../../server/src/rules/registry';

const ROOT = join(process.cwd(), 'test/fixtures/fixes');

interface Case {
  rule: string;
  name: string;
  /** workspace path → input text */
  inputs: Record<string, string>;
  /** workspace path → expected text (only files expected to change) */
  expected: Record<string, string>;
}

function inputsIn(dir: string, only?: string): { inputs: Record<string, string>; expected: Record<string, string> } {
  const inputs: Record<string, string> = {};
  const expected: Record<string, string> = {};
  for (const f of readdirSync(dir)) {
    const m = /^(.*)\.input(\.[^.]+)$/.exec(f);
    if (!m || (only && m[1] !== only)) continue;
    const path = m[1] + m[2];
    inputs[path] = readFileSync(join(dir, f), 'utf8');
    const exp = join(dir, `${m[1]}.expected${m[2]}`);
    if (existsSync(exp)) expected[path] = readFileSync(exp, 'utf8');
  }
  return { inputs, expected };
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const rule of readdirSync(ROOT).sort()) {
    const dir = join(ROOT, rule);
    for (const entry of readdirSync(dir).sort()) {
      const p = join(dir, entry);
      if (statSync(p).isDirectory()) out.push({ rule, name: entry, ...inputsIn(p) });
      else {
        const m = /^(.*)\.input\.[^.]+$/.exec(entry);
        if (m) out.push({ rule, name: entry, ...inputsIn(dir, m[1]) });
      }
    }
  }
  return out;
}

async function fixOnce(inputs: Record<string, string>, rule: string) {
  const { ws, uriOf } = await workspaceOf(inputs);
  const texts = new Map(Object.entries(inputs).map(([p, t]) => [uriOf(p), t]));
  const pathOf = new Map(Object.keys(inputs).map(p => [uriOf(p), p]));
  const report = await fixFiles(
    {
      uris: [...texts.keys()],
      text: uri => texts.get(uri),
      findings: async uri => {
        await ws.resolveImports(uri);
        return ws.check(uri).filter(f => f.code === rule);
      },
      setText: (uri, text) => {
        texts.set(uri, text);
        const p = pathOf.get(uri)!;
        ws.update(uri, text, p.endsWith('.py') ? 'python' : p.endsWith('.js') ? 'javascript' : 'typescript');
      },
      editable: uri => texts.has(uri),
    },
    { unsafe: true },
  );
  const result: Record<string, string> = {};
  for (const [uri, t] of texts) result[pathOf.get(uri)!] = t;
  return { result, report };
}

function pythonCompiles(text: string): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'losslens-fix-'));
  try {
    const file = join(dir, 'fixed.py');
    writeFileSync(file, text);
    const r = spawnSync('python3', ['-m', 'py_compile', file], { encoding: 'utf8' });
    if (r.error) throw new Error(`python3 is needed for py_compile checks: ${r.error.message}`);
    return r.status === 0 ? undefined : r.stderr;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function tsParseErrors(path: string, text: string): string[] {
  const sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, path.endsWith('.js') ? ts.ScriptKind.JS : ts.ScriptKind.TS);
  const diags = (sf as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  return diags.map(d => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

const all = cases();

test('every rule that declares a fix has fixed-output fixtures', () => {
  const withFix = ruleMetas.filter(m => m.fix).map(m => m.id);
  const covered = new Set(all.map(c => c.rule));
  assert.deepEqual(
    withFix.filter(id => !covered.has(id)),
    [],
  );
});

for (const c of all) {
  test(`${c.rule} ${c.name}: fixes to the expected text, idempotently, compiles and no longer triggers`, async () => {
    assert.ok(Object.keys(c.expected).length > 0, 'the case expects at least one file to change');
    const { inputs } = c;
    const before = await workspaceOf(inputs);
    const firing = Object.keys(inputs).flatMap(p => before.ws.check(before.uriOf(p)).filter(f => f.code === c.rule));
    assert.ok(firing.length > 0, `${c.rule} fires on the input`);
    assert.ok(
      firing.every(f => f.fix),
      `every ${c.rule} finding of the input has a fix`,
    );

    const { result, report } = await fixOnce(inputs, c.rule);
    for (const [path, text] of Object.entries(result)) {
      assert.equal(text, c.expected[path] ?? inputs[path], `${path} after fixing`);
    }
    assert.ok(!report.limitReached);
    for (const rem of report.remaining.values())
      assert.deepEqual(
        rem.map(f => f.message),
        [],
        'the rule no longer fires',
      );

    const again = await fixOnce(result, c.rule);
    assert.deepEqual(again.result, result, 'a second run changes nothing');
    assert.equal(again.report.applied.size, 0);

    for (const [path, text] of Object.entries(result)) {
      if (path.endsWith('.py')) assert.equal(pythonCompiles(text), undefined, `${path} compiles`);
      else assert.deepEqual(tsParseErrors(path, text), [], `${path} parses`);
    }
  });
}
