// Where the bundled wasm lives: esbuild copies it to dist/wasm next to dist/server.js and dist/cli.js.
import { join } from 'node:path';
import { existsSync } from 'node:fs';

export interface WasmFiles {
  runtime: string;
  grammar: string;
}

export function nodeWasmFiles(dir: string = __dirname): WasmFiles {
  const candidates = [join(dir, 'wasm'), join(dir, '..', 'dist', 'wasm'), join(dir, '..', 'wasm')];
  const found = candidates.find(d => existsSync(join(d, 'tree-sitter-python.wasm'))) ?? candidates[0];
  return { runtime: join(found, 'web-tree-sitter.wasm'), grammar: join(found, 'tree-sitter-python.wasm') };
}
