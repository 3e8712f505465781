// Quick fixes, hovers and the Loss Explorer in a real VS Code: what a user reaches with the lightbulb,
// the mouse and the command palette.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { waitFor } from './wait';

declare const E2E_TAKES_SCREENSHOT: boolean;

function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the e2e workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

function ll(uri: vscode.Uri, code: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter(d => d.source === 'LossLens' && codeOf(d) === code);
}

/** Asks the web runner for an outside DOM check and waits for its verdict. */
async function domCheck(name: string): Promise<{ ok: boolean; detail: string } | undefined> {
  if (typeof E2E_TAKES_SCREENSHOT === 'undefined' || !E2E_TAKES_SCREENSHOT) return undefined;
  const ext = vscode.extensions.getExtension('losslens.losslens')!;
  const state = vscode.Uri.joinPath(ext.extensionUri, 'test', 'e2e', 'artifacts', `check-${name}.json`).toString(true);
  console.log(`E2E_CHECK:${name}`);
  return waitFor(
    async () => {
      try {
        const r = await fetch(state, { cache: 'no-store' });
        if (!r.ok) return undefined;
        const j = (await r.json()) as { done?: boolean; ok: boolean; detail: string };
        return j.done ? j : undefined;
      } catch {
        return undefined;
      }
    },
    `the runner's ${name} check`,
    30_000,
  );
}

suite('Quick fixes, hovers and the Loss Explorer', () => {
  let doc: vscode.TextDocument;

  suiteSetup(async () => {
    doc = await vscode.workspace.openTextDocument(workspaceFile('fixes_and_hovers.py'));
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
  });

  test('a safe quick fix applies through executeCodeActionProvider and the diagnostic goes away', async () => {
    const [diag] = await waitFor(
      () => {
        const d = ll(doc.uri, 'LL008');
        return d.length ? d : undefined;
      },
      'LL008 on fixes_and_hovers.py',
      30_000,
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      diag.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const titles = actions.map(a => a.title);
    const fix = actions.find(a => /log_softmax/.test(a.title) && a.edit);
    assert.ok(fix, `a log_softmax fix is offered (got ${JSON.stringify(titles)})`);
    assert.ok(fix.isPreferred, 'the safe fix is preferred');
    assert.ok(
      titles.some(t => /Ignore LL008/.test(t)),
      'an ignore action is offered',
    );
    assert.ok(
      actions.some(a => /Explain LL008/.test(a.title) && a.command?.command === 'losslens.explainRule'),
      'an explain action is offered',
    );
    assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'the edit applies');
    assert.match(doc.getText(), /return F\.log_softmax\(logits, dim=1\)/);
    await waitFor(() => ll(doc.uri, 'LL008').length === 0, 'LL008 to disappear after the fix', 30_000);
  });

  test('Explain LL008 opens the rule page', async () => {
    await vscode.commands.executeCommand('losslens.explainRule', 'LL008');
    await waitFor(() => vscode.workspace.textDocuments.find(d => d.uri.path.endsWith('/LL008.md')), 'the rule page', 15_000);
    const page = vscode.workspace.textDocuments.find(d => d.uri.path.endsWith('/LL008.md'))!;
    assert.match(page.getText(), /^# LL008: log-of-activation/m);
    assert.match(page.getText(), /## Why is this bad\?/);
    const check = await domCheck('rule-page');
    if (check) assert.ok(check.ok, `the rule page is rendered: ${check.detail}`);
  });

  test('hovering nn.HuberLoss(delta=0.5) shows its formula, the parameter and a rendered curve image', async () => {
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    const at = doc.getText().indexOf('HuberLoss') + 3;
    const position = doc.positionAt(at);
    const hovers = await waitFor(
      async () => {
        const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position);
        return h && h.length ? h : undefined;
      },
      'a hover on HuberLoss',
      30_000,
    );
    const text = hovers.flatMap(h => h.contents.map(c => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
    assert.match(text, /Huber/);
    assert.match(text, /0\.5/, 'the delta as written');
    assert.match(text, /data:image\/svg\+xml;base64,/, 'the curve image');
    const editor = vscode.window.activeTextEditor!;
    editor.selection = new vscode.Selection(position, position);
    await vscode.commands.executeCommand('editor.action.showHover');
    const check = await domCheck('hover-image');
    if (check) assert.ok(check.ok, `the hover image rendered in the workbench: ${check.detail}`);
  });

  test('the hover link opens the Loss Explorer on that loss, the page posts ready, and Insert snippet reaches the editor', async () => {
    const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    const at = doc.getText().indexOf('HuberLoss') + 3;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(at));
    const text = hovers.flatMap(h => h.contents.map(c => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
    const link = /\(command:losslens\.openExplorer\?([^)\s]+)/.exec(text);
    assert.ok(link, 'the hover links to the Loss Explorer');
    const parsed = JSON.parse(decodeURIComponent(link[1]));
    const args = Array.isArray(parsed) ? parsed[0] : parsed;
    assert.equal(args.lossId, 'huberLoss');
    assert.equal(args.params?.delta, 0.5, 'the parameters written in the code travel with the link');
    // put the cursor at the end of the file: the snippet goes to the last focused editor
    const end = doc.positionAt(doc.getText().length);
    editor.selection = new vscode.Selection(end, end);
    await vscode.commands.executeCommand('losslens.openExplorer', args);
    interface ExplorerState {
      open: boolean;
      ready: boolean;
      lastShow?: { lossId?: string };
      inserted: number;
    }
    const state = await waitFor(
      async () => {
        const s = await vscode.commands.executeCommand<ExplorerState>('losslens.explorer.state');
        return s?.ready ? s : undefined;
      },
      'the explorer page to post ready',
      30_000,
    );
    assert.equal(state.lastShow?.lossId, 'huberLoss');
    const before = doc.getText();
    const check = await domCheck('explorer-insert');
    if (check) {
      assert.ok(check.ok, `the explorer shows Huber with δ = 0.5 and its button was clicked: ${check.detail}`);
      await waitFor(() => doc.getText() !== before || undefined, 'the snippet in the editor', 20_000);
      assert.match(doc.getText().slice(before.length - 1), /Huber/i, 'a Huber loss snippet was inserted at the cursor');
    }
  });

  test('Explain LL001 tells its story in the Loss Explorer', async () => {
    await vscode.commands.executeCommand('losslens.explainRule', 'LL001');
    const state = await waitFor(
      async () => {
        const st = await vscode.commands.executeCommand<{ ready: boolean; lastShow?: { ruleId?: string } }>('losslens.explorer.state');
        return st?.ready && st.lastShow?.ruleId === 'LL001' ? st : undefined;
      },
      'the explorer on the LL001 story',
      30_000,
    );
    assert.equal(state.lastShow?.ruleId, 'LL001');
  });
});
