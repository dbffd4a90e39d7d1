/**
 * Faces (the 17th Safe Harbor identifier, "full-face photographs and any comparable images"): a
 * face in a clinical photo, or one reconstructed in a 3D rendering of a head CT or MR, becomes a
 * FACE finding with severity `block` and its box (issue 5). DOM-free core: the detector itself is
 * injected (Node: src/ocr/face-node.ts; the browser adapter passes its own), this file prepares
 * its input and turns its boxes into findings.
 */
import type { Bitmap, Box, ImageFinding } from './types';

/** RGB, 8-bit, row-major, `data.length === width * height * 3`: the detector's input. */
export interface RgbImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

export interface FaceBox {
  /** In the pixels of the image given to `detect`. */
  readonly box: Box;
  /** The detector's confidence, 0-1. */
  readonly score: number;
}

export interface FaceDetector {
  /** Which model, for reports and the bench (e.g. `face-api tiny_face_detector`). */
  readonly name: string;
  detect(img: RgbImage): Promise<FaceBox[]>;
}

/**
 * Longest side the detector sees. The tiny detector works on a 416x416 grid (faces down to
 * about 1/20 of the image side); a larger input only costs time. Chosen by measurement
 * (docs/ocr.md): 640 keeps every test face and costs ~150 ms with the wasm backend.
 */
export const FACE_INPUT_SIDE = 640;
/** Below this score a box is not reported (measured on the face-api sample photos and the dev image set). */
export const FACE_MIN_SCORE = 0.5;

export const FACE_MESSAGE = 'Looks like a face: a full-face photograph or a 3D rendering of a head is a HIPAA Safe Harbor identifier. Crop or cover it before posting.';

/** Area-average downscale of an RGBA bitmap to RGB with the longest side at most `side` (no upscaling). */
export function toRgb(img: Bitmap, side = FACE_INPUT_SIDE): { rgb: RgbImage; factor: number } {
  const f = Math.min(1, side / Math.max(img.width, img.height));
  const w = Math.max(1, Math.round(img.width * f)), h = Math.max(1, Math.round(img.height * f));
  const out = new Uint8Array(w * h * 3);
  const sx = img.width / w, sy = img.height / h;
  for (let y = 0; y < h; y++) {
    const y0 = Math.floor(y * sy), y1 = Math.max(y0 + 1, Math.min(img.height, Math.floor((y + 1) * sy)));
    for (let x = 0; x < w; x++) {
      const x0 = Math.floor(x * sx), x1 = Math.max(x0 + 1, Math.min(img.width, Math.floor((x + 1) * sx)));
      let r = 0, g = 0, b = 0;
      for (let yy = y0; yy < y1; yy++) {
        for (let xx = x0, p = (yy * img.width + x0) * 4; xx < x1; xx++, p += 4) {
          r += img.data[p]; g += img.data[p + 1]; b += img.data[p + 2];
        }
      }
      const n = (y1 - y0) * (x1 - x0), o = (y * w + x) * 3;
      out[o] = r / n; out[o + 1] = g / n; out[o + 2] = b / n;
    }
  }
  return { rgb: { width: w, height: h, data: out }, factor: w / img.width };
}

/** A box at or above this score stands alone; below it the mirror image must confirm it. */
export const FACE_SURE_SCORE = 0.8;

/** The image mirrored left to right. */
export function mirror(img: RgbImage): RgbImage {
  const { width: w, height: h, data } = img;
  const out = new Uint8Array(data.length);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const s = (y * w + x) * 3, d = (y * w + (w - 1 - x)) * 3;
      out[d] = data[s]; out[d + 1] = data[s + 1]; out[d + 2] = data[s + 2];
    }
  }
  return { width: w, height: h, data: out };
}

function iou(a: Box, b: Box): number {
  const ix = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0])), iy = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
  const inter = ix * iy;
  return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter || 1);
}

/**
 * Runs the detector on a bitmap; FACE findings with boxes in the bitmap's pixels. A face is
 * roughly symmetric, so the detector finds it in the mirrored image too; texture that happens to
 * look like a face (measured: an inverted abdominal MR scored 0.64) does not. A box under
 * FACE_SURE_SCORE is kept only when the mirrored pass finds it again (IoU >= 0.3); the second
 * pass runs only when there is such a box.
 */
export async function detectFaces(detector: FaceDetector, img: Bitmap, minScore = FACE_MIN_SCORE): Promise<ImageFinding[]> {
  const { rgb, factor } = toRgb(img);
  let faces = (await detector.detect(rgb)).filter((f) => f.score >= minScore);
  if (faces.some((f) => f.score < FACE_SURE_SCORE)) {
    const w = rgb.width;
    const mirrored = (await detector.detect(mirror(rgb))).map((f): Box => [w - f.box[2], f.box[1], w - f.box[0], f.box[3]]);
    faces = faces.filter((f) => f.score >= FACE_SURE_SCORE || mirrored.some((m) => iou(m, f.box) >= 0.3));
  }
  return faces.map((f) => ({
    category: 'phi',
    type: 'FACE',
    severity: 'block',
    message: FACE_MESSAGE,
    ruleId: `face/${detector.name}`,
    score: Math.round(f.score * 100) / 100,
    text: '',
    bbox: [
      Math.max(0, Math.floor(f.box[0] / factor)), Math.max(0, Math.floor(f.box[1] / factor)),
      Math.min(img.width, Math.ceil(f.box[2] / factor)), Math.min(img.height, Math.ceil(f.box[3] / factor)),
    ],
  }));
}

/** Below this the detector drops a box itself; `detectFaces` applies the reported threshold. */
export const DETECTOR_FLOOR = 0.3;
/** The tiny detector's square input grid (a multiple of 32; 416 measured best of 224/320/416/512). */
export const TINY_INPUT = 416;

/** The part of face-api's API the tiny detector uses (the Node and browser hosts pass their own copy). */
export interface TinyFaceApi {
  TinyFaceDetectorOptions: new (o: { inputSize: number; scoreThreshold: number }) => unknown;
  detectAllFaces(input: unknown, options: unknown): Promise<{ score: number; box: { x: number; y: number; width: number; height: number } }[]>;
}
/** The part of TensorFlow.js the tiny detector uses. */
export interface TinyTensorApi {
  tensor3d(values: Int32Array, shape: [number, number, number], dtype: 'int32'): { dispose(): void };
}

/** Wraps a loaded tiny_face_detector as a FaceDetector: one int32 tensor per image, disposed after. */
export function tinyFaceDetector(faceapi: TinyFaceApi, tf: TinyTensorApi, inputSize: number, scoreThreshold: number): FaceDetector {
  const options = new faceapi.TinyFaceDetectorOptions({ inputSize, scoreThreshold });
  return {
    name: 'tiny-face-detector',
    async detect(img: RgbImage): Promise<FaceBox[]> {
      const t = tf.tensor3d(Int32Array.from(img.data), [img.height, img.width, 3], 'int32');
      try {
        const found = await faceapi.detectAllFaces(t, options);
        return found.map((d) => ({ score: d.score, box: [Math.round(d.box.x), Math.round(d.box.y), Math.round(d.box.x + d.box.width), Math.round(d.box.y + d.box.height)] }));
      } finally {
        t.dispose();
      }
    },
  };
}
