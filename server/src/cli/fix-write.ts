// Writing a fixed file atomically: the new text goes to a temporary file in the same folder (so
// the rename stays on one file system), keeps the original's permissions, and replaces the file
// with one rename. An interrupted or failed write leaves the original untouched.
import { writeFileSync, renameSync, statSync, unlinkSync, chmodSync, openSync, fsyncSync, closeSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';

export function writeFileAtomically(path: string, text: string): void {
  const mode = statSync(path).mode & 0o7777;
  const tmp = join(dirname(path), `.${basename(path)}.losslens-${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, text, { encoding: 'utf8', mode, flag: 'wx' });
    chmodSync(tmp, mode);
    const fd = openSync(tmp, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* never created */
    }
    throw e;
  }
}

export function writeErrorMessage(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'EACCES' || err?.code === 'EPERM') return 'permission denied';
  if (err?.code === 'EROFS') return 'read-only file system';
  if (err?.code === 'ENOSPC') return 'no space left on device';
  if (err?.code === 'ENOENT') return 'no such file or directory';
  return err?.code ?? (e instanceof Error ? e.message : String(e));
}
