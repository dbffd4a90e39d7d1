/**
 * The DOM-free core of the image check: an RGBA bitmap in, PHI findings with pixel boxes out.
 * Stages: grey + polarity-free text map (+ upscale of small images) -> OCR pass over the whole
 * image -> a second pass on the edge strips, upscaled, when the first found little -> each OCR
 * line through the text engine and the overlay layer -> spans mapped back to word boxes.
 */
import { analyze } from '../engine/analyze';
import type { AnalyzeOptions } from '../engine/types';
import { phiMessage } from '../engine/messages';
import { MAX_OCR_SIDE } from './limits';
import { overlaySpans } from './overlay';
import { crop, edgeStrips, inkShare, rotate90, scale, sideStrips, textMap, toGrey, whiteOut } from './preprocess';
import type { Bitmap, Box, GreyBitmap, ImageFinding, OcrEngine, OcrLine, OcrWord } from './types';

export interface ScanOptions {
  analyze?: AnalyzeOptions;
  /** Time limit for the OCR of one image (default 20 s); past it the image is `partial` or `notChecked`. */
  timeLimitMs?: number;
  /** Run the edge-strip pass always (true), never (false), or when the first pass found little (default). */
  edgePass?: boolean;
  /** Run the bright-ink pass always (true), never (false), or when the first pass read noise (default). */
  brightPass?: boolean;
  /** Read vertical text in the side strips (default true). */
  verticalPass?: boolean;
}

/** Tesseract page segmentation: 11 = sparse text, which suits scattered overlay lines. */
export const PSM_PAGE = '11';
export const PSM_STRIP = '11';
export { MAX_OCR_SIDE };
/** Images whose longest side is below this are upscaled for the OCR (small overlay text). */
export const UPSCALE_BELOW = 900;

export class ScanTimeout extends Error {}

function withDeadline<T>(p: Promise<T>, deadline: number): Promise<T> {
  const left = deadline - Date.now();
  if (left <= 0) return Promise.reject(new ScanTimeout('time limit'));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const t = new Promise<T>((_, reject) => { timer = setTimeout(() => reject(new ScanTimeout('time limit')), left); });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

function mapLine(l: OcrLine, f: number, dx: number, dy: number): OcrLine {
  const m = (b: Box): Box => [Math.floor(b[0] / f) + dx, Math.floor(b[1] / f) + dy, Math.ceil(b[2] / f) + dx, Math.ceil(b[3] / f) + dy];
  return { ...l, box: m(l.box), words: l.words.map((w) => ({ ...w, box: m(w.box) })) };
}

/**
 * Text map of the bright-ink pass: ink is what is brighter than its neighbourhood everywhere, also
 * where that neighbourhood is light (white overlay text over bright lung or glare in a phone photo,
 * which the first map reads as a light background and loses). A smaller window follows uneven light.
 */
export const BRIGHT_RADIUS = 10;

async function recognizeRegion(engine: OcrEngine, g: GreyBitmap, region: Box | null, factor: number, psm: string, deadline: number, bright = false): Promise<OcrLine[]> {
  const part = region ? crop(g, region) : g;
  const img = bright ? textMap(scale(part, factor), BRIGHT_RADIUS, 256) : textMap(scale(part, factor));
  const lines = await withDeadline(engine.recognize(img, psm), deadline);
  return lines.map((l) => mapLine(l, factor, region ? region[0] : 0, region ? region[1] : 0));
}

/** Words that look like real text (not speckle): used to decide on the second pass. */
function goodWords(lines: readonly OcrLine[]): number {
  let n = 0;
  for (const l of lines) for (const w of l.words) if (w.confidence >= 60 && /[A-Za-z0-9]{2}/.test(w.text)) n++;
  return n;
}

/**
 * The first pass read mostly noise (at least 40% of its words under 40% confidence, or fewer
 * than 6 good words): moiré, glare, blur, or text the first text map lost. Measured on the dev
 * images: phone photos 0.50-0.84, clean screenshots and overlays on dark images 0.00-0.33.
 */
export function readNoise(lines: readonly OcrLine[]): boolean {
  let words = 0, low = 0;
  for (const l of lines) for (const w of l.words) { words++; if (w.confidence < 40) low++; }
  return goodWords(lines) < 6 || low >= 0.4 * words;
}

export interface OcrResult {
  lines: OcrLine[];
  partial?: string;
  notChecked?: string;
}

/**
 * Sparse-text segmentation splits a label from its value (`Acc:` | `24031188`): lines that share
 * a baseline band and sit within a few character heights of each other are joined, left to right.
 */
export function mergeLines(lines: readonly OcrLine[]): OcrLine[] {
  const sorted = [...lines].sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0]);
  const used = new Array<boolean>(sorted.length).fill(false);
  const out: OcrLine[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (used[i]) continue;
    used[i] = true;
    let cur = sorted[i];
    for (let grew = true; grew;) {
      grew = false;
      for (let j = 0; j < sorted.length; j++) {
        if (used[j]) continue;
        const o = sorted[j];
        const h = Math.min(cur.box[3] - cur.box[1], o.box[3] - o.box[1]);
        const vOverlap = Math.min(cur.box[3], o.box[3]) - Math.max(cur.box[1], o.box[1]);
        const gap = o.box[0] >= cur.box[0] ? o.box[0] - cur.box[2] : cur.box[0] - o.box[2];
        if (h <= 0 || vOverlap < 0.5 * h || gap > 2.5 * h || gap < -h) continue;
        const words = [...cur.words, ...o.words].sort((a, b) => a.box[0] - b.box[0]);
        cur = {
          text: words.map((w) => w.text).join(' '), words,
          box: [Math.min(cur.box[0], o.box[0]), Math.min(cur.box[1], o.box[1]), Math.max(cur.box[2], o.box[2]), Math.max(cur.box[3], o.box[3])],
          confidence: Math.min(cur.confidence, o.confidence),
        };
        used[j] = true;
        grew = true;
      }
    }
    out.push(cur);
  }
  return out;
}

/** OCR of one bitmap, with boxes in the bitmap's pixels. */
export async function ocrBitmap(engine: OcrEngine, bitmap: Bitmap, opts: ScanOptions = {}): Promise<OcrResult> {
  const deadline = Date.now() + (opts.timeLimitMs ?? 20_000);
  let g = toGrey(bitmap);
  const side = Math.max(g.width, g.height);
  // Huge images: one downscale to MAX_OCR_SIDE, boxes scaled back.
  const down = side > MAX_OCR_SIDE ? MAX_OCR_SIDE / side : 1;
  if (down !== 1) g = scale(g, down);
  const up = side * down < UPSCALE_BELOW ? 2 : 1;
  let lines: OcrLine[];
  try {
    lines = (await recognizeRegion(engine, g, null, up, PSM_PAGE, deadline)).map((l) => mapLine(l, down, 0, 0));
  } catch (err) {
    if (err instanceof ScanTimeout) return { lines: [], notChecked: 'time limit reached before the OCR finished' };
    throw err;
  }
  const runEdge = opts.edgePass ?? goodWords(lines) < 6;
  if (runEdge) {
    const stripFactor = Math.min(3, up * 2);
    try {
      for (const strip of edgeStrips(g.width, g.height)) {
        const more = await recognizeRegion(engine, g, strip, stripFactor, PSM_STRIP, deadline);
        lines.push(...more.map((l) => mapLine(l, down, 0, 0)));
      }
    } catch (err) {
      if (err instanceof ScanTimeout) return { lines: mergeLines(lines), partial: 'time limit reached during the second OCR pass' };
      throw err;
    }
  }
  const merged = mergeLines(lines);
  if (opts.brightPass ?? readNoise(lines)) {
    try {
      const more = await recognizeRegion(engine, g, null, up, PSM_PAGE, deadline, true);
      merged.push(...mergeLines(more.map((l) => mapLine(l, down, 0, 0))));
    } catch (err) {
      if (err instanceof ScanTimeout) return { lines: merged, partial: 'time limit reached during the bright-ink OCR pass' };
      throw err;
    }
  }
  if (opts.verticalPass ?? true) {
    try {
      merged.push(...(await verticalPass(engine, g, up, merged, down, deadline)).map((l) => mapLine(l, down, 0, 0)));
    } catch (err) {
      if (err instanceof ScanTimeout) return { lines: merged, partial: 'time limit reached during the vertical-text OCR pass' };
      throw err;
    }
  }
  return { lines: merged };
}

/** Ink share of a side strip, once the text already read is masked, worth a look for vertical lines. */
const VERTICAL_MIN_INK = 0.0015;

/** Maps a line read in a quarter-turned strip (`w` x `h` before the turn, scaled by `f`) back to `g`'s pixels. */
function unrotateLine(l: OcrLine, cw: boolean, w: number, h: number, f: number, dx: number, dy: number): OcrLine {
  const m = (b: Box): Box => {
    // cw turned (x, y) into (h-1-y, x); ccw into (y, w-1-x). Inverse on boxes, then unscale.
    const r: Box = cw ? [b[1], h - b[2], b[3], h - b[0]] : [w - b[3], b[0], w - b[1], b[2]];
    return [Math.floor(r[0] / f) + dx, Math.floor(r[1] / f) + dy, Math.ceil(r[2] / f) + dx, Math.ceil(r[3] / f) + dy];
  };
  return { ...l, box: m(l.box), words: l.words.map((wd) => ({ ...wd, box: m(wd.box) })) };
}

/**
 * Vertical text (a facility name or an ID running up or down the side of a radiograph, rotated
 * 90 or 270 degrees): each side strip, with the horizontal text already read masked out, is
 * turned upright both ways when it still holds ink; the turn that reads more good words wins.
 * Lines come back in `g`'s pixels.
 */
async function verticalPass(engine: OcrEngine, g: GreyBitmap, up: number, known: readonly OcrLine[], down: number, deadline: number): Promise<OcrLine[]> {
  const out: OcrLine[] = [];
  const f = up;
  for (const strip of sideStrips(g.width, g.height)) {
    const masks = known.filter((l) => l.confidence >= 40 && l.box[2] - l.box[0] > l.box[3] - l.box[1])
      .map((l): Box => [(l.box[0] * down - strip[0]) * f - 4, (l.box[1] * down - strip[1]) * f - 4, (l.box[2] * down - strip[0]) * f + 4, (l.box[3] * down - strip[1]) * f + 4]);
    const map = whiteOut(textMap(scale(crop(g, strip), f)), masks);
    if (inkShare(map) < VERTICAL_MIN_INK) continue;
    let best: { lines: OcrLine[]; cw: boolean; good: number } | null = null;
    for (const cw of [true, false]) {
      const lines = await withDeadline(engine.recognize(rotate90(map, cw), PSM_STRIP), deadline);
      const good = goodWords(lines);
      if (!best || good > best.good) best = { lines, cw, good };
      // Upright text reads well; text upside down still reads as letter-like words. Neither
      // (anatomy edges, speckle): the other turn would read nothing either.
      if (good >= 2 || !lines.some((l) => l.words.some((w) => /[A-Za-z0-9]{3}/.test(w.text)))) break;
    }
    if (!best || best.good === 0) continue;
    for (const l of best.lines) out.push(unrotateLine(l, best.cw, map.width, map.height, f, strip[0], strip[1]));
  }
  return out;
}

interface Span { start: number; end: number; type: string; score: number; ruleId: string; severity?: ImageFinding['severity']; message?: string }

function unionBox(words: readonly OcrWord[]): Box {
  return words.reduce<Box>((b, w) => [Math.min(b[0], w.box[0]), Math.min(b[1], w.box[1]), Math.max(b[2], w.box[2]), Math.max(b[3], w.box[3])], [Infinity, Infinity, -Infinity, -Infinity]);
}

const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/** Each OCR line through the text engine and the overlay layer; spans mapped to word boxes. */
export function findingsFromLines(lines: readonly OcrLine[], options: AnalyzeOptions = {}): ImageFinding[] {
  const out: ImageFinding[] = [];
  for (const line of lines) {
    const text = line.text;
    const offsets: number[] = [];
    let at = 0;
    for (const w of line.words) { offsets.push(at); at += w.text.length + 1; }
    const spans: Span[] = [];
    for (const f of analyze(text, options)) {
      if (f.category !== 'phi') continue;
      spans.push({ start: f.start, end: f.end, type: f.type, score: f.score, ruleId: f.ruleId, severity: f.severity, message: f.message });
    }
    for (const s of overlaySpans(text)) spans.push({ start: s.start, end: s.end, type: s.type, score: s.score, ruleId: `ocr-overlay/${s.pattern}` });
    spans.sort((a, b) => b.score - a.score || (b.end - b.start) - (a.end - a.start));
    const kept: Span[] = [];
    for (const s of spans) if (!kept.some((k) => k.start < s.end && s.start < k.end)) kept.push(s);
    for (const s of kept) {
      const words = line.words.filter((w, i) => offsets[i] < s.end && s.start < offsets[i] + w.text.length);
      if (!words.length) continue;
      const bbox = unionBox(words);
      if (out.some((o) => o.type === s.type && o.bbox && overlaps(o.bbox, bbox))) continue; // the second pass re-read it
      out.push({
        category: 'phi', type: s.type, severity: s.severity ?? (s.score >= 0.85 ? 'block' : 'warn'),
        message: s.message ?? phiMessage(s.type), ruleId: s.ruleId, score: s.score,
        text: text.slice(s.start, s.end), bbox,
      });
    }
  }
  return out;
}

export interface BitmapScan extends OcrResult {
  findings: ImageFinding[];
}

export async function scanBitmap(engine: OcrEngine, bitmap: Bitmap, opts: ScanOptions = {}): Promise<BitmapScan> {
  const ocr = await ocrBitmap(engine, bitmap, opts);
  return { ...ocr, findings: findingsFromLines(ocr.lines, opts.analyze) };
}
