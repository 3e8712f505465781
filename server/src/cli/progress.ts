// The progress line of a long `check` on a terminal: `Checking files: 120/3400` on stderr, redrawn
// in place, shown only once the run has taken `delayMs` (a quick run prints nothing) and erased
// before the report is written.
export class ProgressLine {
  private readonly start = Date.now();
  private done = 0;
  private shown = false;
  private lastDraw = 0;

  constructor(
    private readonly total: number,
    private readonly write: (s: string) => void,
    private readonly delayMs = 1000,
  ) {}

  advance(files: number): void {
    this.done += files;
    const now = Date.now();
    if (now - this.start < this.delayMs) return;
    // A terminal redraw per batch is cheap, but thousands of them are not: at most ~20 a second.
    if (this.shown && now - this.lastDraw < 50 && this.done < this.total) return;
    this.lastDraw = now;
    this.shown = true;
    this.write(`\r\u001b[2KChecking files: ${Math.min(this.done, this.total)}/${this.total}`);
  }

  /** Erases the line (when it was drawn). */
  finish(): void {
    if (this.shown) this.write('\r\u001b[2K');
    this.shown = false;
  }
}
