import { Worker } from 'node:worker_threads';
import type { LineJob, LineResult } from './record';
import type { Deliver, Scanner, ScannerConfig } from './scanner';

/**
 * A fixed pool of worker threads scanning batches of JSON Lines.
 *  - bounded: at most `maxOutstanding` batches are submitted and not yet delivered (queued,
 *    being scanned, or finished and waiting for an earlier batch); `submit` waits beyond that.
 *  - ordered: finished batches wait in a reorder buffer (bounded by the same limit) until every
 *    earlier batch is delivered.
 *  - an idle worker takes the next queued batch, so a slow batch does not stall the others.
 */

type FromWorker =
  | { kind: 'results'; seq: number; results: LineResult[] }
  | { kind: 'detector-error'; id: string; message: string };

export class WorkerPool implements Scanner {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: { seq: number; jobs: LineJob[] }[] = [];
  private readonly tags = new Map<number, unknown>();
  private readonly finished = new Map<number, LineResult[]>();
  private nextSeq = 0;
  private nextDeliver = 0;
  private failure: Error | null = null;
  private closing = false;
  private waiter: (() => void) | null = null;
  private readonly maxOutstanding: number;

  constructor(
    size: number,
    config: ScannerConfig,
    private readonly deliver: Deliver,
    private readonly ready: () => Promise<void>,
    onDetectorError: (id: string, message: string) => void,
  ) {
    this.maxOutstanding = size * 4;
    for (let i = 0; i < size; i++) {
      const w = new Worker(new URL('./worker.mjs', import.meta.url), { workerData: config });
      w.on('message', (msg: FromWorker) => {
        if (msg.kind === 'detector-error') return onDetectorError(msg.id, msg.message);
        this.finished.set(msg.seq, msg.results);
        this.idle.push(w);
        this.flush();
        this.dispatch();
      });
      w.on('error', (err) => this.fail(err));
      w.on('exit', (code) => {
        if (!this.closing) this.fail(new Error(`a scan worker exited unexpectedly (code ${code})`));
      });
      this.workers.push(w);
      this.idle.push(w);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  async submit(jobs: LineJob[], tag: unknown): Promise<void> {
    this.check();
    const seq = this.nextSeq++;
    this.tags.set(seq, tag);
    this.queue.push({ seq, jobs });
    this.dispatch();
    while (this.nextSeq - this.nextDeliver >= this.maxOutstanding) {
      await this.wait();
      this.check();
    }
    await this.ready();
  }

  async drain(): Promise<void> {
    while (this.nextDeliver < this.nextSeq) {
      this.check();
      await this.wait();
    }
    this.check();
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private dispatch(): void {
    while (this.idle.length && this.queue.length) this.idle.pop()!.postMessage(this.queue.shift()!);
  }

  /** Delivers every finished batch whose predecessors are all delivered. */
  private flush(): void {
    let progressed = false;
    for (let r = this.finished.get(this.nextDeliver); r; r = this.finished.get(this.nextDeliver)) {
      this.finished.delete(this.nextDeliver);
      const tag = this.tags.get(this.nextDeliver);
      this.tags.delete(this.nextDeliver);
      this.nextDeliver++;
      this.deliver(tag, r);
      progressed = true;
    }
    if (progressed) this.notify();
  }

  private fail(err: Error): void {
    if (!this.failure) this.failure = err;
    this.notify();
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }

  private wait(): Promise<void> {
    return new Promise((resolve) => {
      this.waiter = resolve;
    });
  }

  private notify(): void {
    const w = this.waiter;
    this.waiter = null;
    w?.();
  }
}
