import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { analyze, setDetectorErrorReporter } from '../engine/analyze';
import type { AnalyzeOptions, Finding } from '../engine/types';
import type { ScanOptions } from './args';
import { closeImages, imageJsonLine, imageReport, scanImage } from './images';
import { classify, openStream, readLines, type Source } from './input';
import { Output } from './output';
import { WorkerPool } from './pool';
import { Progress } from './progress';
import { isLineError, type LineJob, type LineResult } from './record';
import { jsonLine, makePaint, summary, Tally, textReport, useColor, type DraftRef } from './report';
import { loadRules, RulesError } from './rules';
import { InlineScanner, type Scanner } from './scanner';

/**
 * `clearpost scan`: every input in order, small ones on the main thread, large JSON Lines on a
 * worker pool. Exit status: 2 if any input was bad (it wins), else 1 if any finding blocks,
 * else 0. Errors name the file and line, never the draft.
 */

/** Inputs with at most this many lines are scanned on the main thread (workers cost ~300 ms). */
export const POOL_MIN_LINES = 200;
const BATCH_LINES = 64;
const BATCH_CHARS = 256 * 1024;
const MAX_WORKERS = 8;

class ReadError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

export interface ScanIO {
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  readonly env: NodeJS.ProcessEnv;
}

export async function runScan(opts: ScanOptions, io: ScanIO = { stdout: process.stdout, stderr: process.stderr, env: process.env }): Promise<number> {
  const t0 = performance.now();
  const progress = new Progress(io.stderr, io.stderr.isTTY === true && io.env.CI === undefined);
  const say = (msg: string) => {
    progress.clear();
    io.stderr.write(`clearpost: ${msg}\n`);
  };

  let rules: AnalyzeOptions = {};
  if (opts.rules !== undefined) {
    try {
      rules = loadRules(opts.rules);
    } catch (err) {
      if (!(err instanceof RulesError)) throw err;
      say(err.message);
      return 2;
    }
  }

  const tally = new Tally();
  let blocked = false;
  const paint = makePaint(useColor(io.stdout, io.env));
  const exitCode = () => (tally.inputErrors ? 2 : blocked ? 1 : 0);
  const out = new Output(io.stdout, io.stdout.isTTY && io.stderr.isTTY ? () => progress.clear() : undefined, () => {
    progress.clear();
    process.exit(exitCode());
  });
  const inputError = (msg: string) => {
    tally.inputErrors++;
    say(msg);
  };
  // A broken detector fails on every draft: say it once per distinct error, count the rest.
  const detectorErrors = new Map<string, number>();
  const detectorError = (id: string, message: string) => {
    const key = `${id}: ${message}`;
    const seen = detectorErrors.get(key) ?? 0;
    detectorErrors.set(key, seen + 1);
    if (!seen) say(`detector ${key} (its findings are missing; other detectors still ran)`);
  };
  setDetectorErrorReporter((id, err) => detectorError(id, err instanceof Error ? err.message : String(err)));

  const emit = (ref: DraftRef, text: string, findings: Finding[]) => {
    tally.add(findings);
    if (!blocked && findings.some((f) => f.severity === 'block')) blocked = true;
    if (opts.json) out.write(jsonLine(ref, findings));
    // JSON Lines: only drafts with findings (a year of posts is mostly clean); a file: always.
    else if (findings.length || ref.line === undefined) out.write(textReport(ref, text, findings, paint));
    progress.update(tally.drafts, tally.findings);
  };
  const deliver = (tag: unknown, results: readonly LineResult[]) => {
    const src = tag as Source;
    for (const r of results) {
      if (r === null) continue;
      if (isLineError(r)) inputError(`${src.label}:${r.line}: ${r.error}`);
      else emit({ file: src.label, line: r.line, id: r.id }, r.text ?? '', r.findings);
    }
  };
  const ready = () => out.ready();
  const config = { rules, keepText: !opts.json };
  const inline = new InlineScanner(config, deliver, ready);
  const workers = opts.workers ?? defaultWorkers();
  let pool: WorkerPool | null = null;
  const getPool = () => (pool ??= new WorkerPool(workers, config, deliver, ready, detectorError));

  try {
    for (const path of opts.files) {
      const src = classify(path);
      if (typeof src === 'string') {
        inputError(src);
        continue;
      }
      if (src.kind === 'image') {
        // Images (issue 5): findings with a pixel box or a metadata field; not checked = exit 2.
        const r = await scanImage(src.path, src.label, rules);
        tally.add(r.findings);
        if (!blocked && r.findings.some((f) => f.severity === 'block')) blocked = true;
        out.write(opts.json ? imageJsonLine(r) : imageReport(r, paint));
        if (r.notChecked) inputError(`${src.label}: not checked: ${r.notChecked}`);
        await out.ready();
        continue;
      }
      if (src.kind === 'text') {
        let text: string;
        try {
          text = (await readFile(src.path, 'utf8')).replace(/^\uFEFF/, '');
        } catch (err) {
          inputError(`${src.label}: cannot read (${errCode(err)})`);
          continue;
        }
        emit({ file: src.label }, text, analyze(text, rules));
        await out.ready();
        continue;
      }
      const code = await scanJsonl(src, (small) => (small || workers === 0 ? inline : getPool()));
      if (code) inputError(`${src.label}: cannot read (${code})`);
    }
  } catch (err) {
    say(`internal error: ${err instanceof Error ? err.message : String(err)}`);
    await (pool as WorkerPool | null)?.close();
    await closeImages();
    return 2;
  }
  await (pool as WorkerPool | null)?.close();
  await closeImages();
  progress.clear();

  const seconds = (performance.now() - t0) / 1000;
  const text = summary(tally, seconds, opts.json ? makePaint(useColor(io.stderr, io.env)) : paint);
  if (opts.json) io.stderr.write(text);
  else out.write(text);
  for (const [key, count] of detectorErrors) if (count > 1) say(`detector ${key}: failed on ${count.toLocaleString('en-US')} drafts`);
  if (opts.stats) {
    const maxRssMB = Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
    io.stderr.write(`clearpost-stats ${JSON.stringify({ drafts: tally.drafts, seconds: Math.round(seconds * 1000) / 1000, maxRssMB, workers: (pool as WorkerPool | null)?.size ?? 0 })}\n`);
  }
  return exitCode();
}

/**
 * Streams one JSON Lines source through a scanner in batches. Reads up to POOL_MIN_LINES + 1
 * lines first to decide whether the input is small. Returns a read error code, or null.
 */
async function scanJsonl(src: Source, pick: (small: boolean) => Scanner): Promise<string | null> {
  const lines = readLines(openStream(src))[Symbol.asyncIterator]();
  const next = async () => {
    try {
      return await lines.next();
    } catch (err) {
      throw new ReadError(errCode(err));
    }
  };
  let lineNo = 0;
  const head: LineJob[] = [];
  let batch: LineJob[] = [];
  let scanner: Scanner | null = null;
  try {
    while (head.length <= POOL_MIN_LINES) {
      const r = await next();
      if (r.done) break;
      head.push({ line: ++lineNo, raw: r.value });
    }
    const more = head.length > POOL_MIN_LINES;
    scanner = pick(!more);
    let chars = 0;
    const push = async (job: LineJob) => {
      batch.push(job);
      chars += job.raw.length;
      if (batch.length >= BATCH_LINES || chars >= BATCH_CHARS) {
        const b = batch;
        batch = [];
        chars = 0;
        await scanner!.submit(b, src);
      }
    };
    for (const job of head.splice(0)) await push(job);
    if (more) for (let r = await next(); !r.done; r = await next()) await push({ line: ++lineNo, raw: r.value });
    if (batch.length) await scanner.submit(batch.splice(0), src);
    await scanner.drain();
    return null;
  } catch (err) {
    if (!(err instanceof ReadError)) throw err;
    // Scan what was read before the error, then report it.
    const rest = [...head, ...batch];
    scanner ??= pick(true);
    if (rest.length) await scanner.submit(rest, src);
    await scanner.drain();
    return err.code;
  }
}

function defaultWorkers(): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return cores <= 1 ? 0 : Math.min(cores, MAX_WORKERS);
}

function errCode(err: unknown): string {
  return (err as NodeJS.ErrnoException)?.code ?? (err instanceof Error ? err.message : 'error');
}
