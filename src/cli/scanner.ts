import { clearEngineCaches } from '../engine/bounded';
import type { AnalyzeOptions } from '../engine/types';
import { scanLine, type LineJob, type LineResult } from './record';

/**
 * Where batches of JSON Lines get scanned. Results come back through `deliver`, always in
 * submission order. `submit` resolves when there is room for another batch (back-pressure:
 * the reader awaits it, so reading stops while the scanner or stdout is behind).
 */
export interface Scanner {
  submit(jobs: LineJob[], tag: unknown): Promise<void>;
  /** Resolves once every submitted batch has been delivered. */
  drain(): Promise<void>;
  close(): Promise<void>;
}

export type Deliver = (tag: unknown, results: readonly LineResult[]) => void;

export interface ScannerConfig {
  readonly rules: AnalyzeOptions;
  /** Return each draft's text with its findings (the readable report quotes it). */
  readonly keepText: boolean;
}

/** Scans on the main thread: for small inputs, which should not pay for starting workers. */
export class InlineScanner implements Scanner {
  constructor(
    private readonly config: ScannerConfig,
    private readonly deliver: Deliver,
    private readonly ready: () => Promise<void>,
  ) {}

  async submit(jobs: LineJob[], tag: unknown): Promise<void> {
    this.deliver(tag, jobs.map((j) => scanLine(j, this.config.rules, this.config.keepText)));
    clearEngineCaches(); // as in scan-worker.ts: distinct posts, the keystroke cache only costs memory
    await this.ready();
    // Let timers and signals run between batches of a long inline scan.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  async drain(): Promise<void> {}

  async close(): Promise<void> {}
}
