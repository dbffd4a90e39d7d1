/**
 * npm run bench -- [CORPUS.jsonl]
 * Speed of the engine on this machine, against the targets in DEVELOPERS' brief, beside two
 * references: compromise's own parse of the same draft (the cost to beat) and the npm PHI
 * redactor `openredaction` (preset hipaa), timed on the same drafts and scored for PHI span
 * recall on the labelled corpus. Drafts are synthesised by concatenating corpus texts (this is
 * evaluation, not a test fixture). Prints figures only, never draft text.
 */
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import os from 'node:os';
import { OpenRedaction } from 'openredaction';
import { analyze } from '../src/engine/analyze';
import { clearEngineCaches } from '../src/engine/bounded';
import { nlp } from '../src/engine/nlp';
import { prng } from '../tests/support/prng';

interface Span { start: number; end: number; type: string }
interface Draft { id: string; text: string; phi: Span[]; site?: string }
interface Row { label: string; figure: string; target?: string; ok?: boolean }

const corpusFile = process.argv.slice(2).find((a) => !a.startsWith('-')) ?? '../shared/corpus/dev.jsonl';
const drafts: Draft[] = readFileSync(corpusFile, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));

/** A draft of about `n` characters: corpus texts in a seeded order, cut at a word boundary. */
function synthesise(n: number, seed: number): string {
  const rnd = prng(seed);
  const parts: string[] = [];
  let len = 0;
  while (len < n) {
    const t = drafts[Math.floor(rnd() * drafts.length)].text;
    parts.push(t);
    len += t.length + 2;
  }
  const text = parts.join('\n\n');
  const cut = text.lastIndexOf(' ', n);
  return text.slice(0, cut > n * 0.9 ? cut : n);
}

const now = () => performance.now();
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)) + ' ms';

/** Times `fn` over `runs` inputs (after `warm` untimed runs); returns the samples in ms. */
function sample<T>(inputs: T[], fn: (x: T) => unknown, warm = 3): number[] {
  for (let i = 0; i < Math.min(warm, inputs.length); i++) fn(inputs[i]);
  return inputs.map((x) => { const t = now(); fn(x); return now() - t; });
}

/** A full analysis: every engine cache (parses, sentence and paragraph results) is emptied first, so nothing is reused. */
const coldAnalyze = (text: string) => { clearEngineCaches(); return analyze(text); };

const rows: Row[] = [];
const add = (label: string, figure: string, target?: string, ok?: boolean) => rows.push({ label, figure, target, ok });
const started = now();

// ---- 0. the first analysis in a fresh process: compiles the engine's regexes and warms the JIT
// (in the extension this happens once, when the engine module loads on the first compose box)
{
  const t = now();
  coldAnalyze(synthesise(280, 999));
  add('first analyze() in a fresh process, 280 chars', ms(now() - t));
}
// Warm the JIT and compile every regex path once (one pass over the corpus drafts themselves),
// so the figures below are the engine's steady state; each timed run still starts with empty
// caches, so no result is reused.
for (const d of drafts) coldAnalyze(d.text);

// ---- 1. full analyze, 280 and 3,000 chars (different drafts each run, cold caches)
const d280 = Array.from({ length: 200 }, (_, i) => synthesise(280, 1000 + i));
const s280 = sample(d280, coldAnalyze);
add('analyze 280 chars (cold caches): median', ms(quantile(s280, 0.5)), '<= 8 ms', quantile(s280, 0.5) <= 8);
add('analyze 280 chars (cold caches): p95', ms(quantile(s280, 0.95)), '<= 8 ms', quantile(s280, 0.95) <= 8);

const d3k = Array.from({ length: 60 }, (_, i) => synthesise(3000, 2000 + i));
const s3k = sample(d3k, coldAnalyze);
add('analyze 3,000 chars (cold caches): median', ms(quantile(s3k, 0.5)), '<= 40 ms', quantile(s3k, 0.5) <= 40);
add('analyze 3,000 chars (cold caches): p95', ms(quantile(s3k, 0.95)), '<= 40 ms', quantile(s3k, 0.95) <= 40);

// ---- 2. one keystroke in a 3,000-char draft: analyse once, then type characters at varied
// positions in the middle of the draft, re-analysing after each one (caches warm, as in an editor).
{
  const rnd = prng(7);
  const keys = 'etaoinshrdlu ,.0123456789';
  let text = d3k[0];
  clearEngineCaches();
  analyze(text);
  const samples: number[] = [];
  for (let i = 0; i < 300; i++) {
    const at = Math.floor(text.length * (0.2 + 0.6 * rnd()));
    text = text.slice(0, at) + keys[Math.floor(rnd() * keys.length)] + text.slice(at);
    const t = now();
    analyze(text);
    samples.push(now() - t);
  }
  add('re-analyze after 1 keystroke, 3,000 chars: median', ms(quantile(samples, 0.5)), '<= 5 ms', quantile(samples, 0.5) <= 5);
  add('re-analyze after 1 keystroke, 3,000 chars: p95', ms(quantile(samples, 0.95)), '<= 5 ms', quantile(samples, 0.95) <= 5);
}

// ---- 3. long drafts: 25k, 50k, 100k (cold). Linear growth doubles the time per doubling.
const big = new Map<number, string>([25_000, 50_000, 100_000].map((n) => [n, synthesise(n, 3000 + n)]));
const bigTime = new Map<number, number>();
for (const [n, text] of big) {
  // At least 3 runs and 400 ms per size, so a fast engine still gives a stable ratio.
  coldAnalyze(text);
  const samples: number[] = [];
  const until = now() + 400;
  while (samples.length < 3 || (now() < until && samples.length < 200)) {
    const t = now();
    coldAnalyze(text);
    samples.push(now() - t);
  }
  bigTime.set(n, quantile(samples, 0.5));
}
add('analyze 25,000 chars (cold)', ms(bigTime.get(25_000)!));
add('analyze 50,000 chars (cold)', ms(bigTime.get(50_000)!));
add('analyze 100,000 chars (cold)', ms(bigTime.get(100_000)!), '< 2000 ms', bigTime.get(100_000)! < 2000);
const r1 = bigTime.get(50_000)! / bigTime.get(25_000)!;
const r2 = bigTime.get(100_000)! / bigTime.get(50_000)!;
const r4 = bigTime.get(100_000)! / bigTime.get(25_000)!;
// Judged on 4x the text, where noise matters least: linear is about x4, quadratic about x16.
add('growth 25k->50k->100k', `x${r1.toFixed(2)}, x${r2.toFixed(2)} (25k->100k x${r4.toFixed(1)})`, '25k->100k ~x4, quadratic x16', r4 < 8);

// ---- 4. the cost to beat: compromise parsing the 3,000-char drafts by itself
{
  const s = sample(d3k.slice(0, 30), (t) => nlp(t), 10);
  add('reference: compromise nlp(3,000 chars): median', ms(quantile(s, 0.5)));
  const s2 = sample(d3k.slice(0, 30), (t) => nlp(t).compute('offset'), 10);
  add('reference: compromise nlp + offsets (3,000 chars): median', ms(quantile(s2, 0.5)));
}

// ---- 5. peer: openredaction, preset hipaa, same drafts; recall on the corpus beside ours
const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
{
  const redactor = new OpenRedaction({ preset: 'hipaa' });
  const orSpans = async (text: string) => (await redactor.detect(text)).detections.map((d) => ({ start: d.position[0], end: d.position[1] }));
  const timeAsync = async (inputs: string[]) => {
    for (const t of inputs.slice(0, 3)) await orSpans(t);
    const out: number[] = [];
    for (const t of inputs) { const t0 = now(); await orSpans(t); out.push(now() - t0); }
    return out;
  };
  const o280 = await timeAsync(d280.slice(0, 100));
  const o3k = await timeAsync(d3k.slice(0, 30));
  add('peer openredaction 280 chars: median', ms(quantile(o280, 0.5)));
  add('peer openredaction 3,000 chars: median', ms(quantile(o3k, 0.5)));
  const t0 = now();
  await orSpans(big.get(100_000)!);
  add('peer openredaction 100,000 chars', ms(now() - t0));

  let gold = 0, oursCaught = 0, peerCaught = 0, oursFound = 0, oursRight = 0, peerFound = 0, peerRight = 0;
  for (const d of drafts) {
    const ours = analyze(d.text, { site: d.site }).filter((f) => f.category === 'phi');
    const peer = await orSpans(d.text);
    for (const g of d.phi) {
      gold++;
      if (ours.some((f) => overlaps(f, g))) oursCaught++;
      if (peer.some((f) => overlaps(f, g))) peerCaught++;
    }
    oursFound += ours.length; oursRight += ours.filter((f) => d.phi.some((g) => overlaps(f, g))).length;
    peerFound += peer.length; peerRight += peer.filter((f) => d.phi.some((g) => overlaps(f, g))).length;
  }
  const pct = (a: number, b: number) => (b ? a / b : 1).toFixed(3) + ` (${a}/${b})`;
  add(`PHI span recall, ${drafts.length} drafts: Clearpost`, pct(oursCaught, gold), '>= 0.97', gold ? oursCaught / gold >= 0.97 : true);
  add(`PHI span recall, ${drafts.length} drafts: openredaction hipaa`, pct(peerCaught, gold));
  add('PHI precision: Clearpost', pct(oursRight, oursFound), '>= 0.90', oursFound ? oursRight / oursFound >= 0.9 : true);
  add('PHI precision: openredaction hipaa', pct(peerRight, peerFound));
}

// ---- 6. CLI throughput (scripts/cli-throughput.ts, written by another helper)
{
  const file = new URL('./cli-throughput.ts', import.meta.url);
  if (!existsSync(file)) {
    add('CLI throughput', 'skipped: scripts/cli-throughput.ts does not exist yet');
  } else {
    try {
      const mod = (await import(pathToFileURL(file.pathname).href)) as {
        cliThroughput?: () => Promise<{ drafts: number; seconds: number; draftsPerSecond: number; peakRssMB: number }>;
      };
      if (typeof mod.cliThroughput !== 'function') {
        add('CLI throughput', 'skipped: cli-throughput.ts exports no cliThroughput()');
      } else {
        const r = await mod.cliThroughput();
        add('CLI throughput', `${r.draftsPerSecond.toFixed(0)} drafts/s (${r.drafts} drafts in ${r.seconds.toFixed(2)} s)`);
        add('CLI peak memory (RSS)', `${r.peakRssMB.toFixed(0)} MB`);
      }
    } catch (err) {
      add('CLI throughput', `failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

// ---- 7. OCR of images (scripts/bench-ocr.ts): cold start, warm median per 1024x1024 image, native tesseract
let ocrMissing: string | undefined;
{
  const { benchOcr } = await import('./bench-ocr');
  const r = await benchOcr({ log: () => {} });
  add(`OCR cold start, worker + model (${r.model})`, `${r.workerMs} ms`, '<= 2000 ms', r.workerMs <= 2000);
  add('OCR cold start + first image', `${r.coldMs} ms`);
  add('OCR warm median per 1024x1024 image', `${r.warmMedianMs} ms`, '<= 600 ms', r.warmMedianMs <= 600);
  if (r.nativeMissing) {
    ocrMissing = r.nativeMissing;
    add('native tesseract per process', `missing: install with ${r.nativeMissing}`);
  } else {
    add('native tesseract per process (includes loading the model)', `${r.nativeMedianMs} ms`);
    add('OCR ratio ours / native', `${r.ratio}`, '<= 1.5', (r.ratio ?? Infinity) <= 1.5);
  }
  const { benchFaces } = await import('./bench-ocr');
  const f = await benchFaces();
  add('faces: detector load (tfjs wasm + 193 KB weights)', `${f.loadMs} ms`);
  add('faces: per 1024x1024 image / 1920x1280 photo', `${f.medianMs} ms / ${f.photoMs} ms (${f.photoFaces} faces)`);
}

// ---- report
const w0 = Math.max(...rows.map((r) => r.label.length));
const w1 = Math.max(...rows.map((r) => r.figure.length));
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(`\nClearpost bench: node ${process.version}, ${os.cpus().length} x ${cpu}, corpus ${corpusFile}\n`);
console.log(`${'measure'.padEnd(w0)}  ${'figure'.padEnd(w1)}  target`);
console.log(`${'-'.repeat(w0)}  ${'-'.repeat(w1)}  ${'-'.repeat(24)}`);
for (const r of rows) {
  const verdict = r.ok === undefined ? '' : r.ok ? '  ok' : '  MISSED';
  console.log(`${r.label.padEnd(w0)}  ${r.figure.padEnd(w1)}  ${r.target ?? ''}${verdict}`);
}
console.log(`\nbench took ${((now() - started) / 1000).toFixed(1)} s`);
if (ocrMissing) {
  // The native column is part of the OCR figures: stop with the install command (bench only, never tests).
  console.error(`\nnative tesseract is missing: install it with \`${ocrMissing}\` and run the bench again`);
  process.exitCode = 1;
}
