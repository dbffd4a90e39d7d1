// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SitesApi } from '../../src/guard/register-sites';
import { OptionsPage } from '../../src/ui/options';
import { SitesSection } from '../../src/ui/options-sites';

let granted: Set<string>;
let ids: Set<string>;
let answer: boolean;

const api: SitesApi = {
  permissions: {
    request: async ({ origins }) => { if (answer) origins.forEach((o) => granted.add(o)); return answer; },
    remove: async ({ origins }) => { origins.forEach((o) => granted.delete(o)); return true; },
    contains: async ({ origins }) => origins.every((o) => granted.has(o)),
  },
  scripting: {
    registerContentScripts: async (list) => { list.forEach((s) => ids.add(s.id)); },
    unregisterContentScripts: async (f) => { f.ids.forEach((id) => ids.delete(id)); },
    getRegisteredContentScripts: async (f) => [...ids].filter((id) => !f?.ids || f.ids.includes(id)).map((id) => ({ id })),
  },
  storage: fakeBrowser.storage as unknown as SitesApi['storage'],
};

const flush = () => act(async () => { for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0)); });

async function mount() {
  document.body.innerHTML = '<div id="app"></div>';
  const app = document.getElementById('app')!;
  await act(() => render(<OptionsPage sections={[{ id: 'sites', title: 'Mastodon instances', body: <SitesSection api={api} /> }]} />, app));
  await flush();
  return app;
}

async function typeAndAdd(app: HTMLElement, value: string) {
  const input = app.querySelector<HTMLInputElement>('#instance')!;
  input.value = value;
  await act(() => { input.dispatchEvent(new Event('input', { bubbles: true })); });
  await act(() => { app.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })); });
  await flush();
}

beforeEach(() => {
  fakeBrowser.reset();
  granted = new Set();
  ids = new Set();
  answer = true;
});

describe('options page: Mastodon instances', () => {
  it('is a labelled section of the page', async () => {
    const app = await mount();
    const section = app.querySelector('section')!;
    expect(document.getElementById(section.getAttribute('aria-labelledby')!)?.textContent).toBe('Mastodon instances');
    expect(app.textContent).toContain('No instances added.');
  });

  it('adding an instance lists it and says so; removing it empties the list', async () => {
    const app = await mount();
    await typeAndAdd(app, 'mastodon.social');
    expect([...app.querySelectorAll('li')].map((li) => li.firstChild?.textContent)).toEqual(['https://mastodon.social']);
    expect(app.querySelector('[role="status"]')?.textContent).toContain('https://mastodon.social');
    expect(granted.has('https://mastodon.social/*')).toBe(true);
    await act(() => { app.querySelector<HTMLButtonElement>('button[aria-label="Remove https://mastodon.social"]')!.click(); });
    await flush();
    expect(app.querySelectorAll('li')).toHaveLength(0);
    expect(granted.size).toBe(0);
    expect(ids.size).toBe(0);
  });

  it('a refused permission shows the reason and adds nothing', async () => {
    answer = false;
    const app = await mount();
    await typeAndAdd(app, 'mastodon.social');
    expect(app.querySelectorAll('li')).toHaveLength(0);
    expect(app.querySelector('[role="status"]')?.textContent).toMatch(/not allowed/);
  });

  it('a plain-http address is refused before any prompt', async () => {
    const app = await mount();
    await typeAndAdd(app, 'http://mastodon.social');
    expect(app.querySelector('[role="status"]')?.textContent).toMatch(/https/);
    expect(granted.size).toBe(0);
  });
});
