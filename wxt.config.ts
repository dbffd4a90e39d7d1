import { execFileSync } from 'node:child_process';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { failClosedRemoteDefaults } from './scripts/vite/fail-closed-remote';
import { COVERED_MATCHES } from './src/sites/matches';


export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  outDir: '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact(), failClosedRemoteDefaults()],
    // No modulepreload polyfill: every supported browser preloads modules natively, and the
    // polyfill is the only `fetch(` in the bundle (it only fetched our own chunks, but a bundle
    // with no network call at all is easier to audit).
    build: { sourcemap: false, modulePreload: { polyfill: false } },
  }),
  hooks: {
    // Every build (npm run build, the e2e harness, the demo) ships the OCR runtime copied from npm
    // into public/ocr/ (scripts/copy-ocr-assets.mjs): a fresh clone has no public/ocr/ otherwise.
    'build:before': (wxt) => {
      execFileSync(process.execPath, ['scripts/copy-ocr-assets.mjs'], { cwd: wxt.config.root, stdio: 'inherit' });
    },
    // The managed-storage schema ships at the root of the Chrome build (storage.managed_schema).
    'build:publicAssets': (wxt, files) => {
      if (wxt.config.browser !== 'firefox') files.push({ absoluteSrc: `${wxt.config.root}/rules/managed_schema.json`, relativeDest: 'managed_schema.json' });
    },
  },
  // Never let WXT download remote code into the bundle (MV3 forbids remote code).
  manifest: ({ browser }) => ({
    name: 'Clearpost',
    description:
      'Catches patient identifiers, patient-specific advice and missing disclaimers before you post. Runs entirely on your device.',
    // scripting: the content script on user-added Mastodon instances (src/guard/register-sites.ts).
    // offscreen (Chrome): the OCR of attached images runs in an offscreen document (src/ocr/browser-broker.ts).
    // The engine (entrypoints/engine.ts) is imported by the content script on demand. Every https
    // origin, not only COVERED_MATCHES: the content script also runs on user-added Mastodon instances.
    web_accessible_resources: [{ resources: ['engine.js'], matches: [...COVERED_MATCHES, 'https://*/*'] }],
    permissions: browser === 'firefox' ? ['storage', 'scripting'] : ['storage', 'scripting', 'offscreen'],
    optional_host_permissions: ['https://*/*'],
    // Enterprise policy (rules/managed_schema.json, docs/deploying.md): Chrome and Edge read
    // storage.managed against this schema; Firefox takes the same keys from policies.json.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed_schema.json' } }),
    // Attached images reach the OCR host as bytes, not JSON (62 ms instead of ~500 ms for 4 MB in
    // Chromium 156; src/ocr/browser-protocol.ts). Firefox clones structurally without asking.
    ...(browser === 'firefox' ? {} : { message_serialization: 'structured_clone' }),
    content_security_policy: {
      // 'wasm-unsafe-eval': the OCR's WebAssembly core (without it the worker hangs silently); nothing looser.
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'clearpost@clearpost.dev',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android supports data_collection_permissions from 142 only
            // (web-ext lint KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION).
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
