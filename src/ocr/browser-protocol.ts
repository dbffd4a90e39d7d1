/**
 * Messages between the content script and the OCR host (Chrome: the offscreen document; Firefox:
 * the background page). Pixels and metadata bytes travel as a Uint8Array where the messaging
 * clones structurally (Firefox always; Chrome with the manifest's
 * `message_serialization: "structured_clone"`), else as base64 strings: Chrome's default JSON
 * turns a typed array into `{"0":…}`. The `ensure` reply carries a one-byte probe that tells the
 * content script which way works. Measured in Chromium 156 (background -> extension page):
 * 4 MB as a Uint8Array 62 ms; as base64 over JSON ~500 ms; as a JSON-ified typed array 4.4 s.
 * The pixels are one grey channel (the brightest of R, G, B, which is what the OCR preprocessing
 * reads first: `toGrey` in preprocess.ts), a quarter of RGBA; the host rebuilds an RGBA bitmap
 * whose `toGrey` is the same image.
 */
import type { ImageFinding } from './types';

export const OCR_NS = 'clearpost-ocr';
/** Name of the port a content script keeps open while a composer is open (holds the warm worker). */
export const HOLD_PORT = 'clearpost-ocr-hold';

/** Content script -> background: make sure the host exists and its worker is warm. */
export interface EnsureRequest { readonly ns: typeof OCR_NS; readonly op: 'ensure' }
/** Background (Chrome) -> offscreen host: create the worker now and run a warm-up page. */
export interface WarmRequest { readonly ns: typeof OCR_NS; readonly op: 'warm' }
/** Background (Chrome) -> offscreen host: release the worker (no composer left). */
export interface ReleaseRequest { readonly ns: typeof OCR_NS; readonly op: 'release' }

/** Content script -> host: check one decoded image. */
export interface ScanRequest {
  readonly ns: typeof OCR_NS;
  readonly op: 'scan';
  readonly width: number;
  readonly height: number;
  /** `width * height` bytes, the brightest channel: raw where messaging clones, else base64. */
  readonly grey: Uint8Array | string;
  /** The bytes that hold the file's metadata (EXIF/XMP/IPTC/PNG text), same encoding; absent: no metadata check. */
  readonly meta?: Uint8Array | string;
  /** Time limit of the OCR in the host; the content script also gives up a little later. */
  readonly timeLimitMs: number;
}

export type OcrRequest = EnsureRequest | WarmRequest | ReleaseRequest | ScanRequest;

/** Reply to `ensure`. `probe` is a Uint8Array after the trip only where messaging clones structurally. */
export interface EnsureReply {
  readonly ok: boolean;
  readonly error?: string;
  readonly probe?: unknown;
}

export type ScanReply =
  | { readonly ok: true; readonly findings: ImageFinding[]; readonly partial?: string; readonly notChecked?: string; readonly ms: number }
  | { readonly ok: false; readonly error: string };

export function isOcrRequest(m: unknown): m is OcrRequest {
  return !!m && typeof m === 'object' && (m as { ns?: unknown }).ns === OCR_NS && typeof (m as { op?: unknown }).op === 'string';
}

type B64Array = Uint8Array & { toBase64?: () => string };
type B64Ctor = typeof Uint8Array & { fromBase64?: (s: string) => Uint8Array };

/** Bytes -> base64 (native `toBase64` where the browser has it, else chunked btoa). */
export function toBase64(bytes: Uint8Array): string {
  const native = (bytes as B64Array).toBase64;
  if (typeof native === 'function') return native.call(bytes);
  let s = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) s += String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK) as unknown as number[]);
  return btoa(s);
}

/** The bytes of a message field: a typed array as it arrived, or base64. */
export function bytesOf(field: unknown): Uint8Array {
  if (typeof field === 'string') return fromBase64(field);
  if (ArrayBuffer.isView(field)) return new Uint8Array(field.buffer, field.byteOffset, field.byteLength);
  throw new Error('image data arrived unreadable (extension messaging without structured clone)');
}

export function fromBase64(text: string): Uint8Array {
  const native = (Uint8Array as B64Ctor).fromBase64;
  if (typeof native === 'function') return native(text);
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
