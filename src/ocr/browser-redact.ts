/**
 * The redacted copy in the browser: solid boxes (src/ocr/redact.ts, with its margin) painted on
 * the same decoded, oriented bitmap the OCR read, at the original size, re-encoded with
 * OffscreenCanvas.convertToBlob so that no metadata survives (a canvas carries none). PNG, JPEG
 * and WebP keep their format; GIF and BMP become PNG (docs/ocr.md). Images above
 * MAX_REDACT_PIXELS are redacted at that size (documented) to bound memory in the page.
 */
import type { DecodedImage } from './browser-decode';
import { pixelsOf } from './browser-decode';
import { paintBoxes, REDACT_MARGIN } from './redact';
import type { Box } from './types';

export const MAX_REDACT_PIXELS = 16_000_000;

export function redactedType(format: DecodedImage['format']): 'image/png' | 'image/jpeg' | 'image/webp' {
  return format === 'jpeg' ? 'image/jpeg' : format === 'webp' ? 'image/webp' : 'image/png';
}

/** The copy's file name: same stem, marked as redacted, the extension of the format written. */
export function redactedName(name: string, type: string): string {
  const ext = type === 'image/jpeg' ? 'jpg' : type === 'image/webp' ? 'webp' : 'png';
  const stem = name.replace(/\.[A-Za-z0-9]{1,5}$/, '') || 'image';
  return `${stem}-redacted.${ext}`;
}

/** Boxes in OCR pixels -> boxes in pixels of a `w` x `h` copy of the same image. */
export function scaleBoxes(boxes: readonly Box[], ocrWidth: number, w: number): Box[] {
  const s = w / ocrWidth;
  return boxes.map((b) => [Math.floor(b[0] * s), Math.floor(b[1] * s), Math.ceil(b[2] * s), Math.ceil(b[3] * s)] as Box);
}

export async function redactedFile(decoded: DecodedImage, boxes: readonly Box[], name: string): Promise<File> {
  const f = Math.min(1, Math.sqrt(MAX_REDACT_PIXELS / (decoded.width * decoded.height)));
  const w = Math.max(1, Math.round(decoded.width * f)), h = Math.max(1, Math.round(decoded.height * f));
  const scale = w / decoded.ocr.width;
  const painted = paintBoxes(pixelsOf(decoded.source, w, h), scaleBoxes(boxes, decoded.ocr.width, w), Math.ceil(REDACT_MARGIN * Math.max(1, scale)));
  const canvas = new OffscreenCanvas(w, h);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('the browser gave no canvas to write the copy');
  ctx.putImageData(new ImageData(painted.data as Uint8ClampedArray<ArrayBuffer>, w, h), 0, 0);
  const wanted = redactedType(decoded.format);
  const blob = await canvas.convertToBlob({ type: wanted, quality: 0.92 });
  // A browser that cannot write the format falls back to PNG: name the file by what was written.
  return new File([blob], redactedName(name, blob.type || wanted), { type: blob.type || wanted, lastModified: Date.now() });
}
