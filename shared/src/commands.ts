// The command ids LossLens contributes (package.json `contributes.commands`; a unit test holds the two
// to the same list). The client registers them, the server links to them from hovers and code actions,
// and the Loss Explorer page asks for them.
export const COMMANDS = {
  restartServer: 'losslens.restartServer',
  showOutput: 'losslens.showOutput',
  /** Implemented by the Loss Explorer (client/src/common/explorer); hovers link to it with a `command:` URI. */
  openExplorer: 'losslens.openExplorer',
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
} as const;

/** Registered but not contributed: they let the e2e suite see state the UI does not expose. */
export const TEST_COMMANDS = {
  /** What the wizard's QuickPick shows while the suite drives it. */
  chooseLossState: 'losslens.chooseLoss.state',
  /** Whether the Loss Explorer is open and ready, what it last showed, how many snippets it inserted. */
  explorerState: 'losslens.explorer.state',
} as const;
