import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { PAGES, type PageName } from './pages';

/** Drives one e2e page: its editor, its Post button, what it posted, and Clearpost's panel. */
export class GuardPage {
  private cdp?: CDPSession;
  readonly requests: string[] = [];

  private constructor(readonly page: Page, readonly name: PageName, readonly origin: string) {
    page.on('request', (r) => this.requests.push(r.url()));
  }

  /** Requests that left for another host: not the page's own origin, not the extension's own files, not data/blob. */
  foreignRequests(extra: readonly string[] = []): string[] {
    return [...this.requests, ...extra].filter((u) => !u.startsWith(`${this.origin}/`) && !/^(data|blob|chrome-extension):/.test(u));
  }

  static async open(context: BrowserContext, name: PageName, port: number): Promise<GuardPage> {
    const page = await context.newPage();
    const origin = `https://${PAGES[name].host}:${port}`;
    const gp = new GuardPage(page, name, origin);
    await page.goto(`${origin}/${name}.html`);
    await page.waitForSelector(PAGES[name].box, { timeout: 10_000 });
    return gp;
  }

  get box() {
    return this.page.locator(PAGES[this.name].box);
  }

  /** Types like a user; "\n" presses Enter (a new line/paragraph in every editor here). */
  async type(text: string): Promise<void> {
    await this.box.click();
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (i) await this.page.keyboard.press('Enter');
      if (lines[i]) await this.page.keyboard.type(lines[i]);
    }
  }

  async clickPost(): Promise<void> {
    await this.page.locator(PAGES[this.name].post).click();
  }

  async posted(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { __posted: string[] }).__posted);
  }

  async editorText(): Promise<string> {
    return this.page.evaluate((sel) => {
      const w = window as unknown as { __editorText?: () => string; __draftText?: () => string };
      if (w.__editorText) return w.__editorText();
      if (w.__draftText) return w.__draftText();
      const el = document.querySelector(sel) as HTMLTextAreaElement | HTMLElement;
      return 'value' in el ? el.value : el.innerText;
    }, PAGES[this.name].box);
  }

  private async session(): Promise<CDPSession> {
    this.cdp ??= await this.page.context().newCDPSession(this.page);
    return this.cdp;
  }

  /**
   * The panel through the accessibility tree (it lives in a closed shadow root that page scripts
   * and DOM queries cannot see): its role, accessible name, and the names of everything in it.
   */
  async panel(): Promise<{ name: string; text: string[]; focused: boolean; backendIds: Map<string, number> } | null> {
    const cdp = await this.session();
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
    const dialog = nodes.find((n) => n.role?.value === 'alertdialog' && !n.ignored);
    if (!dialog) return null;
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const text: string[] = [];
    const backendIds = new Map<string, number>();
    let focused = false;
    const walk = (n: AxNode) => {
      const name = n.name?.value;
      if (name && !n.ignored) text.push(String(name));
      if (n.role?.value === 'button' && name && n.backendDOMNodeId) backendIds.set(String(name), n.backendDOMNodeId);
      if (n.properties?.some((p) => p.name === 'focused' && p.value.value)) focused = true;
      for (const c of n.childIds ?? []) { const child = byId.get(c); if (child) walk(child); }
    };
    walk(dialog);
    return { name: String(dialog.name?.value ?? ''), text, focused, backendIds };
  }

  async waitForPanel(timeout = 5000) {
    const until = Date.now() + timeout;
    for (;;) {
      const p = await this.panel();
      if (p) return p;
      if (Date.now() > until) throw new Error('no warning panel appeared');
      await this.page.waitForTimeout(50);
    }
  }

  /** Clicks a panel button with the real mouse, found by its accessible name. */
  async clickPanelButton(name: string): Promise<void> {
    const p = await this.waitForPanel();
    const id = p.backendIds.get(name);
    if (!id) throw new Error(`panel has no button named ${name}`);
    const cdp = await this.session();
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: id })) as { model: { content: number[] } };
    const [x1, y1, , , x3, y3] = model.content;
    await this.page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  }
}

interface AxNode {
  nodeId: string;
  ignored?: boolean;
  role?: { value: string };
  name?: { value: unknown };
  properties?: { name: string; value: { value: unknown } }[];
  childIds?: string[];
  backendDOMNodeId?: number;
}
