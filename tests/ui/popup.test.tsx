// @vitest-environment happy-dom
import '../store/fake-browser-global';
import { IDBFactory } from 'fake-indexeddb';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/types';
import { createHistory, type History } from '../../src/store/history';
import { fromPolicy, builtInPolicy, type PolicySummary } from '../../src/store/policy';
import { DEFAULT_USER_SETTINGS } from '../../src/store/settings';
import { Popup, type PopupApi } from '../../src/ui/popup';

const f = (type: string, start: number, end: number, category: Finding['category'] = 'phi'): Finding =>
  ({ category, type, severity: 'block', start, end, text: '', message: `A ${type.toLowerCase()} reason.`, ruleId: `t/${type}`, score: 1, explanation: { pattern: 'p', baseScore: 1 } });

const DRAFT_A = 'Mrs Alma Quist, 84, seen 2/3/2024';
const DRAFT_B = 'Call 555-201-3344 about the results';

let history: History;
let clipboard: string[];
let allowed: string[];
let changed: number;
let policy: PolicySummary;

const api = (): PopupApi => ({
  history,
  policy: async () => policy,
  tabStatus: async () => ({ active: true, site: 'x', boxes: 1 }),
  copy: async (t) => { clipboard.push(t); },
  allow: async (t) => { allowed.push(t); },
  changed: () => { changed++; },
  recordPosts: async () => false,
  openPrintRecord: () => undefined,
  download: () => undefined,
  openOptions: () => undefined,
});

const flush = () => act(async () => { for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0)); });
const click = async (el: Element | null | undefined) => { await act(() => { (el as HTMLElement).click(); }); await flush(); };
const button = (app: HTMLElement, name: RegExp) => [...app.querySelectorAll('button')].find((b) => name.test(b.textContent ?? ''));

async function mount() {
  document.body.innerHTML = '<div id="app"></div>';
  const app = document.getElementById('app')!;
  await act(() => render(<Popup api={api()} />, app));
  await flush();
  return app;
}

beforeEach(async () => {
  history = createHistory({ idb: new IDBFactory(), subtle: globalThis.crypto.subtle, retentionMs: () => 86_400_000 });
  clipboard = []; allowed = []; changed = 0;
  policy = fromPolicy(builtInPolicy, DEFAULT_USER_SETTINGS, false);
  await history.flag({ site: 'x', text: DRAFT_A, time: Date.now() - 60_000, findings: [f('NAME', 4, 14), f('DATE', 25, 33)] });
  await history.flag({ site: 'linkedin', text: DRAFT_B, time: Date.now() - 1000, findings: [f('PHONE', 5, 17)] });
});

describe('popup', () => {
  it('shows the status line and lists flagged drafts newest first with site and finding types', async () => {
    const app = await mount();
    expect(app.querySelector('[data-testid="status"]')?.textContent).toBe('Guard active on this tab (x). Rules: clearpost.default 1.0.0, not managed.');
    const items = [...app.querySelectorAll('button.item')];
    expect(items.map((b) => b.querySelector('.site')?.textContent)).toEqual(['LinkedIn', 'X']);
    expect(items[1].querySelector('.types')?.textContent).toBe('name, date');
    expect(items[0].textContent).toMatch(/^LinkedIn, .*: phone\. No decision yet, unresolved$/);
  });

  it('Down and Up move focus between drafts', async () => {
    const app = await mount();
    const items = [...app.querySelectorAll<HTMLButtonElement>('button.item')];
    items[0].focus();
    await act(() => { items[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true })); });
    expect(document.activeElement).toBe(items[1]);
    await act(() => { items[1].dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true })); });
    expect(document.activeElement).toBe(items[0]);
  });

  it('a draft opens to its redacted text, findings marked with reasons, no PHI; Escape goes back', async () => {
    const app = await mount();
    await click(app.querySelectorAll('button.item')[1]);
    const draft = app.querySelector('[data-testid="redacted"]')!;
    expect(draft.textContent).toBe('Mrs [NAME], 84, seen [DATE]');
    expect([...draft.querySelectorAll('mark')].map((m) => [m.textContent, m.getAttribute('title')])).toEqual([['[NAME]', 'A name reason.'], ['[DATE]', 'A date reason.']]);
    expect(app.textContent).not.toMatch(/Alma|Quist|2\/3\/2024/);
    expect(document.activeElement?.id).toBe('detail-title');
    await act(() => { app.querySelector('section')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })); });
    await flush();
    expect(app.querySelectorAll('button.item')).toHaveLength(2);
  });

  it('copy cleaned text, restore the original, dismiss', async () => {
    const app = await mount();
    await click(app.querySelectorAll('button.item')[1]);
    await click(button(app, /Copy cleaned/));
    await click(button(app, /Restore original/));
    expect(clipboard).toEqual(['Mrs [NAME], 84, seen [DATE]', DRAFT_A]);
    await click(button(app, /Dismiss/));
    expect(changed).toBe(1);
    expect(app.querySelector('button.item.unresolved .site')?.textContent).toBe('LinkedIn');
    expect(await history.unresolved()).toBe(1);
  });

  it('"Not PHI" adds the finding\'s original text to the allow list', async () => {
    const app = await mount();
    await click(app.querySelectorAll('button.item')[1]);
    await click(app.querySelector('button[aria-label^="Not PHI: never flag this name"]'));
    expect(allowed).toEqual(['Alma Quist']);
    expect(app.textContent).toContain('Added to your allow list');
  });

  it('"Not PHI" says so when the institution locks the allow list, and adds nothing', async () => {
    policy = { ...policy, locked: ['dictionaries.allow'], managed: true };
    const app = await mount();
    await click(app.querySelectorAll('button.item')[0]);
    await click(button(app, /^Not PHI$/));
    expect(allowed).toEqual([]);
    expect(app.textContent).toContain('Your institution manages the allow list');
  });

  it('delete all asks once more, then leaves nothing', async () => {
    const app = await mount();
    await click(button(app, /^Delete all$/));
    await click(button(app, /Yes, delete everything/));
    expect(await history.list()).toEqual([]);
    expect(app.textContent).toContain('No flagged drafts');
  });
});
