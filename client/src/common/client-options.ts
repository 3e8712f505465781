import * as vscode from 'vscode';
import { RevealOutputChannelOn, type DocumentSelector, type LanguageClientOptions } from 'vscode-languageclient';
import type { InitializationOptions } from '../../../shared/src/protocol';
import { COMMANDS } from '../../../shared/src/commands';
import { LANGUAGE_IDS } from './languages';

export const clientId = 'losslens';
export const clientName = 'LossLens';

/**
 * Desktop limits analysis to real files and unsaved buffers; vscode.dev serves files under
 * schemes we cannot list in advance (vscode-vfs, vscode-test-web, github…), so the web build
 * passes `undefined` and matches every scheme.
 */
export function documentSelector(schemes: readonly string[] | undefined): DocumentSelector {
  // Python cells of Jupyter notebooks (`vscode-notebook-cell:` documents): the server receives them
  // through notebook document sync and analyses each notebook's cells as one program. Matching
  // them here is what makes the client pull their diagnostics and ask for hovers and code actions.
  const notebookCells = { notebook: 'jupyter-notebook', language: 'python' };
  if (!schemes) return [...LANGUAGE_IDS.map(language => ({ language })), notebookCells];
  return [...LANGUAGE_IDS.flatMap(language => schemes.map(scheme => ({ scheme, language }))), notebookCells];
}

export function clientOptions(
  context: vscode.ExtensionContext,
  outputChannel: vscode.LogOutputChannel,
  traceOutputChannel: vscode.LogOutputChannel,
  schemes: readonly string[] | undefined,
): LanguageClientOptions {
  const initializationOptions: InitializationOptions = { extensionUri: context.extensionUri.toString() };
  return {
    documentSelector: documentSelector(schemes),
    synchronize: { configurationSection: 'losslens' },
    initializationOptions,
    // Hovers link to the Loss Explorer with a command URI; only that command is trusted.
    markdown: { isTrusted: { enabledCommands: [COMMANDS.openExplorer] }, supportHtml: false },
    outputChannel,
    traceOutputChannel,
    // The status bar and the output channel report failures; a modal popup per crash is noise.
    revealOutputChannelOn: RevealOutputChannelOn.Never,
  };
}
