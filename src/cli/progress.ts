/**
 * A progress bar for long work. It draws only when stderr is a terminal, and never in CI or with
 * --quiet, so logs and pipes stay clean.
 */
export class Progress {
  private done = 0;
  private lastDraw = 0;
  private readonly enabled: boolean;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number } = process.stderr,
    quiet = false,
  ) {
    this.enabled = !quiet && stream.isTTY === true && !process.env.CI && total > 1;
  }

  tick(n = 1): void {
    this.done += n;
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.lastDraw < 80 && this.done < this.total) return;
    this.lastDraw = now;
    const width = Math.max(10, Math.min(40, (this.stream.columns ?? 80) - this.label.length - 20));
    const filled = Math.round((this.done / this.total) * width);
    this.stream.write(`\r${this.label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.done}/${this.total}`);
  }

  finish(): void {
    if (this.enabled) this.stream.write('\r\x1b[K');
  }
}
