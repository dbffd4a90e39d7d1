import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchWithExtension, type Launched } from './support/chromium';
import { GuardPage } from './support/guard-page';
import { PAGE_HOSTS, PAGE_NAMES } from './support/pages';

// Synthetic drafts written for these tests (no corpus text). The SSN is the engine's example of a
// `block` finding; "a patient's" context keeps it unambiguous.
const PHI = 'Saw a patient today, SSN 219-09-9999, doing better.';
const CLEAN = 'Great turnout at the journal club tonight.';

let browser: Launched;
const port = inject('port');

beforeAll(async () => {
  browser = await launchWithExtension({ extensionDir: inject('extensionDir'), hosts: PAGE_HOSTS });
});
afterAll(async () => {
  await browser?.close();
});

describe.each(PAGE_NAMES)('%s', (name) => {
  it('stops a draft with PHI and shows the panel; nothing is posted', async () => {
    const gp = await GuardPage.open(browser.context, name, port);
    await gp.type(PHI);
    await gp.clickPost();
    const panel = await gp.waitForPanel();
    expect(panel.name).toBe('Check this post before it goes out');
    expect(panel.focused).toBe(true);
    expect([...panel.backendIds.keys()]).toEqual(['Fix all', 'Edit', 'Post anyway']);
    expect(await gp.posted()).toEqual([]);
    expect(await gp.editorText()).toBe(PHI);
    await gp.page.close();
  });

  it('posts a clean draft with no panel', async () => {
    const gp = await GuardPage.open(browser.context, name, port);
    await gp.type(CLEAN);
    await gp.clickPost();
    await expect.poll(() => gp.posted()).toEqual([CLEAN]);
    expect(await gp.panel()).toBeNull();
    await gp.page.close();
  });
});
