// TypeScript with TF.js inside a real VS Code (web workbench or desktop): the TypeScript compiler
// is loaded on demand and a TF.js mistake in a .ts file gets its diagnostic.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { waitFor } from './wait';

suite('LossLens on TypeScript (TF.js)', () => {
  test('softmax model output into tf.losses.softmaxCrossEntropy in a .ts file yields LL001 on the argument', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the e2e workspace folder is open');
    const ext = vscode.extensions.getExtension('losslens.losslens');
    assert.ok(ext, 'LossLens is installed');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'tfjs_train.ts'));
    assert.strictEqual(doc.languageId, 'typescript');
    await vscode.window.showTextDocument(doc, { preview: false });
    await waitFor(() => ext.isActive, 'activation', 30_000);
    const [diagnostic] = await waitFor(
      () => {
        const found = vscode.languages
          .getDiagnostics(doc.uri)
          .filter(d => d.source === 'LossLens' && (typeof d.code === 'object' ? String(d.code.value) : String(d.code)) === 'LL001');
        return found.length > 0 ? found : undefined;
      },
      `LL001 on ${doc.uri.toString()}`,
      30_000,
    );
    const call = doc.getText().indexOf('softmaxCrossEntropy(ys, scores)');
    assert.ok(call >= 0);
    const start = call + 'softmaxCrossEntropy(ys, '.length;
    assert.deepStrictEqual(diagnostic.range, new vscode.Range(doc.positionAt(start), doc.positionAt(start + 'scores'.length)));
    assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.match(diagnostic.message, /softmaxCrossEntropy/);
    console.log('[e2e] TS LL001:', diagnostic.message);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
