// The CLI's FileHost. Import resolution probes many candidate paths (`a/b.py`, `a/b/__init__.py`,
// …) and most do not exist; during one run the tree does not change, so each folder is listed
// once and missing candidates never touch the disk again.
import { readdirSync } from 'node:fs';
import { dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileHost } from '../workspace/host';
import { readRegularFileSync } from '../node/regular-file';

/** A FileHost whose reads are also available synchronously (`readNow`), for the relevance pre-check. */
export interface ListingFileHost extends FileHost {
  readNow(uri: string): string | undefined;
}

export function createListingFileHost(): ListingFileHost {
  const listings = new Map<string, Set<string> | null>();
  const listing = (dir: string): Set<string> | null => {
    let l = listings.get(dir);
    if (l === undefined) {
      try {
        l = new Set(readdirSync(dir));
      } catch {
        l = null;
      }
      listings.set(dir, l);
    }
    return l;
  };
  const readNow = (uri: string): string | undefined => {
    if (!uri.startsWith('file:')) return undefined;
    let path: string;
    try {
      path = fileURLToPath(uri);
    } catch {
      return undefined;
    }
    if (!listing(dirname(path))?.has(basename(path))) return undefined;
    try {
      // Synchronous: a one-shot run has nothing else to do meanwhile, and each awaited read left the
      // thread idle for an event-loop round trip (~10 % of a whole-repository run).
      return readRegularFileSync(path);
    } catch {
      return undefined;
    }
  };
  return { readNow, readFile: async uri => readNow(uri) };
}
