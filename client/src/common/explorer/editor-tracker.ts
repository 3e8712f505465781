// The last focused text editor that snippets can go into. While the explorer has focus
// window.activeTextEditor is undefined, so the explorer cannot ask for it at click time.
import * as vscode from 'vscode';
import type { SnippetFramework } from '../../../../webview/src/protocol';
import { frameworkOf } from './snippet';

export class LastEditorTracker implements vscode.Disposable {
  private editor: vscode.TextEditor | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor() {
    this.consider(vscode.window.activeTextEditor);
    this.disposables.push(
      this.changed,
      vscode.window.onDidChangeActiveTextEditor(e => this.consider(e)),
      vscode.workspace.onDidCloseTextDocument(doc => {
        if (this.editor?.document === doc) {
          this.editor = undefined;
          this.changed.fire();
        }
      }),
    );
  }

  private consider(e: vscode.TextEditor | undefined): void {
    // undefined = focus went to a webview, panel or output: keep the last real editor.
    if (!e || frameworkOf(e.document.languageId, '') === null || e.document.uri.scheme === 'output') return;
    if (e === this.editor) return;
    this.editor = e;
    this.changed.fire();
  }

  /** The tracked editor, if its document is still open. */
  get current(): vscode.TextEditor | undefined {
    if (this.editor && this.editor.document.isClosed) this.editor = undefined;
    return this.editor;
  }

  framework(): SnippetFramework | null {
    const e = this.current;
    return e ? frameworkOf(e.document.languageId, e.document.getText()) : null;
  }

  fileName(): string | null {
    const e = this.current;
    if (!e) return null;
    const path = e.document.uri.path;
    return path.slice(path.lastIndexOf('/') + 1) || null;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
