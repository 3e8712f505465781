// Test helpers: an analysis workspace over in-memory files, with the real front ends.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as ts from 'typescript';
import { createAnalysisWorkspace, type AnalysisWorkspace } from '../../server/src/analysis';
import { runRules } from '../../server/src/rules/run';
import { createPythonFrontEnd } from '../../server/src/parse/python';
import { createTypeScriptFrontEnd } from '../../server/src/parse/typescript';
import { languageOfPath, type FrontEnd } from '../../server/src/parse/frontend';
import type { Finding } from '../../server/src/findings';

const require = createRequire(__filename);
let py: Promise<FrontEnd> | undefined;

export function pythonFrontEnd(): Promise<FrontEnd> {
  py ??= createPythonFrontEnd({
    runtime: new Uint8Array(readFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm'))),
    grammar: new Uint8Array(readFileSync(require.resolve('tree-sitter-python/tree-sitter-python.wasm'))),
  });
  return py;
}

let tsFe: FrontEnd | undefined;
export function typescriptFrontEnd(): FrontEnd {
  tsFe ??= createTypeScriptFrontEnd(ts);
  return tsFe;
}

/** A workspace rooted at file:///ws holding `files` (path → text). */
export async function workspaceOf(
  files: Record<string, string>,
  root = 'file:///ws',
): Promise<{ ws: AnalysisWorkspace; uriOf(path: string): string }> {
  const python = await pythonFrontEnd();
  const uriOf = (p: string) => `${root}/${p}`;
  const byUri = new Map(Object.entries(files).map(([p, t]) => [uriOf(p), t]));
  const ws = createAnalysisWorkspace({
    runRules,
    host: { readFile: async uri => byUri.get(uri), listFiles: async () => [...byUri.keys()] },
    roots: [root],
    frontEnd: lang => (lang === 'python' ? python : typescriptFrontEnd()),
  });
  for (const [p, text] of Object.entries(files)) {
    const lang = languageOfPath(p);
    if (lang) ws.update(uriOf(p), text, lang);
  }
  for (const p of Object.keys(files)) await ws.resolveImports(uriOf(p));
  return { ws, uriOf };
}

/** Findings of one source file analysed alone. */
export async function check(text: string, path = 'main.py'): Promise<Finding[]> {
  const { ws, uriOf } = await workspaceOf({ [path]: text });
  return ws.check(uriOf(path));
}

/** 1-based line of an offset. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
