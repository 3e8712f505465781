// Reading a file for `fix` and writing the fixed text back without losing anyone's work.
//
// Read: the bytes are decoded with the file's declared encoding (./source-encoding) and remembered
// as a snapshot (size, mtime, inode, SHA-256). Files fix must not rewrite are refused before any
// fix is applied, so their findings are reported as they are: a symbolic link whose target is
// outside the fixed folder, a file with several hard links (a rename would split them: the others
// would keep the old text), a read-only file, and an encoding that cannot be written back.
//
// Write: the new text goes to a temporary file in the same folder (the rename stays on one file
// system) with the original's mode and owner, and replaces the file with one rename. Right before
// the rename the file is read again: when its size, mtime or content changed since it was read (an
// editor saved it meanwhile), it is left as it is. A symbolic link is written through: its target is
// replaced, the link stays. An interrupted or failed write leaves the original untouched.
import {
  readFileSync,
  writeFileSync,
  renameSync,
  statSync,
  lstatSync,
  realpathSync,
  unlinkSync,
  chmodSync,
  chownSync,
  openSync,
  fsyncSync,
  closeSync,
  accessSync,
  constants,
  type Stats,
} from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { decodeSource, type SourceCodec } from './source-encoding';
import { ioMessage } from './io';
import { relativeUnder } from './paths';

interface Snapshot {
  size: number;
  mtimeMs: number;
  ino: number;
  hash: string;
}

/** A file read for fixing: its text, and what writing it back needs. */
export interface SourceFile {
  text: string;
  /** The path the rename replaces (a symbolic link's target). */
  realPath: string;
  codec?: SourceCodec;
  snapshot: Snapshot;
  /** Why fix must leave this file as it is (its findings are still reported). */
  refused?: string;
}

export class WriteSkipped extends Error {}

function snapshotOf(st: Stats, bytes: Uint8Array): Snapshot {
  return { size: st.size, mtimeMs: st.mtimeMs, ino: st.ino, hash: createHash('sha256').update(bytes).digest('hex') };
}

/** Reads `path` for fixing. `roots`: a symbolic link is written through only when its target is under one. */
export function readSourceFile(path: string, python: boolean, roots: readonly string[]): SourceFile | { error: string } {
  let bytes: Buffer;
  let st: Stats;
  let realPath: string;
  let link: Stats;
  try {
    link = lstatSync(path);
    realPath = realpathSync(path);
    st = statSync(realPath);
    bytes = readFileSync(realPath);
  } catch (e) {
    return { error: `cannot read file: ${ioMessage(e)}` };
  }
  const decoded = decodeSource(bytes, python);
  const file: SourceFile = { text: decoded.text, realPath, snapshot: snapshotOf(st, bytes) };
  if ('refused' in decoded) file.refused = `${decoded.refused}; fix leaves it unchanged`;
  else file.codec = decoded.codec;
  file.refused ??= refusal(path, realPath, link, st, roots);
  return file;
}

function refusal(path: string, realPath: string, link: Stats, st: Stats, roots: readonly string[]): string | undefined {
  if (link.isSymbolicLink() && !roots.some(r => relativeUnder(realPath, realRoot(r)) !== undefined)) {
    return 'it is a symbolic link to a file outside the folders being fixed; fix leaves it unchanged';
  }
  if (st.nlink > 1) {
    return `it has ${st.nlink} hard links, which rewriting it would split; fix leaves it unchanged (fix it through \`losslens fix --diff\` and a patch)`;
  }
  if ((st.mode & 0o222) === 0 || !writable(realPath)) return 'it is read-only; fix leaves it unchanged';
  return undefined;
}

function realRoot(root: string): string {
  try {
    return realpathSync(root);
  } catch {
    return root;
  }
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes `text` over a file read with `readSourceFile`. Throws `WriteSkipped` (the file is
 * unchanged, on purpose) or an I/O error (the file is unchanged too).
 */
export function writeSourceFile(file: SourceFile, text: string): void {
  if (file.refused) throw new WriteSkipped(file.refused);
  const bytes = file.codec ? file.codec.encode(text) : Buffer.from(text, 'utf8');
  if (!bytes) throw new WriteSkipped(`the fixed text cannot be written in ${file.codec!.name}; the file is unchanged`);
  const path = file.realPath;
  const st = statSync(path);
  const mode = st.mode & 0o7777;
  const tmp = join(dirname(path), `.${basename(path)}.losslens-${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, bytes, { mode, flag: 'wx' });
    chmodSync(tmp, mode);
    const mine = statSync(tmp);
    if (mine.uid !== st.uid || mine.gid !== st.gid) {
      try {
        chownSync(tmp, st.uid, st.gid);
      } catch {
        throw new WriteSkipped('it belongs to another user or group, which a rewrite would change; the file is unchanged');
      }
      // chown may clear set-user-ID and set-group-ID bits.
      chmodSync(tmp, mode);
    }
    const fd = openSync(tmp, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (changedSince(path, file.snapshot)) {
      throw new WriteSkipped('it changed on disk while fix was running; it is left as it is now (run `losslens fix` again)');
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

function changedSince(path: string, before: Snapshot): boolean {
  try {
    const st = statSync(path);
    if (st.size !== before.size || st.mtimeMs !== before.mtimeMs || st.ino !== before.ino) return true;
    return snapshotOf(st, readFileSync(path)).hash !== before.hash;
  } catch {
    return true;
  }
}

export function writeErrorMessage(e: unknown): string {
  if (e instanceof WriteSkipped) return e.message;
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'EACCES' || err?.code === 'EPERM') return 'permission denied';
  if (err?.code === 'EROFS') return 'read-only file system';
  if (err?.code === 'ENOSPC') return 'no space left on device';
  if (err?.code === 'ENOENT') return 'no such file or directory';
  return err?.code ?? (e instanceof Error ? e.message : String(e));
}
