// Command ids contributed in package.json (`contributes.commands`); keep both in step.
export const COMMANDS = {
  chooseLoss: 'losslens.chooseLoss',
  explainLossAtCursor: 'losslens.explainLossAtCursor',
  /** The same command under the shorter title the editor context menu shows ("Explain Loss"). */
  explainLoss: 'losslens.explainLoss',
  openExplorerAtCursor: 'losslens.openExplorerAtCursor',
  fixAllSafe: 'losslens.fixAllSafe',
  showRules: 'losslens.showRules',
  openSample: 'losslens.openSample',
  /** The "Explain LLnnn" code action's command (with the rule id), or from the palette. */
  explainRule: 'losslens.explainRule',
  /** Not contributed: lets the e2e suite see what the wizard's QuickPick shows while it drives it. */
  chooseLossState: 'losslens.chooseLoss.state',
} as const;

/** Implemented by the Loss Explorer (client/src/common/explorer). */
export const OPEN_EXPLORER = 'losslens.openExplorer';

export const SUPPORTED_LANGUAGES: ReadonlySet<string> = new Set(['python', 'typescript', 'javascript', 'typescriptreact', 'javascriptreact']);
