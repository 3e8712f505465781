// The walkthrough's sample: an untitled PyTorch file with two mistakes whose fixes are safe (LL008
// log of softmax, LL019 deprecated size_average), so the light bulb and "Fix All Safe Problems in
// File" both have something to do with the default settings (unsafe fixes are not offered then).
import * as vscode from 'vscode';

export const SAMPLE = [
  'import torch',
  'import torch.nn as nn',
  'import torch.nn.functional as F',
  '',
  'model = nn.Linear(128, 10)',
  '# LossLens: size_average is deprecated (LL019).',
  'criterion = nn.NLLLoss(size_average=False)',
  '',
  '',
  'def training_step(x, labels):',
  '    # LossLens: log of softmax underflows to -inf (LL008). Put the cursor on `torch.log` and press',
  '    # Ctrl+. (Cmd+. on macOS), or run "LossLens: Fix All Safe Problems in File".',
  '    log_probs = torch.log(F.softmax(model(x), dim=1))',
  '    return criterion(log_probs, labels)',
  '',
].join('\n');

export async function openSample(): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language: 'python', content: SAMPLE });
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  // VS Code hands out `Untitled-1` again as soon as it is free, and an untitled buffer whose name
  // still has a hot-exit backup (written or discarded late for a buffer just closed, which a loaded
  // machine makes likely) is restored from that backup instead of `content`. The sample then held
  // another buffer's text and never showed LL008/LL019. Put the sample's text in explicitly.
  if (doc.getText() !== SAMPLE) {
    const all = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
    await editor.edit(b => b.replace(all, SAMPLE));
  }
  const lines = SAMPLE.split('\n');
  const line = lines.findIndex(l => l.includes('torch.log(F.softmax'));
  const col = lines[line].indexOf('torch.log');
  editor.selection = new vscode.Selection(line, col, line, col);
  editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.InCenter);
  return editor;
}
