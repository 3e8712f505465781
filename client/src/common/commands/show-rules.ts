// "LossLens: Show Rules": the rule catalogue (from the server, as it applies to the active file) in a
// multi-select QuickPick; checked = enabled. Accepting writes the changes to `losslens.rules` for the
// workspace. Each row links to its rule page.
import * as vscode from 'vscode';
import type { RequestType } from 'vscode-languageclient';
import { rulesRequest, type RuleInfo, type RulesParams } from '../../../../shared/src/protocol';
import { toggledRulesSetting } from './rules-setting';

/** The part of the language client the rule commands use. */
export interface RulesClient {
  sendRequest<P, R, E>(type: RequestType<P, R, E>, params: P): Promise<R>;
}

interface RuleItem extends vscode.QuickPickItem {
  rule: RuleInfo;
}

const DOCS_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('link-external'), tooltip: 'Open the rule page' };

function describe(r: RuleInfo): string {
  const parts: string[] = [r.enabled ? r.severity : 'off'];
  if (r.configuredBy === 'settings') parts.push('set in settings');
  if (r.configuredBy === 'project')
    parts.push(`set by ${r.projectFile ? r.projectFile.slice(r.projectFile.lastIndexOf('/') + 1) : 'the project'}`);
  if (r.fix) parts.push(`${r.fix.applicability} fix`);
  return parts.join(' · ');
}

export async function showRules(client: RulesClient, editor: vscode.TextEditor | undefined): Promise<Record<string, string> | undefined> {
  const scope = editor?.document.uri;
  const params: RulesParams = scope ? { uri: scope.toString() } : {};
  const rules = await client.sendRequest(rulesRequest, params);
  if (!rules.length) {
    void vscode.window.showWarningMessage('LossLens: the server returned no rules (see the LossLens output).');
    return undefined;
  }
  const qp = vscode.window.createQuickPick<RuleItem>();
  qp.title = 'LossLens: Rules';
  qp.placeholder = 'Checked rules run. Uncheck to turn a rule off for this workspace; Enter saves.';
  qp.canSelectMany = true;
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  qp.items = rules.map(rule => ({
    label: `${rule.id} ${rule.name}`,
    description: describe(rule),
    detail: rule.summary,
    rule,
    buttons: [DOCS_BUTTON],
  }));
  qp.selectedItems = qp.items.filter(i => i.rule.enabled);
  qp.onDidTriggerItemButton(e => void vscode.env.openExternal(vscode.Uri.parse(e.item.rule.docsUrl)));

  const accepted = await new Promise<readonly RuleItem[] | undefined>(resolve => {
    qp.onDidAccept(() => {
      resolve(qp.selectedItems);
      qp.hide();
    });
    qp.onDidHide(() => resolve(undefined));
    qp.show();
  });
  qp.dispose();
  if (!accepted) return undefined;

  const enabled = new Set(accepted.map(i => i.rule.id));
  const blocked = rules.filter(r => enabled.has(r.id) && !r.enabled && r.configuredBy === 'project');
  const config = vscode.workspace.getConfiguration('losslens', scope);
  const inspected = config.inspect<Record<string, string>>('rules');
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const workspace = target === vscode.ConfigurationTarget.Workspace;
  const current = (workspace ? inspected?.workspaceValue : inspected?.globalValue) ?? {};
  const inherited = workspace ? { ...inspected?.defaultValue, ...inspected?.globalValue } : { ...inspected?.defaultValue };
  const next = toggledRulesSetting(current, inherited, rules, enabled);
  if (JSON.stringify(next) !== JSON.stringify(current)) await config.update('rules', next, target);
  if (blocked.length) {
    void vscode.window.showWarningMessage(
      `LossLens: ${blocked.map(r => r.id).join(', ')} ${blocked.length === 1 ? 'is' : 'are'} turned off by ${blocked[0].projectFile ?? 'the project configuration'}, which takes precedence over settings.`,
    );
  }
  return next;
}
