// Flat config: typescript-eslint's recommended rules without type information (fast on every save),
// plus the runtime-neutrality guard: analysis, rules, parsing, config, core and the webview must run
// in a Web Worker or a page, so they may not import Node built-ins.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = builtinModules.filter(m => !m.startsWith('_'));

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/out/**', '**/node_modules/**', 'test/fixtures/**', 'test/e2e/artifacts/**', 'test/e2e/workspace/**', 'bench/node_modules/**', 'bench/corpus/**', '.vscode-test/**', '.vscode-test-web/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: {
        // Both Node and browser code live in this repository; TypeScript checks the real globals.
        console: 'readonly', process: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly',
        setInterval: 'readonly', clearInterval: 'readonly', URL: 'readonly', TextDecoder: 'readonly',
        TextEncoder: 'readonly', Buffer: 'readonly', globalThis: 'readonly', fetch: 'readonly',
        performance: 'readonly', queueMicrotask: 'readonly', structuredClone: 'readonly',
        self: 'readonly', document: 'readonly', window: 'readonly', navigator: 'readonly',
        __dirname: 'readonly', __filename: 'readonly', require: 'readonly', module: 'writable',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Walking parent chains starts with `let s = this`; arrow functions make the rule's real target rare.
      '@typescript-eslint/no-this-alias': 'off',
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
      'server/src/analysis/**',
      'server/src/rules/**',
      'server/src/parse/**',
      'server/src/config/**',
      'server/src/lint/**',
      'server/src/notebook/**',
      'core/**',
      'webview/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map(name => ({ name, message: 'This code also runs in a Web Worker/page: no Node built-ins (go through an adapter such as FileHost).' })),
          patterns: [{ group: ['node:*'], message: 'This code also runs in a Web Worker/page: no Node built-ins (go through an adapter such as FileHost).' }],
        },
      ],
    },
  },
);
