// The size and binary limits: files LossLens declines to analyse, with the reason shown to the user.
import type { FileHost } from '../workspace/host';

export function skipReason(text: string, maxFileSize: number): string | undefined {
  if (text.length > maxFileSize) {
    return `it is ${megabytes(text.length)}, above the ${megabytes(maxFileSize)} limit (setting losslens.maxFileSize)`;
  }
  // A NUL in the first 8 KB means a binary file was opened or imported by mistake.
  const head = text.length > 8192 ? text.slice(0, 8192) : text;
  if (head.includes('\u0000')) return 'it looks like a binary file';
  return undefined;
}

/**
 * A host that answers "missing" for files over the limits, so an import of a huge or binary file is
 * never parsed. `maxFileSize` is per file (the editor's setting may differ between folders).
 */
export function limitedHost(
  host: FileHost,
  maxFileSize: number | ((uri: string) => number),
  onSkip?: (uri: string, reason: string) => void,
): FileHost {
  const limit = typeof maxFileSize === 'number' ? () => maxFileSize : maxFileSize;
  return {
    ...(host.listFiles && { listFiles: (folder: string) => host.listFiles!(folder) }),
    readFile: async uri => {
      const text = await host.readFile(uri);
      if (text === undefined) return undefined;
      const reason = skipReason(text, limit(uri));
      if (reason) {
        onSkip?.(uri, reason);
        return undefined;
      }
      return text;
    },
  };
}

function megabytes(n: number): string {
  return `${(n / 1_000_000).toFixed(1)} MB`;
}
