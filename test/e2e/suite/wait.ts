// Polling helpers: the suite waits for state, never for a fixed time.

/**
 * Set by the bundler from LOSSLENS_E2E_TIMEOUT_FACTOR (default 1, 2 under CI=true): every wait of
 * the suite, mocha's per-test limit and the runner's own limits scale with it, so a slow or loaded
 * machine needs one knob, not a hunt through the tests.
 */
declare const E2E_TIMEOUT_FACTOR: number;

export const timeoutFactor: number = typeof E2E_TIMEOUT_FACTOR === 'number' && E2E_TIMEOUT_FACTOR > 0 ? E2E_TIMEOUT_FACTOR : 1;

/** `ms` scaled by the timeout factor. */
export function scaled(ms: number): number {
  return Math.round(ms * timeoutFactor);
}

/**
 * Polls `probe` every 100 ms until it returns a truthy value; gives up after `timeoutMs` × the
 * timeout factor. Each wait is reported to the runner (an `E2E_WAIT` console line), which lists
 * the slowest at the end: a wait that creeps towards its limit shows before it turns flaky.
 */
export async function waitFor<T>(
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const limit = scaled(timeoutMs);
  const start = Date.now();
  for (;;) {
    const value = await probe();
    const elapsed = Date.now() - start;
    if (value) {
      reportWait(what, elapsed, limit, true);
      return value;
    }
    if (elapsed > limit) {
      reportWait(what, elapsed, limit, false);
      throw new Error(`timed out after ${limit} ms waiting for ${what}`);
    }
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}

function reportWait(what: string, ms: number, limit: number, ok: boolean): void {
  console.log(`E2E_WAIT ${JSON.stringify({ what, ms, limit, ok })}`);
}
