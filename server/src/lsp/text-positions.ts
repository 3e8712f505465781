// Offsets → LSP positions for every file a diagnostic may point into: open documents, and files
// the analysis read through the host (their text as it was read, so positions match the spans).
import type { Position } from 'vscode-languageserver';
import type { FileHost } from '../workspace/host';
import type { OpenDocuments } from './documents';
import { lineStarts, positionOf } from '../base/line-index';

const MAX_REMEMBERED = 2000;

export class TextPositions {
  private readonly readStarts = new Map<string, number[]>();

  constructor(private readonly documents: OpenDocuments) {}

  /** Wraps a host so that every text it returns is remembered (as line starts only). */
  recording(host: FileHost): FileHost {
    return {
      ...(host.listFiles && { listFiles: (folder: string) => host.listFiles!(folder) }),
      readFile: async uri => {
        const text = await host.readFile(uri);
        if (text !== undefined) {
          if (this.readStarts.size >= MAX_REMEMBERED) this.readStarts.delete(this.readStarts.keys().next().value!);
          this.readStarts.set(uri, lineStarts(text));
        }
        return text;
      },
    };
  }

  /** A converter for `uri`, or undefined when its text was never seen. */
  converter(uri: string): ((offset: number) => Position) | undefined {
    const doc = this.documents.get(uri);
    if (doc) return offset => doc.positionAt(offset);
    const starts = this.readStarts.get(uri);
    if (starts) return offset => positionOf(starts, offset);
    return undefined;
  }

  forget(uri: string): void {
    this.readStarts.delete(uri);
  }
}
