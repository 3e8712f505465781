// Untitled buffers with a given text, for tests that open many in a row.
import * as vscode from 'vscode';

/**
 * An untitled document holding exactly `content`. VS Code reuses `untitled:Untitled-1` as soon as
 * it is free and restores a reused name from its hot-exit backup, if the backup of the buffer just
 * closed is still there (on a loaded machine it is written or discarded late), instead of using
 * `content`: the test then runs on the previous test's text. The text is put in explicitly then.
 */
export async function untitledDocument(language: string, content: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument({ language, content });
  if (doc.getText() !== content) {
    console.log(`[e2e] ${doc.uri.toString()} was restored from a stale backup; replacing its text`);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), content);
    if (!(await vscode.workspace.applyEdit(edit)) || doc.getText() !== content)
      throw new Error(`could not set the text of ${doc.uri.toString()}`);
  }
  return doc;
}
