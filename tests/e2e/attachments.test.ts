import { describe, expect, it } from 'vitest';
import { useExtensionBrowser } from './support/browser';
import { GuardPage } from './support/guard-page';
import { attachPng as attach, renderScan, waitForImageFindings } from './support/scan-image';

// Images rendered here (canvas text on a dark "scan"), written for these tests: a made-up
// patient in a PACS-like corner overlay, and a clean image with only technical overlay text.
const PHI_LINES = ['DOE^JANE  DOB: 03/14/1961  MRN: 00482913', 'ST. ELSEWHERE IMAGING'];
const CLEAN_LINES = ['R  kVp 120  mAs 250', 'W: 400  L: 40  5.0 mm'];
const DRAFT = 'Classic appearance, note the fluid level.';

/** Every request of every page and worker in the browser (the extension's included). */
const allRequests: string[] = [];

const ext = useExtensionBrowser({ setup: async (b) => {
  b.context.on('request', (r) => allRequests.push(r.url()));
}, timeout: 60_000 });
const port = ext.port;

/** Clicks a panel button with the real mouse after scrolling it into view (the image list makes the panel scroll). */
async function clickInPanel(gp: GuardPage, name: string) {
  const p = await gp.waitForPanel();
  const id = p.backendIds.get(name);
  if (!id) throw new Error(`panel has no button named ${name}`);
  const cdp = await gp.page.context().newCDPSession(gp.page);
  await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: id });
  const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: id })) as { model: { content: number[] } };
  const [x1, y1, , , x3, y3] = model.content;
  await gp.page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  await cdp.detach();
}

function expectOnlyOwnRequests(gp: GuardPage) {
  const foreign = gp.foreignRequests(allRequests);
  expect(foreign).toEqual([]);
}

describe('attached images (textarea page, file input)', () => {
  it('an image with burned-in PHI is flagged in the panel at Post; the redacted copy replaces it', async () => {
    const gp = await GuardPage.open(ext.browser.context, 'textarea', port);
    await gp.type(DRAFT);
    await attach(gp, 'ct-head.png', await renderScan(gp, PHI_LINES));
    await gp.clickPost();
    await gp.waitForPanel();
    // Cold start: the offscreen document, the worker and the model load on the first image.
    const panel = await waitForImageFindings(gp, 45_000);
    expect(panel.text.some((t) => /date of birth|name|record number|identifier/i.test(t))).toBe(true);
    expect([...panel.backendIds.keys()]).toContain('Replace with redacted copy');
    expect(await gp.posted()).toEqual([]);

    await clickInPanel(gp, 'Replace with redacted copy');
    // The text is clean and the image now redacted: the panel closes; the input holds the copy.
    await expect.poll(() => gp.panel(), { timeout: 10_000 }).toBeNull();
    const file = await gp.page.evaluate(async () => {
      const f = (document.querySelector('input[type="file"]') as HTMLInputElement).files![0];
      const bmp = await createImageBitmap(f);
      return { name: f.name, type: f.type, width: bmp.width, height: bmp.height };
    });
    expect(file).toEqual({ name: 'ct-head-redacted.png', type: 'image/png', width: 1024, height: 768 });
    await gp.clickPost();
    await expect.poll(() => gp.posted()).toEqual([DRAFT]);
    expect(await gp.panel()).toBeNull();
    expectOnlyOwnRequests(gp);
    await gp.page.close();
  }, 90_000);

  it('a clean image does not stop the post', async () => {
    const gp = await GuardPage.open(ext.browser.context, 'textarea', port);
    await gp.type(DRAFT);
    await attach(gp, 'clean.png', await renderScan(gp, CLEAN_LINES));
    // Post once its check is done or while it runs: either way it goes out once, with no findings shown.
    await gp.page.waitForTimeout(300);
    await gp.clickPost();
    await expect.poll(() => gp.posted(), { timeout: 30_000 }).toEqual([DRAFT]);
    await expect.poll(() => gp.panel(), { timeout: 5000 }).toBeNull();
    await gp.page.waitForTimeout(300);
    expect(await gp.posted()).toEqual([DRAFT]);
    expectOnlyOwnRequests(gp);
    await gp.page.close();
  }, 60_000);

  it('a file that is not an image (named .png) is "not checked", never clean: the post is stopped', async () => {
    const gp = await GuardPage.open(ext.browser.context, 'textarea', port);
    await gp.type(DRAFT);
    await attach(gp, 'scan.png', Buffer.from('this is a text file, not a PNG'));
    await gp.clickPost();
    await gp.waitForPanel();
    await expect.poll(async () => (await gp.panel())?.text.some((t) => /Not checked/.test(t)), { timeout: 10_000 }).toBe(true);
    expect(await gp.posted()).toEqual([]);
    await gp.page.close();
  }, 30_000);

  it('time from the Post click to the panel with one image, warm worker (printed)', async () => {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const gp = await GuardPage.open(ext.browser.context, 'textarea', port);
      await gp.type(DRAFT);
      const png = await renderScan(gp, PHI_LINES);
      await attach(gp, `scan-${i}.png`, png);
      const t0 = Date.now();
      await gp.clickPost();
      await waitForImageFindings(gp, 20_000);
      times.push(Date.now() - t0);
      expect(await gp.posted()).toEqual([]);
      expectOnlyOwnRequests(gp);
      await gp.page.close();
    }
    const sorted = [...times].sort((a, b) => a - b);
    console.log(`[attachments] Post click -> panel with image findings (attached right before the click, warm worker): ${times.join(', ')} ms; median ${sorted[1]} ms (target <= 1500)`);
    // A bound that catches a hang or a cold start on every image, not the 1.5 s target (a shared 2-core machine).
    expect(sorted[1]).toBeLessThan(8000);

    // The cost of messaging a bitmap to the host: blank grey bitmaps (nothing to read) from the
    // background to the offscreen document, as bytes (structured clone, what the content script
    // sends here) and as base64 over JSON (the fallback); round trip vs the host's own time.
    const [sw] = ext.browser.context.serviceWorkers();
    expect(sw).toBeDefined();
    for (const [w, h] of [[1024, 768], [2200, 1650]]) {
      for (const mode of ['bytes', 'base64'] as const) {
        const r = await sw.evaluate(async ([w, h, mode]) => {
          const grey = new Uint8Array(Number(w) * Number(h)).fill(255);
          const t0 = performance.now();
          const payload = mode === 'bytes' ? grey : (grey as Uint8Array & { toBase64(): string }).toBase64();
          const t1 = performance.now();
          const rt = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime;
          const reply = (await rt.sendMessage({ ns: 'clearpost-ocr', op: 'scan', width: w, height: h, grey: payload, timeLimitMs: 10_000 })) as { ok: boolean; ms: number };
          return { encodeMs: t1 - t0, roundTripMs: performance.now() - t1, hostMs: reply.ms, ok: reply.ok };
        }, [w, h, mode] as const);
        expect(r.ok).toBe(true);
        console.log(`[attachments] ${w}x${h} grey as ${mode}: encode ${r.encodeMs.toFixed(1)} ms, round trip ${r.roundTripMs.toFixed(0)} ms, of which host ${r.hostMs} ms (decode + OCR of a blank page)`);
      }
    }
  }, 90_000);
});
