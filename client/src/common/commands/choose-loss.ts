// "LossLens: Choose a Loss Function…": renders the wizard (../selector/wizard) in one QuickPick that
// stays open from the first question to the result, with the QuickInput back button.
import * as vscode from 'vscode';
import { applyAction, canGoBack, startWizard, type WizardState } from '../selector/wizard';
import { viewOf, type ItemEffect, type StepView } from '../selector/wizard-view';
import { decideFramework } from '../selector/imports';
import { FRAMEWORK_LABELS } from '../selector/snippets';
import { insertLossSnippet } from './insert-snippet';
import { COMMANDS } from '../../../../shared/src/commands';
import { SUPPORTED_LANGUAGES } from '../languages';

export interface ChooseLossArgs {
  /** Start in the flat search instead of the guide. */
  mode?: 'guide' | 'search';
  /** Text typed into the search box at the start. */
  query?: string;
}

interface PickItem extends vscode.QuickPickItem {
  effect?: ItemEffect;
}

/** What the open wizard shows (the e2e suite reads it through an internal command). */
export interface WizardSnapshot {
  step: string;
  title: string;
  items: string[];
  active: string[];
  value: string;
}

let openWizard: { snapshot(): WizardSnapshot } | undefined;

export function wizardSnapshot(): WizardSnapshot | undefined {
  return openWizard?.snapshot();
}

export type ChooseLossOutcome = 'inserted' | 'copied' | 'explorer' | 'cancelled';

export interface ChooseLossDeps {
  log(message: string): void;
}

export function chooseLoss(deps: ChooseLossDeps, args: ChooseLossArgs = {}): Promise<ChooseLossOutcome> {
  const active = vscode.window.activeTextEditor;
  const editor = active && SUPPORTED_LANGUAGES.has(active.document.languageId) ? active : undefined;
  const decision = decideFramework(editor?.document.languageId, editor?.document.getText() ?? '');
  let state: WizardState = startWizard(decision, args.mode === 'search' ? 'search' : 'guide');
  let view: StepView;

  const qp = vscode.window.createQuickPick<PickItem>();
  qp.ignoreFocusOut = false;

  const render = (value = ''): void => {
    view = viewOf(state, { canInsert: editor !== undefined });
    qp.title = view.title;
    qp.placeholder = view.placeholder;
    qp.matchOnDescription = view.matchOnDescription;
    qp.matchOnDetail = view.matchOnDetail;
    qp.step = state.steps.length;
    qp.totalSteps = undefined;
    qp.buttons = canGoBack(state) ? [vscode.QuickInputButtons.Back] : [];
    qp.value = value;
    qp.items = view.items.map(i =>
      i.separator
        ? { label: i.label, kind: vscode.QuickPickItemKind.Separator }
        : { label: i.label, description: i.description, detail: i.detail, effect: i.effect },
    );
  };

  return new Promise<ChooseLossOutcome>(resolve => {
    let outcome: ChooseLossOutcome = 'cancelled';
    let busy = false;
    openWizard = {
      snapshot: () => ({
        step: view.id,
        title: view.title,
        items: qp.items.filter(i => i.kind !== vscode.QuickPickItemKind.Separator).map(i => i.label),
        active: qp.activeItems.map(i => i.label),
        value: qp.value,
      }),
    };

    const finish = async (effect: Exclude<ItemEffect, { kind: 'wizard' }>): Promise<void> => {
      qp.hide();
      switch (effect.kind) {
        case 'insert': {
          if (!editor) return;
          const shown = await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
          const plan = await insertLossSnippet(shown, effect.snippet);
          outcome = 'inserted';
          deps.log(
            `inserted ${effect.snippet.label} (${FRAMEWORK_LABELS[effect.snippet.framework]})${plan.imports.length ? ` and ${plan.imports.join('; ')}` : ''}`,
          );
          break;
        }
        case 'copy':
          await vscode.env.clipboard.writeText(effect.snippet.plain + '\n');
          outcome = 'copied';
          vscode.window.setStatusBarMessage(
            `LossLens: copied ${effect.snippet.label} (${FRAMEWORK_LABELS[effect.snippet.framework]})`,
            4000,
          );
          break;
        case 'explorer':
          outcome = 'explorer';
          await vscode.commands.executeCommand(COMMANDS.openExplorer, { lossId: effect.lossId, view: 'plots' });
          break;
      }
    };

    qp.onDidTriggerButton(button => {
      if (button !== vscode.QuickInputButtons.Back) return;
      state = applyAction(state, { type: 'back' });
      render();
    });
    qp.onDidAccept(() => {
      const item = qp.selectedItems[0] ?? qp.activeItems[0];
      const effect = item?.effect;
      if (!effect || busy) return;
      if (effect.kind === 'wizard') {
        state = applyAction(state, effect.action);
        render();
        return;
      }
      busy = true;
      finish(effect)
        .catch(err => {
          const text = err instanceof Error ? err.message : String(err);
          deps.log(`choose a loss: ${text}`);
          void vscode.window.showErrorMessage(`LossLens: ${text}`);
        })
        .finally(() => {
          qp.dispose();
          resolve(outcome);
        });
    });
    qp.onDidHide(() => {
      if (openWizard && qp.title === view.title) openWizard = undefined;
      // Hidden by Escape or by focus loss: nothing to do. Hidden by `finish`: it disposes and resolves.
      if (!busy) {
        qp.dispose();
        resolve(outcome);
      }
    });

    render(args.query ?? '');
    qp.show();
  });
}
