import { describe, expect, it } from 'vitest';
import { useExtensionBrowser } from './support/browser';
import { GuardPage } from './support/guard-page';
import type { PageName } from './support/pages';

// Synthetic draft written for this test (no corpus text): exact age + role + town + "this morning" + a rare disease.
const CASE = 'Great teaching case: a 34-year-old firefighter from Millbrook came in this morning with Erdheim-Chester disease. Long-bone sclerosis on the films.';
const PARTS = ['34-year-old', 'firefighter', 'Millbrook', 'this morning', 'Erdheim-Chester disease'];


const ext = useExtensionBrowser();
const port = ext.port;

interface DomNode { nodeId: number; attributes?: string[]; children?: DomNode[]; shadowRoots?: DomNode[]; contentDocument?: DomNode }

/** Text of the overlay's traceable marks (textarea mirror spans), found through CDP: the overlay is a closed shadow root. */
async function traceableMarks(gp: GuardPage): Promise<string[]> {
  const cdp = await gp.page.context().newCDPSession(gp.page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const out: string[] = [];
  const walk = async (n: DomNode) => {
    const attrs = n.attributes ?? [];
    if (attrs[attrs.indexOf('class') + 1] === 'm traceable' && attrs.includes('class')) {
      const { outerHTML } = (await cdp.send('DOM.getOuterHTML', { nodeId: n.nodeId })) as { outerHTML: string };
      out.push(outerHTML.replace(/<[^>]+>/g, ''));
    }
    for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) await walk(c);
  };
  await walk(root);
  await cdp.detach();
  return out;
}

describe.each<PageName>(['textarea', 'draft'])('a traceable case in the guard: %s', (name) => {
  it('is stopped with the traceable finding in the panel, its parts highlighted; Fix all generalises it and that is what posts', async () => {
    const gp = await GuardPage.open(ext.browser.context, name, port);
    await gp.type(CASE);
    // Highlights: one per part in the neutral tone, never the whole span of the case.
    if (name === 'textarea') {
      // Highlights follow the debounced analysis: wait for the marks of the finished draft (while
      // typing, "Erdheim-Chester" is briefly a part of its own before " disease" arrives).
      let marks: string[] = [];
      await expect
        .poll(async () => { marks = await traceableMarks(gp); return marks.length >= 3 && marks.every((m) => PARTS.includes(m)); }, { timeout: 5000 })
        .toBe(true);
      for (const m of marks) expect(PARTS).toContain(m); // parts that are also PHI show their PHI mark instead
    } else {
      await expect.poll(() => gp.page.evaluate(() => [...CSS.highlights.values()].find((h) => h.priority === -1)?.size ?? 0), { timeout: 5000 }).toBe(PARTS.length);
    }
    await gp.clickPost();
    const panel = await gp.waitForPanel();
    const all = panel.text.join(' ');
    expect(all).toMatch(/Traceable case: exact age \+ job or role \+ place \+ time \+ a rare condition/);
    expect(all).toMatch(/Fix: generalise to/);
    expect(await gp.posted()).toEqual([]); // stopped
    await gp.clickPanelButton('Fix all');
    await expect.poll(() => gp.panel(), { timeout: 8000 }).toBeNull();
    const fixed = await gp.editorText();
    expect(fixed).toContain('30-something');
    expect(fixed).toContain('Erdheim-Chester disease'); // the teaching content stays
    for (const p of ['34-year-old', 'firefighter', 'Millbrook', 'this morning']) expect(fixed).not.toContain(p);
    await gp.clickPost();
    await expect.poll(() => gp.posted(), { timeout: 5000 }).toEqual([fixed]);
    await gp.page.close();
  });
});
