// Wiring shared by the analyzer benchmarks: the real front ends and an analysis workspace over
// either the file system (corpus) or in-memory files (generated workspaces).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as ts from 'typescript';
import { createAnalysisWorkspace, type AnalysisWorkspace } from '../../../server/src/analysis/index';
import { runRules } from '../../../server/src/rules/run';
import { createPythonFrontEnd } from '../../../server/src/parse/python/index';
import { createTypeScriptFrontEnd } from '../../../server/src/parse/typescript/index';
import type { FrontEnd } from '../../../server/src/parse/frontend';
import type { FileHost } from '../../../server/src/workspace/host';

// Resolved from the repository root, where the extension's own dependencies are installed.
const require = createRequire(`${process.cwd()}/package.json`);

export async function frontEnds(): Promise<(language: 'python' | 'typescript') => FrontEnd> {
  const python = await createPythonFrontEnd({
    runtime: new Uint8Array(readFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm'))),
    grammar: new Uint8Array(readFileSync(require.resolve('tree-sitter-python/tree-sitter-python.wasm'))),
  });
  let typescript: FrontEnd | undefined;
  return language => (language === 'python' ? python : (typescript ??= createTypeScriptFrontEnd(ts)));
}

/** Reads `file:` URIs from disk (synchronously: the benchmark measures analysis, not I/O scheduling). */
export const fsHost: FileHost = {
  async readFile(uri) {
    try {
      return readFileSync(fileURLToPath(uri), 'utf8');
    } catch {
      return undefined;
    }
  },
};

export function memoryHost(files: ReadonlyMap<string, string>): FileHost {
  return { readFile: async uri => files.get(uri) };
}

export async function workspace(host: FileHost, roots: string[]): Promise<AnalysisWorkspace> {
  const fe = await frontEnds();
  return createAnalysisWorkspace({ runRules, host, roots, frontEnd: fe });
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

/** A small seeded PRNG (mulberry32) so every run makes the same edits. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
