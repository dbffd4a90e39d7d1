import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';

/**
 * The extension's promises, checked without a build: the manifest asks for nothing it does not
 * need and allows no remote or eval'd code, and our own sources never build HTML from strings or
 * evaluate code. (.ci/run audits the built bundle itself and runs web-ext lint.)
 */
type ManifestFn = (env: { browser: string; manifestVersion: number; mode: string; command: string }) => Record<string, any>;
const manifestFor = (browser: string) =>
  (config.manifest as unknown as ManifestFn)({ browser, manifestVersion: 3, mode: 'production', command: 'build' });

describe('manifest', () => {
  it.each([
    // Chrome hosts the OCR of attached images in an offscreen document; Firefox in its background page.
    ['chrome', ['storage', 'scripting', 'offscreen']],
    ['firefox', ['storage', 'scripting']],
  ])('%s: only storage, scripting (user-added sites) and the OCR host; hosts are optional', (browser, permissions) => {
    const m = manifestFor(browser as string);
    expect(m.permissions).toEqual(permissions);
    expect(m.host_permissions).toBeUndefined();
    expect(m.optional_host_permissions.every((h: string) => h.startsWith('https://'))).toBe(true);
  });

  it.each(['chrome', 'firefox'])('%s: the CSP allows only our own scripts (no unsafe-eval, no remote source)', (browser) => {
    const csp: string = manifestFor(browser).content_security_policy.extension_pages;
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toMatch(/'unsafe-eval'|'unsafe-inline'|https?:|\*/);
    // WebAssembly for the OCR core only: compiling wasm, not evaluating strings.
    expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval';/);
  });

  it.each(['chrome', 'firefox'])('%s: the engine file is reachable by the content script (imported on demand) and nothing else is exposed', (browser) => {
    const war = manifestFor(browser).web_accessible_resources;
    expect(war).toHaveLength(1);
    expect(war[0].resources).toEqual(['engine.js']);
    // user-added Mastodon instances are https origins: the content script runs there too
    expect(war[0].matches).toContain('https://*/*');
  });

  it('the content script never imports the engine statically (it would be ~390 KB gzip on every covered page)', () => {
    const src = readFileSync(join(__dirname, '../../entrypoints/content.ts'), 'utf8');
    expect(src).not.toMatch(/from ['"][^'"]*engine\/(analyze|registry|detectors)/);
    expect(src).toMatch(/getURL\(['"]\/engine\.js['"]\)/);
  });

  it('firefox: gecko id, no data collection, and an Android minimum that supports that key', () => {
    const b = manifestFor('firefox').browser_specific_settings;
    expect(b.gecko.id).toMatch(/@/);
    expect(b.gecko.data_collection_permissions).toEqual({ required: ['none'] });
    // data_collection_permissions exists on Firefox for Android from 142 (web-ext lint warns otherwise)
    expect(parseFloat(b.gecko_android.strict_min_version)).toBeGreaterThanOrEqual(142);
  });

  it('chrome: messages are cloned structurally (image bytes to the OCR host); Firefox does so without the key', () => {
    expect(manifestFor('chrome').message_serialization).toBe('structured_clone');
    expect(manifestFor('firefox').message_serialization).toBeUndefined();
  });

  it('chrome: no Firefox-only keys', () => {
    expect(manifestFor('chrome').browser_specific_settings).toBeUndefined();
  });
});

/** Every .ts/.tsx file under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

describe('sources', () => {
  const files = [...sources('src'), ...sources('entrypoints')];
  // comments may mention these words; code may not use them
  const code = (p: string) => readFileSync(p, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

  it('finds the sources', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each([
    // evaluated code (MV3 forbids it; AMO rejects it)
    ['eval', /\beval\s*\(|new\s+Function\s*\(/],
    // HTML from strings (web-ext lint UNSAFE_VAR_ASSIGNMENT; XSS on a page full of user text)
    ['HTML from strings', /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write/],
    // remote scripts or workers
    ['remote code', /importScripts\s*\(\s*['"`]https?:|<script[^>]+src=["'`]https?:|import\s*\(\s*['"`]https?:/],
  ])('use no %s', (_label, re) => {
    const offenders = files.filter((f) => re.test(code(f)));
    expect(offenders).toEqual([]);
  });
});
