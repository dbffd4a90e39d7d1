#!/usr/bin/env node
/**
 * Build audit (run by .ci/run after `npm run build`): MV3 forbids remote code, and a draft, an
 * image or a finding must never leave the browser. For each of .output/chrome-mv3 and
 * .output/firefox-mv3 it checks:
 *  1. no eval / new Function / importScripts in our own bundles. The OCR runtime under ocr/ is
 *     vendored (worker, cores, model, face-api bundle, face weights, tfjs wasm binaries copied from
 *     node_modules by scripts/copy-ocr-assets.mjs) and exempt only when every file is byte-identical to its npm source;
 *  2. network APIs only where they are meant to be: background.js (the one rule-pack fetch over
 *     https, issue 7; in Firefox it also hosts OCR) and the offscreen OCR document (tesseract.js
 *     reads the extension's own ocr/ files). Never in a content script, the popup or options;
 *  3. no URL to a host outside a short list of documentation hosts that appear in library error
 *     messages and licence notes (never fetched), and no CDN at all;
 *  4. no remote <script src>;
 *  5. the content script (loaded on every covered page) is at most 150 KB gzip (issue 6).
 * Exits 1 with every problem listed.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const pkgDir = (name) => path.dirname(require.resolve(`${name}/package.json`, { paths: [root] }));

const DOC_HOSTS = new Set([
  'www.w3.org', 'ns.adobe.com', 'github.com', 'wxt.dev', 'rolldown.rs', 'creativecommons.org',
  'opencollective.com', 'localhost', 'www.orpha.net', 'orpha.net',
]);
const CDN = /(jsdelivr|unpkg|cdnjs|googleapis|gstatic|cloudflare|esm\.sh|skypack)/i;
const DYNAMIC = /\beval\(|new Function\(|\bFunction\(["'`]|importScripts\(/;
const NETWORK = /\bfetch\(|XMLHttpRequest|new WebSocket|sendBeacon|new EventSource/;
const CONTENT_GZIP_MAX = 150 * 1024;
const NETWORK_OK = [/^background\.js$/, /^chunks\/offscreen-[\w-]+\.js$/];

const walk = (dir) => readdirSync(dir).flatMap((f) => {
  const p = path.join(dir, f);
  return statSync(p).isDirectory() ? walk(p) : [p];
});
const sha = (p) => createHash('sha256').update(readFileSync(p)).digest('hex');

function vendoredSources() {
  const map = new Map();
  const add = (dir) => { if (existsSync(dir)) for (const f of readdirSync(dir)) { const p = path.join(dir, f); if (statSync(p).isFile()) map.set(sha(p), p); } };
  add(path.join(pkgDir('tesseract.js'), 'dist'));
  add(pkgDir('tesseract.js-core'));
  const data = pkgDir('@tesseract.js-data/eng');
  for (const d of readdirSync(data)) if (statSync(path.join(data, d)).isDirectory()) add(path.join(data, d));
  add(path.join(pkgDir('@vladmandic/face-api'), 'dist'));
  add(path.join(pkgDir('@vladmandic/face-api'), 'model'));
  add(path.join(pkgDir('@tensorflow/tfjs-backend-wasm'), 'dist'));
  return map;
}

const problems = [];
const sources = vendoredSources();
for (const target of ['chrome-mv3', 'firefox-mv3']) {
  const dir = path.join(root, '.output', target);
  if (!existsSync(dir)) { problems.push(`${target}: not built`); continue; }
  let files = 0;
  for (const file of walk(dir)) {
    files++;
    const rel = path.relative(dir, file).split(path.sep).join('/');
    if (rel.startsWith('ocr/')) {
      if (!sources.has(sha(file))) problems.push(`${target}/${rel}: under ocr/ but not byte-identical to a file of tesseract.js, tesseract.js-core, @tesseract.js-data/eng, @vladmandic/face-api or @tensorflow/tfjs-backend-wasm`);
      continue;
    }
    if (!/\.(js|html|json)$/.test(rel)) continue;
    const text = readFileSync(file, 'utf8');
    if (rel.endsWith('.js')) {
      if (DYNAMIC.test(text)) problems.push(`${target}/${rel}: eval, new Function or importScripts`);
      if (NETWORK.test(text) && !NETWORK_OK.some((re) => re.test(rel))) problems.push(`${target}/${rel}: network API outside the background and the offscreen OCR document`);
    }
    for (const m of text.matchAll(/https?:\/\/([^"'`\s)<>/:]+)[^"'`\s)<>]*/g)) {
      const host = m[1];
      if (host.includes('${') || host.startsWith('*')) continue; // a template (the admin's pack URL) or a permission pattern
      if (CDN.test(host) || !DOC_HOSTS.has(host)) problems.push(`${target}/${rel}: URL to ${host}`);
    }
    if (rel.endsWith('.html') && /<script[^>]+src="(https?:)?\/\//.test(text)) problems.push(`${target}/${rel}: remote script tag`);
  }
  // Issue 6: the script loaded on every covered page stays small; the engine is imported on demand.
  const content = path.join(dir, 'content-scripts', 'content.js');
  if (existsSync(content)) {
    const gz = gzipSync(readFileSync(content), { level: 9 }).length;
    if (gz > CONTENT_GZIP_MAX) problems.push(`${target}/content-scripts/content.js: ${Math.round(gz / 1024)} KB gzip, over ${CONTENT_GZIP_MAX / 1024} KB (does it import the engine statically?)`);
    else console.log(`  ${target}: content script ${Math.round(gz / 1024)} KB gzip`);
  }
  console.log(`  ${target}: ${files} files checked`);
}
if (problems.length) {
  console.error([...new Set(problems)].map((p) => `  ${p}`).join('\n'));
  process.exit(1);
}
console.log('  ok: no eval or new Function in our bundles, vendored OCR files identical to npm, network APIs only in the background and the offscreen OCR document, no remote URL');
