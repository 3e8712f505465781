// Every custom LSP message between the LossLens client and server, typed once: the server registers
// handlers and the client sends requests with these objects, so a change of method name, parameters or
// result fails to compile on the side that did not follow. Both bundles import this file (the client
// gets nothing else of the server); vscode-languageserver-protocol's root entry is runtime-neutral.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';

export type ServerState = 'ready' | 'busy' | 'error';
export interface StatusParams {
  state: ServerState;
  message?: string;
}
/** Server → client: drives the status bar. */
export const statusNotification = new NotificationType<StatusParams>('losslens/status');

export interface ReadFileParams {
  uri: string;
}
export type ReadFileResult = { text: string } | null;
/** Server → client: the web worker has no file system, the client reads for it. */
export const readFileRequest = new RequestType<ReadFileParams, ReadFileResult, void>('losslens/readFile');

export type RuleSeverity = 'error' | 'warning' | 'info' | 'hint';
export type RuleSeveritySetting = RuleSeverity | 'off';

export interface RulesParams {
  /** The file whose settings and project configuration apply; without it, the defaults. */
  uri?: string;
}
export interface RuleInfo {
  id: string;
  name: string;
  summary: string;
  /** The rule's own severity. */
  defaultSeverity: RuleSeverity;
  /** The severity it reports with for `uri` ('off' when it does not run). */
  severity: RuleSeveritySetting;
  enabled: boolean;
  /** What decided `severity`: nothing, the `losslens.rules` setting, or a project file. */
  configuredBy: 'default' | 'settings' | 'project';
  /** The project file that decides, when `configuredBy` is 'project'. */
  projectFile?: string;
  fix?: { title: string; applicability: 'safe' | 'unsafe' };
  docsUrl: string;
}
/**
 * Client → server: the rule catalogue with each rule's state for a file, so "Show Rules" can list and
 * toggle them. The severity shown is the one diagnostics use: editor settings, then the project's
 * pyproject.toml / losslens.toml (which wins).
 */
export const rulesRequest = new RequestType<RulesParams | undefined, RuleInfo[], void>('losslens/rules');

export interface RuleDocParams {
  id: string;
}
export interface RuleDocResult {
  /** The rule page (the text of docs/rules/LLnnn.md), or null for an unknown id. */
  markdown: string | null;
}
/** Client → server: a rule's explanation as markdown, so "Explain LLnnn" works offline and in vscode.dev. */
export const ruleDocRequest = new RequestType<RuleDocParams | undefined, RuleDocResult, void>('losslens/ruleDoc');

/** `initialize` options sent by the LossLens client. */
export interface InitializationOptions {
  /** The web worker starts from a blob: URL and cannot find its own files without it. */
  extensionUri?: string;
  /** For clients without `workspace/configuration`: the `losslens` settings section. */
  settings?: unknown;
}

/** `Diagnostic.data` of every LossLens diagnostic: what the code-action handler needs later. */
export interface DiagnosticData {
  name: string;
  fix?: {
    title: string;
    applicability: 'safe' | 'unsafe';
    edits: { uri: string; range: LspRange; newText: string }[];
  };
  /** Versions of the open documents the ranges were computed against (code actions refuse stale ones). */
  versions?: Record<string, number>;
}

export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
