import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useExtensionBrowser } from './support/browser';
import { GuardPage } from './support/guard-page';

// A photo with faces: one of face-api's own demo images, read from node_modules at test time
// (never committed). The panel must list a FACE finding (face-api's tiny_face_detector, loaded in
// the offscreen document from the extension's own ocr/face/ files on the first image).
const require = createRequire(import.meta.url);
const SAMPLE = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'demo', 'sample2.jpg');
const DRAFT = 'Great turnout at the conference today.';

const allRequests: string[] = [];

const ext = useExtensionBrowser({ setup: async (b) => {
  b.context.on('request', (r) => allRequests.push(r.url()));
}, timeout: 60_000 });
const port = ext.port;

describe('faces in attached images (textarea page, file input)', () => {
  it('a photo with a face stops the post with a FACE finding in the panel', async () => {
    const gp = await GuardPage.open(ext.browser.context, 'textarea', port);
    await gp.type(DRAFT);
    await gp.page.setInputFiles('input[type="file"]', { name: 'team.jpg', mimeType: 'image/jpeg', buffer: readFileSync(SAMPLE) });
    const t0 = Date.now();
    await gp.clickPost();
    await gp.waitForPanel();
    // Cold: offscreen document, OCR worker, and the face model load on this first image.
    let text: string[] = [];
    await expect.poll(async () => {
      text = (await gp.panel())?.text ?? [];
      return text.some((t) => /Looks like a face/.test(t));
    }, { timeout: 50_000, interval: 50 }).toBe(true).catch((err: unknown) => { throw new Error(`no FACE finding in the panel: ${JSON.stringify(text)}`, { cause: err }); });
    console.log(`faces e2e: Post click to FACE finding in the panel, cold: ${Date.now() - t0} ms`);
    expect(text.some((t) => /finding.* in image team\.jpg/.test(t))).toBe(true);
    expect(text.some((t) => /Not checked|Only partly checked/.test(t))).toBe(false);
    expect(await gp.posted()).toEqual([]);
    // No request left the page's origin or the extension (the offscreen document's own loads of ocr/face/ are not visible here).
    const foreign = gp.foreignRequests(allRequests);
    expect(foreign).toEqual([]);
    await gp.page.close();
  }, 60_000);
});
