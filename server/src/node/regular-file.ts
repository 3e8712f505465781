// Reading files a repository names (imports, configuration, cache dependencies): only regular files,
// up to a size cap. The file is opened non-blocking and checked on the open descriptor, so a FIFO,
// a device or a socket planted where an import looks never blocks a thread (or the whole libuv pool),
// and a file swapped for one between a check and the read is still refused.
import { openSync, fstatSync, readFileSync, closeSync, constants } from 'node:fs';
import { open } from 'node:fs/promises';

/**
 * Above this a file is never read: 3 bytes per character bounds the text under any plausible
 * `losslens.maxFileSize`, and the size limits in lint/limits.ts decide below it.
 */
export const MAX_READ_BYTES = 64_000_000;

// Windows has no O_NONBLOCK (and no FIFOs in the file system).
const FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export class NotRegularFileError extends Error {
  readonly code = 'ENOTREG';
  constructor(what: string) {
    super(what);
  }
}

function refusal(st: { isFile(): boolean; isDirectory(): boolean; size: number }, maxBytes: number): Error | undefined {
  if (st.isDirectory()) return Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  if (!st.isFile()) return new NotRegularFileError('not a regular file');
  const size = st.size;
  if (size > maxBytes) return new NotRegularFileError(`larger than ${maxBytes} bytes`);
  return undefined;
}

/** The UTF-8 text of a regular file; throws (ENOENT, EACCES, ENOTREG…) otherwise. */
export function readRegularFileSync(path: string, maxBytes = MAX_READ_BYTES): string {
  const fd = openSync(path, FLAGS);
  try {
    const st = fstatSync(fd);
    const bad = refusal(st, maxBytes);
    if (bad) throw bad;
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

/** The asynchronous `readRegularFileSync`. */
export async function readRegularFile(path: string, maxBytes = MAX_READ_BYTES): Promise<string> {
  const fh = await open(path, FLAGS);
  try {
    const st = await fh.stat();
    const bad = refusal(st, maxBytes);
    if (bad) throw bad;
    return await fh.readFile('utf8');
  } finally {
    await fh.close();
  }
}
