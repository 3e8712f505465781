import * as vscode from 'vscode';
import type { ReadFileParams, ReadFileResult } from '../../../shared/src/protocol';
import { insideFolders } from './workspace-bounds';

const decoder = new TextDecoder('utf-8');

/**
 * Answers the server's `losslens/readFile`: the web worker has no file system, so the client reads
 * workspace files for it (cross-file analysis). Missing or unreadable files answer `null`, which
 * the server treats as "not there" rather than as an error. Only documents open in the editor and
 * files inside the workspace folders are answered: an import in an untrusted repository must not
 * make the client read anything else.
 */
export async function readFileForServer(params: ReadFileParams): Promise<ReadFileResult> {
  let uri: vscode.Uri;
  try {
    uri = vscode.Uri.parse(params.uri, true);
  } catch {
    return null;
  }
  const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
  if (open) return { text: open.getText() };
  if (
    !insideFolders(
      uri,
      (vscode.workspace.workspaceFolders ?? []).map(f => f.uri),
    )
  )
    return null;
  try {
    return { text: decoder.decode(await vscode.workspace.fs.readFile(uri)) };
  } catch {
    return null;
  }
}
