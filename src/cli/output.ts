/**
 * stdout with back-pressure: `write` never blocks, `ready()` resolves once the stream has room
 * again, and the scan loop awaits it before reading more input, so a slow pipe bounds memory.
 */
export class Output {
  private blocked = false;
  private waiters: (() => void)[] = [];

  constructor(
    private readonly stream: NodeJS.WritableStream,
    /** Runs before each write (clears the progress line when both share a terminal). */
    private readonly beforeWrite: () => void = () => {},
    /** The reader went away (`clearpost scan ... | head`): stop quietly, as ripgrep does. */
    onClosed: () => void = () => process.exit(),
  ) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') onClosed();
      else throw err;
    });
    stream.on('drain', () => {
      this.blocked = false;
      for (const w of this.waiters.splice(0)) w();
    });
  }

  write(s: string): void {
    if (!s) return;
    this.beforeWrite();
    if (!this.stream.write(s)) this.blocked = true;
  }

  ready(): Promise<void> {
    return this.blocked ? new Promise((resolve) => this.waiters.push(resolve)) : Promise.resolve();
  }
}
