// The command-palette loss selector in a real VS Code: the QuickPick is driven through the workbench's
// own quick-input commands (accept, next item, back), exactly what the keyboard does; an internal
// command reports which step the picker shows, so the test waits for state, never for time.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { SAMPLE as SAMPLE_TEXT } from '../../../client/src/common/commands/sample';
import { waitFor } from './wait';
import { untitledDocument } from './untitled';

interface WizardSnapshot {
  step: string;
  title: string;
  items: string[];
  active: string[];
  value: string;
}

function snapshot(): Thenable<WizardSnapshot | undefined> {
  return vscode.commands.executeCommand<WizardSnapshot | undefined>('losslens.chooseLoss.state');
}

/** Waits until the picker shows `step` with `active` as its active item (when given). */
function waitForStep(step: string, active?: string): Promise<WizardSnapshot> {
  return waitFor(
    async () => {
      const s = await snapshot();
      return s && s.step === step && (active === undefined || s.active[0] === active) ? s : undefined;
    },
    `the loss picker to show ${step}${active ? ` with '${active}' active` : ''}`,
    15_000,
  );
}

const accept = () => vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
const next = () => vscode.commands.executeCommand('quickInput.next');
const back = () => vscode.commands.executeCommand('workbench.action.quickInputBack');

async function untitled(language: string, content: string): Promise<vscode.TextEditor> {
  const doc = await untitledDocument(language, content);
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  const end = doc.positionAt(content.length);
  editor.selection = new vscode.Selection(end, end);
  return editor;
}

async function closeWithoutSaving(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

suite('LossLens: Choose a Loss Function', () => {
  test('guide → back → recommendation → insert the functional form with its import (PyTorch)', async () => {
    const editor = await untitled('python', 'import torch\n\n');
    const done = vscode.commands.executeCommand<string>('losslens.chooseLoss');

    const first = await waitForStep('question:task', 'Regression');
    assert.deepStrictEqual(first.items.slice(0, 4), ['Regression', 'Classification', 'Embedding / metric learning', 'Generative model']);
    await accept();
    await waitForStep('question:regression-outliers', 'Yes, penalise them heavily');
    // "No, be robust to them" leads one question deeper; the back button returns here.
    await next();
    await waitForStep('question:regression-outliers', 'No, be robust to them');
    await accept();
    await waitForStep('question:regression-differentiable');
    await back();
    await waitForStep('question:regression-outliers');
    await accept(); // the first option is active again after back
    const result = await waitForStep('result:mseLoss', '$(insert) Insert nn.MSELoss');
    assert.ok(result.items.includes('$(insert) Insert F.mse_loss'), result.items.join(' | '));
    assert.ok(result.items.includes('$(graph-line) Open in Loss Explorer'));
    assert.strictEqual(result.title, 'Recommended: Mean squared error (MSE, L2 loss)');
    await next();
    await waitForStep('result:mseLoss', '$(insert) Insert F.mse_loss');
    await accept();

    assert.strictEqual(await done, 'inserted');
    const text = editor.document.getText();
    console.log('[e2e] inserted:\n' + text);
    assert.strictEqual(text, 'import torch\nimport torch.nn.functional as F\n\nloss = F.mse_loss(pred, target)');
    assert.strictEqual(await snapshot(), undefined, 'the picker is closed');
    await closeWithoutSaving();
  });

  test('search "triplet" in a TypeScript file inserts the hand-written TF.js loss and the tf import', async () => {
    const editor = await untitled('typescript', "import { readFileSync } from 'fs';\n\nexport function step() {\n  \n}\n");
    editor.selection = new vscode.Selection(3, 2, 3, 2);
    const done = vscode.commands.executeCommand<string>('losslens.chooseLoss', { mode: 'search', query: 'triplet' });
    // The workbench filters the 29 losses by the typed text; the triplet loss is the match.
    await waitForStep('search', 'Triplet margin loss');
    await accept();
    await waitForStep('result:tripletMarginLoss', '$(insert) Insert hand-written triplet loss');
    await accept();

    assert.strictEqual(await done, 'inserted');
    const text = editor.document.getText();
    const lines = text.split('\n');
    assert.strictEqual(lines[1], "import * as tf from '@tensorflow/tfjs';", text);
    assert.match(
      text,
      /\n {2}\/\/ TF\.js has no triplet loss in tf\.losses: a short custom implementation\n {2}const dAp = tf\.norm\(anchor\.sub\(positive\), 2, -1\);/,
    );
    assert.match(text, / {2}const loss = tf\.relu\(dAp\.sub\(dAn\)\.add\(1\)\)\.mean\(\);\n}\n$/);
    await closeWithoutSaving();
  });

  test('a Python file importing neither framework is asked which one, then gets Keras code', async () => {
    const editor = await untitled('python', 'import numpy as np\n\n');
    const done = vscode.commands.executeCommand<string>('losslens.chooseLoss', { mode: 'search', query: 'huber' });
    await waitForStep('search', 'Huber loss');
    await accept();
    await waitForStep('framework', 'PyTorch');
    await next();
    await waitForStep('framework', 'Keras');
    await accept();
    await waitForStep('result:huberLoss', '$(insert) Insert keras.losses.Huber');
    await accept();
    assert.strictEqual(await done, 'inserted');
    assert.strictEqual(
      editor.document.getText(),
      "import numpy as np\nimport keras\n\nmodel.compile(optimizer='adam', loss=keras.losses.Huber(delta=1.0))",
    );
    await closeWithoutSaving();
  });

  test('Escape closes the picker without touching the file', async () => {
    const editor = await untitled('python', 'import torch\n');
    const done = vscode.commands.executeCommand<string>('losslens.chooseLoss');
    await waitForStep('question:task');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.strictEqual(await done, 'cancelled');
    assert.strictEqual(editor.document.getText(), 'import torch\n');
    await closeWithoutSaving();
  });
});

suite('LossLens: Explain Loss at Cursor', () => {
  test('opens an explanation of the loss under the cursor', async () => {
    const editor = await untitled('python', 'import torch.nn as nn\ncriterion = nn.HuberLoss(delta=0.5)\n');
    editor.selection = new vscode.Selection(1, 18, 1, 18);
    const result = await vscode.commands.executeCommand<{ lossId: string; uri: vscode.Uri } | undefined>('losslens.explainLossAtCursor');
    assert.ok(result, 'the command found a loss');
    assert.strictEqual(result.lossId, 'huberLoss');
    const page = await vscode.workspace.openTextDocument(result.uri);
    assert.match(page.getText(), /^# Huber loss/);
    assert.match(page.getText(), /\| `delta` \| 1 \| 0\.5 \|/);
    console.log(`[e2e] explain used the server's hover: ${(result as { usedHover?: boolean }).usedHover}`);
    await vscode.window.showTextDocument(editor.document);
    await closeWithoutSaving();
  });

  test("Open Loss Explorer for Loss at Cursor opens the explorer on that loss with the call's parameters", async () => {
    const editor = await untitled('python', 'import torch.nn as nn\ncriterion = nn.HuberLoss(delta=0.5)\n');
    editor.selection = new vscode.Selection(1, 30, 1, 30); // inside the call's arguments
    const opened = await vscode.commands.executeCommand<{ lossId?: string; params?: Record<string, number> }>(
      'losslens.openExplorerAtCursor',
    );
    // On failure the command shows the error in a notification and the LossLens output and returns nothing.
    assert.ok(opened !== undefined, 'Open Loss Explorer for Loss at Cursor failed: the Loss Explorer did not open');
    assert.deepStrictEqual(opened, { lossId: 'huberLoss', params: { delta: 0.5 } });
    const explorerTab = () => vscode.window.tabGroups.all.flatMap(g => g.tabs).find(t => t.label === 'LossLens: Loss Explorer');
    const tab = await waitFor(explorerTab, 'the Loss Explorer tab', 15_000);
    await vscode.window.tabGroups.close(tab);
    await vscode.window.showTextDocument(editor.document);
    await closeWithoutSaving();
  });
});

suite('LossLens: walkthrough sample and Fix All Safe Problems in File', () => {
  test('the sample shows LL008 and LL019, and fix-all removes both', async () => {
    await vscode.commands.executeCommand('losslens.openSample');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.isUntitled && editor.document.languageId === 'python');
    const doc = editor.document;
    // The sample's own text, even when VS Code restored the reused Untitled-N from a stale backup.
    assert.strictEqual(doc.getText(), SAMPLE_TEXT);
    const codes = () =>
      vscode.languages
        .getDiagnostics(doc.uri)
        .filter(d => d.source === 'LossLens')
        .map(d => String(typeof d.code === 'object' ? d.code.value : d.code))
        .sort();
    await waitFor(() => codes().includes('LL008') && codes().includes('LL019'), 'LL008 and LL019 on the sample', 30_000);
    const edits = await vscode.commands.executeCommand<number>('losslens.fixAllSafe');
    assert.ok(typeof edits === 'number' && edits >= 2, `edits: ${edits}`);
    assert.match(doc.getText(), /log_probs = F\.log_softmax\(model\(x\), dim=1\)/);
    assert.match(doc.getText(), /nn\.NLLLoss\(reduction='sum'\)/);
    await waitFor(() => !codes().includes('LL008') && !codes().includes('LL019'), 'the fixed problems to go away', 30_000);
    await closeWithoutSaving();
  });
});
