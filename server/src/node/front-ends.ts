// The parsers in Node: tree-sitter-python from dist/wasm, and the TypeScript compiler loaded on
// the first TS/JS file. The compiler is not bundled into dist/server.js / cli.js: it is ~9 MB of
// source that every process would load (and every CLI worker thread again) for Python-only
// projects; dist/web/typescript.js (the copy the web worker loads) serves Node too.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type * as TS from 'typescript';
import type { FrontEnd } from '../parse/frontend';
import { createPythonFrontEnd } from '../parse/python/index';
import { createTypeScriptFrontEnd } from '../parse/typescript/index';
import { nodeWasmFiles } from './wasm-location';
import { mentionsTfjs } from '../analysis/tfjs-gate';

/** See WorkspaceOptions.frontEnd: with `text`, the TypeScript front end loads only for TS/JS that uses TF.js. */
export type FrontEndProvider = (language: 'python' | 'typescript', text?: string) => FrontEnd | undefined;

/** `logLoaded`: also log when the compiler is loaded (the language server does; the CLI keeps stderr for problems). */
export async function loadNodeFrontEnds(
  log: (message: string) => void = m => console.error(m),
  logLoaded = false,
): Promise<FrontEndProvider> {
  const python = await createPythonFrontEnd(nodeWasmFiles());
  let typescript: FrontEnd | undefined;
  let failed = false;
  return (language, text) => {
    if (language === 'python') return python;
    if (typescript || failed) return typescript;
    // The compiler loads for the first document that uses TF.js, not for every TS/JS file opened.
    if (text !== undefined && !mentionsTfjs(text)) return undefined;
    try {
      const started = Date.now();
      typescript = createTypeScriptFrontEnd(loadTypeScript());
      if (logLoaded) log(`LossLens: TypeScript parser loaded in ${Date.now() - started} ms`);
    } catch (e) {
      failed = true;
      log(`LossLens: the TypeScript parser could not be loaded: ${e instanceof Error ? e.message : String(e)}`);
    }
    return typescript;
  };
}

/** The compiler next to the bundle (dist/web/typescript.js), else the package (running from source). */
export function loadTypeScript(dir: string = __dirname): typeof TS {
  // A runtime require esbuild does not follow, so the compiler stays out of the bundle.
  const load = createRequire(join(dir, 'loader.js'));
  for (const candidate of [join(dir, 'web', 'typescript.js'), join(dir, '..', 'dist', 'web', 'typescript.js')]) {
    if (existsSync(candidate)) return load(candidate) as typeof TS;
  }
  return load('typescript') as typeof TS;
}
