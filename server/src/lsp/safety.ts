// The server must never die because of one bad document or rule: every handler goes through here.

export type Log = (message: string) => void;

export function errorText(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

/** Runs `fn`; on a throw or rejection logs it and returns `fallback()`. */
export async function guarded<T>(what: string, log: Log, fn: () => T | Promise<T>, fallback: () => T): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    log(`LossLens: ${what} failed: ${errorText(e)}`);
    return fallback();
  }
}

/** Synchronous variant for notification handlers. */
export function guardedSync(what: string, log: Log, fn: () => void): void {
  try {
    fn();
  } catch (e) {
    log(`LossLens: ${what} failed: ${errorText(e)}`);
  }
}
