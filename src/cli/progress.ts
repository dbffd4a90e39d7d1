/**
 * Progress on a terminal's stderr: drafts done, drafts per second, findings so far. Redrawn at
 * most every 200 ms, only once a scan has run for half a second (small scans never flicker),
 * and cleared before anything else is printed and at the end. Counts only, never draft text.
 */
const FIRST_MS = 500;
const EVERY_MS = 200;

export class Progress {
  private shown = false;
  private last = 0;
  private readonly started = performance.now();

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly enabled: boolean,
  ) {}

  update(drafts: number, findings: number): void {
    if (!this.enabled) return;
    const now = performance.now();
    if (now - this.started < FIRST_MS || now - this.last < EVERY_MS) return;
    this.last = now;
    const rate = drafts / ((now - this.started) / 1000);
    const n = (x: number) => Math.round(x).toLocaleString('en-US');
    this.stream.write(`\r\x1b[Kclearpost: ${n(drafts)} drafts, ${n(rate)}/s, ${n(findings)} findings`);
    this.shown = true;
  }

  clear(): void {
    if (!this.shown) return;
    this.stream.write('\r\x1b[K');
    this.shown = false;
  }
}
