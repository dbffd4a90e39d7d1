/**
 * Content-script client of the OCR host: decodes an attached image once (browser-decode.ts),
 * sends its grey pixels and metadata bytes to the host (browser-protocol.ts) and returns an
 * ImageCheck for the guard, with what the panel needs: a preview, the boxes' coordinate space,
 * and a function that writes the redacted copy from the same bitmap. A time limit applies per
 * image; past it the image is "not checked", never clean.
 */
import { decodeImageFile, ImageCheckError, PREVIEW_SIDE, type DecodedImage } from './browser-decode';
import { HOLD_PORT, OCR_NS, toBase64, type EnsureReply, type OcrRequest, type ScanReply } from './browser-protocol';
import { redactedFile } from './browser-redact';
import { toGrey } from './preprocess';
import type { Box, ImageFinding } from './types';

export interface ImageCheck {
  /** checked: every pixel and the metadata were read; partial: part of it; notChecked: nothing usable. */
  readonly status: 'checked' | 'partial' | 'notChecked';
  /** Why the image is partial or not checked (for the user). */
  readonly reason?: string;
  readonly findings: readonly ImageFinding[];
  /** Milliseconds from the start of the check to its result. */
  readonly ms: number;
  /** A small copy of the image for the panel, and the size of the pixel space `bbox`es are in. */
  readonly preview?: ImageBitmap;
  readonly width?: number;
  readonly height?: number;
  /** Writes the redacted copy (absent when the image could not be checked). */
  readonly redact?: (name: string) => Promise<File>;
}

export interface PortHandle {
  readonly onDisconnect: { addListener(cb: () => void): void };
  disconnect(): void;
}

export interface ClientRuntime {
  connect(info: { name: string }): PortHandle;
  sendMessage(message: unknown): Promise<unknown>;
}

export interface OcrClient {
  /** A composer is open: keep the host's worker warm (idempotent). */
  hold(): void;
  release(): void;
  check(file: Blob): Promise<ImageCheck>;
}

export interface ClientOptions {
  /** OCR time limit per image in the host (default 20 s). */
  readonly timeLimitMs?: number;
  /** Extra time for the host to start and the messages to travel (default 15 s). */
  readonly startupMs?: number;
}

function timeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    p,
    new Promise<T>((_, reject) => { timer = setTimeout(() => reject(new ImageCheckError(what)), ms); }),
  ]).finally(() => clearTimeout(timer));
}

async function preview(decoded: DecodedImage): Promise<ImageBitmap | undefined> {
  const f = Math.min(1, PREVIEW_SIDE / Math.max(decoded.width, decoded.height));
  return createImageBitmap(decoded.source, {
    resizeWidth: Math.max(1, Math.round(decoded.width * f)), resizeHeight: Math.max(1, Math.round(decoded.height * f)), resizeQuality: 'medium',
  }).catch(() => undefined);
}

export function createOcrClient(runtime: ClientRuntime, opts: ClientOptions = {}): OcrClient {
  const timeLimitMs = opts.timeLimitMs ?? 20_000;
  const startupMs = opts.startupMs ?? 15_000;
  let port: PortHandle | null = null;
  let holding = false;

  const connect = () => {
    try {
      port = runtime.connect({ name: HOLD_PORT });
    } catch {
      port = null; // the extension was reloaded: this content script is orphaned
      return;
    }
    // Chrome's service worker may stop and drop the port: hold again while a composer is open.
    port.onDisconnect.addListener(() => { port = null; if (holding) setTimeout(() => { if (holding && !port) connect(); }, 1000); });
  };

  return {
    hold() {
      holding = true;
      if (!port) connect();
    },
    release() {
      holding = false;
      port?.disconnect();
      port = null;
    },
    async check(file) {
      const t0 = performance.now();
      const ms = () => Math.round(performance.now() - t0);
      let decoded: DecodedImage;
      try {
        decoded = await decodeImageFile(file);
      } catch (err) {
        return { status: 'notChecked', reason: err instanceof ImageCheckError ? err.message : 'the image could not be read', findings: [], ms: ms() };
      }
      const view = { preview: await preview(decoded), width: decoded.ocr.width, height: decoded.ocr.height };
      try {
        const ready = (await timeout(runtime.sendMessage({ ns: OCR_NS, op: 'ensure' } satisfies OcrRequest), startupMs, 'the on-device OCR did not start in time')) as EnsureReply | undefined;
        if (!ready?.ok) throw new ImageCheckError(ready?.error ?? 'the on-device OCR is not available');
        // Raw bytes where messaging clones structurally (the probe survived as bytes), else base64.
        const raw = ArrayBuffer.isView(ready.probe);
        const encode = (b: Uint8Array) => (raw ? b : toBase64(b));
        const g = toGrey(decoded.ocr);
        const request: OcrRequest = {
          ns: OCR_NS, op: 'scan', width: g.width, height: g.height, grey: encode(g.data),
          meta: encode(decoded.meta), timeLimitMs,
        };
        const reply = (await timeout(runtime.sendMessage(request), timeLimitMs + startupMs, 'time limit reached before the OCR finished')) as ScanReply | undefined;
        if (!reply) throw new ImageCheckError('the on-device OCR did not answer');
        if (!reply.ok) throw new ImageCheckError(reply.error);
        const partial = [decoded.partial, reply.partial].filter(Boolean).join('; ');
        const boxes = (): Box[] => reply.findings.flatMap((f) => (f.bbox ? [f.bbox] : []));
        return {
          status: reply.notChecked ? 'notChecked' : partial ? 'partial' : 'checked',
          ...(reply.notChecked || partial ? { reason: reply.notChecked ?? partial } : {}),
          findings: reply.findings,
          ms: ms(),
          ...view,
          ...(reply.notChecked ? {} : { redact: (name: string) => redactedFile(decoded, boxes(), name) }),
        };
      } catch (err) {
        return { status: 'notChecked', reason: err instanceof ImageCheckError ? err.message : 'the on-device OCR failed', findings: [], ms: ms(), ...view };
      }
    },
  };
}
