// Builds every artefact of docs/ARCHITECTURE.md "Contracts" into dist/. `--watch` rebuilds on change, `--production` minifies.
// `--cli` builds only what the command-line tool loads (cli.js, cli-worker.js, wasm/, web/typescript.js):
// `npm install` runs it as `prepare`, so installing the repository as a pre-commit hook or packing the
// npm/pip packages does not build the extension, server and webview. `--outdir=DIR` (with --cli) writes
// there instead of dist/, so packaging never touches a developer's dist/.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const cliOnly = process.argv.includes('--cli');
const outRoot = process.argv.find(a => a.startsWith('--outdir='))?.slice('--outdir='.length) ?? 'dist';
if (outRoot !== 'dist' && !cliOnly) throw new Error('--outdir= is only for --cli builds');

// web-tree-sitter is an ES module that locates itself with import.meta.url; CommonJS bundles have no
// import.meta, so Node builds get the bundle file's own URL instead.
const nodeImportMeta = {
  define: { 'import.meta.url': '__losslens_import_meta_url' },
  banner: { js: "var __losslens_import_meta_url = require('url').pathToFileURL(__filename).href;" },
};

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  target: 'es2022',
  logLevel: 'warning',
  legalComments: 'none',
};

/** @type {esbuild.BuildOptions[]} */
const builds = [
  // Desktop: extension host (Node) + language server (Node, IPC or --stdio) + CLI + core library.
  {
    ...common,
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
    entryPoints: { extension: 'client/src/extension.ts' },
    outdir: 'dist',
  },
  {
    ...common,
    ...nodeImportMeta,
    platform: 'node',
    format: 'cjs',
    entryPoints: { server: 'server/src/node/server-main.ts' },
    outdir: 'dist',
  },
  {
    ...common,
    ...nodeImportMeta,
    platform: 'node',
    format: 'cjs',
    entryPoints: { cli: 'server/src/cli/main.ts' },
    outdir: outRoot,
    banner: { js: '#!/usr/bin/env node\n' + nodeImportMeta.banner.js },
  },
  {
    ...common,
    ...nodeImportMeta,
    platform: 'node',
    format: 'cjs',
    entryPoints: { 'cli-worker': 'server/src/cli/worker.ts' },
    outdir: outRoot,
  },
  {
    ...common,
    platform: 'neutral',
    format: 'cjs',
    entryPoints: { core: 'core/src/public.ts' },
    outdir: 'dist',
    mainFields: ['module', 'main'],
  },
  // Browser (vscode.dev): extension in the web extension host, server as one IIFE Web Worker.
  {
    ...common,
    platform: 'browser',
    format: 'cjs',
    external: ['vscode'],
    entryPoints: { extension: 'client/src/web/extension.ts' },
    outdir: 'dist/web',
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
  },
  {
    ...common,
    platform: 'browser',
    format: 'iife',
    entryPoints: { server: 'server/src/web/server-main.ts' },
    outdir: 'dist/web',
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    // The TypeScript compiler is large: the worker loads dist/web/typescript.js lazily with importScripts.
    // web-tree-sitter only reaches for these when it runs under Node; in the worker the branches are dead.
    external: ['typescript', 'fs', 'fs/promises', 'path', 'module', 'url', 'node:*'],
  },
  // Loss Explorer webview: one script for the page (core is bundled into it).
  {
    ...common,
    platform: 'browser',
    format: 'iife',
    entryPoints: { explorer: 'webview/src/explorer/main.ts' },
    outdir: 'dist/webview',
    loader: { '.css': 'css' },
  },
];

function copyAssets() {
  mkdirSync(join(outRoot, 'wasm'), { recursive: true });
  copyFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm'), join(outRoot, 'wasm/web-tree-sitter.wasm'));
  copyFileSync(
    join(dirname(require.resolve('tree-sitter-python/package.json')), 'tree-sitter-python.wasm'),
    join(outRoot, 'wasm/tree-sitter-python.wasm'),
  );
  mkdirSync(join(outRoot, 'web'), { recursive: true });
  // The worker cannot `require`; it loads the compiler's browser-ready UMD file on first TS/JS document.
  // The Node server and the CLI load the same file (server/src/node/front-ends.ts).
  copyFileSync(require.resolve('typescript/lib/typescript.js'), join(outRoot, 'web/typescript.js'));
  if (!cliOnly && existsSync('webview/media')) {
    mkdirSync('dist/webview', { recursive: true });
    for (const f of readdirSync('webview/media')) copyFileSync(join('webview/media', f), join('dist/webview', f));
  }
}

const cliEntries = new Set(['cli', 'cli-worker']);
const present = builds.filter(
  b =>
    Object.values(b.entryPoints).every(p => existsSync(p)) && (!cliOnly || Object.keys(b.entryPoints).every(name => cliEntries.has(name))),
);
if (watch) {
  copyAssets();
  for (const b of present) {
    const ctx = await esbuild.context(b);
    await ctx.watch();
  }
  console.log('[esbuild] watching…');
} else {
  const t0 = Date.now();
  await Promise.all(present.map(b => esbuild.build(b)));
  copyAssets();
  console.log(`[esbuild] built ${present.length} bundles in ${Date.now() - t0} ms${production ? ' (production)' : ''}`);
}
