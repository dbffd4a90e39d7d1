import { describe, expect, it } from 'vitest';
import { useExtensionBrowser } from './support/browser';
import { GuardPage } from './support/guard-page';
import { PAGE_NAMES } from './support/pages';

// Synthetic drafts written for these tests (no corpus text).
const OPINION = 'In my opinion, every adult over 50 should get the shingles vaccine. The evidence is clear.';
const ADVICE = '@sam you should stop taking the metformin and get an MRI of your knee this week.';


const ext = useExtensionBrowser();
const port = ext.port;

/** Post, Fix all, wait for the panel to go; returns what the editor holds then. */
async function fixAll(gp: GuardPage): Promise<string> {
  await gp.clickPost();
  await gp.clickPanelButton('Fix all');
  await expect.poll(() => gp.panel(), { timeout: 8000 }).toBeNull();
  return gp.editorText();
}

describe.each(PAGE_NAMES)('Fix all through the engine\'s fix operators: %s', (name) => {
  it('a missing disclaimer is appended after the draft (the draft is kept) and that is what posts', async () => {
    const gp = await GuardPage.open(ext.browser.context, name, port);
    await gp.type(OPINION);
    const fixed = await fixAll(gp);
    expect(fixed.startsWith(OPINION)).toBe(true);
    expect(fixed.slice(OPINION.length)).toMatch(/^\s+\S.*(?:views|opinion|advice)/is);
    await gp.clickPost();
    await expect.poll(() => gp.posted()).toEqual([fixed]);
    await gp.page.close();
  });

  it('advice to a specific person is reworded in general terms', async () => {
    const gp = await GuardPage.open(ext.browser.context, name, port);
    await gp.type(ADVICE);
    const fixed = await fixAll(gp);
    expect(fixed).not.toContain('you should stop taking');
    expect(fixed).toMatch(/^In general, /);
    expect(await gp.posted()).toEqual([]);
    await gp.page.close();
  });
});
