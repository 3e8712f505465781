// Custom messages between the LossLens client and server: the client imports these definitions
// (client/src/common/protocol.ts re-exports them), so both sides share one wire contract.

/** Server → client notification driving the status bar. */
export const statusNotification = 'losslens/status';
export type ServerState = 'ready' | 'busy' | 'error';
export interface StatusParams {
  state: ServerState;
  message?: string;
}

/** Server → client request: the web worker has no file system, the client reads for it. */
export const readFileRequest = 'losslens/readFile';
export interface ReadFileParams {
  uri: string;
}
export type ReadFileResult = { text: string } | null;

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
