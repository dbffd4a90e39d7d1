/** End to end in Node: rendered overlays through OCR, bad input, redacted copies. One warm worker. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { closeOcr, redactImageFile, scanImageFile } from '../../src/ocr/node';
import { renderPng } from './render';

const dir = mkdtempSync(path.join(tmpdir(), 'clearpost-ocr-'));
const file = (name: string, bytes: Buffer | string) => { const p = path.join(dir, name); writeFileSync(p, bytes); return p; };
afterAll(async () => { await closeOcr(); rmSync(dir, { recursive: true, force: true }); });

const PHI_ROWS = [
  { text: 'GRANT^OTTO', x: 10, y: 24 },
  { text: 'MRN: 00482913', x: 10, y: 50 },
  { text: 'DOB: 03/14/1961', x: 10, y: 76 },
];
const TECH_ROWS = [{ text: '120 kVp  250 mAs', x: 10, y: 450 }, { text: 'W 400 L 40', x: 480, y: 450 }];

describe('scanImageFile', () => {
  it('finds overlay PHI with boxes over the text, and not the technical line', async () => {
    const png = file('phi.png', await renderPng(640, 480, [...PHI_ROWS, ...TECH_ROWS]));
    const res = await scanImageFile(png);
    expect(res.notChecked).toBeUndefined();
    const types = res.findings.map((f) => f.type);
    expect(types).toEqual(expect.arrayContaining(['NAME', 'MRN', 'DATE']));
    for (const f of res.findings) {
      expect(f.bbox).toBeDefined();
      expect(f.bbox![1]).toBeLessThan(100); // all in the top-left overlay, none on the kVp line
      expect(f.bbox![0]).toBeLessThan(300);
    }
  }, 30_000);

  it('gives no finding on an image with technical text only', async () => {
    const png = file('clean.png', await renderPng(640, 480, TECH_ROWS));
    expect((await scanImageFile(png)).findings).toEqual([]);
  }, 30_000);

  it('reads GPS from EXIF as a metadata finding with a field', async () => {
    const jpg = file('gps.jpg', await sharp(await renderPng(320, 240, [])).jpeg()
      .withExif({ IFD0: { ImageDescription: 'DOE^JANE' } }).toBuffer());
    const res = await scanImageFile(jpg, { noOcr: true });
    expect(res.findings).toEqual([expect.objectContaining({ type: 'NAME', field: 'ifd0:ImageDescription' })]);
  }, 30_000);
});

describe('bad input: a clear reason, never clean', () => {
  it.each([
    ['empty.png', () => Buffer.alloc(0), /empty/], // zero bytes
    ['notes.jpg', () => Buffer.from('just some text, not an image'), /not an image/], // non-image with an image extension
    ['vector.png', () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><text>DOE^JANE</text></svg>'), /SVG/], // SVG
  ])('%s', async (name, bytes, reason) => {
    const res = await scanImageFile(file(name, bytes()));
    expect(res.notChecked).toMatch(reason);
    expect(res.findings).toEqual([]);
  });

  it('truncated PNG and JPEG', async () => {
    const png = await renderPng(320, 240, PHI_ROWS);
    const jpg = await sharp(png).jpeg().toBuffer();
    for (const [name, b] of [['cut.png', png], ['cut.jpg', jpg]] as const) {
      const res = await scanImageFile(file(name, b.subarray(0, Math.floor(b.length / 2))));
      expect(res.notChecked).toMatch(/could not be (read|decoded)/);
    }
  }, 30_000);

  it('animated GIF: frame 1 is checked and the result says partly checked', async () => {
    // two different frames (identical ones are merged by the encoder)
    const frames = [await renderPng(200, 100, []), await renderPng(200, 100, [{ text: 'X', x: 5, y: 50 }])];
    const gif = await sharp(frames, { join: { animated: true } }).gif().toBuffer();
    const res = await scanImageFile(file('anim.gif', gif));
    expect(res.notChecked).toBeUndefined();
    expect(res.partial).toMatch(/frame 1 of 2/);
  }, 30_000);

  it('a time limit turns into notChecked, not clean', async () => {
    const png = file('slow.png', await renderPng(640, 480, PHI_ROWS));
    const res = await scanImageFile(png, { timeLimitMs: 1 });
    expect(res.notChecked).toMatch(/time limit/);
  }, 30_000);
});

describe('redactImageFile', () => {
  it('writes a same-size copy with the PHI blacked out and no metadata; GIF becomes PNG', async () => {
    const src = file('red.jpg', await sharp(await renderPng(640, 480, [...PHI_ROWS, ...TECH_ROWS])).jpeg({ quality: 95 })
      .withExif({ IFD0: { Artist: 'GRANT, OTTO' } }).toBuffer());
    const res = await redactImageFile(src, path.join(dir, 'red-out.jpg'));
    expect(res.format).toBe('jpeg');
    const meta = await sharp(res.out).metadata();
    expect([meta.width, meta.height, meta.format]).toEqual([640, 480, 'jpeg']);
    expect(meta.exif).toBeUndefined();
    const again = await scanImageFile(res.out);
    expect(again.findings).toEqual([]); // nothing left to find, in pixels or metadata
    const { data } = await sharp(res.out).greyscale().raw().toBuffer({ resolveWithObject: true });
    const b = res.boxes[0];
    expect(data[Math.round((b[1] + b[3]) / 2) * 640 + Math.round((b[0] + b[2]) / 2)]).toBeLessThan(20);

    const gif = file('red.gif', await sharp(await renderPng(320, 240, PHI_ROWS)).gif().toBuffer());
    const g = await redactImageFile(gif, path.join(dir, 'red-gif-out.gif'));
    expect(g.format).toBe('png');
    expect(g.out.endsWith('.png')).toBe(true);
  }, 60_000);
});
