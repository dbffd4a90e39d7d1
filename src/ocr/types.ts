/** Shared types of the image pipeline. Pure data: no DOM, no Node APIs. */
import type { Finding } from '../engine/types';

/** A decoded, oriented image: 8-bit RGBA, row-major, `data.length === width * height * 4`. */
export interface Bitmap {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray;
}

/** A one-channel 8-bit image (the preprocessed input of OCR). */
export interface GreyBitmap {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** `[x0, y0, x1, y1]` in pixels of the decoded bitmap; x1 and y1 exclusive. */
export type Box = [number, number, number, number];

export interface OcrWord {
  readonly text: string;
  readonly box: Box;
  /** Tesseract's confidence, 0-100. */
  readonly confidence: number;
}

export interface OcrLine {
  /** The words joined with single spaces. */
  readonly text: string;
  readonly words: readonly OcrWord[];
  readonly box: Box;
  readonly confidence: number;
}

/** Recognises one preprocessed grey image; implemented over tesseract.js (src/ocr/tesseract.ts). */
export interface OcrEngine {
  recognize(img: GreyBitmap, psm: string): Promise<OcrLine[]>;
  terminate(): Promise<void>;
}

/** A PHI finding in an image: in the pixels (with `bbox`) or in the metadata (with `field`). */
export interface ImageFinding {
  readonly category: Finding['category'];
  readonly type: string;
  readonly severity: Finding['severity'];
  /** Plain-language reason, never containing the matched text. */
  readonly message: string;
  readonly ruleId: string;
  readonly score: number;
  /** The text that was read (OCR or metadata value). For the user's eyes only; never logged. */
  readonly text: string;
  /** Pixels: the word boxes of the span, merged. */
  readonly bbox?: Box;
  /** Metadata: the field it came from, e.g. `EXIF:Artist`, `XMP:description`, `GPS`. */
  readonly field?: string;
}

export interface ScanResult {
  readonly findings: ImageFinding[];
  readonly ms: number;
  /** Only part of the image was checked (frame 1 of an animation, a time limit in the second pass). */
  readonly partial?: string;
  /** Nothing could be checked: never report such an image as clean. */
  readonly notChecked?: string;
}
