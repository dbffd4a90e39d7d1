import './fake-browser-global';
import { fakeBrowser } from 'wxt/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { USER_PACK_KEY } from '../../src/rules/policy-service';
import { POLICY_KEY } from '../../src/rules/policy-client';
import { loadPolicy } from '../../src/store/policy';
import { readUserSettings, updateUserSettings } from '../../src/store/settings';

beforeEach(() => fakeBrowser.reset());

describe('user settings', () => {
  it('defaults: nothing allowed, no disclaimer, the rule set\'s retention', async () => {
    expect(await readUserSettings()).toEqual({ allow: [], disclaimerText: '', retentionDays: null });
  });

  it('allow list and disclaimer go into the user pack, keeping what else it holds', async () => {
    await fakeBrowser.storage.local.set({ [USER_PACK_KEY]: { detectors: { url: { enabled: false } }, dictionaries: { deny: [{ text: 'Ward 9', type: 'FACILITY' }] } } });
    await updateUserSettings((s) => ({ ...s, allow: ['Dr Grey'], disclaimerText: ' Views my own. ' }));
    const pack = (await fakeBrowser.storage.local.get(USER_PACK_KEY))[USER_PACK_KEY];
    expect(pack).toEqual({ detectors: { url: { enabled: false } }, dictionaries: { deny: [{ text: 'Ward 9', type: 'FACILITY' }], allow: ['Dr Grey'] }, disclaimer: { text: 'Views my own.' } });
    expect(await readUserSettings()).toEqual({ allow: ['Dr Grey'], disclaimerText: 'Views my own.', retentionDays: null });
  });

  it('a wrongly shaped pack reads as defaults', async () => {
    await fakeBrowser.storage.local.set({ [USER_PACK_KEY]: { dictionaries: { allow: 'Dr Grey' }, disclaimer: { text: 4 } } });
    expect(await readUserSettings()).toEqual({ allow: [], disclaimerText: '', retentionDays: null });
  });
});

describe('loadPolicy over the stored merged state', () => {
  it('no stored state: bundled rules, 24 h, not managed', async () => {
    expect(await loadPolicy()).toMatchObject({ retentionDays: 1, managed: false, packs: ['clearpost.default 1.0.0'] });
  });

  it('an applied institution pack: managed, its limit, the user may only shorten', async () => {
    await fakeBrowser.storage.local.set({ [POLICY_KEY]: {
      policy: { analyze: {}, locked: ['dictionaries.allow'], enforcement: { block: 'reason', warn: 'allow' }, retentionDays: 7,
        packs: [{ source: 'bundled', id: 'clearpost.default', version: '1.0.0' }, { source: 'institution', id: 'st-elsewhere', version: '3' }, { source: 'user', id: 'user', version: '1' }] },
      institution: { status: 'applied', id: 'st-elsewhere', version: '3' }, notes: [], updatedAt: 1,
    } });
    await updateUserSettings((s) => ({ ...s, retentionDays: 30 }));
    const p = await loadPolicy();
    expect(p).toMatchObject({ managed: true, limitDays: 7, retentionDays: 7, packs: ['clearpost.default 1.0.0', 'st-elsewhere 3'] });
    await updateUserSettings((s) => ({ ...s, retentionDays: 2 }));
    expect((await loadPolicy()).retentionDays).toBe(2);
  });
});
