// Open documents with incremental sync. vscode-languageserver's TextDocuments manager hides the
// content changes, and the parsers want them for incremental re-parsing, so this keeps its own.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { ContentChange } from '../parse/frontend';

export class OpenDocuments {
  private readonly docs = new Map<string, TextDocument>();

  open(uri: string, languageId: string, version: number, text: string): TextDocument {
    const doc = TextDocument.create(uri, languageId, version, text);
    this.docs.set(uri, doc);
    return doc;
  }

  /** Applies the edits in order and returns them in the front ends' shape. */
  change(
    uri: string,
    version: number,
    changes: readonly TextDocumentContentChangeEvent[],
  ): { doc: TextDocument; changes: ContentChange[] } | undefined {
    const doc = this.docs.get(uri);
    if (!doc) return undefined;
    TextDocument.update(doc, changes as TextDocumentContentChangeEvent[], version);
    const out: ContentChange[] = changes.map(c => ('range' in c && c.range ? { range: c.range, text: c.text } : { text: c.text }));
    return { doc, changes: out };
  }

  close(uri: string): void {
    this.docs.delete(uri);
  }

  get(uri: string): TextDocument | undefined {
    return this.docs.get(uri);
  }

  all(): TextDocument[] {
    return [...this.docs.values()];
  }
}
