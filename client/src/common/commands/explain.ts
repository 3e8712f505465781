// "Explain Loss at Cursor": the server's hover for the loss under the cursor (asked through
// vscode.executeHoverProvider) plus the catalog's explanation, shown as a read-only markdown preview.
import * as vscode from 'vscode';
import { catalog, getCatalogEntry } from '../../../../core/src/knowledge';
import { decideFramework } from '../selector/imports';
import { explainMarkdown } from './explain-markdown';
import { lossAtCursor } from './loss-at-cursor';

export const EXPLAIN_SCHEME = 'losslens-explain';

/** Holds the generated pages; registered once in `registerLossLensCommands`. */
export class ExplainPages implements vscode.TextDocumentContentProvider {
  private readonly pages = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.pages.get(uri.toString()) ?? '';
  }

  set(uri: vscode.Uri, markdown: string): void {
    this.pages.set(uri.toString(), markdown);
    this.changed.fire(uri);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function hoverText(hover: vscode.Hover): string {
  return hover.contents
    .map(c =>
      typeof c === 'string'
        ? c
        : c instanceof vscode.MarkdownString
          ? c.value
          : 'value' in c
            ? `\`\`\`${c.language}\n${c.value}\n\`\`\``
            : '',
    )
    .join('\n\n');
}

/** The LossLens hover among all providers' hovers: the one naming LossLens or the loss's title. */
function lossLensHover(hovers: readonly vscode.Hover[], title: string | undefined): { text: string; title?: string } | undefined {
  for (const h of hovers) {
    const text = hoverText(h);
    // Hover markdown escapes punctuation in titles; compare without the escapes.
    const plain = text.replace(/\\(.)/g, '$1');
    if (title && plain.includes(title)) return { text, title };
    const named = catalog.find(e => plain.includes(e.title));
    if (/LossLens/.test(text) || (!title && named)) return { text, title: named?.title };
  }
  return undefined;
}

export interface ExplainResult {
  lossId: string;
  uri: vscode.Uri;
  usedHover: boolean;
}

export async function explainLossAtCursor(pages: ExplainPages, editor: vscode.TextEditor | undefined): Promise<ExplainResult | undefined> {
  if (!editor) {
    void vscode.window.showInformationMessage(
      'LossLens: open a Python, TypeScript or JavaScript file and put the cursor on a loss function.',
    );
    return undefined;
  }
  const doc = editor.document;
  const position = editor.selection.active;
  const hit = lossAtCursor(doc.getText(), doc.offsetAt(position));
  const hitTitle = hit ? getCatalogEntry(hit.lossId)?.title : undefined;
  let hovers: vscode.Hover[] = [];
  try {
    hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position)) ?? [];
  } catch {
    // No hover providers (or the server is restarting): the catalog explanation alone still helps.
  }
  const hover = lossLensHover(hovers, hitTitle);
  const lossId = hit?.lossId ?? catalog.find(e => e.title === hover?.title)?.id;
  if (!lossId) {
    void vscode.window.showInformationMessage(
      'LossLens: no loss function at the cursor. Put it on a loss such as nn.CrossEntropyLoss, keras.losses.Huber or tf.losses.huberLoss.',
    );
    return undefined;
  }
  const decision = decideFramework(doc.languageId, doc.getText());
  const markdown = explainMarkdown({
    lossId,
    hoverMarkdown: hover?.text,
    params: hit?.params,
    framework: decision.kind === 'known' ? decision.framework : undefined,
  });
  const uri = vscode.Uri.from({ scheme: EXPLAIN_SCHEME, path: `/${lossId}.md` });
  pages.set(uri, markdown);
  try {
    await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
  } catch {
    // Without the built-in markdown extension the source is still readable.
    await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }
  return { lossId, uri, usedHover: hover !== undefined };
}
