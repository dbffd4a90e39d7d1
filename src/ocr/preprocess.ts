/**
 * Preprocessing for burned-in overlay text, on plain arrays (no DOM): grey scale, inversion of
 * dark backgrounds, upscaling of small text, contrast stretch, crops of the edge strips where
 * overlays live. Chosen by measurement with `npm run eval:images` (docs/ocr.md).
 */
import type { Bitmap, Box, GreyBitmap } from './types';

/**
 * Grey by the brightest channel: overlay text is white, yellow or green on a dark image, and
 * max(R,G,B) keeps all of them bright where luma makes green and yellow dimmer than bone.
 */
export function toGrey(img: Bitmap): GreyBitmap {
  const n = img.width * img.height;
  const out = new Uint8Array(n);
  const d = img.data;
  for (let i = 0, p = 0; i < n; i++, p += 4) {
    const r = d[p], g = d[p + 1], b = d[p + 2];
    out[i] = r > g ? (r > b ? r : b) : (g > b ? g : b);
  }
  return { width: img.width, height: img.height, data: out };
}

function histogram(g: GreyBitmap): Uint32Array {
  const h = new Uint32Array(256);
  for (let i = 0; i < g.data.length; i++) h[g.data[i]]++;
  return h;
}

function percentile(h: Uint32Array, total: number, q: number): number {
  const target = total * q;
  let acc = 0;
  for (let v = 0; v < 256; v++) {
    acc += h[v];
    if (acc >= target) return v;
  }
  return 255;
}

/** Median grey below 128: light text on a dark image, which Tesseract reads best inverted. */
export function isDark(g: GreyBitmap): boolean {
  return percentile(histogram(g), g.data.length, 0.5) < 128;
}

/** Inverts (so text is dark on light) and stretches contrast between the 1st and 99.5th percentiles. */
export function normalizeContrast(g: GreyBitmap, invert: boolean): GreyBitmap {
  const h = histogram(g);
  const lo = percentile(h, g.data.length, 0.01);
  const hi = Math.max(lo + 1, percentile(h, g.data.length, 0.995));
  const lut = new Uint8Array(256);
  for (let v = 0; v < 256; v++) {
    const s = Math.round(((Math.min(hi, Math.max(lo, v)) - lo) * 255) / (hi - lo));
    lut[v] = invert ? 255 - s : s;
  }
  const out = new Uint8Array(g.data.length);
  for (let i = 0; i < out.length; i++) out[i] = lut[g.data[i]];
  return { width: g.width, height: g.height, data: out };
}

/** Crops `[x0, y0, x1, y1]` (clamped). */
export function crop(g: GreyBitmap, box: Box): GreyBitmap {
  const x0 = Math.max(0, Math.floor(box[0])), y0 = Math.max(0, Math.floor(box[1]));
  const x1 = Math.min(g.width, Math.ceil(box[2])), y1 = Math.min(g.height, Math.ceil(box[3]));
  const w = Math.max(0, x1 - x0), h = Math.max(0, y1 - y0);
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) out.set(g.data.subarray((y0 + y) * g.width + x0, (y0 + y) * g.width + x0 + w), y * w);
  return { width: w, height: h, data: out };
}

/** Bilinear resize by `factor` (upscaling small text; downscaling huge images). */
export function scale(g: GreyBitmap, factor: number): GreyBitmap {
  if (factor === 1) return g;
  const w = Math.max(1, Math.round(g.width * factor)), h = Math.max(1, Math.round(g.height * factor));
  const out = new Uint8Array(w * h);
  const sx = g.width / w, sy = g.height / h;
  for (let y = 0; y < h; y++) {
    const fy = Math.max(0, (y + 0.5) * sy - 0.5);
    const y0 = Math.min(g.height - 1, Math.floor(fy)), y1 = Math.min(g.height - 1, y0 + 1), wy = fy - y0;
    const r0 = y0 * g.width, r1 = y1 * g.width;
    for (let x = 0; x < w; x++) {
      const fx = Math.max(0, (x + 0.5) * sx - 0.5);
      const x0 = Math.min(g.width - 1, Math.floor(fx)), x1 = Math.min(g.width - 1, x0 + 1), wx = fx - x0;
      const top = g.data[r0 + x0] * (1 - wx) + g.data[r0 + x1] * wx;
      const bot = g.data[r1 + x0] * (1 - wx) + g.data[r1 + x1] * wx;
      out[y * w + x] = Math.round(top * (1 - wy) + bot * wy);
    }
  }
  return { width: w, height: h, data: out };
}

/** A binary PGM (P5): the plain image format Leptonica reads without a DOM or a codec. */
export function toPgm(g: GreyBitmap): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${g.width} ${g.height}\n255\n`);
  const out = new Uint8Array(header.length + g.data.length);
  out.set(header, 0);
  out.set(g.data, header.length);
  return out;
}

/**
 * The edge strips where overlays live (top and bottom bands, each split in a left and right
 * half so that a line is not merged with the text across the image), as boxes in the image.
 */
export function edgeStrips(width: number, height: number, band = 0.16): Box[] {
  const h = Math.max(24, Math.round(height * band));
  const half = Math.round(width / 2);
  return [
    [0, 0, half + 40, h], [half - 40, 0, width, h],
    [0, height - h, half + 40, height], [half - 40, height - h, width, height],
  ].map((b) => [Math.max(0, b[0]), Math.max(0, b[1]), Math.min(width, b[2]), Math.min(height, b[3])] as Box);
}

/** The left and right strips, full height, where vertical overlay lines (rotated 90/270) run. */
export function sideStrips(width: number, height: number, band = 0.15): Box[] {
  const w = Math.min(width, Math.max(24, Math.round(width * band)));
  return [[0, 0, w, height], [width - w, 0, width, height]];
}

/** Turns an image a quarter turn: clockwise (`cw`) or counter-clockwise. */
export function rotate90(g: GreyBitmap, cw: boolean): GreyBitmap {
  const { width: w, height: h, data } = g;
  const out = new Uint8Array(w * h);
  // The result is h wide and w high. cw: (x, y) -> (h-1-y, x); ccw: (x, y) -> (y, w-1-x).
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) out[cw ? x * h + (h - 1 - y) : (w - 1 - x) * h + y] = data[y * w + x];
  }
  return { width: h, height: w, data: out };
}

/** Paints boxes white (masks text already read before a second look at the same pixels). */
export function whiteOut(g: GreyBitmap, boxes: readonly Box[]): GreyBitmap {
  const data = new Uint8Array(g.data);
  for (const b of boxes) {
    const x0 = Math.max(0, Math.floor(b[0])), x1 = Math.min(g.width, Math.ceil(b[2]));
    for (let y = Math.max(0, Math.floor(b[1])); y < Math.min(g.height, Math.ceil(b[3])); y++) data.fill(255, y * g.width + x0, y * g.width + Math.max(x0, x1));
  }
  return { width: g.width, height: g.height, data };
}

/** Share of ink pixels (dark in a text map). */
export function inkShare(g: GreyBitmap): number {
  let n = 0;
  for (let i = 0; i < g.data.length; i++) if (g.data[i] < 128) n++;
  return g.data.length ? n / g.data.length : 0;
}

/**
 * Text map: ink is drawn dark on a flat white page whatever its colour. Each pixel is compared
 * with the mean of its neighbourhood (a box of `radius`): where that neighbourhood is dark the
 * text is the part brighter than it (white, yellow, green overlays), where it is light the
 * part darker (black text on a label or a light margin). One-sided, so the dark gaps between
 * bright letters stay white and letters do not merge; smooth anatomy fades. O(n) with an
 * integral image.
 */
export function textMap(g: GreyBitmap, radius = 15, lightAbove = 150): GreyBitmap {
  const { width: w, height: h, data } = g;
  const W = w + 1;
  const integral = new Float64Array(W * (h + 1));
  for (let y = 0; y < h; y++) {
    let row = 0;
    for (let x = 0; x < w; x++) {
      row += data[y * w + x];
      integral[(y + 1) * W + x + 1] = integral[y * W + x + 1] + row;
    }
  }
  // Stretch: a difference of `top` or more is full black; below `floor` stays white (noise, soft edges).
  const top = 80, floor = 12;
  const lut = new Uint8Array(256);
  for (let d = 0; d < 256; d++) lut[d] = 255 - Math.max(0, Math.min(255, Math.round(((d - floor) * 255) / (top - floor))));
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const ya = Math.max(0, y - radius), yb = Math.min(h, y + radius + 1);
    for (let x = 0; x < w; x++) {
      const xa = Math.max(0, x - radius), xb = Math.min(w, x + radius + 1);
      const sum = integral[yb * W + xb] - integral[ya * W + xb] - integral[yb * W + xa] + integral[ya * W + xa];
      const mean = sum / ((yb - ya) * (xb - xa));
      const v = data[y * w + x];
      const d = mean < lightAbove ? v - mean : mean - v;
      out[y * w + x] = d <= 0 ? 255 : lut[d > 255 ? 255 : Math.round(d)];
    }
  }
  return { width: w, height: h, data: out };
}
