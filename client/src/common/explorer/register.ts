// The Loss Explorer panel host: one panel, reused; restored after a reload by a serializer; every message
// from the page parsed before anything is done with it. Runs in both extension hosts (Node and web):
// files are written with workspace.fs, no Node API is used.
import * as vscode from 'vscode';
import {
  EXPLORER_VIEW_TYPE,
  PROTOCOL_VERSION,
  exportBytes,
  parseOpenArgs,
  parsePageMessage,
  type ExportMessage,
  type HostMessage,
  type OpenExplorerArgs,
} from '../../../../webview/src/protocol';
import { COMMANDS, TEST_COMMANDS } from '../../../../shared/src/commands';
import { LastEditorTracker } from './editor-tracker';
import { explorerHtml, makeNonce } from './html';
import { defaultLossSnippet, FRAMEWORK_LABELS } from '../selector/snippets';
import { insertLossSnippet } from '../commands/insert-snippet';

export interface ExplorerLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface LossExplorerOptions {
  /** Where ignored messages and failures are logged; the LossLens output channel in the extension. */
  log?: ExplorerLog;
}

export interface LossExplorer {
  /** Opens (or reveals) the panel and shows a loss, a rule's story or a view. Arguments are validated. */
  openExplorer(args?: OpenExplorerArgs): void;
  /** The panel, while one is open (tests). */
  readonly panel: vscode.WebviewPanel | undefined;
}

const TITLE = 'LossLens: Loss Explorer';
const EXPORT_FILTERS: Record<ExportMessage['format'], Record<string, string[]>> = {
  svg: { 'SVG image': ['svg'] },
  png: { 'PNG image': ['png'] },
  csv: { 'CSV data': ['csv'] },
};

const consoleLog: ExplorerLog = {
  info: m => console.log(`[LossLens explorer] ${m}`),
  warn: m => console.warn(`[LossLens explorer] ${m}`),
  error: m => console.error(`[LossLens explorer] ${m}`),
};

function preview(raw: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(raw) ?? String(raw);
  } catch {
    text = String(raw);
  }
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

export function registerLossExplorer(context: vscode.ExtensionContext, opts: LossExplorerOptions = {}): LossExplorer {
  const log = opts.log ?? consoleLog;
  const root = vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview');
  const webviewOptions: vscode.WebviewOptions & vscode.WebviewPanelOptions = {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [root],
  };
  const tracker = new LastEditorTracker();
  context.subscriptions.push(tracker);

  let panel: vscode.WebviewPanel | undefined;
  let ready = false;
  let pending: OpenExplorerArgs | undefined;
  /** What the panel was last asked to show, and how many snippets the page inserted (for the e2e suite). */
  let lastShow: OpenExplorerArgs | undefined;
  let inserted = 0;

  function post(msg: HostMessage): void {
    void panel?.webview.postMessage(msg);
  }
  function postEditorContext(): void {
    if (panel && ready) post({ v: PROTOCOL_VERSION, type: 'editorContext', framework: tracker.framework(), fileName: tracker.fileName() });
  }
  context.subscriptions.push(tracker.onDidChange(postEditorContext));

  function attach(p: vscode.WebviewPanel): void {
    panel = p;
    ready = false;
    p.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'icon.png');
    const webview = p.webview;
    webview.html = explorerHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'explorer.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'explorer.css')).toString(),
      nonce: makeNonce(),
    });
    const subs = [
      webview.onDidReceiveMessage(raw => void onMessage(raw)),
      // Without retainContextWhenHidden a hidden page is unloaded; it posts `ready` again when shown, and
      // until then messages wait in `pending` instead of being lost.
      p.onDidChangeViewState(e => {
        if (!e.webviewPanel.visible) ready = false;
      }),
      p.onDidDispose(() => {
        if (panel === p) {
          panel = undefined;
          ready = false;
        }
        for (const s of subs) s.dispose();
      }),
    ];
  }

  async function onMessage(raw: unknown): Promise<void> {
    const msg = parsePageMessage(raw);
    if (!msg) {
      log.warn(`ignored a malformed or unknown message from the explorer page: ${preview(raw)}`);
      return;
    }
    try {
      switch (msg.type) {
        case 'ready':
          ready = true;
          postEditorContext();
          if (pending) {
            post({ v: PROTOCOL_VERSION, type: 'show', args: pending });
            pending = undefined;
          }
          break;
        case 'export':
          await saveExport(msg);
          break;
        case 'insertSnippet':
          await insertSnippet(msg.lossId, msg.params);
          inserted++;
          break;
        case 'copySnippet':
          await copySnippet(msg.lossId, msg.params);
          break;
      }
    } catch (err) {
      const text = err instanceof Error ? err.message : String(err);
      log.error(`${msg.type} failed: ${text}`);
      void vscode.window.showErrorMessage(`LossLens: ${text}`);
    }
  }

  async function saveExport(msg: ExportMessage): Promise<void> {
    const folder = tracker.current ? vscode.Uri.joinPath(tracker.current.document.uri, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      title: `Export ${msg.format.toUpperCase()}`,
      saveLabel: 'Export',
      filters: EXPORT_FILTERS[msg.format],
      defaultUri: folder && folder.scheme !== 'untitled' ? vscode.Uri.joinPath(folder, msg.suggestedName) : undefined,
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, exportBytes(msg));
    log.info(`exported ${msg.format} to ${target.toString(true)}`);
    void vscode.window.showInformationMessage(`LossLens: saved ${target.path.slice(target.path.lastIndexOf('/') + 1)}`);
  }

  async function insertSnippet(lossId: string, params: Record<string, number>): Promise<void> {
    const editor = tracker.current;
    const framework = tracker.framework();
    if (!editor || !framework) {
      void vscode.window.showWarningMessage(
        'LossLens: click into a Python, TypeScript or JavaScript editor first, then use "Insert snippet" again.',
      );
      return;
    }
    const snippet = defaultLossSnippet(lossId, framework, params);
    if (!snippet) {
      void vscode.window.showWarningMessage(`LossLens: no ${FRAMEWORK_LABELS[framework]} snippet for '${lossId}'.`);
      return;
    }
    const shown = await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
    // The selector's insertion: the snippet at the cursors plus the imports the file lacks, one undo step.
    await insertLossSnippet(shown, snippet);
  }

  async function copySnippet(lossId: string, params: Record<string, number>): Promise<void> {
    const framework = tracker.framework() ?? 'torch';
    const snippet = defaultLossSnippet(lossId, framework, params) ?? defaultLossSnippet(lossId, 'torch', params);
    if (!snippet) {
      void vscode.window.showWarningMessage(`LossLens: no snippet for '${lossId}'.`);
      return;
    }
    await vscode.env.clipboard.writeText(snippet.plain);
    void vscode.window.setStatusBarMessage(`LossLens: copied the ${FRAMEWORK_LABELS[framework]} snippet`, 3000);
  }

  function openExplorer(args: OpenExplorerArgs = {}): void {
    const checked = parseOpenArgs(args);
    if (!checked) log.warn(`openExplorer: ignored invalid arguments ${preview(args)}`);
    const show = checked ?? {};
    lastShow = show;
    if (panel) {
      panel.reveal(undefined, false);
    } else {
      attach(
        vscode.window.createWebviewPanel(
          EXPLORER_VIEW_TYPE,
          TITLE,
          { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
          webviewOptions,
        ),
      );
    }
    const meaningful = show.lossId !== undefined || show.ruleId !== undefined || show.view !== undefined;
    if (!meaningful) return;
    if (ready) post({ v: PROTOCOL_VERSION, type: 'show', args: show });
    else pending = show;
  }

  context.subscriptions.push(
    // From the palette there is no argument; from a command link (hover) or code action there is one.
    vscode.commands.registerCommand(COMMANDS.openExplorer, (args?: unknown) => openExplorer(args as OpenExplorerArgs | undefined)),
    // Not contributed: lets the e2e suite see that the page loaded (it posted `ready`) and what it shows.
    vscode.commands.registerCommand(TEST_COMMANDS.explorerState, () => ({ open: panel !== undefined, ready, lastShow, inserted })),
    vscode.window.registerWebviewPanelSerializer(EXPLORER_VIEW_TYPE, {
      async deserializeWebviewPanel(restored: vscode.WebviewPanel): Promise<void> {
        // The page restores its own state with getState; a second panel is closed so that one stays.
        if (panel && panel !== restored) {
          restored.dispose();
          return;
        }
        restored.webview.options = webviewOptions;
        attach(restored);
      },
    }),
    { dispose: () => panel?.dispose() },
  );

  return {
    openExplorer,
    get panel() {
      return panel;
    },
  };
}
