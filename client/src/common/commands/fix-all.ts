// "Fix All Safe Problems in File": asks the providers for the `source.fixAll.losslens` action of the
// whole file (the server builds it from the fixes marked safe) and applies it.
import * as vscode from 'vscode';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('losslens');

export async function fixAllSafe(editor: vscode.TextEditor | undefined): Promise<number> {
  if (!editor) return 0;
  const doc = editor.document;
  const whole = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
  const actions =
    (await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      whole,
      FIX_ALL_KIND.value,
      1,
    )) ?? [];
  const action = actions.find(a => a.kind !== undefined && FIX_ALL_KIND.contains(a.kind));
  const edits = action?.edit?.entries().reduce((n, [, list]) => n + list.length, 0) ?? 0;
  if (!action || (edits === 0 && !action.command)) {
    vscode.window.setStatusBarMessage(`LossLens: no safe fixes to apply in ${doc.uri.path.slice(doc.uri.path.lastIndexOf('/') + 1)}`, 4000);
    return 0;
  }
  if (action.edit && !(await vscode.workspace.applyEdit(action.edit)))
    throw new Error('the fixes could not be applied (the file changed meanwhile?)');
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  vscode.window.setStatusBarMessage(`LossLens: applied ${edits} safe fix edit${edits === 1 ? '' : 's'}`, 4000);
  return edits;
}
