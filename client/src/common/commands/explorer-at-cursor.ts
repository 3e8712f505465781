// "Open Loss Explorer for Loss at Cursor": the explorer on the loss under the cursor, with the
// hyperparameters written in its call (`nn.HuberLoss(delta=0.5)` opens Huber at δ = 0.5).
import * as vscode from 'vscode';
import { lossAtCursor } from './loss-at-cursor';
import { COMMANDS } from '../../../../shared/src/commands';

export async function openExplorerAtCursor(
  editor: vscode.TextEditor | undefined,
): Promise<{ lossId?: string; params?: Record<string, number> }> {
  const hit = editor ? lossAtCursor(editor.document.getText(), editor.document.offsetAt(editor.selection.active)) : undefined;
  if (!hit) {
    vscode.window.setStatusBarMessage('LossLens: no loss function at the cursor; opening the Loss Explorer', 4000);
    await vscode.commands.executeCommand(COMMANDS.openExplorer, { view: 'plots' });
    return {};
  }
  const args = { lossId: hit.lossId, view: 'plots' as const, ...(Object.keys(hit.params).length ? { params: hit.params } : {}) };
  await vscode.commands.executeCommand(COMMANDS.openExplorer, args);
  return { lossId: hit.lossId, params: hit.params };
}
