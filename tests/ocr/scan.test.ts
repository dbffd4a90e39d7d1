/**
 * The OCR passes of src/ocr/scan.ts beyond the first: quarter turns and their inverse on boxes,
 * masks, the noise trigger of the bright-ink pass, and vertical overlay lines read end to end.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { closeOcr, scanImageFile } from '../../src/ocr/node';
import { inkShare, rotate90, sideStrips, whiteOut } from '../../src/ocr/preprocess';
import { readNoise } from '../../src/ocr/scan';
import type { GreyBitmap, OcrLine } from '../../src/ocr/types';

const g3x2: GreyBitmap = { width: 3, height: 2, data: new Uint8Array([1, 2, 3, 4, 5, 6]) };

describe('quarter turns and masks', () => {
  it.each([
    // clockwise: the left column, bottom to top, becomes the top row
    [true, [4, 1, 5, 2, 6, 3]],
    // counter-clockwise: the right column, top to bottom, becomes the top row
    [false, [3, 6, 2, 5, 1, 4]],
  ])('rotate90 cw=%s', (cw, data) => {
    const r = rotate90(g3x2, cw);
    expect([r.width, r.height, [...r.data]]).toEqual([2, 3, data]);
    expect([...rotate90(r, !cw).data]).toEqual([...g3x2.data]); // and back
  });

  it('sideStrips: left and right bands, full height', () => {
    expect(sideStrips(1000, 800)).toEqual([[0, 0, 150, 800], [850, 0, 1000, 800]]);
  });

  it('whiteOut masks boxes (clamped) and inkShare counts what is left', () => {
    const black: GreyBitmap = { width: 10, height: 10, data: new Uint8Array(100) };
    expect(inkShare(black)).toBe(1);
    expect(inkShare(whiteOut(black, [[-5, 0, 5, 10]]))).toBe(0.5);
  });
});

const line = (confs: number[]): OcrLine => ({
  text: confs.map(() => 'AB').join(' '), box: [0, 0, 10, 10], confidence: 50,
  words: confs.map((c) => ({ text: 'AB', box: [0, 0, 10, 10] as [number, number, number, number], confidence: c })),
});

describe('readNoise: when the bright-ink pass runs', () => {
  it.each([
    // a clean read: many confident words
    [[90, 90, 90, 85, 80, 92, 88, 70, 30], false],
    // fewer than six good words
    [[90, 90, 20], true],
    // 40% or more of the words below 40 confidence (moiré, glare)
    [[90, 90, 90, 90, 90, 90, 10, 10, 10, 20], true],
  ])('%j -> %s', (confs, want) => {
    expect(readNoise([line(confs)])).toBe(want);
  });
});

describe('vertical overlay lines (rotated 90 and 270)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'clearpost-vert-'));
  afterAll(async () => { await closeOcr(); rmSync(dir, { recursive: true, force: true }); });

  it('reads a facility running down the left edge and an ID running up the right, with boxes on them', async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="900"><rect width="100%" height="100%" fill="#0c0c0c"/>`
      + `<ellipse cx="400" cy="450" rx="260" ry="360" fill="#777"/>`
      + `<text x="12" y="24" font-family="DejaVu Sans Mono" font-size="15" fill="#f0f0f0">120 kVp  2 mAs</text>`
      + `<text transform="translate(28,260) rotate(90)" font-family="DejaVu Sans" font-size="15" fill="#f0f0f0">Larchmont Valley Hospital</text>`
      + `<text transform="translate(780,700) rotate(-90)" font-family="DejaVu Sans Mono" font-size="15" fill="#f0f0f0">MRN 00583127</text></svg>`;
    const file = path.join(dir, 'vertical.jpg');
    writeFileSync(file, await sharp(Buffer.from(svg)).jpeg({ quality: 88 }).toBuffer());
    const res = await scanImageFile(file, { noFaces: true, noMetadata: true });
    const facility = res.findings.find((f) => f.type === 'FACILITY');
    const mrn = res.findings.find((f) => f.type === 'MRN');
    expect(facility?.bbox).toBeDefined();
    expect(mrn?.bbox).toBeDefined();
    // tall, narrow boxes on each edge, where the text was drawn
    const [fx0, fy0, fx1, fy1] = facility!.bbox!;
    expect(fx1).toBeLessThan(60);
    expect(fy0).toBeGreaterThanOrEqual(250);
    expect(fy1 - fy0).toBeGreaterThan(4 * (fx1 - fx0));
    const [mx0, my0, , my1] = mrn!.bbox!;
    expect(mx0).toBeGreaterThan(740);
    expect(my1).toBeLessThanOrEqual(710);
    expect(my0).toBeGreaterThan(550);
    expect(res.findings.some((f) => f.bbox![1] < 40)).toBe(false); // the kVp line is technical
  }, 60_000);
});
