/**
 * tsx scripts/cli-throughput.ts [DRAFTS] [--workers=N] [--verbatim]
 * Throughput of `clearpost scan --json` on a generated JSON Lines file (20,000 drafts by default:
 * the corpus texts repeated, or the bundled examples when the corpus is missing), output to
 * /dev/null (repeats get each sentence tagged, so they are not parse-cache hits). Prints drafts/s end to end (process start to exit) and the peak RSS of the process,
 * worker threads included (they share it): `/usr/bin/time -v` when present, else the CLI's own
 * hidden `--stats`. Prints figures only, never draft text. scripts/bench.ts calls cliThroughput().
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = resolve(ROOT, '../shared/corpus/dev.jsonl');
const TIME = '/usr/bin/time';

export interface CliThroughput {
  drafts: number;
  seconds: number;
  draftsPerSecond: number;
  peakRssMB: number;
}

/** Draft texts to repeat: the corpus when present, else the bundled examples. */
function sourceTexts(): { text: string; site?: string }[] {
  if (existsSync(CORPUS)) {
    return readFileSync(CORPUS, 'utf8').split('\n').filter((l) => l.trim()).map((l) => {
      const r = JSON.parse(l) as { text: string; site?: string };
      return { text: r.text, site: r.site };
    });
  }
  const ex = join(ROOT, 'examples');
  const posts = readFileSync(join(ex, 'posts.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as { text: string; site?: string });
  return [...posts, { text: readFileSync(join(ex, 'draft-with-phi.txt'), 'utf8') }, { text: readFileSync(join(ex, 'clean-draft.txt'), 'utf8') }];
}

export async function cliThroughput(opts: { drafts?: number; workers?: number; repeatVerbatim?: boolean } = {}): Promise<CliThroughput> {
  const n = opts.drafts ?? 20_000;
  const texts = sourceTexts();
  const dir = mkdtempSync(join(tmpdir(), 'clearpost-throughput-'));
  try {
    const input = join(dir, 'posts.jsonl');
    const lines: string[] = [];
    for (let i = 0; i < n; i++) {
      const t = texts[i % texts.length];
      const round = Math.floor(i / texts.length);
      // Later rounds tag every sentence, so the engine's per-sentence parse cache (meant for
      // keystrokes) does not turn the repeats into cache hits: an export is mostly distinct posts.
      const text = round && !opts.repeatVerbatim ? t.text.replace(/(^|[.!?]\s+|\n\s*)(?=\S)/g, `$1(${round}) `) : t.text;
      lines.push(JSON.stringify({ id: `t${i}`, text, ...(t.site ? { site: t.site } : {}) }));
    }
    writeFileSync(input, `${lines.join('\n')}\n`);

    const cli = [join(ROOT, 'bin/clearpost.mjs'), 'scan', '--json', '--stats', ...(opts.workers !== undefined ? ['--workers', String(opts.workers)] : []), input];
    const useTime = existsSync(TIME);
    const [cmd, args] = useTime ? [TIME, ['-v', process.execPath, ...cli]] : [process.execPath, cli];
    const devnull = openSync('/dev/null', 'w');
    const t0 = performance.now();
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((res, rej) => {
      const child = spawn(cmd, args, { stdio: ['ignore', devnull, 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
      let err = '';
      child.stderr!.setEncoding('utf8').on('data', (d) => (err += d));
      child.on('error', rej);
      child.on('close', (c) => res({ code: c, stderr: err }));
    });
    const seconds = (performance.now() - t0) / 1000;
    closeSync(devnull);
    // 0: nothing blocks, 1: something blocks; anything else is a failure of the run.
    if (code !== 0 && code !== 1) throw new Error(`clearpost exited with ${code}: ${stderr.split('\n').filter((l) => l.startsWith('clearpost:')).slice(0, 3).join(' | ')}`);
    const stats = JSON.parse(/clearpost-stats (.*)/.exec(stderr)?.[1] ?? '{}') as { drafts?: number; maxRssMB?: number };
    const timeKB = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
    const peakRssMB = timeKB ? Math.round(Number(timeKB[1]) / 102.4) / 10 : stats.maxRssMB ?? NaN;
    const drafts = stats.drafts ?? n;
    return { drafts, seconds: Math.round(seconds * 1000) / 1000, draftsPerSecond: Math.round(drafts / seconds), peakRssMB };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const n = Number(process.argv.slice(2).find((a) => !a.startsWith('-'))) || undefined;
  const workers = process.argv.find((a) => a.startsWith('--workers='))?.split('=')[1];
  const r = await cliThroughput({ drafts: n, workers: workers === undefined ? undefined : Number(workers), repeatVerbatim: process.argv.includes('--verbatim') });
  console.log(`clearpost scan --json: ${r.drafts} drafts in ${r.seconds.toFixed(2)} s = ${r.draftsPerSecond} drafts/s, peak RSS ${r.peakRssMB} MB`);
}
