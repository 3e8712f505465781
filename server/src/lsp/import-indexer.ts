// Resolves the imports of open documents (reading the files they import through the host), with
// a cancellable work-done progress when it takes long enough to notice. Diagnostics of a document
// wait for its resolution, unless the user cancels, in which case they use what is loaded.
import type { Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver';
import type { AnalysisWorkspace } from '../analysis/workspace';
import type { StatusReporter } from './status';
import { errorText, type Log } from './safety';

/** Below this, no progress UI appears. */
const PROGRESS_DELAY_MS = 300;

export class ImportIndexer {
  private readonly pending = new Map<string, Promise<void>>();
  private total = 0;
  private finished = 0;
  private progress: Promise<WorkDoneProgressServerReporter | undefined> | undefined;
  private progressTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * The running resolutions' stop functions, for a cancel. Each run races its own promise, settled
   * when it ends: racing one long-lived promise left a reaction on it per run (a leak per didOpen).
   */
  private readonly stops = new Set<() => void>();

  constructor(
    private readonly connection: Connection,
    private readonly status: StatusReporter,
    private readonly log: Log,
    private readonly progressSupported: boolean,
  ) {}

  /** Starts (or restarts) resolving `uri`'s imports; resolves when done or cancelled. */
  schedule(workspace: AnalysisWorkspace, uri: string, show: boolean): Promise<void> {
    const previous = this.pending.get(uri);
    this.total++;
    if (show) this.startProgressSoon();
    const run = (async () => {
      if (previous) await previous;
      let stop!: () => void;
      const stopped = new Promise<void>(r => (stop = r));
      this.stops.add(stop);
      try {
        await Promise.race([workspace.resolveImports(uri), stopped]);
      } catch (e) {
        this.log(`LossLens: resolving the imports of ${uri} failed: ${errorText(e)}`);
      } finally {
        this.stops.delete(stop);
        stop();
        this.finished++;
        this.report();
      }
    })();
    this.pending.set(uri, run);
    void run.then(() => {
      if (this.pending.get(uri) === run) this.pending.delete(uri);
    });
    return run;
  }

  /**
   * Loads the files that import `uri` (its callers, see `AnalysisWorkspace.resolveCallers`) after its
   * own imports; resolves to whether any was found. Errors are logged, never thrown.
   */
  async callers(workspace: AnalysisWorkspace, uri: string): Promise<boolean> {
    const previous = this.callerRuns.get(uri);
    const run = (async () => {
      if (previous) await previous;
      try {
        await workspace.resolveCallers(uri);
        return workspace.dependents(uri).length > 0;
      } catch (e) {
        this.log(`LossLens: finding the callers of ${uri} failed: ${errorText(e)}`);
        return false;
      }
    })();
    this.callerRuns.set(uri, run);
    void run.then(() => {
      if (this.callerRuns.get(uri) === run) this.callerRuns.delete(uri);
    });
    return run;
  }

  private readonly callerRuns = new Map<string, Promise<boolean>>();

  /** Waits for a pending resolution of `uri`, if any. */
  ready(uri: string): Promise<void> {
    return this.pending.get(uri) ?? Promise.resolve();
  }

  private startProgressSoon(): void {
    if (this.progress || this.progressTimer) return;
    this.progressTimer = setTimeout(() => {
      this.progressTimer = undefined;
      if (this.finished >= this.total) return;
      this.status.set('busy', 'Resolving imports');
      if (!this.progressSupported) return;
      this.progress = this.connection.window.createWorkDoneProgress().then(
        p => {
          p.begin('LossLens', 0, this.message(), true);
          p.token.onCancellationRequested(() => {
            this.log('LossLens: import resolution cancelled; diagnostics use the files loaded so far.');
            for (const stop of this.stops) stop();
            this.stops.clear();
          });
          return p;
        },
        () => undefined,
      );
      this.report();
    }, PROGRESS_DELAY_MS);
  }

  private message(): string {
    return `Resolving imports (${this.finished}/${this.total} files)`;
  }

  private report(): void {
    const done = this.finished >= this.total;
    if (done) {
      if (this.progressTimer) {
        clearTimeout(this.progressTimer);
        this.progressTimer = undefined;
      }
      const p = this.progress;
      this.progress = undefined;
      this.total = this.finished = 0;
      if (p) void p.then(r => r?.done());
      this.status.set('ready');
      return;
    }
    const p = this.progress;
    if (p) {
      const pct = Math.round((100 * this.finished) / Math.max(1, this.total));
      void p.then(r => r?.report(pct, this.message()));
    }
  }
}
