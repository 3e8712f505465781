// A Jupyter notebook inside a real VS Code (web workbench or desktop), opened with the built-in
// ipynb serializer: the model in cell 3 ends in a softmax, the loop in cell 7 feeds it to
// CrossEntropyLoss. The diagnostic lands on cell 7, points back at cell 3, and follows an edit of
// cell 3 (the latency the user sees is printed).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { waitFor } from './wait';

function ll001(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter(d => d.source === 'LossLens' && (typeof d.code === 'object' ? String(d.code.value) : String(d.code)) === 'LL001');
}

suite('LossLens in a Jupyter notebook', () => {
  let notebook: vscode.NotebookDocument;

  suiteSetup(async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the e2e workspace folder is open');
    notebook = await vscode.workspace.openNotebookDocument(vscode.Uri.joinPath(folder.uri, 'notebook_training.ipynb'));
    await vscode.window.showNotebookDocument(notebook);
    assert.strictEqual(notebook.notebookType, 'jupyter-notebook');
    assert.strictEqual(notebook.cellCount, 8);
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('the cross-cell LL001 is on cell 7, on the model output, with related information in cell 3', async () => {
    const loop = notebook.cellAt(6);
    const model = notebook.cellAt(2);
    assert.strictEqual(loop.document.languageId, 'python');
    const [d] = await waitFor(
      () => {
        const f = ll001(loop.document.uri);
        return f.length ? f : undefined;
      },
      'LL001 on cell 7',
      60_000,
    );
    const line = loop.document.lineAt(4).text;
    const start = line.indexOf('model(x)');
    assert.deepStrictEqual(d.range, new vscode.Range(4, start, 4, start + 'model(x)'.length));
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(
      d.relatedInformation?.some(r => r.location.uri.toString() === model.document.uri.toString() && r.location.range.start.line === 4),
      `related information in cell 3: ${JSON.stringify(d.relatedInformation?.map(r => r.location.uri.toString()))}`,
    );
    for (let i = 0; i < notebook.cellCount; i++) {
      if (i !== 6) assert.deepStrictEqual(ll001(notebook.cellAt(i).document.uri), [], `nothing on cell ${i + 1}`);
    }
    console.log('[e2e] notebook LL001 on cell 7:', d.message);
  });

  test('editing cell 3 updates cell 7', async () => {
    const model = notebook.cellAt(2);
    const loop = notebook.cellAt(6);
    assert.strictEqual(model.document.lineAt(4).text, '    nn.Softmax(dim=1),');
    const remove = new vscode.WorkspaceEdit();
    remove.delete(model.document.uri, new vscode.Range(4, 0, 5, 0));
    const t0 = Date.now();
    assert.ok(await vscode.workspace.applyEdit(remove));
    await waitFor(() => ll001(loop.document.uri).length === 0, 'LL001 gone from cell 7', 30_000);
    console.log(`[e2e] notebook: edit in cell 3 → cell 7 updated in ${Date.now() - t0} ms`);
    const restore = new vscode.WorkspaceEdit();
    restore.insert(model.document.uri, new vscode.Position(4, 0), '    nn.Softmax(dim=1),\n');
    const t1 = Date.now();
    assert.ok(await vscode.workspace.applyEdit(restore));
    await waitFor(() => ll001(loop.document.uri).length === 1, 'LL001 back on cell 7', 30_000);
    console.log(`[e2e] notebook: undo in cell 3 → cell 7 updated in ${Date.now() - t1} ms`);
  });
});
