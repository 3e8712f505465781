// JAX / optax in a real VS Code: a softmax fed to optax's softmax cross-entropy gets LL001 with its
// quick fix, and the loss selector inserts an optax snippet with the imports it needs.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { waitFor } from './wait';
import { untitledDocument } from './untitled';

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

suite('LossLens on JAX / optax', () => {
  test('jax.nn.softmax into optax.softmax_cross_entropy_with_integer_labels yields LL001, and its fix passes the logits', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the e2e workspace folder is open');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'optax_step.py'));
    await vscode.window.showTextDocument(doc, { preview: false });
    const [diagnostic] = await waitFor(
      () => {
        const found = vscode.languages.getDiagnostics(doc.uri).filter(d => d.source === 'LossLens' && codeOf(d) === 'LL001');
        return found.length > 0 ? found : undefined;
      },
      `LL001 on ${doc.uri.toString()}`,
      30_000,
    );
    const at = doc.getText().indexOf('(probs, labels)') + 1;
    assert.deepStrictEqual(diagnostic.range, new vscode.Range(doc.positionAt(at), doc.positionAt(at + 'probs'.length)));
    assert.match(diagnostic.message, /optax\.softmax_cross_entropy_with_integer_labels/);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find(a => /Remove the softmax/.test(a.title) && a.edit);
    assert.ok(fix, `the LL001 fix is offered (got ${JSON.stringify(actions.map(a => a.title))})`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'the edit applies');
    assert.match(doc.getText(), /\n {4}probs = logits\n/);
    await waitFor(
      () => vscode.languages.getDiagnostics(doc.uri).every(d => codeOf(d) !== 'LL001'),
      'LL001 to disappear after the fix',
      30_000,
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('the selector inserts optax.softmax_cross_entropy with jax.nn.one_hot and imports jax', async () => {
    const content = 'import optax\n\n';
    const doc = await untitledDocument('python', content);
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    const end = doc.positionAt(content.length);
    editor.selection = new vscode.Selection(end, end);
    const done = vscode.commands.executeCommand<string>('losslens.chooseLoss', { mode: 'search', query: 'categorical' });
    const snapshot = () => vscode.commands.executeCommand<{ step: string; active: string[] } | undefined>('losslens.chooseLoss.state');
    await waitFor(
      async () => ((await snapshot())?.active[0] === 'Categorical cross-entropy (softmax cross-entropy)' ? true : undefined),
      'the search to offer categorical cross-entropy',
      15_000,
    );
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await waitFor(
      async () => ((await snapshot())?.active[0] === '$(insert) Insert optax.softmax_cross_entropy' ? true : undefined),
      'the result to offer the optax snippet',
      15_000,
    );
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.strictEqual(await done, 'inserted');
    assert.strictEqual(
      editor.document.getText(),
      'import optax\nimport jax\n\nloss = optax.softmax_cross_entropy(logits, jax.nn.one_hot(labels, num_classes)).mean()',
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
