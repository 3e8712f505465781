// The layer boundaries of docs/ARCHITECTURE.md hold because ESLint refuses the imports that would cross
// them: each guard is shown to fire on a file placed (virtually) on the wrong side, to leave the
// allowed imports alone, and to find nothing in the real tree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

// Import guards need no types; without them the virtual files below need not belong to a tsconfig
// (promises.test.ts covers the typed rules).
const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: tseslint.configs.disableTypeChecked });

/** The no-restricted-imports messages ESLint gives `code` as the file `filePath`. */
async function restrictions(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter(m => m.ruleId === 'no-restricted-imports').map(m => m.message);
}

const refused: { from: string; imports: string; because: RegExp }[] = [
  { from: 'server/src/analysis/x.ts', imports: '../rules/registry', because: /analysis knows no rule/ },
  { from: 'server/src/analysis/engine/x.ts', imports: '../../rules/api', because: /analysis knows no rule/ },
  { from: 'server/src/analysis/x.ts', imports: '../lsp/server', because: /analysis knows no rule and no front end/ },
  { from: 'server/src/analysis/x.ts', imports: '../cli/checker', because: /analysis knows no rule and no front end/ },
  { from: 'server/src/rules/x.ts', imports: '../lsp/diagnostics', because: /Rules .* know no front end/ },
  { from: 'server/src/rules/helpers/x.ts', imports: '../../cli/main', because: /Rules .* know no front end/ },
  { from: 'core/src/x.ts', imports: '../../server/src/ir', because: /imports nothing of server/ },
  { from: 'server/src/rules/LL017-python-loop-in-loss.ts', imports: './LL016-detached-loss', because: /A rule imports no other rule/ },
  { from: 'server/src/rules/helpers/x.ts', imports: '../LL001-double-softmax', because: /A rule imports no other rule/ },
  // The runtime-neutrality guard still holds where a boundary block replaced its options.
  { from: 'server/src/analysis/x.ts', imports: 'node:fs', because: /no Node built-ins/ },
  { from: 'server/src/rules/x.ts', imports: 'path', because: /no Node built-ins/ },
  { from: 'core/src/x.ts', imports: 'node:worker_threads', because: /no Node built-ins/ },
  { from: 'server/src/findings.ts', imports: 'fs', because: /no Node built-ins/ },
];

for (const c of refused) {
  test(`${c.from} may not import ${c.imports}`, async () => {
    const messages = await restrictions(c.from, `import { x } from '${c.imports}';\nexport const y = x;\n`);
    assert.equal(messages.length, 1, `expected one refusal, got ${JSON.stringify(messages)}`);
    assert.match(messages[0], c.because);
  });
}

const allowed: { from: string; imports: string }[] = [
  { from: 'server/src/rules/x.ts', imports: '../analysis/engine/events' },
  { from: 'server/src/rules/x.ts', imports: './helpers' },
  { from: 'server/src/rules/registry.ts', imports: './LL001-double-softmax' },
  { from: 'server/src/analysis/x.ts', imports: '../parse/frontend' },
  { from: 'server/src/analysis/x.ts', imports: '../findings' },
  { from: 'server/src/lsp/x.ts', imports: '../rules/registry' },
  { from: 'server/src/cli/x.ts', imports: 'node:fs' },
];

for (const c of allowed) {
  test(`${c.from} may import ${c.imports}`, async () => {
    assert.deepEqual(await restrictions(c.from, `import { x } from '${c.imports}';\nexport const y = x;\n`), []);
  });
}

test('no file of the analysis, the rules or core crosses a boundary', async () => {
  const results = await eslint.lintFiles([
    'server/src/analysis',
    'server/src/rules',
    'server/src/ir.ts',
    'server/src/findings.ts',
    'core/src',
  ]);
  assert.ok(results.length > 50, `linted only ${results.length} files`);
  const crossings = results.flatMap(r =>
    r.messages.filter(m => m.ruleId === 'no-restricted-imports').map(m => `${r.filePath}:${m.line}: ${m.message}`),
  );
  assert.deepEqual(crossings, []);
});
