/**
 * How the analysis reads files that are not open in the editor: a Node implementation (fs) for the
 * CLI and the desktop server, and an LSP-client implementation (the client reads with
 * vscode.workspace.fs) for the web worker. URIs are `file:///…` or any scheme the client knows.
 */
export interface FileHost {
  /** The file's text, or undefined when it does not exist or cannot be read. */
  readFile(uri: string): Promise<string | undefined>;
  /**
   * The analysable files (Python, TS/JS) below a folder, recursively, without virtual environments,
   * dependencies and caches. Optional: without it, the callers of a file are found only among the
   * files already loaded (see `AnalysisWorkspace.resolveCallers`).
   */
  listFiles?(folderUri: string): Promise<string[]>;
}
