import { describe, expect, it } from 'vitest';
import { bytesOf, fromBase64, isOcrRequest, OCR_NS, toBase64 } from '../../src/ocr/browser-protocol';

describe('browser-protocol', () => {
  it.each([
    // empty payload
    [new Uint8Array(0)],
    // every byte value once
    [Uint8Array.from({ length: 256 }, (_, i) => i)],
    // larger than one btoa chunk (0x8000), odd length
    [Uint8Array.from({ length: 100_001 }, (_, i) => (i * 7919) & 255)],
  ])('base64 round-trips %#', (bytes) => {
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
  });

  it('matches the standard base64 alphabet (what atob in the host reads)', () => {
    expect(toBase64(new TextEncoder().encode('DOB?'))).toBe(btoa('DOB?'));
  });

  it('bytesOf reads base64, typed arrays (views included) and refuses anything else', () => {
    const b = Uint8Array.from([1, 2, 3, 4]);
    expect(bytesOf(toBase64(b))).toEqual(b);
    expect(bytesOf(b.subarray(1, 3))).toEqual(Uint8Array.from([2, 3]));
    expect(() => bytesOf({ 0: 1, 1: 2 })).toThrow(/structured clone/);
  });

  it.each([
    // ours
    [{ ns: OCR_NS, op: 'scan' }, true],
    // another extension message
    [{ ns: 'other', op: 'scan' }, false],
    // no op
    [{ ns: OCR_NS }, false],
    // not an object
    ['clearpost-ocr', false],
    [null, false],
  ])('isOcrRequest(%j) = %s', (m, want) => {
    expect(isOcrRequest(m)).toBe(want);
  });
});
