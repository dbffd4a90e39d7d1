import { describe, expect, it } from 'vitest';
import { useExtensionBrowser } from './support/browser';
import { GuardPage } from './support/guard-page';

// Synthetic draft (no corpus text): the SSN is a `block` finding.
const SSN = '219-09-9999';

const ext = useExtensionBrowser();
const port = ext.port;

interface Box { x: number; y: number; width: number; height: number }
interface DomNode { nodeId: number; nodeName: string; attributes?: string[]; children?: DomNode[]; shadowRoots?: DomNode[]; contentDocument?: DomNode }

/** Boxes of the overlay marks, found through CDP (the overlay lives in a closed shadow root). */
async function overlayMarks(gp: GuardPage): Promise<{ cls: string; box: Box }[]> {
  const cdp = await gp.page.context().newCDPSession(gp.page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const found: DomNode[] = [];
  const walk = (n: DomNode) => {
    const attrs = n.attributes ?? [];
    const cls = attrs[attrs.indexOf('class') + 1];
    if (attrs.includes('class') && /^(m|r) (block|warn)$/.test(cls)) found.push(n);
    for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) walk(c);
  };
  walk(root);
  const out = [];
  for (const n of found) {
    const attrs = n.attributes ?? [];
    const { model } = (await cdp.send('DOM.getBoxModel', { nodeId: n.nodeId })) as { model: { border: number[] } };
    const [x1, y1, , , x3, y3] = model.border;
    out.push({ cls: attrs[attrs.indexOf('class') + 1], box: { x: x1, y: y1, width: x3 - x1, height: y3 - y1 } });
  }
  await cdp.detach();
  return out;
}

const inside = (a: Box, b: Box) => a.x >= b.x - 1 && a.y >= b.y - 1 && a.x + a.width <= b.x + b.width + 1 && a.y + a.height <= b.y + b.height + 1;

describe('highlights', () => {
  it('a textarea draft with PHI shows overlay highlights over the flagged text, and they follow scrolling', async () => {
    const gp = await GuardPage.open(ext.browser.context, 'textarea', port);
    const filler = Array.from({ length: 12 }, (_, i) => `Line ${i + 1} of the weekly clinic summary.`).join('\n');
    await gp.type(`${filler}\nThe intake form had SSN ${SSN} on it.`);
    let marks: Awaited<ReturnType<typeof overlayMarks>> = [];
    await expect.poll(async () => (marks = await overlayMarks(gp)).length, { timeout: 5000 }).toBeGreaterThan(0);
    const ssn = marks.find((m) => m.cls === 'm block')!;
    expect(ssn).toBeDefined();
    const area = (await gp.box.boundingBox())!;
    expect(inside(ssn.box, area)).toBe(true);
    // The mark sits where the textarea draws the SSN: compare with the caret's line (the last line).
    expect(ssn.box.height).toBeGreaterThan(8);
    expect(ssn.box.width).toBeGreaterThan(40);
    // Scroll the textarea to its top: the last line moves out of view, and so does the mark.
    await gp.box.evaluate((el) => { el.scrollTop = 0; });
    await expect.poll(async () => {
      const [m] = (await overlayMarks(gp)).filter((x) => x.cls === 'm block');
      return m ? m.box.y > ssn.box.y + 20 : false;
    }, { timeout: 3000 }).toBe(true);
    // Nothing was written into the page: the textarea's value is what was typed.
    expect(await gp.editorText()).toContain(`SSN ${SSN} on it.`);
    await gp.page.close();
  });

  it('a rich editor uses the CSS Custom Highlight API (no overlay marks)', async () => {
    const gp = await GuardPage.open(ext.browser.context, 'draft', port);
    await gp.type(`Patient file lists SSN ${SSN} on it.`);
    // The highlight registry is per document, shared with the page's world.
    await expect.poll(() => gp.page.evaluate(() => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0)), { timeout: 5000 }).toBeGreaterThan(0);
    expect(await overlayMarks(gp)).toEqual([]);
    await gp.page.close();
  });
});
