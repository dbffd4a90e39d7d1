#!/usr/bin/env node
// Copies the OCR runtime the extension ships into public/ocr/ (WXT copies public/ into the
// build): the tesseract.js worker, the LSTM-only cores (plain, simd, relaxedsimd) and the
// chosen English model; the face detector's files under face/. Not committed: these are
// node_modules content, copied at build time (`npm run ocr:assets`, run by `prebuild`). Nothing is ever fetched from a CDN.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const MODEL = '4.0.0_best_int'; // keep in step with OCR_MODEL in src/ocr/node.ts (docs/ocr.md)
const out = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'public', 'ocr');
const pkgDir = (name) => path.dirname(require.resolve(`${name}/package.json`));

mkdirSync(path.join(out, 'core'), { recursive: true });
mkdirSync(path.join(out, 'lang'), { recursive: true });
copyFileSync(path.join(pkgDir('tesseract.js'), 'dist', 'worker.min.js'), path.join(out, 'worker.min.js'));
const core = pkgDir('tesseract.js-core');
for (const f of readdirSync(core)) if (/^tesseract-core(-simd|-relaxedsimd)?-lstm\.(js|wasm|wasm\.js)$/.test(f)) copyFileSync(path.join(core, f), path.join(out, 'core', f));
copyFileSync(path.join(pkgDir('@tesseract.js-data/eng'), MODEL, 'eng.traineddata.gz'), path.join(out, 'lang', 'eng.traineddata.gz'));
// Faces (src/ocr/face-browser.ts): face-api's browser bundle (its own TensorFlow.js 4.22.0 with the
// wasm backend), the backend's single-threaded .wasm binaries of the same version (plain, simd),
// the tiny_face_detector weights.
mkdirSync(path.join(out, 'face'), { recursive: true });
const faceApi = pkgDir('@vladmandic/face-api');
copyFileSync(path.join(faceApi, 'dist', 'face-api.esm.js'), path.join(out, 'face', 'face-api.esm.js'));
for (const f of ['tiny_face_detector_model-weights_manifest.json', 'tiny_face_detector_model.bin']) copyFileSync(path.join(faceApi, 'model', f), path.join(out, 'face', f));
const tfWasm = path.join(pkgDir('@tensorflow/tfjs-backend-wasm'), 'dist');
for (const f of readdirSync(tfWasm)) if (/^tfjs-backend-wasm(-simd)?\.wasm$/.test(f)) copyFileSync(path.join(tfWasm, f), path.join(out, 'face', f));
console.log(`ocr assets -> ${path.relative(process.cwd(), out)} (model ${MODEL})`);
