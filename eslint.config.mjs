// Flat config: typescript-eslint's recommended rules without type information (fast on every save),
// plus two import guards (docs/ARCHITECTURE.md): runtime neutrality (analysis, rules, parsing, config,
// core and the webview must run in a Web Worker or a page, so they import no Node built-in) and the
// layer boundaries (the analysis knows no rule and no front end; rules know no front end; core knows
// nothing of the server). test/unit/architecture/boundaries.test.ts proves that each guard fires.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = builtinModules.filter(m => !m.startsWith('_'));
const NODE_BUILTIN = 'This code also runs in a Web Worker/page: no Node built-ins (go through an adapter such as FileHost).';

/** A folder as import patterns: the folder itself and anything under it, from anywhere. */
const folder = name => [`**/${name}`, `**/${name}/**`];

/**
 * `no-restricted-imports` for runtime-neutral code: no Node built-in, nor what `boundaries` list
 * ({ group, message } each, gitignore-style patterns). Flat config replaces a rule's options per block,
 * so every block that restricts imports repeats the Node built-ins.
 */
function restrictedImports(...boundaries) {
  return [
    'error',
    {
      paths: nodeBuiltins.map(name => ({ name, message: NODE_BUILTIN })),
      patterns: [{ group: ['node:*'], message: NODE_BUILTIN }, ...boundaries],
    },
  ];
}

const ANALYSIS = {
  group: ['rules', 'lsp', 'cli'].flatMap(folder),
  message: 'The analysis knows no rule and no front end: the entry points pass the rules pass in (WorkspaceOptions.runRules).',
};
const FRAMEWORKS = {
  group: ['analysis', 'rules', 'lsp', 'cli', 'hover', 'config'].flatMap(folder),
  message: 'Framework packs are data: they import nothing of the engine, the rules or the front ends.',
};
const RULES = {
  // `fixes` and `config` as server folders only: rules/helpers/fixes.ts is the rules' own.
  group: [
    ...['lsp', 'cli', 'lint', 'hover'].flatMap(folder),
    ...['fixes', 'config'].flatMap(name => [`../${name}`, `../${name}/*`, `../../${name}`, `../../${name}/*`]),
  ],
  message: "Rules read the analysis's events and know no front end (LSP server, CLI, lint pipeline, hovers), fix engine or configuration.",
};
const RULE_FILES = {
  group: ['**/LL[0-9][0-9][0-9]-*'],
  message: 'A rule imports no other rule: what rules share goes to rules/helpers (only the registry lists them).',
};

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/out/**',
      '**/node_modules/**',
      'test/fixtures/**',
      'test/e2e/artifacts/**',
      'test/e2e/workspace/**',
      'bench/node_modules/**',
      'bench/corpus/**',
      '.vscode-test/**',
      '.vscode-test-web/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: {
        // Both Node and browser code live in this repository; TypeScript checks the real globals.
        console: 'readonly',
        process: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        URL: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
        Buffer: 'readonly',
        globalThis: 'readonly',
        fetch: 'readonly',
        performance: 'readonly',
        queueMicrotask: 'readonly',
        structuredClone: 'readonly',
        self: 'readonly',
        document: 'readonly',
        window: 'readonly',
        navigator: 'readonly',
        __dirname: 'readonly',
        __filename: 'readonly',
        require: 'readonly',
        module: 'writable',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Walking parent chains starts with `let s = this`; arrow functions make the rule's real target rare.
      '@typescript-eslint/no-this-alias': 'off',
    },
  },
  {
    // Promise rules need types: only the TypeScript projects get them (JS/MJS scripts keep the untyped
    // rules above). A dropped promise hides its rejection; an async callback where void is expected
    // (event handlers, forEach) runs unawaited. Fire-and-forget is written `void p` with a reason.
    files: ['{client,server,core,webview,shared,test}/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // node:test's test()/describe() return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite'] }] },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // Mirrors of typescript's SyntaxKind keep its First*/Last* marker members, which share values.
    files: ['server/src/parse/typescript/**'],
    rules: { '@typescript-eslint/no-duplicate-enum-values': 'off' },
  },
  {
    // Tests poke at loosely typed JSON-RPC payloads and parser output.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // TypeScript already reports undefined names with full type knowledge.
    files: ['**/*.ts'],
    rules: { 'no-undef': 'off' },
  },
  {
    files: ['**/*.cjs', 'scripts/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: [
      'server/src/ir.ts',
      'server/src/findings.ts',
      'server/src/ir-walk.ts',
      'server/src/base/**',
      'server/src/analysis/**',
      'server/src/frameworks/**',
      'server/src/rules/**',
      'server/src/parse/**',
      'server/src/config/**',
      'server/src/lint/**',
      'server/src/notebook/**',
      'core/**',
      'shared/**',
      'webview/**',
    ],
    rules: { 'no-restricted-imports': restrictedImports() },
  },
  {
    // The engine produces values and events; rules read them. Entry points inject the rules pass.
    files: ['server/src/analysis/**'],
    rules: { 'no-restricted-imports': restrictedImports(ANALYSIS) },
  },
  {
    // Packs are data the engine, rules and hovers read: they depend on nothing of the server.
    files: ['server/src/frameworks/**'],
    rules: { 'no-restricted-imports': restrictedImports(FRAMEWORKS) },
  },
  {
    files: ['server/src/rules/**'],
    rules: { 'no-restricted-imports': restrictedImports(RULES, RULE_FILES) },
  },
  {
    files: ['server/src/rules/registry.ts'],
    rules: { 'no-restricted-imports': restrictedImports(RULES) },
  },
  {
    files: ['core/**'],
    rules: {
      'no-restricted-imports': restrictedImports({
        group: folder('server'),
        message: 'core/ is the numerics and loss knowledge the server, the webview and dist/core.js share: it imports nothing of server/.',
      }),
    },
  },
);
