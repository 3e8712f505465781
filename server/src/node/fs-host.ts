// FileHost over the local file system, for the desktop server and the CLI.
import { fileURLToPath } from 'node:url';
import type { FileHost } from '../workspace/host';
import { readRegularFile } from './regular-file';

/**
 * Reads `file:` URIs from disk; other schemes go to `fallback` (the desktop server asks the
 * client for them) or are reported missing. Unreadable files, and anything but a regular file under
 * the size cap (a FIFO, a device), are missing, never an exception.
 */
export function createFsFileHost(fallback?: FileHost): FileHost {
  return {
    async readFile(uri: string): Promise<string | undefined> {
      if (!uri.startsWith('file:')) return fallback ? fallback.readFile(uri) : undefined;
      let path: string;
      try {
        path = fileURLToPath(uri);
      } catch {
        return undefined;
      }
      try {
        return await readRegularFile(path);
      } catch {
        return undefined;
      }
    },
  };
}
