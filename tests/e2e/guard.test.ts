import { describe, expect, it } from 'vitest';
import { useExtensionBrowser } from './support/browser';
import { GuardPage } from './support/guard-page';
import { PAGE_NAMES } from './support/pages';

// Synthetic drafts written for these tests (no corpus text). The SSN is the engine's example of a
// `block` finding.
const SSN = '219-09-9999';
const PHI = `Saw a patient today, SSN ${SSN}, doing better.`;
const CLEAN = 'Great turnout at the journal club tonight.';


const ext = useExtensionBrowser();
const port = ext.port;

async function open(name: (typeof PAGE_NAMES)[number]) {
  return GuardPage.open(ext.browser.context, name, port);
}

/** Privacy: nothing the page or the extension did reached a host other than the page's own. */
function expectOnlyOwnRequests(gp: GuardPage) {
  const foreign = gp.foreignRequests();
  expect(foreign).toEqual([]);
}

describe.each(PAGE_NAMES)('%s', (name) => {
  it('stops a draft with PHI and shows the panel; nothing is posted', async () => {
    const gp = await open(name);
    await gp.type(PHI);
    await gp.clickPost();
    const panel = await gp.waitForPanel();
    expect(panel.name).toBe('Check this post before it goes out');
    expect(panel.focused).toBe(true);
    expect([...panel.backendIds.keys()]).toEqual(['Fix all', 'Edit', 'Post anyway']);
    expect(panel.text.some((t) => /Social Security number/.test(t))).toBe(true);
    // The panel lives in a closed shadow root: the page's own DOM queries cannot see it.
    expect(await gp.page.locator('[role="alertdialog"]').count()).toBe(0);
    expect(await gp.posted()).toEqual([]);
    expect(await gp.editorText()).toBe(PHI);
    expectOnlyOwnRequests(gp);
    await gp.page.close();
  });

  it('posts a clean draft with no panel', async () => {
    const gp = await open(name);
    await gp.type(CLEAN);
    await gp.clickPost();
    await expect.poll(() => gp.posted()).toEqual([CLEAN]);
    expect(await gp.panel()).toBeNull();
    expectOnlyOwnRequests(gp);
    await gp.page.close();
  });

  it('Fix all changes what the page\'s submit handler receives; undo restores the draft', async () => {
    const gp = await open(name);
    await gp.type(PHI);
    // Quill merges edits within 1 s into one undo step: keep the fix apart from the typing.
    await gp.page.waitForTimeout(1100);
    await gp.clickPost();
    await gp.clickPanelButton('Fix all');
    await expect.poll(() => gp.panel(), { timeout: 5000 }).toBeNull();
    const fixed = await gp.editorText();
    expect(fixed).toContain('[ssn]');
    expect(fixed).not.toContain(SSN);
    // Undo walks back through the fixes (one step per replaced span) to the typed draft.
    await gp.box.focus();
    let text = fixed;
    for (let i = 0; i < 4 && text !== PHI; i++) {
      await gp.page.keyboard.press('Control+z');
      await gp.page.waitForTimeout(150);
      text = await gp.editorText();
    }
    expect(text).toBe(PHI);
    // Redo is the site's business; fix again and post.
    await gp.clickPost();
    await gp.clickPanelButton('Fix all');
    await expect.poll(() => gp.panel(), { timeout: 5000 }).toBeNull();
    await gp.clickPost();
    await expect.poll(() => gp.posted()).toHaveLength(1);
    const [posted] = await gp.posted();
    expect(posted).toBe(fixed);
    expectOnlyOwnRequests(gp);
    await gp.page.close();
  });

  it('Post anyway posts the draft exactly once', async () => {
    const gp = await open(name);
    await gp.type(PHI);
    await gp.clickPost();
    await gp.clickPanelButton('Post anyway');
    await expect.poll(() => gp.posted()).toEqual([PHI]);
    await expect.poll(() => gp.panel(), { timeout: 4000 }).toBeNull();
    await gp.page.waitForTimeout(500);
    expect(await gp.posted()).toEqual([PHI]);
    expectOnlyOwnRequests(gp);
    await gp.page.close();
  });

  it('Ctrl+Enter is stopped like the click', async () => {
    const gp = await open(name);
    await gp.type(PHI);
    await gp.page.keyboard.press('Control+Enter');
    await gp.waitForPanel();
    await gp.page.waitForTimeout(300);
    expect(await gp.posted()).toEqual([]);
    expect(await gp.editorText()).toBe(PHI);
    await gp.page.close();
  });

  it('Edit closes the panel and gives the keyboard back to the editor', async () => {
    const gp = await open(name);
    await gp.type(PHI);
    await gp.clickPost();
    await gp.waitForPanel();
    await gp.page.keyboard.press('Escape');
    await expect.poll(() => gp.panel()).toBeNull();
    // The caret lands at the end of the first finding, in the editor, so typing goes there.
    await gp.page.waitForTimeout(200);
    await gp.page.keyboard.type(' Ok');
    await expect.poll(() => gp.editorText()).toContain(' Ok');
    const text = await gp.editorText();
    expect(text.replace(' Ok', '')).toBe(PHI);
    expect(text.startsWith(' Ok')).toBe(false);
    expect(await gp.posted()).toEqual([]);
    await gp.page.close();
  });
});

describe('editor specifics', () => {
  it('a three-line Draft.js draft survives a fix on its middle line', async () => {
    const gp = await open('draft');
    const lines = ['Clinic notes for the week.', `Patient file lists SSN ${SSN} on it.`, 'Follow up with the team.'];
    await gp.type(lines.join('\n'));
    await gp.clickPost();
    await gp.clickPanelButton('Fix all');
    await expect.poll(() => gp.panel(), { timeout: 5000 }).toBeNull();
    const fixed = (await gp.editorText()).split('\n');
    expect(fixed).toHaveLength(3);
    expect(fixed[0]).toBe(lines[0]);
    expect(fixed[1]).toBe(lines[1].replace(SSN, '[ssn]'));
    expect(fixed[2]).toBe(lines[2]);
    await gp.page.close();
  });

  it('Enter and Space on a React Native Web-style publish button are stopped on keydown and keyup', async () => {
    const gp = await open('tiptap');
    await gp.type(PHI);
    for (const key of ['Enter', 'Space']) {
      await gp.page.locator('[data-testid="composerPublishBtn"]').focus();
      await gp.page.keyboard.press(key);
      await gp.waitForPanel();
      await gp.page.keyboard.press('Escape');
      await expect.poll(() => gp.panel()).toBeNull();
    }
    expect(await gp.posted()).toEqual([]);
    await gp.page.close();
  });
});
