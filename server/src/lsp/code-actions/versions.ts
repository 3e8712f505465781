// Diagnostic data is stateless (the client hands it back with the code-action request), so each
// diagnostic records the versions of the open documents its ranges were computed against; an
// action is built only when those documents are still at these versions.
import type { Diagnostic } from 'vscode-languageserver';
import type { DiagnosticData } from '../../../../shared/src/protocol';

/** Stamps `data.versions` on diagnostics computed for `uri` at `version`. */
export function stampDocumentVersions(
  diagnostics: readonly Diagnostic[],
  uri: string,
  version: number,
  versionOf: (uri: string) => number | undefined,
): void {
  for (const d of diagnostics) {
    const data = d.data as DiagnosticData | undefined;
    if (!data) continue;
    const versions: Record<string, number> = { [uri]: version };
    for (const e of data.fix?.edits ?? []) {
      if (versions[e.uri] !== undefined) continue;
      const v = versionOf(e.uri);
      if (v !== undefined) versions[e.uri] = v;
    }
    data.versions = versions;
  }
}

/** Whether every document the diagnostic was computed against is still at the recorded version. */
export function isCurrent(data: DiagnosticData, uri: string, versionOf: (uri: string) => number | undefined): boolean {
  const versions = data.versions;
  if (!versions || versions[uri] === undefined) return false;
  for (const [u, v] of Object.entries(versions)) if (versionOf(u) !== v) return false;
  // A file opened since the diagnostic was computed may have been edited before the fix edits it.
  for (const e of data.fix?.edits ?? []) if (versions[e.uri] === undefined && versionOf(e.uri) !== undefined) return false;
  return true;
}
