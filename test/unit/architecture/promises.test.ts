// The type-aware promise rules of eslint.config.mjs hold: a dropped promise or an async callback where
// nothing awaits it fails lint, and the accepted forms (await, `void` with a reason, .catch) pass.
// The file is virtual: ESLint's default project types it, with the repository's rule options.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ESLint } from 'eslint';

const VIRTUAL = 'server/src/lsp/virtual-promises.ts';
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: { languageOptions: { parserOptions: { projectService: { allowDefaultProject: [VIRTUAL] } } } },
});

const PRELUDE = `async function work(): Promise<number> { return 1; }\ndeclare function on(event: string, handler: () => void): void;\n`;

const cases: { name: string; code: string; rules: string[] }[] = [
  { name: 'a dropped promise', code: 'work();', rules: ['@typescript-eslint/no-floating-promises'] },
  {
    name: 'a dropped .then without a rejection handler',
    code: 'work().then(n => n + 1);',
    rules: ['@typescript-eslint/no-floating-promises'],
  },
  {
    name: 'an async handler where void is expected',
    code: "on('x', async () => { await work(); });",
    rules: ['@typescript-eslint/no-misused-promises'],
  },
  { name: 'a promise as a condition', code: 'if (work()) on("x", () => {});', rules: ['@typescript-eslint/no-misused-promises'] },
  { name: 'an awaited promise', code: 'export async function g() { await work(); }', rules: [] },
  { name: 'fire-and-forget marked with void', code: "// The reply is the outcome.\non('x', () => void work());", rules: [] },
  { name: 'a promise with .catch', code: 'work().catch(e => console.error(e));', rules: [] },
];

for (const c of cases) {
  test(`promise rules: ${c.name} ${c.rules.length ? 'fails' : 'passes'} lint`, async () => {
    const [result] = await eslint.lintText(PRELUDE + c.code + '\n', { filePath: VIRTUAL });
    const fatal = result.messages.filter(m => m.fatal).map(m => m.message);
    assert.deepEqual(fatal, [], 'the virtual file must parse with type information');
    const fired = result.messages.map(m => m.ruleId).filter(id => id?.includes('promises'));
    assert.deepEqual(fired, c.rules);
  });
}
