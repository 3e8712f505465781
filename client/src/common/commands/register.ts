// Registers the editor commands (palette, context menu, walkthrough). activate.ts calls this once.
import * as vscode from 'vscode';
import { chooseLoss, wizardSnapshot, type ChooseLossArgs } from './choose-loss';
import { explainLossAtCursor, ExplainPages, EXPLAIN_SCHEME } from './explain';
import { openExplorerAtCursor } from './explorer-at-cursor';
import { fixAllSafe } from './fix-all';
import { showRules, type RulesClient } from './show-rules';
import { openSample } from './sample';
import { explainRule } from './explain-rule';
import { COMMANDS, TEST_COMMANDS } from '../../../../shared/src/commands';
import { SUPPORTED_LANGUAGES } from '../languages';

export interface CommandDeps {
  /** The language client: `losslens/rules` goes through it. */
  client: RulesClient;
  log: { info(message: string): void; error(message: string): void };
}

function codeEditor(): vscode.TextEditor | undefined {
  const e = vscode.window.activeTextEditor;
  return e && SUPPORTED_LANGUAGES.has(e.document.languageId) ? e : undefined;
}

export function registerLossLensCommands(context: vscode.ExtensionContext, deps: CommandDeps): void {
  const pages = new ExplainPages();
  // Failures become one message and one log line instead of an unhandled rejection.
  const safely =
    <A extends unknown[], R>(name: string, fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R | undefined> => {
      try {
        return await fn(...args);
      } catch (err) {
        const text = err instanceof Error ? err.message : String(err);
        deps.log.error(`${name} failed: ${text}`);
        void vscode.window.showErrorMessage(`LossLens: ${name} failed: ${text}`);
        return undefined;
      }
    };

  const explain = safely('Explain Loss at Cursor', () => explainLossAtCursor(pages, codeEditor()));

  context.subscriptions.push(
    pages,
    vscode.workspace.registerTextDocumentContentProvider(EXPLAIN_SCHEME, pages),
    vscode.commands.registerCommand(
      COMMANDS.chooseLoss,
      safely('Choose a Loss Function', (args?: ChooseLossArgs) =>
        chooseLoss({ log: m => deps.log.info(m) }, args && typeof args === 'object' ? args : {}),
      ),
    ),
    vscode.commands.registerCommand(TEST_COMMANDS.chooseLossState, () => wizardSnapshot()),
    vscode.commands.registerCommand(COMMANDS.explainLossAtCursor, explain),
    vscode.commands.registerCommand(COMMANDS.explainLoss, explain),
    vscode.commands.registerCommand(
      COMMANDS.openExplorerAtCursor,
      safely('Open Loss Explorer for Loss at Cursor', () => openExplorerAtCursor(codeEditor())),
    ),
    vscode.commands.registerCommand(
      COMMANDS.fixAllSafe,
      safely('Fix All Safe Problems in File', () => fixAllSafe(codeEditor())),
    ),
    vscode.commands.registerCommand(
      COMMANDS.showRules,
      safely('Show Rules', () => showRules(deps.client, codeEditor())),
    ),
    vscode.commands.registerCommand(
      COMMANDS.openSample,
      safely('Open Sample', () => openSample()),
    ),
    vscode.commands.registerCommand(
      COMMANDS.explainRule,
      safely('Explain Rule', (id?: unknown) => explainRule(deps.client, pages, id)),
    ),
  );
}
