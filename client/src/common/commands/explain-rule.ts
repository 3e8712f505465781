// "Explain LLnnn": the code action's command. The server renders the rule page (the same text as
// docs/rules/LLnnn.md), shown as a markdown preview beside the code; works offline and on vscode.dev.
import * as vscode from 'vscode';
import type { ExplainPages } from './explain';
import { EXPLAIN_SCHEME } from './explain';
import type { RulesClient } from './show-rules';
import { RULE_STORY_IDS } from '../../../../webview/src/protocol';
import { COMMANDS } from '../../../../shared/src/commands';
import { ruleDocRequest, rulesRequest } from '../../../../shared/src/protocol';

export async function explainRule(client: RulesClient, pages: ExplainPages, id: unknown): Promise<vscode.Uri | undefined> {
  let ruleId = typeof id === 'string' && /^LL\d{3}$/.test(id) ? id : undefined;
  if (!ruleId) {
    // From the palette: pick the rule.
    const rules = await client.sendRequest(rulesRequest, {});
    const pick = await vscode.window.showQuickPick(
      rules.map(r => ({ label: r.id, description: r.name, detail: r.summary })),
      { title: 'LossLens: Explain Rule', placeHolder: 'Rule to explain', matchOnDescription: true, matchOnDetail: true },
    );
    ruleId = pick?.label;
  }
  if (!ruleId) return undefined;
  if (RULE_STORY_IDS.includes(ruleId)) {
    // The Loss Explorer tells this rule's story with the plot that shows the damage (e.g. the double-softmax floor).
    await vscode.commands.executeCommand(COMMANDS.openExplorer, { ruleId, view: 'plots' });
    return vscode.Uri.from({ scheme: 'losslens-explorer', path: `/${ruleId}` });
  }
  const { markdown } = await client.sendRequest(ruleDocRequest, { id: ruleId });
  if (!markdown) {
    void vscode.window.showWarningMessage(`LossLens: no rule ${ruleId}.`);
    return undefined;
  }
  const uri = vscode.Uri.from({ scheme: EXPLAIN_SCHEME, path: `/${ruleId}.md` });
  pages.set(uri, markdown);
  try {
    await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
  } catch {
    await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }
  return uri;
}
