// What the hover and code-action modules may use from the running server.
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisWorkspace } from '../analysis/workspace';
import type { EditorSettings } from '../config/settings';

export interface FeatureContext {
  document(uri: string): TextDocument | undefined;
  /** undefined until the parsers have loaded. */
  workspace(): AnalysisWorkspace | undefined;
  settings(uri: string): Promise<EditorSettings>;
  /** The raw `losslens` section for settings the server itself does not validate (hover.plots, fix.unsafe). */
  rawSettings(uri: string): Promise<Record<string, unknown>>;
  log(message: string): void;
  /** The document's current diagnostics, configuration applied (for source.fixAll). */
  diagnose?(uri: string): Promise<Diagnostic[]>;
}
