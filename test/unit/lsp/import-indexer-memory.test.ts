// Issue #21 item 8: every didOpen schedules an import resolution, and each raced a shared promise that
// settles only on a user's cancel, so each left a reaction on it: ~400 bytes kept per didOpen/didClose
// cycle of the same URI. Measured here as heap growth after a forced GC (a memory bound, not timing).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ImportIndexer } from '../../../server/src/lsp/import-indexer';
import type { AnalysisWorkspace } from '../../../server/src/analysis/workspace';
import type { StatusReporter } from '../../../server/src/lsp/status';
import type { Connection } from 'vscode-languageserver';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heap(): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

test('scheduling import resolutions keeps no memory per call', async () => {
  const status = { set: () => undefined } as unknown as StatusReporter;
  const indexer = new ImportIndexer({} as Connection, status, () => undefined, false);
  const workspace = { resolveImports: async () => undefined } as unknown as AnalysisWorkspace;
  const cycles = 20_000;
  for (let i = 0; i < 1000; i++) await indexer.schedule(workspace, 'file:///ws/a.py', false);
  const before = heap();
  for (let i = 0; i < cycles; i++) await indexer.schedule(workspace, 'file:///ws/a.py', false);
  const grown = heap() - before;
  assert.ok(grown < 40 * cycles, `heap grew by ${grown} bytes over ${cycles} resolutions (${(grown / cycles).toFixed(0)} per call)`);
});
