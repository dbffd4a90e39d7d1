import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PAGES } from '../e2e/support/pages';
import { launchFirefox } from './support/firefox';

// Synthetic drafts written for these tests (no corpus text). The SSN is the engine's example of a
// `block` finding.
const PHI = 'Saw a patient today, SSN 219-09-9999, doing better.';
const CLEAN = 'Great turnout at the journal club tonight.';
const { host, box, post } = PAGES.textarea;

let browser: Browser;
const port = inject('firefoxPort');

beforeAll(async () => {
  browser = await launchFirefox(inject('firefoxExtensionDir'));
});
afterAll(async () => {
  await browser?.close();
});

async function open(): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`https://${host}:${port}/textarea.html`);
  await page.waitForSelector(box, { timeout: 10_000 });
  return page;
}

async function typeAndPost(page: Page, text: string): Promise<void> {
  await page.click(box);
  await page.keyboard.type(text);
  await page.click(post);
}

const posted = (page: Page) => page.evaluate(() => (window as unknown as { __posted: string[] }).__posted);

/**
 * Clearpost's panel host as the page sees it: an element appended outside the page's own #root,
 * holding focus, with no light-DOM children and a closed shadow root (shadowRoot is null to the
 * page) whose panel is drawn on top (the point just under its fixed top edge, 12vh, hits the host).
 * Null when there is none.
 */
const panelHost = (page: Page) =>
  page.evaluate(() => {
    const hosts = [...document.body.children].filter((e) => e.id !== 'root' && e.tagName !== 'SCRIPT');
    if (!hosts.length) return null;
    const el = hosts[hosts.length - 1] as HTMLElement;
    return {
      count: hosts.length,
      focused: document.activeElement === el,
      children: el.childElementCount,
      openShadow: el.shadowRoot !== null,
      onTop: document.elementFromPoint(innerWidth / 2, innerHeight * 0.12 + 10) === el,
    };
  });

async function waitFor<T>(probe: () => Promise<T>, ok: (v: T) => boolean, timeout = 5000): Promise<T> {
  const until = Date.now() + timeout;
  for (;;) {
    const v = await probe();
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('Firefox ESR: textarea page (www.reddit.com)', () => {
  it('stops a draft with an SSN: nothing posted, the panel host appears with focus; Escape closes it', async () => {
    const page = await open();
    await typeAndPost(page, PHI);
    const panel = await waitFor(() => panelHost(page), (p) => p !== null);
    expect(panel).toEqual({ count: 1, focused: true, children: 0, openShadow: false, onTop: true });
    await new Promise((r) => setTimeout(r, 300));
    expect(await posted(page)).toEqual([]);
    expect(await page.$eval(box, (t) => (t as HTMLTextAreaElement).value)).toBe(PHI);
    // Escape = "Edit": the panel goes away, still nothing posted.
    await page.keyboard.press('Escape');
    expect(await waitFor(() => panelHost(page), (p) => p === null)).toBeNull();
    expect(await posted(page)).toEqual([]);
    await page.close();
  });

  it('"Post anyway" (reached with the keyboard inside the closed root) posts the draft exactly once', async () => {
    const page = await open();
    await typeAndPost(page, PHI);
    expect(await waitFor(() => panelHost(page), (p) => p !== null)).toMatchObject({ count: 1, focused: true });
    expect(await posted(page)).toEqual([]);
    // Focus starts on the dialog; Tab walks Fix all, Edit, Post anyway.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await waitFor(() => posted(page), (p) => p.length > 0)).toEqual([PHI]);
    expect(await waitFor(() => panelHost(page), (p) => p === null)).toBeNull();
    await new Promise((r) => setTimeout(r, 500));
    expect(await posted(page)).toEqual([PHI]);
    await page.close();
  });

  it('posts a clean draft exactly once, with no panel', async () => {
    const page = await open();
    await typeAndPost(page, CLEAN);
    expect(await waitFor(() => posted(page), (p) => p.length > 0)).toEqual([CLEAN]);
    await new Promise((r) => setTimeout(r, 500));
    expect(await posted(page)).toEqual([CLEAN]);
    expect(await panelHost(page)).toBeNull();
    await page.close();
  });
});
