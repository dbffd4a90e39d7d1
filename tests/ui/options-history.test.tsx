// @vitest-environment happy-dom
import '../store/fake-browser-global';
import { IDBFactory } from 'fake-indexeddb';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { createHistory, type History } from '../../src/store/history';
import { fromPolicy, type PolicyLike } from '../../src/store/policy';
import { DEFAULT_USER_SETTINGS, type UserSettings } from '../../src/store/settings';
import { AuditSection } from '../../src/ui/options-audit';
import { HistorySettingsSection, type HistorySettingsApi } from '../../src/ui/options-history';

let history: History;
let user: UserSettings;
let rules: PolicyLike;
let recording: boolean;
let downloads: { name: string; type: string; body: string }[];

const api = (): HistorySettingsApi => ({
  history,
  policy: async () => fromPolicy(rules, user, rules.locked.length > 0),
  save: async (change) => { user = change(user); },
  recordPosts: async () => recording,
  setRecordPosts: async (on) => { recording = on; },
  changed: () => undefined,
});

const flush = () => act(async () => { for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0)); });
async function mount(node: preact.ComponentChild) {
  document.body.innerHTML = '<div id="app"></div>';
  const app = document.getElementById('app')!;
  await act(() => render(node, app));
  await flush();
  return app;
}

beforeEach(() => {
  history = createHistory({ idb: new IDBFactory(), subtle: globalThis.crypto.subtle, retentionMs: () => 86_400_000 });
  user = DEFAULT_USER_SETTINGS;
  rules = { retentionDays: 7, locked: [], packs: [{ source: 'bundled', id: 'clearpost.default', version: '1.0.0' }], analyze: {} };
  recording = false;
  downloads = [];
});

describe('options: settings and history', () => {
  it('retention offers only values within the rule set\'s limit; choosing one saves it', async () => {
    const app = await mount(<HistorySettingsSection api={api()} />);
    const select = app.querySelector<HTMLSelectElement>('#retention')!;
    expect([...select.options].map((o) => o.value)).toEqual(['0', '1', '7']);
    select.value = '1';
    await act(() => { select.dispatchEvent(new Event('change', { bubbles: true })); });
    await flush();
    expect(user.retentionDays).toBe(1);
  });

  it('locked settings are shown as managed and cannot be changed', async () => {
    rules = { ...rules, locked: ['disclaimer', 'dictionaries.allow', 'retentionDays'], analyze: { disclaimer: { text: 'Views are my own.' } } };
    const app = await mount(<HistorySettingsSection api={api()} />);
    expect(app.querySelector<HTMLTextAreaElement>('#disclaimer-text')!.disabled).toBe(true);
    expect(app.querySelector<HTMLTextAreaElement>('#disclaimer-text')!.value).toBe('Views are my own.');
    expect(app.querySelector<HTMLSelectElement>('#retention')!.disabled).toBe(true);
    expect(app.querySelector('#allow-input')).toBeNull();
    expect(app.textContent).toContain('Managed by your institution: the allow list cannot be changed here.');
  });

  it('adds to and removes from the allow list; the record of posts is off until turned on', async () => {
    const app = await mount(<HistorySettingsSection api={api()} />);
    const input = app.querySelector<HTMLInputElement>('#allow-input')!;
    input.value = 'Dr Grey';
    await act(() => { input.dispatchEvent(new Event('input', { bubbles: true })); });
    await act(() => { app.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })); });
    await flush();
    expect(user.allow).toEqual(['Dr Grey']);
    await act(() => { app.querySelector<HTMLButtonElement>('button[aria-label="Remove Dr Grey from the allow list"]')!.click(); });
    await flush();
    expect(user.allow).toEqual([]);
    const box = app.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    expect(box.checked).toBe(false);
    box.checked = true;
    await act(() => { box.dispatchEvent(new Event('change', { bubbles: true })); });
    await flush();
    expect(recording).toBe(true);
  });
});

describe('options: audit export', () => {
  it('exports CSV and JSON of the history without draft text', async () => {
    await history.flag({ site: 'x', text: 'Seen Ada Byron today', findings: [{ category: 'phi', type: 'NAME', severity: 'block', ruleId: 'name/p', message: 'm', start: 5, end: 14 }] });
    const app = await mount(<AuditSection history={history} download={(name, type, body) => downloads.push({ name, type, body })} />);
    for (const b of app.querySelectorAll('button')) { await act(() => { (b as HTMLButtonElement).click(); }); await flush(); }
    expect(downloads.map((d) => d.type)).toEqual(['text/csv', 'application/json']);
    expect(downloads[0].body.split('\r\n')[1]).toMatch(/,x,flagged,pending,,NAME,name\/p,1,0,1,0,0$/);
    for (const d of downloads) expect(d.body).not.toMatch(/Ada|Byron|Seen/);
    expect(app.querySelector('[role="status"]')?.textContent).toBe('Exported 1 entry as JSON.');
  });
});
