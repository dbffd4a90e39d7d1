import { describe, expect, it } from 'vitest';
import { frameCount, metadataBytes, MAX_META_BYTES, sniffFormat } from '../../src/ocr/browser-decode';
import { redactedName, redactedType, scaleBoxes } from '../../src/ocr/browser-redact';

const bytes = (...parts: (number[] | string)[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('sniffFormat (by content, not by the file name)', () => {
  it.each([
    // PNG signature
    [bytes([0x89], 'PNG', [13, 10, 26, 10]), 'png'],
    // JPEG SOI + marker
    [bytes([0xff, 0xd8, 0xff, 0xe0]), 'jpeg'],
    // WebP RIFF container
    [bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '), 'webp'],
    // GIF 89a
    [bytes('GIF89a'), 'gif'],
    // BMP header (26 bytes minimum)
    [bytes('BM', new Array(30).fill(0)), 'bmp'],
    // SVG text, even with leading whitespace
    [bytes('  <svg xmlns="http://www.w3.org/2000/svg"></svg>'), 'svg'],
    // XML prolog then SVG
    [bytes('<?xml version="1.0"?><svg></svg>'), 'svg'],
    // a text file named .png
    [bytes('hello, not an image'), undefined],
    // too short to be a PNG
    [bytes([0x89], 'PN'), undefined],
  ])('%# -> %s', (b, want) => {
    expect(sniffFormat(b)).toBe(want);
  });
});

describe('frameCount', () => {
  const gce = [0x21, 0xf9, 0x04, 0, 0, 0, 0, 0];
  it('counts GIF graphic control blocks (frames)', () => {
    expect(frameCount(bytes('GIF89a', gce, [0x2c], gce, [0x2c], gce), 'gif')).toBe(3);
  });
  it('a still GIF is one frame', () => {
    expect(frameCount(bytes('GIF89a', [0x2c, 0, 0]), 'gif')).toBe(1);
  });
  it('counts WebP ANMF chunks and skips the others by their size', () => {
    const chunk = (id: string, n: number) => bytes(id, [n & 255, 0, 0, 0], new Array(n + (n & 1)).fill(0));
    const webp = Uint8Array.from([...bytes('RIFF', [0, 0, 0, 0], 'WEBP'), ...chunk('VP8X', 10), ...chunk('ANIM', 6), ...chunk('ANMF', 17), ...chunk('ANMF', 17)]);
    expect(frameCount(webp, 'webp')).toBe(2);
  });
  it('PNG and JPEG are one frame', () => {
    expect(frameCount(bytes([0x89], 'PNG'), 'png')).toBe(1);
  });
});

describe('metadataBytes', () => {
  it('a JPEG is cut before its first scan (EXIF/XMP/IPTC segments come first)', () => {
    const app1 = [0xff, 0xe1, 0x00, 0x06, 1, 2, 3, 4];
    const sos = [0xff, 0xda, 0x00, 0x04, 9, 9];
    const jpeg = bytes([0xff, 0xd8], app1, sos, new Array(1000).fill(7));
    expect(metadataBytes(jpeg, 'jpeg')).toEqual(bytes([0xff, 0xd8], app1));
  });
  it('a PNG is sent whole (text chunks may follow the pixels), up to the cap', () => {
    const png = new Uint8Array(1000);
    expect(metadataBytes(png, 'png').length).toBe(1000);
    expect(metadataBytes(new Uint8Array(MAX_META_BYTES + 5), 'png').length).toBe(MAX_META_BYTES);
  });
});

describe('redacted copy: format, name, boxes', () => {
  it.each([
    ['png', 'image/png'], ['jpeg', 'image/jpeg'], ['webp', 'image/webp'],
    // GIF and BMP become PNG (documented)
    ['gif', 'image/png'], ['bmp', 'image/png'],
  ] as const)('%s -> %s', (format, type) => {
    expect(redactedType(format)).toBe(type);
  });

  it.each([
    ['ct-head.png', 'image/png', 'ct-head-redacted.png'],
    ['IMG_2231.JPG', 'image/jpeg', 'IMG_2231-redacted.jpg'],
    ['loop.gif', 'image/png', 'loop-redacted.png'],
    // a pasted image has no name
    ['', 'image/png', 'image-redacted.png'],
  ])('%s (%s) -> %s', (name, type, want) => {
    expect(redactedName(name, type)).toBe(want);
  });

  it('scales boxes from the OCR bitmap to the full-size copy, never shrinking them', () => {
    expect(scaleBoxes([[10, 20, 30, 25]], 1000, 3000)).toEqual([[30, 60, 90, 75]]);
    expect(scaleBoxes([[1, 1, 2, 2]], 3, 4)).toEqual([[1, 1, 3, 3]]);
  });
});
