// The parsers in the Web Worker. The worker starts from a blob: URL and cannot find its own
// folder, so every file is located from `initializationOptions.extensionUri`.
import type * as TS from 'typescript';
import type { InitializeParams } from 'vscode-languageserver';
import type { FrontEnd } from '../parse/frontend';
import { createPythonFrontEnd } from '../parse/python/index';
import { createTypeScriptFrontEnd } from '../parse/typescript/index';
import type { FrontEndProvider } from '../lsp/server';
import type { InitializationOptions } from '../../../shared/src/protocol';
import { mentionsTfjs } from '../analysis/tfjs-gate';

interface WorkerGlobals {
  importScripts(...urls: string[]): void;
  ts?: typeof TS;
}

export function webAssetUrls(extensionUri: string): { runtime: string; grammar: string; typescript: string } {
  const base = extensionUri.replace(/\/+$/, '');
  return {
    runtime: `${base}/dist/wasm/web-tree-sitter.wasm`,
    grammar: `${base}/dist/wasm/tree-sitter-python.wasm`,
    typescript: `${base}/dist/web/typescript.js`,
  };
}

export async function loadWebFrontEnds(params: InitializeParams, log: (m: string) => void): Promise<FrontEndProvider> {
  const options = (params.initializationOptions ?? {}) as InitializationOptions;
  if (!options.extensionUri) throw new Error('initializationOptions.extensionUri is missing: the web server cannot locate its wasm files');
  const urls = webAssetUrls(options.extensionUri);
  const python = await createPythonFrontEnd({ runtime: urls.runtime, grammar: urls.grammar });
  let typescript: FrontEnd | undefined;
  let failed = false;
  return (language, text) => {
    if (language === 'python') return python;
    if (typescript || failed) return typescript;
    // Only a document that uses TF.js is worth the compiler; others are parsed once it is loaded.
    if (text !== undefined && !mentionsTfjs(text)) return undefined;
    try {
      // The compiler is ~9 MB: loaded on the first TS/JS document only. importScripts is synchronous.
      const g = globalThis as unknown as WorkerGlobals;
      const started = Date.now();
      if (!g.ts) g.importScripts(urls.typescript);
      if (!g.ts) throw new Error(`${urls.typescript} did not define the global 'ts'`);
      typescript = createTypeScriptFrontEnd(g.ts);
      log(`LossLens: TypeScript parser loaded in ${Date.now() - started} ms`);
    } catch (e) {
      failed = true;
      log(`LossLens: the TypeScript parser could not be loaded: ${e instanceof Error ? e.message : String(e)}`);
    }
    return typescript;
  };
}
