/**
 * The OCR host in the browser: one warm tesseract.js worker over the runtime files the extension
 * ships in `public/ocr/` (scripts/copy-ocr-assets.mjs), never a CDN. Chrome runs it in the
 * offscreen document (entrypoints/offscreen/), Firefox in the background page
 * (src/ocr/browser-broker.ts); the module is the same. See naptha/tesseract.js#961 and
 * docs/ocr.md: `workerBlobURL: false` (the blob worker does not load in an extension),
 * `cacheMethod: 'none'`, LSTM only, word boxes from `blocks`; the CSP needs 'wasm-unsafe-eval'.
 */
import { detectFaces, type FaceDetector } from './face';
import { createBrowserFaceDetector } from './face-browser';
import { metadataFindings } from './metadata';
import { bytesOf, type OcrRequest, type ScanReply, type ScanRequest } from './browser-protocol';
import { scanBitmap } from './scan';
import { createTesseractEngine, type TesseractPaths } from './tesseract';
import type { Bitmap, OcrEngine } from './types';

export interface OcrHostOptions {
  /** Absolute URL of a file of the extension (`browser.runtime.getURL`). */
  readonly assetUrl: (path: string) => string;
  /** For tests: the engine factory (default: tesseract.js with the bundled files). */
  readonly createEngine?: (paths: TesseractPaths) => Promise<OcrEngine>;
  /** For tests: the face detector factory (default: face-api from `ocr/face/`, src/ocr/face-browser.ts). */
  readonly createFaceDetector?: () => Promise<FaceDetector>;
}

export interface OcrHost {
  /** Creates the worker (once) and runs a small warm-up page, so the first real image is fast. */
  warm(): Promise<void>;
  scan(req: ScanRequest): Promise<ScanReply>;
  /** Terminates the worker (no composer is open any more). */
  release(): Promise<void>;
  /** The message handler: a promise for OCR requests, undefined for anything else. */
  handle(message: OcrRequest): Promise<unknown> | undefined;
}

/** The runtime files, as extension URLs (a folder for the cores: tesseract.js picks plain, simd or relaxedsimd). */
export function ocrPaths(assetUrl: (path: string) => string): TesseractPaths {
  return {
    workerPath: assetUrl('ocr/worker.min.js'),
    corePath: assetUrl('ocr/core').replace(/\/$/, ''),
    langPath: assetUrl('ocr/lang').replace(/\/$/, ''),
    workerBlobURL: false,
  };
}

/** An RGBA bitmap whose brightest channel is `grey` (what the OCR preprocessing reads). */
export function bitmapFromGrey(width: number, height: number, grey: Uint8Array): Bitmap {
  if (grey.length !== width * height) throw new Error('pixel data does not match the image size');
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0, p = 0; i < grey.length; i++, p += 4) {
    const v = grey[i];
    data[p] = v; data[p + 1] = v; data[p + 2] = v; data[p + 3] = 255;
  }
  return { width, height, data };
}

/** A small page with text: the first recognition in a fresh worker pays a one-off LSTM warm-up. */
function warmupPage(): Bitmap {
  const w = 160, h = 40;
  const grey = new Uint8Array(w * h).fill(255);
  // Three dark bars shaped like a word: enough for Tesseract to run its recogniser once.
  for (let y = 14; y < 26; y++) for (let x = 20; x < 140; x++) if ((x - 20) % 14 < 9) grey[y * w + x] = 0;
  return bitmapFromGrey(w, h, grey);
}

export function createOcrHost(opts: OcrHostOptions): OcrHost {
  const make = opts.createEngine ?? createTesseractEngine;
  let engine: Promise<OcrEngine> | null = null;
  let warmed: Promise<void> | null = null;
  /** One image at a time: the worker is single-threaded and the time limit is per image. */
  let queue: Promise<unknown> = Promise.resolve();

  /** The face detector, loaded on the first image (not at warm-up), then kept; a failed load is retried on the next image. */
  let faceDetector: Promise<FaceDetector> | null = null;
  const getFaceDetector = () => {
    if (!faceDetector) {
      faceDetector = opts.createFaceDetector ? opts.createFaceDetector() : createBrowserFaceDetector(opts.assetUrl);
      faceDetector.catch(() => { faceDetector = null; });
    }
    return faceDetector;
  };

  const getEngine = () => {
    if (!engine) {
      engine = make(ocrPaths(opts.assetUrl));
      engine.catch(() => { engine = null; warmed = null; });
    }
    return engine;
  };

  async function drop() {
    const p = engine;
    engine = null;
    warmed = null;
    if (p) await (await p.catch(() => null))?.terminate().catch(() => undefined);
  }

  async function runScan(req: ScanRequest): Promise<ScanReply> {
    const t0 = performance.now();
    try {
      const bitmap = bitmapFromGrey(req.width, req.height, bytesOf(req.grey));
      const meta = req.meta ? metadataFindings(bytesOf(req.meta)) : Promise.resolve([]);
      // Faces run here (wasm, this thread) while the OCR runs in its worker; a detector that fails leaves the image partly checked.
      let faceProblem: string | undefined;
      const faces = getFaceDetector().then((d) => detectFaces(d, bitmap)).catch((err: unknown) => {
        faceProblem = `faces not checked (${err instanceof Error ? err.message : String(err)})`;
        return [];
      });
      const scan = await scanBitmap(await getEngine(), bitmap, { timeLimitMs: req.timeLimitMs });
      // A time-out leaves the worker busy with the old page: start a fresh one.
      if (scan.notChecked || scan.partial) await drop();
      const faceFindings = await faces;
      const partial = [scan.partial, faceProblem].filter(Boolean).join('; ');
      return {
        ok: true,
        findings: [...(await meta), ...faceFindings, ...scan.findings],
        ...(partial ? { partial } : {}),
        ...(scan.notChecked ? { notChecked: scan.notChecked } : {}),
        ms: Math.round(performance.now() - t0),
      };
    } catch (err) {
      await drop();
      return { ok: false, error: err instanceof Error ? err.message : 'OCR failed' };
    }
  }

  const host: OcrHost = {
    warm() {
      warmed ??= (async () => {
        const e = await getEngine();
        await scanBitmap(e, warmupPage(), { timeLimitMs: 15_000, edgePass: false }).catch(() => undefined);
      })();
      return warmed;
    },
    scan(req) {
      const next = queue.then(() => runScan(req));
      queue = next.catch(() => undefined);
      return next;
    },
    release: drop,
    handle(message) {
      switch (message.op) {
        // Always answer with a reply, never a rejection: Chrome turns a non-Error rejection (a
        // tesseract.js worker error is a string) into an opaque message for the sender.
        case 'warm': return host.warm().then(() => ({ ok: true }), (err: unknown) => ({ ok: false, error: err instanceof Error ? err.message : String(err) }));
        case 'release': return host.release().then(() => ({ ok: true }));
        case 'scan': return host.scan(message);
        default: return undefined;
      }
    },
  };
  return host;
}
