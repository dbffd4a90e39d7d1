import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useExtensionBrowser } from './support/browser';
import { GuardPage } from './support/guard-page';

// The popup and the options page of issue 8 in real Chromium: a blocked post appears in the
// popup, its redacted text shows no PHI, "not PHI" makes the next scan skip that text, "delete
// all" leaves no record in storage, and axe-core finds no violations. Synthetic draft (no corpus text).
const SSN = '219-09-9999';
const PHI = `Saw a patient this week, SSN ${SSN}, doing better.`;
const SHOTS = join(import.meta.dirname, '..', '..', 'demo-output');

let extensionId: string;
let axeSource: string;

const ext = useExtensionBrowser({ setup: async (b) => {
  const sw = b.context.serviceWorkers()[0] ?? await b.context.waitForEvent('serviceworker', { timeout: 20_000 });
  extensionId = new URL(sw.url()).host;
  axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await mkdir(SHOTS, { recursive: true });
} });
const port = ext.port;

async function extensionPage(path: string): Promise<Page> {
  const page = await ext.browser.context.newPage();
  await page.setViewportSize({ width: 420, height: 600 });
  await page.goto(`chrome-extension://${extensionId}/${path}`);
  return page;
}

/** axe-core run in the page (evaluated over CDP: the extension's CSP does not apply to it). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
}

/** Counts every entry in the history's IndexedDB stores (run inside an extension page). */
function countStored(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => new Promise<Record<string, number>>((resolve, reject) => {
    const req = indexedDB.open('clearpost');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const names = [...db.objectStoreNames];
      const out: Record<string, number> = {};
      if (!names.length) { db.close(); resolve(out); return; }
      const tx = db.transaction(names);
      for (const n of names) { const c = tx.objectStore(n).count(); c.onsuccess = () => { out[n] = c.result; }; }
      tx.oncomplete = () => { db.close(); resolve(out); };
    };
  }));
}

async function blockedPost(): Promise<GuardPage> {
  const gp = await GuardPage.open(ext.browser.context, 'textarea', port);
  await gp.type(PHI);
  await gp.clickPost();
  await gp.waitForPanel();
  await gp.clickPanelButton('Edit');
  return gp;
}

describe('popup', () => {
  it('lists a blocked post; its redacted text shows no PHI; axe finds no violations', async () => {
    const gp = await blockedPost();
    const popup = await extensionPage('popup.html');
    const item = popup.locator('button.item').first();
    await item.waitFor({ timeout: 10_000 });
    expect(await popup.locator('button.item').count()).toBe(1);
    expect(await item.textContent()).toMatch(/^Reddit, .*: SSN\. Went back to edit, unresolved$/);
    expect(await popup.locator('[data-testid="status"]').textContent()).toMatch(/Rules: clearpost\.default/);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.screenshot({ path: join(SHOTS, 'popup-list.png') });

    await item.click();
    const draft = popup.locator('[data-testid="redacted"]');
    await draft.waitFor();
    expect(await draft.textContent()).toBe('Saw a patient this week, SSN [SSN], doing better.');
    expect(await popup.locator('body').textContent()).not.toContain(SSN);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.screenshot({ path: join(SHOTS, 'popup-detail.png') });
    // Keyboard: Escape goes back to the list, focus on the draft it came from.
    await popup.keyboard.press('Escape');
    await popup.locator('button.item:focus').waitFor();
    await popup.close();
    await gp.page.close();
  });

  it('"Not PHI" makes the next scan skip that text', async () => {
    const popup = await extensionPage('popup.html');
    await popup.locator('button.item').first().click();
    await popup.locator('button[aria-label^="Not PHI"]').first().click();
    await popup.getByText('Added to your allow list').first().waitFor();
    await popup.close();

    const gp = await GuardPage.open(ext.browser.context, 'textarea', port);
    await gp.type(PHI);
    await gp.clickPost();
    await expect.poll(() => gp.posted(), { timeout: 5000 }).toEqual([PHI]);
    expect(await gp.panel()).toBeNull();
    await gp.page.close();
  });

  it('options page: the history and audit sections have no axe violations', async () => {
    const page = await extensionPage('options.html');
    await page.setViewportSize({ width: 900, height: 1000 });
    await page.locator('#retention').waitFor({ timeout: 10_000 });
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'options.png'), fullPage: true });
    await page.close();
  });

  it('the record of posts (off by default): once on, what was posted shows on the print page, PHI replaced', async () => {
    const options = await extensionPage('options.html');
    const box = options.getByLabel(/Keep a record of what I post/);
    expect(await box.isChecked()).toBe(false);
    await box.check();
    await options.getByText('Clearpost now keeps a record').waitFor();
    await options.close();

    const gp = await GuardPage.open(ext.browser.context, 'textarea', port);
    await gp.type('Flu clinic hours are extended this month.');
    await gp.clickPost();
    await expect.poll(() => gp.posted()).toHaveLength(1);
    await gp.page.close();
    const blocked = await GuardPage.open(ext.browser.context, 'textarea', port);
    await blocked.type('Reviewed MRN 48213377 at rounds.');
    await blocked.clickPost();
    await blocked.waitForPanel();
    await blocked.clickPanelButton('Post anyway');
    await expect.poll(() => blocked.posted()).toHaveLength(1);
    await blocked.page.close();

    const print = await extensionPage('print-record.html');
    await expect.poll(() => print.locator('article').count(), { timeout: 10_000 }).toBe(2);
    const texts = await print.locator('article .text').allTextContents();
    expect(texts).toEqual(['Reviewed MRN [MRN] at rounds.', 'Flu clinic hours are extended this month.']);
    expect(await print.locator('body').textContent()).not.toContain('48213377');
    expect(await axeViolations(print)).toEqual([]);
    await print.screenshot({ path: join(SHOTS, 'print-record.png'), fullPage: true });
    await print.close();
  });

  it('"Delete all" leaves no record in storage', async () => {
    const popup = await extensionPage('popup.html');
    await popup.locator('button.item').first().waitFor();
    expect((await countStored(popup)).records).toBeGreaterThan(0);
    await popup.getByRole('button', { name: 'Delete all', exact: true }).click();
    await popup.getByRole('button', { name: 'Yes, delete everything' }).click();
    await popup.getByText('No flagged drafts').waitFor();
    expect(await countStored(popup)).toEqual({ keys: 0, originals: 0, posted: 0, records: 0 });
    await popup.close();
  });
});
