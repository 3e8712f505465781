// The language server, shared by the Node entry (stdio / IPC) and the Web Worker entry: wires
// documents, settings, project configuration and the analysis workspace to LSP messages.
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
  type FileEvent,
  type InitializeParams,
  type InitializeResult,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver';
import type { AnalysisWorkspace } from '../analysis/workspace';
import { createAnalysisWorkspace, mergeFindings } from '../analysis/index';
import { runRules } from '../rules/run';
import type { ContentChange, FrontEnd, LanguageId } from '../parse/frontend';
import { languageOfPath } from '../parse/frontend';
import type { FileHost } from '../workspace/host';
import { ProjectConfigLoader, isConfigFile, type ProjectConfig } from '../config/project-config';
import { decodePath } from '../base/uri';
import { lintFile, type Analysis } from '../lint/pipeline';
import { skipReason, limitedHost } from '../lint/limits';
import { OpenDocuments } from './documents';
import { TextPositions } from './text-positions';
import { SettingsStore } from './settings-store';
import { StatusReporter } from './status';
import { ImportIndexer } from './import-indexer';
import { toDiagnostic, configProblemDiagnostic } from './diagnostics';
import { guarded, guardedSync, errorText } from './safety';
import { provideHover, type HoverClientInfo } from './hover';
import { provideCodeActions, FIX_ALL_KIND } from './code-actions';
import { registerRulesRequest } from './rules-request';
import { registerRuleDocRequest } from './rule-doc-request';
import { stampDocumentVersions } from './code-actions/versions';
import type { FeatureContext } from './feature-context';
import type { InitializationOptions } from '../../../shared/src/protocol';
import { NotebookSync, notebookDocumentSync } from './notebooks';

/** See WorkspaceOptions.frontEnd: with `text`, the TypeScript front end loads only for TS/JS that uses TF.js. */
export type FrontEndProvider = (language: 'python' | 'typescript', text?: string) => FrontEnd | undefined;

/** What differs between Node and the browser. */
export interface ServerAdapters {
  /** Reads files that are not open (fs in Node, the client in the browser). */
  createFileHost(connection: Connection): FileHost;
  /** Loads the parsers; the web build finds its wasm through `initializationOptions.extensionUri`. */
  loadFrontEnds(params: InitializeParams, log: (message: string) => void): Promise<FrontEndProvider>;
  version?: string;
}

const LANGUAGE_IDS = new Set<LanguageId>(['python', 'typescript', 'javascript', 'typescriptreact', 'javascriptreact']);
const PUSH_DELAY_MS = 150;
const REFRESH_DELAY_MS = 250;
const IMPORTS_DELAY_MS = 300;

export function startServer(connection: Connection, adapters: ServerAdapters): void {
  new LossLensServer(connection, adapters).listen();
}

class LossLensServer {
  private readonly documents = new OpenDocuments();
  private readonly notebooks: NotebookSync;
  private readonly positions = new TextPositions(this.documents);
  private readonly status: StatusReporter;
  private settings!: SettingsStore;
  private indexer!: ImportIndexer;
  private host!: FileHost;
  private configs!: ProjectConfigLoader;
  private workspace: AnalysisWorkspace | undefined;
  private frontEnds: FrontEndProvider | undefined;
  private ready: Promise<void> = Promise.resolve();
  private roots: string[] = [];

  private pullMode = false;
  /** The client's hover formats (markdown / plaintext), for hovers that must fall back to text. */
  private hoverFormats: readonly string[] | undefined;
  private refreshSupported = false;
  private watchRegistration = false;
  private configRegistration = false;

  /** Documents whose current text the workspace holds (so edits can be passed incrementally). */
  private readonly fed = new Set<string>();
  /** Edits received but not parsed yet, in order. */
  private readonly pending = new Map<string, ContentChange[]>();
  private readonly lastGood = new Map<string, Diagnostic[]>();
  private readonly skipLogged = new Map<string, string>();
  private readonly publishedConfig = new Map<string, string>();
  private readonly pushTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly importTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly adapters: ServerAdapters,
  ) {
    this.status = new StatusReporter(connection);
    // A notebook's Python cells are analysed as one open document under the notebook's URI.
    this.notebooks = new NotebookSync(connection, {
      openDocument: (uri, version, text) => this.opened(uri, 'python', version, text),
      changeDocument: (uri, version, changes) => this.changed(uri, version, changes),
      closeDocument: uri => this.closed(uri),
      documentVersion: uri => this.documents.get(uri)?.version,
      diagnose: uri => this.diagnose(uri),
      pullMode: () => this.pullMode,
      refreshSupported: () => this.refreshSupported,
      logError: this.logError,
    });
  }

  private readonly log = (message: string): void => this.connection.console.log(message);
  private readonly logError = (message: string): void => this.connection.console.error(message);

  listen(): void {
    const c = this.connection;
    c.onInitialize(params => this.initialize(params));
    c.onInitialized(() => guardedSync('initialized', this.logError, () => this.initialized()));
    // An open notebook's URI holds its cells' program: the .ipynb opened as JSON text must not replace it.
    c.onDidOpenTextDocument(p =>
      guardedSync('didOpen', this.logError, () => {
        const d = p.textDocument;
        // Checked here: a malformed document in the store would break every later check.
        if (typeof d?.uri !== 'string' || typeof d.text !== 'string' || typeof d.languageId !== 'string' || !Number.isInteger(d.version)) {
          this.logError(`LossLens: didOpen without text, languageId or version for ${String(d?.uri)}: ignored.`);
          return;
        }
        if (!this.notebooks.isNotebook(d.uri)) this.opened(d.uri, d.languageId, d.version, d.text);
      }),
    );
    c.onDidChangeTextDocument(p =>
      guardedSync('didChange', this.logError, () => {
        if (!this.notebooks.isNotebook(p.textDocument.uri)) this.changed(p.textDocument.uri, p.textDocument.version, p.contentChanges);
      }),
    );
    this.notebooks.listen();
    c.onDidCloseTextDocument(p =>
      guardedSync('didClose', this.logError, () => {
        if (!this.notebooks.isNotebook(p.textDocument.uri)) this.closed(p.textDocument.uri);
      }),
    );
    c.onDidChangeConfiguration(p => guardedSync('didChangeConfiguration', this.logError, () => this.configurationChanged(p.settings)));
    c.onDidChangeWatchedFiles(p => guardedSync('didChangeWatchedFiles', this.logError, () => this.filesChanged(p.changes)));
    c.languages.diagnostics.on(async p => {
      const uri = p.textDocument.uri;
      if (this.notebooks.notebookOfCell(uri))
        return {
          kind: 'full',
          items: await guarded(
            'diagnostics',
            this.logError,
            () => this.notebooks.pullCell(uri),
            () => [],
          ),
        };
      const items = await guarded(
        'diagnostics',
        this.logError,
        () => this.diagnose(uri),
        () => this.lastGood.get(uri) ?? [],
      );
      return { kind: 'full', items };
    });
    c.onHover(p =>
      guarded(
        'hover',
        this.logError,
        () => this.notebooks.hover(p, q => provideHover(this.featureContext(), q)),
        () => null,
      ),
    );
    c.onCodeAction(p =>
      guarded(
        'codeAction',
        this.logError,
        () => this.notebooks.codeActions(p, q => provideCodeActions(this.featureContext(), q)),
        () => [],
      ),
    );
    registerRulesRequest(c, { settings: uri => this.settings.get(uri), project: uri => this.configs.forFile(uri) }, this.logError);
    registerRuleDocRequest(c, this.logError);
    c.onShutdown(() =>
      guardedSync('shutdown', this.logError, () => {
        for (const t of [...this.pushTimers.values(), ...this.importTimers.values()]) clearTimeout(t);
        if (this.refreshTimer) clearTimeout(this.refreshTimer);
        for (const uri of this.fed) this.workspace?.remove(uri);
        this.fed.clear();
      }),
    );
    c.listen();
  }

  private initialize(params: InitializeParams): InitializeResult {
    const caps = params.capabilities;
    this.pullMode = caps.textDocument?.diagnostic !== undefined;
    this.hoverFormats = caps.textDocument?.hover?.contentFormat;
    this.refreshSupported = caps.workspace?.diagnostics?.refreshSupport === true;
    this.watchRegistration = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    this.configRegistration = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    this.settings = new SettingsStore(this.connection, caps.workspace?.configuration === true, options.settings);
    this.indexer = new ImportIndexer(this.connection, this.status, this.log, caps.window?.workDoneProgress === true);
    // Huge and binary files are declined instead of parsed.
    this.host = this.positions.recording(
      limitedHost(
        this.adapters.createFileHost(this.connection),
        uri => this.settings.peek(uri).maxFileSize,
        (uri, reason) => this.logSkip(uri, reason),
      ),
    );
    this.configs = new ProjectConfigLoader(this.host);
    this.roots = (params.workspaceFolders ?? []).map(f => trimSlash(f.uri));
    if (this.roots.length === 0 && params.rootUri) this.roots = [trimSlash(params.rootUri)];

    this.status.set('busy', 'Loading parsers');
    this.ready = this.adapters.loadFrontEnds(params, this.log).then(
      provider => {
        this.frontEnds = provider;
        this.createWorkspace();
        this.status.set('ready');
      },
      e => {
        this.logError(`LossLens: the parsers could not be loaded: ${errorText(e)}`);
        this.status.set('error', 'The parsers could not be loaded (see the LossLens output)');
      },
    );

    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        notebookDocumentSync,
        diagnosticProvider: { identifier: 'losslens', interFileDependencies: true, workspaceDiagnostics: false },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'LossLens', version: this.adapters.version },
    };
  }

  private initialized(): void {
    if (this.configRegistration) {
      void this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'losslens' }).catch(() => undefined);
    }
    if (this.watchRegistration) {
      void this.connection.client
        .register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: '**/{pyproject,losslens}.toml' }, { globPattern: '**/*.{py,pyi,ts,tsx,mts,cts,js,jsx,mjs,cjs}' }],
        })
        .catch(() => undefined);
    }
    try {
      this.connection.workspace.onDidChangeWorkspaceFolders(e =>
        guardedSync('workspaceFolders', this.logError, () => {
          const removed = new Set(e.removed.map(f => trimSlash(f.uri)));
          this.roots = [...this.roots.filter(r => !removed.has(r)), ...e.added.map(f => trimSlash(f.uri))];
          this.createWorkspace();
          this.refreshAll();
        }),
      );
    } catch {
      // The client does not support workspace folders.
    }
  }

  private createWorkspace(): void {
    if (!this.frontEnds) return;
    for (const uri of this.fed) this.workspace?.remove(uri);
    this.fed.clear();
    this.workspace = createAnalysisWorkspace({ runRules, host: this.host, roots: this.roots, frontEnd: this.frontEnds });
    for (const doc of this.documents.all()) {
      this.feed(doc.uri);
      this.resolveImports(doc.uri, true);
    }
  }

  /** Parses the queued edits of every open document (imports of the one being checked included). */
  private flushAll(): void {
    for (const uri of [...this.pending.keys()]) this.flush(uri);
  }

  private flush(uri: string): void {
    const changes = this.pending.get(uri);
    if (!changes) return;
    this.pending.delete(uri);
    this.feed(uri, changes);
  }

  /** Passes an open document's current text (and the edits that led to it) to the workspace. */
  private feed(uri: string, changes?: readonly ContentChange[]): void {
    this.pending.delete(uri);
    const doc = this.documents.get(uri);
    const ws = this.workspace;
    if (!doc || !ws) return;
    const languageId = analysedLanguage(doc.languageId, uri);
    if (!languageId) return;
    const text = doc.getText();
    const reason = skipReason(text, this.settings.peek(uri).maxFileSize);
    if (reason) {
      // With the defaults (the document's settings not read yet) the reason may not hold: not logged.
      if (this.settings.known(uri)) this.logSkip(uri, reason);
      if (this.fed.delete(uri)) ws.remove(uri);
      return;
    }
    try {
      ws.update(uri, text, languageId, this.fed.has(uri) ? changes : undefined);
      this.fed.add(uri);
    } catch (e) {
      this.logError(`LossLens: parsing ${uri} failed: ${errorText(e)}`);
      this.fed.delete(uri);
      try {
        ws.remove(uri);
      } catch {
        /* already gone */
      }
    }
  }

  private logSkip(uri: string, reason: string): void {
    if (this.skipLogged.get(uri) === reason) return;
    this.skipLogged.set(uri, reason);
    this.log(`LossLens: skipping ${uri}: ${reason}.`);
  }

  private resolveImports(uri: string, showProgress: boolean): void {
    this.flush(uri);
    const ws = this.workspace;
    if (!ws || !this.fed.has(uri)) return;
    void this.indexer.schedule(ws, uri, showProgress).then(() => {
      // Files read for this document may change what other open documents see.
      this.afterImports(uri);
      // Then the files that call into it (its own findings did not wait for them).
      void this.indexer.callers(ws, uri).then(found => {
        if (!found || !this.documents.get(uri)) return;
        if (this.pullMode) this.scheduleRefresh();
        else this.schedulePush(uri);
      });
    });
  }

  private resolveImportsSoon(uri: string): void {
    const t = this.importTimers.get(uri);
    if (t) clearTimeout(t);
    this.importTimers.set(
      uri,
      setTimeout(() => {
        this.importTimers.delete(uri);
        guardedSync('resolveImports', this.logError, () => this.resolveImports(uri, false));
      }, IMPORTS_DELAY_MS),
    );
  }

  private afterImports(uri: string): void {
    if (!this.pullMode) this.schedulePush(uri);
  }

  /**
   * After a document changed: its own diagnostics, those of open documents importing it, and those of
   * open documents its importers (or itself) call into, whose findings from callers may change.
   */
  private afterEdit(uri: string): void {
    const dependents = this.openDependents(uri);
    for (const callee of this.openCallees(uri, dependents)) if (!dependents.includes(callee)) dependents.push(callee);
    if (this.pullMode) {
      if (dependents.length > 0) this.scheduleRefresh();
    } else {
      this.schedulePush(uri);
      for (const d of dependents) this.schedulePush(d);
    }
  }

  /** Open documents that `uri` or `dependents` import (their findings from callers may change). */
  private openCallees(uri: string, dependents: readonly string[]): string[] {
    const ws = this.workspace;
    if (!ws) return [];
    const out = new Set<string>();
    try {
      for (const d of [uri, ...dependents]) for (const c of ws.importClosure(d)) if (c !== uri && this.documents.get(c)) out.add(c);
    } catch (e) {
      this.logError(`LossLens: imports of ${uri} failed: ${errorText(e)}`);
    }
    return [...out];
  }

  private openDependents(uri: string): string[] {
    try {
      return (this.workspace?.dependents(uri) ?? []).filter(d => d !== uri && this.documents.get(d));
    } catch (e) {
      this.logError(`LossLens: dependents of ${uri} failed: ${errorText(e)}`);
      return [];
    }
  }

  private opened(uri: string, languageId: string, version: number, text: string): void {
    this.documents.open(uri, languageId, version, text);
    this.feed(uri);
    this.resolveImports(uri, true);
    this.afterEdit(uri);
  }

  private changed(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): void {
    const r = this.documents.change(uri, version, contentChanges);
    if (!r) return;
    // Parsing waits until something needs the result, so a burst of keystrokes parses once.
    const queued = this.pending.get(uri);
    if (queued) queued.push(...r.changes);
    else this.pending.set(uri, [...r.changes]);
    this.resolveImportsSoon(uri);
    this.afterEdit(uri);
  }

  private closed(uri: string): void {
    const dependents = this.openDependents(uri);
    this.documents.close(uri);
    this.pending.delete(uri);
    this.settings.forget(uri);
    this.lastGood.delete(uri);
    this.skipLogged.delete(uri);
    const t = this.pushTimers.get(uri);
    if (t) {
      clearTimeout(t);
      this.pushTimers.delete(uri);
    }
    if (this.fed.delete(uri)) this.workspace?.remove(uri);
    // The file on disk is the truth again for documents that import it.
    for (const d of dependents) this.resolveImports(d, false);
    if (!this.pullMode) void this.connection.sendDiagnostics({ uri, diagnostics: [] }).catch(() => undefined);
  }

  private configurationChanged(pushed: unknown): void {
    this.settings.changed(pushed);
    // maxFileSize may have changed: give every document a fresh start.
    for (const doc of this.documents.all()) {
      if (this.fed.delete(doc.uri)) this.workspace?.remove(doc.uri);
      this.feed(doc.uri);
      this.resolveImports(doc.uri, false);
    }
    this.refreshAll();
  }

  private filesChanged(changes: FileEvent[]): void {
    let configChanged = false;
    for (const ch of changes) {
      if (isConfigFile(ch.uri)) {
        configChanged = true;
        continue;
      }
      if (this.documents.get(ch.uri) || !languageOfPath(ch.uri) || !this.workspace) continue;
      // A file changed on disk that is not open: drop what was read so importers read it again.
      const dependents = this.openDependents(ch.uri);
      // Also when not loaded: a new or changed file may import (call into) open documents.
      this.workspace.remove(ch.uri);
      this.positions.forget(ch.uri);
      for (const d of dependents) this.resolveImports(d, ch.type !== FileChangeType.Deleted);
    }
    if (configChanged) this.configs.invalidate();
    this.refreshAll();
  }

  private refreshAll(): void {
    if (this.pullMode) this.scheduleRefresh();
    else for (const doc of this.documents.all()) this.schedulePush(doc.uri);
    void this.syncConfigProblems();
  }

  private scheduleRefresh(): void {
    this.notebooks.invalidate();
    if (!this.refreshSupported) return;
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      void this.connection.languages.diagnostics.refresh().catch(() => undefined);
    }, REFRESH_DELAY_MS);
  }

  private schedulePush(uri: string): void {
    const t = this.pushTimers.get(uri);
    if (t) clearTimeout(t);
    this.pushTimers.set(
      uri,
      setTimeout(() => {
        this.pushTimers.delete(uri);
        void this.push(uri);
      }, PUSH_DELAY_MS),
    );
  }

  private async push(uri: string): Promise<void> {
    const doc = this.documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const diagnostics = await guarded(
      'diagnostics',
      this.logError,
      () => this.diagnose(uri),
      () => this.lastGood.get(uri) ?? [],
    );
    // A newer edit has its own push scheduled; do not publish stale results over it.
    const now = this.documents.get(uri);
    if (!now || now.version !== version) return;
    if (this.notebooks.isNotebook(uri)) return this.notebooks.publish(uri, version, diagnostics);
    await this.connection.sendDiagnostics({ uri, version, diagnostics }).catch(() => undefined);
  }

  /** The diagnostics of an open document: the lint pipeline, with the editor's settings and incremental parsing. */
  private async diagnose(uri: string): Promise<Diagnostic[]> {
    await this.ready;
    const doc = this.documents.get(uri);
    const ws = this.workspace;
    const language = doc && analysedLanguage(doc.languageId, uri);
    if (!doc || !ws || !language) return [];
    const settings = await this.settings.get(uri);
    if (!settings.enable) return [];
    const text = this.documents.get(uri)?.getText();
    if (text === undefined) return [];
    let version = doc.version;
    const result = await lintFile(
      { uri, text, language },
      {
        configs: this.configs,
        settings: { maxFileSize: settings.maxFileSize, exclude: settings.exclude, roots: this.roots, rules: settings.rules },
        onProject: () => void this.syncConfigProblems(),
      },
      async () => {
        const analysis = await this.checkOpenDocument(uri, ws);
        if (analysis) version = analysis.version;
        return analysis;
      },
    );
    if (result.status === 'limit') this.logSkip(uri, result.reason);
    if (result.status !== 'linted') return [];
    if (result.error !== undefined) {
      this.logError(`LossLens: analysing ${uri} failed: ${errorText(result.error)}`);
      this.status.set('error', `Analysis failed for ${shortName(uri)} (see the LossLens output)`);
      return this.lastGood.get(uri) ?? [];
    }
    const converter = (u: string) => this.positions.converter(u);
    const diagnostics = result.findings.map(f => toDiagnostic(f, converter)).filter((d): d is Diagnostic => d !== undefined);
    stampDocumentVersions(diagnostics, uri, version, u => this.documents.get(u)?.version);
    this.lastGood.set(uri, diagnostics);
    return diagnostics;
  }

  /**
   * The parse → check stage for an open document: queued edits parsed, its imports resolved, then
   * the check. undefined: the document is gone or was declined (too large, a parse failure).
   */
  private async checkOpenDocument(uri: string, ws: AnalysisWorkspace): Promise<(Analysis & { version: number }) | undefined> {
    this.flushAll();
    // The settings may have arrived after the document was declined with the default maxFileSize:
    // fed now, its imports (skipped at didOpen) are resolved before the first check too.
    if (!this.fed.has(uri)) {
      this.feed(uri);
      if (this.fed.has(uri)) this.resolveImports(uri, false);
    }
    if (!this.fed.has(uri)) return undefined;
    await this.indexer.ready(uri);
    // From here on nothing waits for a message or I/O (only promise continuations run until the
    // diagnostics are made): the parsed text, the text returned for the suppression comments and the
    // positions all belong to this version.
    this.flushAll();
    const current = this.documents.get(uri);
    if (!current || !this.fed.has(uri)) return undefined;
    return { findings: mergeFindings(ws.check(uri), ws.callerFindings(uri)), text: current.getText(), version: current.version };
  }

  /** Publishes problems of every configuration file read so far, clearing fixed ones. */
  private async syncConfigProblems(): Promise<void> {
    const loaded = await guarded(
      'configuration',
      this.logError,
      () => this.configs.loaded(),
      () => [] as ProjectConfig[],
    );
    const seen = new Set<string>();
    for (const c of loaded) {
      seen.add(c.uri);
      const key = JSON.stringify(c.problems);
      if ((this.publishedConfig.get(c.uri) ?? '[]') === key) continue;
      this.publishedConfig.set(c.uri, key);
      if (c.problems.length)
        this.log(`LossLens: ${c.uri} has ${c.problems.length} configuration problem(s); the valid settings still apply.`);
      await this.connection.sendDiagnostics({ uri: c.uri, diagnostics: c.problems.map(configProblemDiagnostic) }).catch(() => undefined);
    }
    for (const [uri, key] of this.publishedConfig) {
      if (seen.has(uri) || key === '[]') continue;
      this.publishedConfig.set(uri, '[]');
      await this.connection.sendDiagnostics({ uri, diagnostics: [] }).catch(() => undefined);
    }
  }

  private featureContext(): FeatureContext & HoverClientInfo {
    return {
      hoverContentFormat: () => this.hoverFormats,
      document: uri => this.documents.get(uri),
      workspace: () => {
        this.flushAll();
        return this.workspace;
      },
      settings: uri => this.settings.get(uri),
      rawSettings: uri => this.settings.raw(uri),
      log: this.log,
      diagnose: uri => this.diagnose(uri),
    };
  }
}

function analysedLanguage(languageId: string, uri: string): LanguageId | undefined {
  if (LANGUAGE_IDS.has(languageId as LanguageId)) return languageId as LanguageId;
  return languageOfPath(uri.replace(/[?#].*$/, ''));
}

function trimSlash(uri: string): string {
  return uri.replace(/\/+$/, '');
}

function shortName(uri: string): string {
  return decodePath(uri.slice(uri.lastIndexOf('/') + 1));
}
