/**
 * The face detector in Node: @vladmandic/face-api's tiny_face_detector (193 KB of weights that ship
 * in the npm package, a Tiny-YOLOv2-style net) on TensorFlow.js with the wasm backend, whose
 * .wasm files ship in @tensorflow/tfjs-backend-wasm. Nothing is downloaded; nothing native.
 * Loaded on the first image only (`getFaceDetector`), then kept warm.
 *
 * Chosen by measurement (docs/ocr.md): tiny_face_detector finds the faces of the face-api sample
 * photos at ~150 ms per image with wasm (ssd_mobilenetv1, 5.6 MB: ~1.1 s; the JS cpu backend:
 * ~1 s for tiny). face-api's Node build `require`s the full `@tensorflow/tfjs`; only tfjs-core's
 * ops are used, so it gets tfjs-core with the chained tensor methods (`t.as3D()`...) that the
 * full package would have registered. Its browser bundle (dist/face-api.esm.js) carries its own
 * TensorFlow.js and is the one for the extension.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { DETECTOR_FLOOR, TINY_INPUT, tinyFaceDetector, type FaceDetector, type TinyFaceApi, type TinyTensorApi } from './face';

const require = createRequire(import.meta.url);


// Minimal shapes of the libraries used here (both ship their own typings, too wide to import cleanly).
interface Tensor { dispose(): void; size: number; throwIfDisposed(): void }
interface Tf {
  Tensor: { prototype: Record<string, unknown> };
  tensor3d(data: Int32Array, shape: [number, number, number], dtype: 'int32'): Tensor;
  reshape(t: Tensor, shape: number[]): Tensor;
  cast(t: Tensor, dtype: string): Tensor;
  setBackend(name: string): Promise<boolean>;
  ready(): Promise<void>;
  getBackend(): string;
  io: { decodeWeights(buf: ArrayBuffer, specs: unknown): unknown };
  [op: string]: unknown;
}
interface FaceApi {
  nets: { tinyFaceDetector: { loadFromWeightMap(map: unknown): void } };
  TinyFaceDetectorOptions: new (o: { inputSize: number; scoreThreshold: number }) => unknown;
  detectAllFaces(input: Tensor, options: unknown): Promise<{ score: number; box: { x: number; y: number; width: number; height: number } }[]>;
}

/** The tensor methods (`t.as3D()`, `t.expandDims()`...) that the full tfjs package registers. */
function registerChainedOps(tf: Tf): void {
  const proto = tf.Tensor.prototype;
  if (proto.as3D) return;
  for (const [name, op] of Object.entries(tf)) {
    if (typeof op !== 'function' || !/^[a-z]/.test(name) || name in proto) continue;
    proto[name] = function (this: Tensor, ...args: unknown[]) {
      this.throwIfDisposed();
      return (op as (...a: unknown[]) => unknown)(this, ...args);
    };
  }
  const shapes: Record<string, (t: Tensor, a: number[]) => number[]> = {
    as1D: (t) => [t.size], as2D: (_t, a) => a.slice(0, 2), as3D: (_t, a) => a.slice(0, 3), as4D: (_t, a) => a.slice(0, 4), as5D: (_t, a) => a.slice(0, 5),
  };
  for (const [name, shape] of Object.entries(shapes)) proto[name] = function (this: Tensor, ...a: number[]) { return tf.reshape(this, shape(this, a)); };
  proto.asType = function (this: Tensor, dtype: string) { return tf.cast(this, dtype); };
  proto.toFloat = function (this: Tensor) { return tf.cast(this, 'float32'); };
  proto.toInt = function (this: Tensor) { return tf.cast(this, 'int32'); };
}

/** face-api's Node build, given tfjs-core where it asks for `@tensorflow/tfjs` (no global require hook). */
function loadFaceApi(tf: Tf): FaceApi {
  const file = require.resolve('@vladmandic/face-api/dist/face-api.node-wasm.js');
  const fn = vm.compileFunction(readFileSync(file, 'utf8'), ['exports', 'require', 'module', '__filename', '__dirname'], { filename: file });
  const mod = { exports: {} as FaceApi };
  const req = (id: string) => (id === '@tensorflow/tfjs' ? tf : require(id));
  fn(mod.exports, req, mod, file, path.dirname(file));
  return mod.exports;
}

export function faceModelDir(): string {
  return path.join(path.dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
}

async function createFaceDetector(): Promise<FaceDetector> {
  const tf = require('@tensorflow/tfjs-core') as Tf;
  const wasm = require('@tensorflow/tfjs-backend-wasm') as { setWasmPaths(p: string): void };
  registerChainedOps(tf);
  const faceapi = loadFaceApi(tf);
  if (tf.getBackend() !== 'wasm') {
    wasm.setWasmPaths(`${path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist')}/`);
    if (!(await tf.setBackend('wasm'))) throw new Error('the TensorFlow.js wasm backend did not start');
    await tf.ready();
  }
  const dir = faceModelDir();
  const manifest = JSON.parse(readFileSync(path.join(dir, 'tiny_face_detector_model-weights_manifest.json'), 'utf8')) as { weights: unknown }[];
  const bin = readFileSync(path.join(dir, 'tiny_face_detector_model.bin'));
  faceapi.nets.tinyFaceDetector.loadFromWeightMap(tf.io.decodeWeights(bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.length) as ArrayBuffer, manifest[0].weights));
  return tinyFaceDetector(faceapi as unknown as TinyFaceApi, tf as unknown as TinyTensorApi, TINY_INPUT, DETECTOR_FLOOR);
}

let detector: Promise<FaceDetector> | null = null;

/** The one warm detector, created on first use (the first image). */
export function getFaceDetector(): Promise<FaceDetector> {
  if (!detector) {
    detector = createFaceDetector();
    detector.catch(() => { detector = null; });
  }
  return detector;
}
