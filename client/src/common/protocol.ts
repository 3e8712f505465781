/**
 * Custom LSP messages between the LossLens client and server. The server owns the meaning; these
 * shapes are the wire contract both sides agree on.
 */

/** Server → client notification: what the server is doing right now (drives the status bar). */
export const statusNotification = 'losslens/status';
export type ServerState = 'ready' | 'busy' | 'error';
export interface StatusParams {
  state: ServerState;
  message?: string;
}

/**
 * Server → client request: read a file the server has not got open. The web worker has no file
 * system, so it asks the client, which reads through `vscode.workspace.fs` (any scheme).
 */
export const readFileRequest = 'losslens/readFile';
export interface ReadFileParams {
  uri: string;
}
export type ReadFileResult = { text: string } | null;

/** Sent in `initialize`: the web worker starts from a blob: URL and cannot find its own files. */
export interface InitializationOptions {
  extensionUri: string;
}
