#!/usr/bin/env node
// Copies the OCR runtime the extension ships into public/ocr/ (WXT copies public/ into the
// build): the tesseract.js worker, the LSTM-only cores (plain, simd, relaxedsimd) and the
// chosen English model. Not committed: these are node_modules content, copied at build time
// (`npm run ocr:assets`, run by `prebuild`). Nothing is ever fetched from a CDN.
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
console.log(`ocr assets -> ${path.relative(process.cwd(), out)} (model ${MODEL})`);
