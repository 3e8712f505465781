// A minimal LSP client for protocol tests: spawns `node dist/server.js --stdio` and speaks
// JSON-RPC with vscode-languageserver-protocol, like an editor would.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { readFileRequest } from '../../shared/src/protocol';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type ClientCapabilities,
  type PublishDiagnosticsParams,
  type InitializeResult,
} from 'vscode-languageserver-protocol/node';

/** The built artefacts; LOSSLENS_DIST points elsewhere when testing a separate build. */
export const DIST = resolve(process.env.LOSSLENS_DIST ?? join(__dirname, '..', '..', '..', 'dist'));

export interface ServerOptions {
  pullDiagnostics: boolean;
  /** `workspace/configuration` answers: section → value (by scopeUri if a function). */
  settings?: (scopeUri: string | undefined) => unknown;
  workspaceFolders?: { uri: string; name: string }[];
  /** Fields of the `initialize` request that replace the defaults (to speak like a given client). */
  initialize?: Record<string, unknown>;
}

export class TestClient {
  readonly connection: ProtocolConnection;
  readonly published: PublishDiagnosticsParams[] = [];
  readonly notifications: { method: string; params: unknown }[] = [];
  readonly warnings: string[] = [];
  readonly logs: string[] = [];
  readonly stderr: string[] = [];
  refreshes = 0;
  private readonly waiters: (() => void)[] = [];
  readonly exited: Promise<number | null>;

  private constructor(
    readonly proc: ChildProcessWithoutNullStreams,
    readonly options: ServerOptions,
  ) {
    this.connection = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    this.exited = new Promise(r => proc.on('exit', code => r(code)));
    proc.stderr.on('data', d => this.stderr.push(String(d)));
    const c = this.connection;
    c.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.push(p);
      this.wake();
    });
    c.onNotification('window/showMessage', (p: { type: number; message: string }) => {
      if (p.type === 2) this.warnings.push(p.message);
      this.wake();
    });
    c.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
      this.wake();
    });
    // vscode-jsonrpc's catch-all handler (not in ProtocolConnection's typings): custom notifications such as losslens/status.
    const onAny = c.onNotification.bind(c) as unknown as (handler: (method: string, params: unknown) => void) => void;
    onAny((method, params) => {
      this.notifications.push({ method, params });
      this.wake();
    });
    c.onRequest('workspace/configuration', (p: { items: { scopeUri?: string; section?: string }[] }) =>
      p.items.map(i => (options.settings ? options.settings(i.scopeUri) : null)),
    );
    c.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      this.wake();
      return null;
    });
    c.onRequest('window/workDoneProgress/create', () => null);
    c.onRequest('client/registerCapability', () => null);
    c.onRequest(readFileRequest, () => null);
    c.onNotification('$/progress', () => undefined);
    c.listen();
  }

  static async start(options: ServerOptions): Promise<{ client: TestClient; init: InitializeResult }> {
    const server = join(DIST, 'server.js');
    if (!existsSync(server)) throw new Error(`${server} is missing: run npm run build first`);
    const proc = spawn(process.execPath, [server, '--stdio'], { stdio: 'pipe' });
    const client = new TestClient(proc, options);
    const capabilities: ClientCapabilities = {
      textDocument: {
        synchronization: { dynamicRegistration: false },
        publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, dataSupport: true },
        ...(options.pullDiagnostics ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
      },
      workspace: {
        configuration: options.settings !== undefined,
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
        ...(options.pullDiagnostics ? { diagnostics: { refreshSupport: true } } : {}),
        workspaceFolders: true,
      },
      window: { workDoneProgress: true, showMessage: {} },
    };
    const init = (await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: options.workspaceFolders?.[0]?.uri ?? null,
      workspaceFolders: options.workspaceFolders ?? null,
      capabilities,
      ...options.initialize,
    })) as InitializeResult;
    await client.connection.sendNotification('initialized', {});
    return { client, init };
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  /** Waits until `predicate` holds (checked after every message), or fails after `ms`. */
  async waitFor<T>(what: string, predicate: () => T | undefined | false, ms = 10_000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const v = predicate();
      if (v) return v;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; stderr: ${this.stderr.join('')}; logs: ${this.logs.join('\n')}`);
      await new Promise<void>(r => {
        const t = setTimeout(r, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(t);
          r();
        });
      });
    }
  }

  open(uri: string, text: string, languageId = 'python', version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  pull(uri: string): Promise<{ kind: string; items: import('vscode-languageserver-protocol').Diagnostic[] }> {
    return this.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  }

  async shutdown(): Promise<number | null> {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }

  kill(): void {
    if (this.proc.exitCode === null) this.proc.kill();
  }
}
