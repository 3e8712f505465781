// FileHost over the local file system, for the desktop server and the CLI.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileHost } from '../workspace/host';
import { readRegularFile } from './regular-file';

/**
 * Reads `file:` URIs from disk; other schemes go to `fallback` (the desktop server asks the
 * client for them) or are reported missing. Unreadable files, and anything but a regular file under
 * the size cap (a FIFO, a device), are missing, never an exception.
 */
export function createFsFileHost(fallback?: FileHost): FileHost {
  return {
    listFiles,
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

/** Folders that hold no code of the project: dependencies, environments, caches. */
const SKIPPED_DIRS = new Set(['node_modules', '__pycache__', 'venv', 'site-packages']);
/** A folder this large is listed in part: finding callers is a convenience, not worth minutes of I/O. */
const MAX_LISTED = 20_000;
const CODE_FILE = /\.(py|[cm]?[jt]sx?)$/;

/** The Python and TS/JS files below a `file:` folder (hidden folders and virtual environments left out). */
async function listFiles(folderUri: string): Promise<string[]> {
  if (!folderUri.startsWith('file:')) return [];
  let root: string;
  try {
    root = fileURLToPath(folderUri);
  } catch {
    return [];
  }
  const out: string[] = [];
  const todo = [root];
  for (let dir = todo.pop(); dir !== undefined && out.length < MAX_LISTED; dir = todo.pop()) {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    if (entries.some(e => e.name === 'pyvenv.cfg')) continue;
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      if (e.isDirectory()) {
        if (!SKIPPED_DIRS.has(e.name)) todo.push(join(dir, e.name));
      } else if (e.isFile() && CODE_FILE.test(e.name) && !/\.d\.[cm]?ts$/.test(e.name)) out.push(pathToFileURL(join(dir, e.name)).href);
    }
  }
  return out;
}
