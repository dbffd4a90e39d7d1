/** Redaction as a pure operator on a bitmap: solid black boxes, with a margin, over PHI. */
import type { Bitmap, Box } from './types';

/** Pixels added on every side of a finding's box (OCR boxes hug the ink; JPEG ringing spreads it). */
export const REDACT_MARGIN = 4;

export function paintBoxes(img: Bitmap, boxes: readonly Box[], margin = REDACT_MARGIN): Bitmap {
  const data = new Uint8ClampedArray(img.data);
  for (const b of boxes) {
    const x0 = Math.max(0, Math.floor(b[0]) - margin), y0 = Math.max(0, Math.floor(b[1]) - margin);
    const x1 = Math.min(img.width, Math.ceil(b[2]) + margin), y1 = Math.min(img.height, Math.ceil(b[3]) + margin);
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        const p = (y * img.width + x) * 4;
        data[p] = 0; data[p + 1] = 0; data[p + 2] = 0; data[p + 3] = 255;
      }
    }
  }
  return { width: img.width, height: img.height, data };
}
