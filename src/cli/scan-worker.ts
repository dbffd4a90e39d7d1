import { parentPort, workerData } from 'node:worker_threads';
import { setDetectorErrorReporter } from '../engine/analyze';
import { clearEngineCaches } from '../engine/bounded';
import { scanLine, type LineJob } from './record';
import type { ScannerConfig } from './scanner';

/**
 * A pool worker: receives {seq, jobs} batches of raw JSON Lines, answers {seq, results}. Parsing
 * happens here too, so the main thread only reads bytes and writes the report.
 */
const config = workerData as ScannerConfig;
const port = parentPort;
if (!port) throw new Error('scan-worker must run in a worker thread');

setDetectorErrorReporter((id, err) => {
  // Detector id and error message only, never the draft.
  port.postMessage({ kind: 'detector-error', id, message: err instanceof Error ? err.message : String(err) });
});

port.on('message', (msg: { seq: number; jobs: LineJob[] }) => {
  const results = msg.jobs.map((j) => scanLine(j, config.rules, config.keepText));
  // The engine's caches serve re-analysis after a keystroke; an export is distinct posts, so
  // keeping parsed sentences and paragraph results per worker only costs memory.
  clearEngineCaches();
  port.postMessage({ kind: 'results', seq: msg.seq, results });
});
