/**
 * The face detector in the browser (the OCR host: Chrome's offscreen document, Firefox's
 * background page). Same model as Node (src/ocr/face-node.ts): face-api's tiny_face_detector on
 * the TensorFlow.js wasm backend. Everything comes from the extension's own files, copied from npm
 * into `ocr/face/` by scripts/copy-ocr-assets.mjs and checked byte-identical by
 * scripts/audit-build.mjs: face-api's browser bundle (`face-api.esm.js`, which carries its own
 * TensorFlow.js with the wasm backend), the backend's `.wasm` binaries (same version, 4.22.0) and
 * the weights. Never a CDN.
 *
 * The bundle is imported from its extension URL on the first image only (not bundled into our
 * code: it holds a full TensorFlow.js, ~1.3 MB), then kept. The host sends the grey channel
 * (brightest of R, G, B) it already has; measured in Node on face-api's six sample photos, the
 * detector finds the same faces on that grey image as on the colour one.
 */
import { DETECTOR_FLOOR, TINY_INPUT, tinyFaceDetector, type FaceDetector, type TinyFaceApi, type TinyTensorApi } from './face';

/** Folder of the face files in the build (public/ocr/face/). */
export const FACE_ASSET_DIR = 'ocr/face';

// Minimal shapes of face-api's browser bundle (its own typings pull in all of TensorFlow.js).
interface Tensor { dispose(): void }
interface Tf {
  setWasmPaths(prefix: string): void;
  env(): { set(flag: string, value: boolean): void };
  io: { decodeWeights(buf: ArrayBuffer, specs: unknown): unknown };
  setBackend(name: string): Promise<boolean>;
  ready(): Promise<void>;
  getBackend(): string;
  tensor3d(data: Int32Array, shape: [number, number, number], dtype: 'int32'): Tensor;
}
interface FaceApiBrowser {
  tf: Tf;
  nets: { tinyFaceDetector: { loadFromWeightMap(map: unknown): void; isLoaded: boolean } };
  TinyFaceDetectorOptions: new (o: { inputSize: number; scoreThreshold: number }) => unknown;
  detectAllFaces(input: Tensor, options: unknown): Promise<{ score: number; box: { x: number; y: number; width: number; height: number } }[]>;
}

const MODEL = 'tiny_face_detector_model';

/** The bytes of one of the extension's own files. */
async function readUrl(url: string): Promise<ArrayBuffer> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`face model file missing from the extension (${res.status})`);
  return res.arrayBuffer();
}

/** Imports a module of the extension by its URL, outside the bundler (it is a vendored file). */
const importUrl = (url: string) => import(/* @vite-ignore */ url) as Promise<FaceApiBrowser>;

/**
 * Loads face-api from `assetUrl('ocr/face/face-api.esm.js')`, starts the wasm backend (binaries
 * from the same folder; the JS cpu backend if wasm does not start) and the weights from the same
 * folder, read here as bytes (face-api's own `loadFromUri` rebuilds the URL and breaks a
 * `chrome-extension://` one).
 */
export async function createBrowserFaceDetector(
  assetUrl: (path: string) => string,
  load: (url: string) => Promise<FaceApiBrowser> = importUrl,
  read: (url: string) => Promise<ArrayBuffer> = readUrl,
): Promise<FaceDetector> {
  const dir = assetUrl(FACE_ASSET_DIR).replace(/\/$/, '');
  const faceapi = await load(`${dir}/face-api.esm.js`);
  const tf = faceapi.tf;
  if (tf.getBackend() !== 'wasm') {
    // Single-threaded: the threaded build spawns blob workers that cannot load in an extension page
    // (measured in Chromium: an endless stream of worker errors); only the plain and simd binaries ship.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    tf.setWasmPaths(`${dir}/`);
    const ok = await tf.setBackend('wasm').catch(() => false);
    if (!ok && !(await tf.setBackend('cpu'))) throw new Error('no TensorFlow.js backend started');
    await tf.ready();
  }
  if (!faceapi.nets.tinyFaceDetector.isLoaded) {
    const [manifest, bin] = await Promise.all([read(`${dir}/${MODEL}-weights_manifest.json`), read(`${dir}/${MODEL}.bin`)]);
    const specs = (JSON.parse(new TextDecoder().decode(manifest)) as { weights: unknown }[])[0].weights;
    faceapi.nets.tinyFaceDetector.loadFromWeightMap(tf.io.decodeWeights(bin, specs));
  }
  return tinyFaceDetector(faceapi as unknown as TinyFaceApi, tf as unknown as TinyTensorApi, TINY_INPUT, DETECTOR_FLOOR);
}
