/**
 * Node adapter of the image check: decode and orient once with sharp, OCR with one warm
 * tesseract.js worker over the bundled language data, metadata with exifr, redacted copies.
 * Used by the CLI (`clearpost scan IMAGE`, `clearpost redact IMAGE -o OUT`), the eval and the bench.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp, { type Metadata, type OutputInfo, type Sharp } from 'sharp';
import type { AnalyzeOptions } from '../engine/types';
import { detectFaces } from './face';
import { getFaceDetector } from './face-node';
import { metadataFindings } from './metadata';
import { paintBoxes, REDACT_MARGIN } from './redact';
import { scanBitmap, type ScanOptions } from './scan';
import { createTesseractEngine } from './tesseract';
import type { Bitmap, Box, ImageFinding, OcrEngine, ScanResult } from './types';

const require = createRequire(import.meta.url);

/**
 * The language model, chosen by measurement (docs/ocr.md): `4.0.0_best_int` (3 MB, integer
 * LSTM) or `4.0.0` (11 MB, float). Both ship in @tesseract.js-data/eng.
 */
export const OCR_MODEL = '4.0.0_best_int';

export function modelDir(model: string = OCR_MODEL): string {
  return path.join(path.dirname(require.resolve('@tesseract.js-data/eng/package.json')), model);
}

export const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.webp', '.gif', '.bmp'] as const;
/** Decoded images above this many pixels are downscaled for the OCR (boxes are scaled back). */
export const MAX_DECODE_PIXELS = 16_000_000;
/** Refuse beyond this (a decompression bomb), before decoding. */
export const MAX_INPUT_PIXELS = 250_000_000;

export class ImageInputError extends Error {}

export interface Decoded {
  bitmap: Bitmap;
  /** Size of the oriented original, and the factor from it to `bitmap`. */
  width: number;
  height: number;
  factor: number;
  format: string;
  /** Set when only part of the image was decoded (frame 1 of an animation). */
  partial?: string;
}

function sniff(buf: Buffer): string | undefined {
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0x89504e47) return 'png';
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'jpeg';
  if (buf.length >= 12 && buf.toString('latin1', 0, 4) === 'RIFF' && buf.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  if (buf.length >= 6 && /^GIF8[79]a$/.test(buf.toString('latin1', 0, 6))) return 'gif';
  if (buf.length >= 26 && buf.toString('latin1', 0, 2) === 'BM') return 'bmp';
  const head = buf.toString('utf8', 0, Math.min(buf.length, 512)).trimStart().toLowerCase();
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'))) return 'svg';
  return undefined;
}

/** BMP through bmp-js (libvips has no BMP loader); it is a dependency of tesseract.js. */
function decodeBmp(buf: Buffer): { data: Buffer; width: number; height: number } {
  const bmp = require('bmp-js') as { decode(b: Buffer): { data: Buffer; width: number; height: number } };
  const d = bmp.decode(buf);
  // bmp-js yields ABGR; make it RGBA.
  const out = Buffer.alloc(d.width * d.height * 4);
  for (let i = 0; i < out.length; i += 4) {
    out[i] = d.data[i + 3]; out[i + 1] = d.data[i + 2]; out[i + 2] = d.data[i + 1]; out[i + 3] = 255;
  }
  return { data: out, width: d.width, height: d.height };
}

/** Reads, checks, decodes and EXIF-orients an image once; one bitmap for OCR and redaction. */
export async function decodeImage(buf: Buffer, maxPixels = MAX_DECODE_PIXELS): Promise<Decoded> {
  if (buf.length === 0) throw new ImageInputError('empty file (0 bytes)');
  const format = sniff(buf);
  if (!format) throw new ImageInputError('not an image, or a format Clearpost does not read (PNG, JPEG, WebP, GIF, BMP)');
  if (format === 'svg') throw new ImageInputError('SVG is not checked: its text is code, not pixels; export it as PNG first');
  let img: Sharp;
  let partial: string | undefined;
  if (format === 'bmp') {
    let raw;
    try { raw = decodeBmp(buf); } catch { throw new ImageInputError('BMP could not be decoded (truncated or an unsupported BMP variant)'); }
    img = sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: 4 } });
  } else {
    img = sharp(buf, { failOn: 'truncated', limitInputPixels: MAX_INPUT_PIXELS, animated: false });
    let meta: Metadata;
    try { meta = await img.metadata(); } catch (err) { throw new ImageInputError(`${format.toUpperCase()} could not be read: ${(err as Error).message}`); }
    if ((meta.pages ?? 1) > 1) partial = `animated ${format.toUpperCase()}: only frame 1 of ${meta.pages} was checked`;
    img = img.rotate();
  }
  let info: OutputInfo, data: Buffer;
  try {
    const probe = await img.clone().metadata();
    const oriented = (probe.orientation ?? 1) >= 5;
    const w = oriented ? probe.height! : probe.width!, h = oriented ? probe.width! : probe.height!;
    const factor = w * h > maxPixels ? Math.sqrt(maxPixels / (w * h)) : 1;
    if (factor < 1) img = img.resize(Math.max(1, Math.round(w * factor)), Math.max(1, Math.round(h * factor)), { fit: 'fill' });
    ({ data, info } = await img.ensureAlpha().raw().toBuffer({ resolveWithObject: true }));
    return {
      bitmap: { width: info.width, height: info.height, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length) },
      width: w, height: h, factor: info.width / w, format, partial,
    };
  } catch (err) {
    if (err instanceof ImageInputError) throw err;
    throw new ImageInputError(`${format.toUpperCase()} could not be decoded (truncated or corrupt): ${(err as Error).message}`);
  }
}

let enginePromise: Promise<OcrEngine> | null = null;
let engineModel = OCR_MODEL;

/** The one warm worker, created on first use. */
export function getEngine(model: string = OCR_MODEL): Promise<OcrEngine> {
  if (enginePromise && model !== engineModel) void closeOcr();
  if (!enginePromise) {
    engineModel = model;
    enginePromise = createTesseractEngine({ langPath: modelDir(model) });
    enginePromise.catch(() => { enginePromise = null; });
  }
  return enginePromise;
}

/** Releases the worker (the CLI calls it before exiting; a time-out calls it to kill a stuck job). */
export async function closeOcr(): Promise<void> {
  const p = enginePromise;
  enginePromise = null;
  if (p) await (await p.catch(() => null))?.terminate().catch(() => undefined);
}

export interface ImageScanOptions extends ScanOptions {
  model?: string;
  /** Skip the metadata check. */
  noMetadata?: boolean;
  /** Skip the pixels (metadata only). */
  noOcr?: boolean;
  /** Skip the face detector. */
  noFaces?: boolean;
}

const scaleBox = (b: Box, f: number, w: number, h: number): Box => f === 1 ? b
  : [Math.max(0, Math.floor(b[0] / f)), Math.max(0, Math.floor(b[1] / f)), Math.min(w, Math.ceil(b[2] / f)), Math.min(h, Math.ceil(b[3] / f))];

/**
 * Checks one image file: pixels (OCR) and metadata. Never throws for bad input: the result
 * then carries `notChecked` with the reason (and is never to be treated as clean).
 */
export async function scanImageFile(file: string, options: ImageScanOptions & { analyze?: AnalyzeOptions } = {}): Promise<ScanResult> {
  const t0 = performance.now();
  const ms = () => Math.round(performance.now() - t0);
  let buf: Buffer;
  try { buf = await readFile(file); } catch (err) { return { findings: [], ms: ms(), notChecked: `cannot read file: ${(err as NodeJS.ErrnoException).code ?? 'error'}` }; }
  let decoded: Decoded;
  try { decoded = await decodeImage(buf); } catch (err) {
    if (err instanceof ImageInputError) return { findings: [], ms: ms(), notChecked: err.message };
    throw err;
  }
  const findings: ImageFinding[] = [];
  if (!options.noMetadata) findings.push(...(await metadataFindings(buf, options.analyze)));
  let partial = decoded.partial;
  let notChecked: string | undefined;
  // Faces on the main thread (wasm) while the OCR runs in its worker: the two overlap.
  let faceProblem: string | undefined;
  const faces = options.noOcr || options.noFaces ? Promise.resolve([])
    : getFaceDetector().then((d) => detectFaces(d, decoded.bitmap)).catch((err: unknown) => {
      faceProblem = `faces not checked (${err instanceof Error ? err.message : String(err)})`;
      return [] as ImageFinding[];
    });
  if (!options.noOcr) {
    const engine = await getEngine(options.model);
    const scan = await scanBitmap(engine, decoded.bitmap, options);
    if (scan.notChecked || scan.partial) await closeOcr(); // the worker may still be busy: start afresh
    notChecked = scan.notChecked;
    partial = [partial, scan.partial].filter(Boolean).join('; ') || undefined;
    for (const f of scan.findings) findings.push(f.bbox ? { ...f, bbox: scaleBox(f.bbox, decoded.factor, decoded.width, decoded.height) } : f);
  }
  for (const f of await faces) findings.push({ ...f, bbox: scaleBox(f.bbox!, decoded.factor, decoded.width, decoded.height) });
  if (faceProblem) partial = [partial, faceProblem].filter(Boolean).join('; ');
  return { findings, ms: ms(), ...(partial ? { partial } : {}), ...(notChecked ? { notChecked } : {}) };
}

/** Output format of a redacted copy: PNG, JPEG and WebP keep theirs; GIF and BMP become PNG. */
export function redactedFormat(format: string): 'png' | 'jpeg' | 'webp' {
  return format === 'jpeg' || format === 'webp' ? format : 'png';
}

export interface RedactResult extends ScanResult {
  /** Where the copy was written (the extension may change: GIF/BMP -> .png). */
  out: string;
  format: 'png' | 'jpeg' | 'webp';
  boxes: Box[];
}

/**
 * Writes a redacted copy: solid boxes (with a margin) over every PHI finding in the pixels,
 * same size as the (oriented) original, re-encoded so no metadata survives. Refuses (throws
 * ImageInputError) when the image could not be checked, since a copy would look clean.
 */
export async function redactImageFile(file: string, out: string, options: ImageScanOptions = {}): Promise<RedactResult> {
  const scan = await scanImageFile(file, options);
  if (scan.notChecked) throw new ImageInputError(`not redacted: ${scan.notChecked}`);
  const buf = await readFile(file);
  const full = await decodeImage(buf, Number.MAX_SAFE_INTEGER);
  const boxes = scan.findings.flatMap((f) => (f.bbox ? [f.bbox] : []));
  const painted = paintBoxes(full.bitmap, boxes, REDACT_MARGIN);
  const format = redactedFormat(full.format);
  let target = out;
  if (format === 'png' && !/\.png$/i.test(out)) target = out.replace(/\.(gif|bmp)$/i, '') + '.png';
  // sharp writes no metadata unless asked (withMetadata/keepExif): EXIF, XMP, IPTC and text chunks are gone.
  const enc = sharp(Buffer.from(painted.data.buffer, painted.data.byteOffset, painted.data.length), { raw: { width: painted.width, height: painted.height, channels: 4 } });
  const bytes = format === 'jpeg' ? await enc.flatten({ background: '#ffffff' }).jpeg({ quality: 92 }).toBuffer()
    : format === 'webp' ? await enc.webp({ quality: 92 }).toBuffer()
    : await enc.png().toBuffer();
  await writeFile(target, bytes);
  return { ...scan, out: target, format, boxes };
}
