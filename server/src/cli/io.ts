// The CLI's I/O words: files are read synchronously (a one-shot run has nothing else to do meanwhile,
// and each awaited read cost an event-loop round trip), and an error becomes the words printed after
// "cannot read file:".
import { readRegularFileSync } from '../node/regular-file';

export function readTextFile(path: string): { text: string } | { error: string } {
  try {
    return { text: readRegularFileSync(path) };
  } catch (e) {
    return { error: `cannot read file: ${ioMessage(e)}` };
  }
}

export function ioMessage(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'EACCES' || err?.code === 'EPERM') return 'permission denied';
  if (err?.code === 'ENOENT') return 'no such file or directory';
  if (err?.code === 'EISDIR') return 'is a directory';
  if (err?.code === 'ENOTREG') return err.message;
  return err?.code ?? (e instanceof Error ? e.message : String(e));
}

/** What the CLI prints for an exception: its message (stack traces are for bug reports, not for users). */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
