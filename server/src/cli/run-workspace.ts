// The analysis workspace of one root for one CLI run: the files do not change while it lives, so each
// file's imports are resolved once and nothing is kept for a next check of the same file.
import { pathToFileURL } from 'node:url';
import { createAnalysisWorkspace, type AnalysisWorkspace } from '../analysis/index';
import { runRules } from '../rules/run';
import type { FileHost } from '../workspace/host';
import type { FrontEndProvider } from '../node/front-ends';

export function createRunWorkspace(root: string, host: FileHost, frontEnds: FrontEndProvider): AnalysisWorkspace {
  return createAnalysisWorkspace({ runRules, host, roots: [rootUri(root)], frontEnd: frontEnds, incremental: false, snapshot: true });
}

/** A root folder's URI, without a trailing slash. */
export function rootUri(root: string): string {
  return pathToFileURL(root).href.replace(/\/+$/, '');
}
