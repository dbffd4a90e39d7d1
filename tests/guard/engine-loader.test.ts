// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGuard } from '../../src/guard/controller';
import { createEngineLoader, ENGINE_GLOBAL, type EngineModule } from '../../src/guard/engine-loader';
import type { PanelApi, PanelHandlers, PanelView } from '../../src/guard/panel-api';
import type { Finding } from '../../src/engine/types';
import { generic } from '../../src/sites';

// A stand-in engine: "SECRET" is a blocking finding, everything else is clean.
const engine: EngineModule = {
  analyze: (text) => {
    const at = text.indexOf('SECRET');
    if (at < 0) return [];
    return [{ category: 'phi', type: 'SSN', severity: 'block', start: at, end: at + 6, text: 'SECRET', message: 'm', ruleId: 't/p', suggestion: '[x]', score: 1, explanation: { pattern: 'p', baseScore: 1 } } as Finding];
  },
};

/** A loader whose engine file "arrives" when the test calls finish() (or fails with fail()). */
function deferredLoader() {
  const scope: Record<string, unknown> = {};
  let loads = 0;
  let finish!: () => void;
  let fail!: () => void;
  const loader = createEngineLoader(() => {
    loads++;
    return new Promise<void>((resolve, reject) => {
      finish = () => { scope[ENGINE_GLOBAL] = engine; resolve(); };
      fail = () => reject(new Error('no file'));
    });
  }, scope);
  return { loader, loads: () => loads, finish: () => finish(), fail: () => fail() };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('createEngineLoader', () => {
  it('answers null until the engine file has registered, then the engine verdict', async () => {
    const d = deferredLoader();
    expect(d.loader.analyze('a SECRET')).toBeNull(); // not loaded: unknown, never "clean"
    expect(d.loader.analyze('again')).toBeNull();
    expect(d.loads()).toBe(1); // one import however many calls come meanwhile
    d.finish();
    await d.loader.ready();
    expect(d.loader.analyze('a SECRET')?.map((f) => f.type)).toEqual(['SSN']);
    expect(d.loader.analyze('clean')).toEqual([]);
  });

  it('rejects when the file does not register, and retries on the next call', async () => {
    const d = deferredLoader();
    const first = d.loader.ready();
    d.fail();
    await expect(first).rejects.toThrow();
    const second = d.loader.ready(); // a new import, not the cached failure
    expect(d.loads()).toBe(2);
    d.finish();
    await expect(second).resolves.toBeUndefined();
  });
});

describe('the guard before the engine has loaded (fail closed)', () => {
  let controller: AbortController;
  let shown: { view: PanelView; handlers: PanelHandlers }[];
  let posted: string[];
  const panel: PanelApi = {
    show(_c, view, handlers) {
      const entry = { view, handlers };
      shown.push(entry);
      return { update: (v) => { entry.view = v; }, close: () => {} };
    },
  };
  beforeEach(() => { controller = new AbortController(); shown = []; posted = []; });
  afterEach(() => controller.abort());

  function page(text: string) {
    const d = deferredLoader();
    document.body.innerHTML = '<form><textarea></textarea><button type="button" class="post">Post</button></form>';
    const ta = document.querySelector('textarea')!;
    ta.value = text;
    const button = document.querySelector<HTMLButtonElement>('.post')!;
    button.addEventListener('click', () => posted.push(ta.value));
    createGuard({ win: window as Window & typeof globalThis, site: generic, analyze: d.loader.analyze, ready: d.loader.ready, panel, signal: controller.signal, acceptWaitMs: 20 });
    ta.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    return { d, button };
  }

  it('the first focus of a compose box starts loading the engine', () => {
    const { d } = page('');
    expect(d.loads()).toBe(1);
  });

  it('holds a clean draft until the engine loads, then posts it exactly once', async () => {
    const { d, button } = page('all fine');
    button.click();
    button.click(); // a second click while held is swallowed too
    expect(posted).toEqual([]);
    d.finish();
    await tick();
    expect(posted).toEqual(['all fine']);
    expect(shown).toHaveLength(0);
  });

  it('holds a draft with a finding and shows the panel once the engine has checked it', async () => {
    const { d, button } = page('has SECRET');
    button.click();
    expect(posted).toEqual([]);
    d.finish();
    await tick();
    expect(posted).toEqual([]);
    expect(shown).toHaveLength(1);
    expect(shown[0].view.findings.map((f) => f.type)).toEqual(['SSN']);
  });

  it('an engine that cannot load never lets the draft out silently: the panel says it was not checked', async () => {
    const { d, button } = page('all fine');
    button.click();
    d.fail();
    await tick();
    expect(posted).toEqual([]);
    expect(shown).toHaveLength(1);
    expect(shown[0].view.status).toMatch(/not been checked/);
  });
});
