/**
 * Faces: the pure core (input preparation, mirror confirmation, boxes back in image pixels) with a
 * fake detector, then the real tiny_face_detector in Node on a photo that ships in the
 * @vladmandic/face-api package (demo/sample2.jpg: the project holds no face photos of its own).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { detectFaces, FACE_SURE_SCORE, mirror, toRgb, type FaceBox, type FaceDetector, type RgbImage } from '../../src/ocr/face';
import { getFaceDetector } from '../../src/ocr/face-node';
import type { Bitmap, Box } from '../../src/ocr/types';
import { renderPng, toBitmap } from './render';

const require = createRequire(import.meta.url);

function solid(width: number, height: number, rgb: [number, number, number]): Bitmap {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < data.length; i += 4) { data[i] = rgb[0]; data[i + 1] = rgb[1]; data[i + 2] = rgb[2]; data[i + 3] = 255; }
  return { width, height, data };
}

/** A fake detector: `first` on the image as given, `second` on the mirrored one (boxes in its own pixels). */
function fake(first: FaceBox[], second: FaceBox[] = []): FaceDetector & { calls: RgbImage[] } {
  const calls: RgbImage[] = [];
  return { name: 'fake', calls, async detect(img) { calls.push(img); return calls.length === 1 ? first : second; } };
}

describe('toRgb and mirror', () => {
  it('downscales to the input side by area average, never upscales', () => {
    const big = toRgb(solid(1280, 640, [10, 200, 30]));
    expect([big.rgb.width, big.rgb.height, big.factor]).toEqual([640, 320, 0.5]);
    expect([...big.rgb.data.subarray(0, 3)]).toEqual([10, 200, 30]);
    const small = toRgb(solid(100, 50, [1, 2, 3]));
    expect([small.rgb.width, small.rgb.height, small.factor]).toEqual([100, 50, 1]);
  });

  it('mirror flips each row', () => {
    const img: RgbImage = { width: 2, height: 1, data: new Uint8Array([1, 2, 3, 4, 5, 6]) };
    expect([...mirror(img).data]).toEqual([4, 5, 6, 1, 2, 3]);
  });
});

describe('detectFaces (fake detector)', () => {
  const img = solid(1280, 640, [90, 90, 90]); // detector sees 640x320, factor 0.5
  const box = (b: Box, score: number): FaceBox => ({ box: b, score });

  it.each([
    // a sure face stands alone, no mirrored pass; its box is scaled back to image pixels
    [[box([100, 50, 200, 150], 0.9)], [], [[200, 100, 400, 300]], 1],
    // a weak face the mirror confirms (mirrored box 640-200..640-100) is kept
    [[box([100, 50, 200, 150], 0.6)], [box([440, 52, 540, 150], 0.5)], [[200, 100, 400, 300]], 2],
    // a weak box the mirror does not find again is face-like texture: dropped
    [[box([0, 0, 300, 300], 0.64)], [], [], 2],
    // the mirror finds something else, elsewhere: still dropped
    [[box([100, 50, 200, 150], 0.6)], [box([100, 50, 200, 150], 0.9)], [], 2],
    // below the reporting threshold: nothing, and no second pass
    [[box([100, 50, 200, 150], 0.4)], [], [], 1],
  ])('%j / mirrored %j -> %j', async (first, second, boxes, passes) => {
    const d = fake(first, second);
    const found = await detectFaces(d, img);
    expect(found.map((f) => f.bbox)).toEqual(boxes);
    expect(d.calls.length).toBe(passes);
    for (const f of found) expect(f).toMatchObject({ type: 'FACE', severity: 'block', category: 'phi', ruleId: 'face/fake', text: '' });
  });

  it('the sure threshold is above the reporting one', () => {
    expect(FACE_SURE_SCORE).toBeGreaterThan(0.5);
  });
});

describe('tiny_face_detector in Node (weights from the npm package)', { timeout: 60_000 }, () => {
  const sample = path.join(path.dirname(require.resolve('@vladmandic/face-api/package.json')), 'demo', 'sample2.jpg');

  it('finds the face in a photo, with a box inside the image', async () => {
    const { data, info } = await sharp(sample).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const bmp: Bitmap = { width: info.width, height: info.height, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length) };
    const found = await detectFaces(await getFaceDetector(), bmp);
    expect(found.length).toBeGreaterThanOrEqual(1);
    for (const f of found) {
      const [x0, y0, x1, y1] = f.bbox!;
      expect(x0).toBeGreaterThanOrEqual(0);
      expect(x1).toBeLessThanOrEqual(info.width);
      expect(y1 - y0).toBeGreaterThan(50); // a face, not a speck
    }
  });

  it('finds it without colour too (a grey surface rendering of a head has no skin tone)', async () => {
    const { data, info } = await sharp(sample).resize(800).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    for (let i = 0; i < data.length; i += 4) data[i] = data[i + 1] = data[i + 2] = Math.round(0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2]);
    const found = await detectFaces(await getFaceDetector(), { width: info.width, height: info.height, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length) });
    expect(found.length).toBeGreaterThanOrEqual(1);
  });

  it('no face in an overlay screenshot', async () => {
    const bmp = await toBitmap(await renderPng(640, 480, [{ text: 'DOE^JANE  MRN: 00482913', x: 10, y: 24 }, { text: '120 kVp', x: 10, y: 450 }]));
    expect(await detectFaces(await getFaceDetector(), bmp)).toEqual([]);
  });
});
