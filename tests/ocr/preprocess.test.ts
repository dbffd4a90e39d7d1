import { describe, expect, it } from 'vitest';
import { crop, edgeStrips, scale, textMap, toGrey, toPgm } from '../../src/ocr/preprocess';
import { paintBoxes } from '../../src/ocr/redact';
import { mergeLines } from '../../src/ocr/scan';
import type { Bitmap, GreyBitmap, OcrLine } from '../../src/ocr/types';

function grey(w: number, h: number, f: (x: number, y: number) => number): GreyBitmap {
  const data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data[y * w + x] = f(x, y);
  return { width: w, height: h, data };
}

describe('preprocess', () => {
  it('toGrey keeps the brightest channel (yellow and green overlays stay bright)', () => {
    const img: Bitmap = { width: 2, height: 1, data: new Uint8ClampedArray([250, 250, 0, 255, 0, 200, 0, 255]) };
    expect([...toGrey(img).data]).toEqual([250, 200]);
  });
  it('textMap draws bright text on dark and dark text on light both as dark ink on white', () => {
    // left half dark with a bright stroke at x=10; right half light with a dark stroke at x=50
    const g = grey(64, 32, (x) => (x < 32 ? (x === 10 ? 250 : 20) : (x === 50 ? 10 : 230)));
    const m = textMap(g, 5);
    expect(m.data[16 * 64 + 10]).toBeLessThan(60); // bright stroke -> ink
    expect(m.data[16 * 64 + 50]).toBeLessThan(60); // dark stroke -> ink
    expect(m.data[16 * 64 + 5]).toBe(255); // flat dark background -> white
    expect(m.data[16 * 64 + 58]).toBe(255); // flat light background -> white
  });
  it('scale, crop and PGM keep sizes consistent', () => {
    const g = grey(10, 6, (x, y) => x + y);
    expect(scale(g, 2)).toMatchObject({ width: 20, height: 12 });
    const c = crop(g, [2, 1, 5, 4]);
    expect(c).toMatchObject({ width: 3, height: 3 });
    expect(c.data[0]).toBe(3);
    const pgm = toPgm(c);
    expect(new TextDecoder().decode(pgm.subarray(0, 11))).toBe('P5\n3 3\n255\n');
    expect(pgm.length).toBe(11 + 9);
  });
  it('edgeStrips cover the four corners within the image', () => {
    const strips = edgeStrips(1000, 800);
    expect(strips).toHaveLength(4);
    for (const s of strips) expect(s[0] >= 0 && s[1] >= 0 && s[2] <= 1000 && s[3] <= 800).toBe(true);
    expect(strips.some((s) => s[0] === 0 && s[1] === 0)).toBe(true);
    expect(strips.some((s) => s[2] === 1000 && s[3] === 800)).toBe(true);
  });
});

describe('mergeLines', () => {
  const line = (text: string, box: [number, number, number, number]): OcrLine => ({ text, box, confidence: 90, words: [{ text, box, confidence: 90 }] });
  it('joins a label and its value on the same baseline, not lines far apart', () => {
    const merged = mergeLines([line('24031188', [60, 85, 136, 97]), line('Acc:', [12, 85, 47, 97]), line('Ref:', [825, 85, 860, 97])]);
    expect(merged.map((l) => l.text)).toEqual(['Acc: 24031188', 'Ref:']);
    expect(merged[0].box).toEqual([12, 85, 136, 97]);
  });
});

describe('paintBoxes', () => {
  it('paints solid black boxes with a margin, clamped, and leaves the rest and the size alone', () => {
    const img: Bitmap = { width: 20, height: 10, data: new Uint8ClampedArray(20 * 10 * 4).fill(200) };
    const out = paintBoxes(img, [[5, 3, 8, 5]], 2);
    expect(out).toMatchObject({ width: 20, height: 10 });
    const px = (x: number, y: number) => out.data[(y * 20 + x) * 4];
    expect(px(3, 1)).toBe(0); // margin corner
    expect(px(9, 6)).toBe(0); // margin, far corner
    expect(px(10, 7)).toBe(200); // outside
    expect(img.data[(4 * 20 + 6) * 4]).toBe(200); // input untouched
  });
});
