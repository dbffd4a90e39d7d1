/**
 * Content-script side of the image check: decode and EXIF-orient an attached file once
 * (`createImageBitmap` with `imageOrientation: 'from-image'`), downscale it for the OCR, and get
 * its pixels through an OffscreenCanvas. The same decoded source serves the OCR, the preview in
 * the panel and the redacted copy (src/ocr/browser-redact.ts). Bad input is an ImageCheckError
 * with a reason for the user, never a crash and never "clean" (docs/ocr.md, "Bad input").
 */
import { MAX_OCR_SIDE } from './limits';
import type { Bitmap } from './types';

export class ImageCheckError extends Error {}

/** Longest side of the bitmap sent to the OCR host (the OCR would downscale to this anyway). */
export const MAX_SEND_SIDE = MAX_OCR_SIDE;
/** Refused before any work (a decompression bomb). */
export const MAX_INPUT_PIXELS = 250_000_000;
/** Longest side of the preview kept for the warning panel. */
export const PREVIEW_SIDE = 480;
/** Metadata bytes sent to the host at most (a PNG's text chunks may sit after its pixels). */
export const MAX_META_BYTES = 8 * 1024 * 1024;

export type ImageFormat = 'png' | 'jpeg' | 'webp' | 'gif' | 'bmp' | 'svg';

export function sniffFormat(b: Uint8Array): ImageFormat | undefined {
  const ascii = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
  if (b.length >= 8 && b[0] === 0x89 && ascii(1, 4) === 'PNG') return 'png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (b.length >= 6 && /^GIF8[79]a$/.test(ascii(0, 6))) return 'gif';
  if (b.length >= 26 && ascii(0, 2) === 'BM') return 'bmp';
  const head = new TextDecoder().decode(b.subarray(0, 512)).trimStart().toLowerCase();
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'))) return 'svg';
  return undefined;
}

/** Frames of an animation, counted cheaply: GIF graphic-control blocks, WebP ANMF chunks. 1 when still. */
export function frameCount(b: Uint8Array, format: ImageFormat): number {
  let n = 0;
  if (format === 'gif') {
    for (let i = 0; i + 3 < b.length; i++) if (b[i] === 0x21 && b[i + 1] === 0xf9 && b[i + 2] === 0x04) n++;
  } else if (format === 'webp') {
    for (let i = 12; i + 8 <= b.length;) {
      const id = String.fromCharCode(b[i], b[i + 1], b[i + 2], b[i + 3]);
      const size = b[i + 4] | (b[i + 5] << 8) | (b[i + 6] << 16) | (b[i + 7] << 24);
      if (id === 'ANMF') n++;
      if (size < 0) break;
      i += 8 + size + (size & 1);
    }
  }
  return Math.max(1, n);
}

/**
 * The bytes that hold the metadata: a JPEG's segments before its first scan (EXIF, XMP and IPTC
 * all live there), otherwise the whole file up to MAX_META_BYTES. Not a metadata parser: exifr
 * reads these bytes in the host.
 */
export function metadataBytes(b: Uint8Array, format: ImageFormat): Uint8Array {
  if (format === 'jpeg') {
    for (let i = 2; i + 4 <= b.length;) {
      if (b[i] !== 0xff) break;
      const marker = b[i + 1];
      if (marker === 0xda || marker === 0xd9) return b.subarray(0, i); // start of scan / end of image
      i += 2 + ((b[i + 2] << 8) | b[i + 3]);
    }
  }
  return b.subarray(0, Math.min(b.length, MAX_META_BYTES));
}

export interface DecodedImage {
  /** The oriented image, full size: the source of the preview and of the redacted copy. */
  readonly source: ImageBitmap;
  /** Oriented size of the original. */
  readonly width: number;
  readonly height: number;
  /** What the OCR reads: `source` downscaled to MAX_SEND_SIDE; finding boxes are in its pixels. */
  readonly ocr: Bitmap;
  /** `ocr.width / width`. */
  readonly factor: number;
  readonly format: ImageFormat;
  readonly meta: Uint8Array;
  /** Set when only part of the image is checked (frame 1 of an animation). */
  readonly partial?: string;
}

/** Pixels of `source` drawn at `width` x `height`. */
export function pixelsOf(source: CanvasImageSource, width: number, height: number): Bitmap {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new ImageCheckError('the browser gave no canvas to read the image');
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(source, 0, 0, width, height);
  const { data } = ctx.getImageData(0, 0, width, height);
  return { width, height, data };
}

export async function decodeImageFile(file: Blob): Promise<DecodedImage> {
  if (file.size === 0) throw new ImageCheckError('empty file (0 bytes)');
  const bytes = new Uint8Array(await file.arrayBuffer());
  const format = sniffFormat(bytes);
  if (!format) throw new ImageCheckError('not an image, or a format Clearpost does not read (PNG, JPEG, WebP, GIF, BMP)');
  if (format === 'svg') throw new ImageCheckError('SVG is not checked: its text is code, not pixels; export it as PNG first');
  let source: ImageBitmap;
  try {
    source = await createImageBitmap(new Blob([bytes], { type: file.type || `image/${format}` }), { imageOrientation: 'from-image' });
  } catch {
    throw new ImageCheckError(`${format.toUpperCase()} could not be decoded (truncated or corrupt)`);
  }
  const { width, height } = source;
  if (!width || !height) throw new ImageCheckError(`${format.toUpperCase()} has no pixels`);
  if (width * height > MAX_INPUT_PIXELS) {
    source.close();
    throw new ImageCheckError(`image too large to check (${Math.round((width * height) / 1e6)} megapixels)`);
  }
  const f = Math.min(1, MAX_SEND_SIDE / Math.max(width, height));
  const w = Math.max(1, Math.round(width * f)), h = Math.max(1, Math.round(height * f));
  const ocr = pixelsOf(source, w, h);
  const frames = frameCount(bytes, format);
  return {
    source, width, height, ocr, factor: w / width, format, meta: metadataBytes(bytes, format),
    ...(frames > 1 ? { partial: `animated ${format.toUpperCase()}: only frame 1 of ${frames} was checked` } : {}),
  };
}
