// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGuard } from '../../src/guard/controller';
import type { PanelApi, PanelHandlers, PanelView } from '../../src/guard/panel-api';
import type { Finding } from '../../src/engine/types';
import { generic } from '../../src/sites';

// A stand-in engine: "SECRET" is a blocking finding, everything else is clean.
const analyze = (text: string): Finding[] => {
  const at = text.indexOf('SECRET');
  if (at < 0) return [];
  return [{ category: 'phi', type: 'SSN', severity: 'block', start: at, end: at + 6, text: 'SECRET', message: 'm', ruleId: 't/p', suggestion: '[x]', score: 1, explanation: { pattern: 'p', baseScore: 1 } }];
};

let controller: AbortController;
let shown: { view: PanelView; handlers: PanelHandlers; closed: boolean }[];
let posted: string[];

const panel: PanelApi = {
  show(_container, view, handlers) {
    const entry = { view, handlers, closed: false };
    shown.push(entry);
    return { update: (v) => { entry.view = v; }, close: () => { entry.closed = true; } };
  },
};

function page(text: string) {
  document.body.innerHTML = '<form><textarea></textarea><button type="button" class="post">Post</button></form>';
  const ta = document.querySelector('textarea')!;
  ta.value = text;
  const button = document.querySelector<HTMLButtonElement>('.post')!;
  button.addEventListener('click', () => posted.push(ta.value));
  createGuard({ win: window as Window & typeof globalThis, site: generic, analyze, panel, signal: controller.signal, acceptWaitMs: 50 });
  ta.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
  return { ta, button };
}

beforeEach(() => {
  controller = new AbortController();
  shown = [];
  posted = [];
});
afterEach(() => controller.abort());

describe('submit interception', () => {
  it('lets a clean draft through untouched', () => {
    const { button } = page('all fine');
    button.click();
    expect(posted).toEqual(['all fine']);
    expect(shown).toHaveLength(0);
  });

  it('stops a draft with a finding synchronously and shows the panel once', () => {
    const { button } = page('has SECRET in it');
    button.click();
    button.click(); // a second click while the panel is open is swallowed, not a second panel
    expect(posted).toEqual([]);
    expect(shown).toHaveLength(1);
    expect(shown[0].view.findings.map((f) => f.type)).toEqual(['SSN']);
    expect(shown[0].view.canFix).toBe(true);
  });

  it('checks the draft as it is at the click, not as it was last analysed', () => {
    const { ta, button } = page('all fine');
    ta.value = 'now SECRET'; // no input event: the debounce never ran
    button.click();
    expect(posted).toEqual([]);
    expect(shown).toHaveLength(1);
  });

  it('Post anyway re-clicks the site control exactly once', () => {
    const { button } = page('has SECRET in it');
    button.click();
    shown[0].handlers.postAnyway();
    shown[0].handlers.postAnyway(); // a double press does not post twice
    expect(posted).toEqual(['has SECRET in it']);
  });

  it('Ctrl+Enter in the box is stopped like the click', () => {
    const { ta } = page('has SECRET in it');
    const e = new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', ctrlKey: true, bubbles: true, cancelable: true, composed: true });
    ta.dispatchEvent(e);
    expect(e.defaultPrevented).toBe(true);
    expect(shown).toHaveLength(1);
  });

  it('Edit closes the panel and nothing is posted', () => {
    const { button } = page('has SECRET in it');
    button.click();
    shown[0].handlers.edit();
    expect(shown[0].closed).toBe(true);
    expect(posted).toEqual([]);
  });

  it('aborting the signal removes the listeners', () => {
    const { button } = page('has SECRET in it');
    controller.abort();
    button.click();
    expect(posted).toEqual(['has SECRET in it']);
    expect(shown).toHaveLength(0);
  });

  it('says so when the site does not take the re-sent post, and lets the next own click through', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      document.body.innerHTML = '<div><textarea></textarea><button type="button" class="post">Post</button></div>';
      const ta = document.querySelector('textarea')!;
      ta.value = 'has SECRET in it';
      const button = document.querySelector<HTMLButtonElement>('.post')!;
      // A site that ignores untrusted clicks (the re-sent one), but posts on the user's own.
      let userClick = false;
      button.addEventListener('click', () => { if (userClick) posted.push(ta.value); });
      createGuard({ win: window as Window & typeof globalThis, site: generic, analyze, panel, signal: controller.signal, acceptWaitMs: 50 });
      button.click();
      shown[0].handlers.postAnyway();
      await vi.advanceTimersByTimeAsync(60);
      expect(shown[0].view.status).toMatch(/did not accept/);
      expect(posted).toEqual([]);
      userClick = true;
      button.click();
      expect(posted).toEqual(['has SECRET in it']);
    } finally {
      vi.useRealTimers();
    }
  });
});
