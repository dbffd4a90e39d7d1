import { describe, expect, it, vi } from 'vitest';
import { analyze } from '../../src/engine/analyze';
import { combineOptions, createPolicyClient } from '../../src/rules/policy-client';
import { LAST_GOOD_KEY, POLICY_KEY, refreshPolicy, USER_PACK_KEY, type PolicyState } from '../../src/rules/policy-service';
import { generateKeyPair, sign } from '../../src/rules/signing';

const PACK = { id: 'org.example', version: '3', detectors: { ssn: { severity: 'warn' } }, dictionaries: { deny: [{ text: 'Ward 7B', type: 'FACILITY' }] }, locked: ['detectors'] };
const TEXT = JSON.stringify(PACK);

function area(initial: Record<string, unknown> = {}) {
  const data: Record<string, unknown> = { ...initial };
  return {
    data,
    get: async (keys?: string | string[] | null) => (keys == null ? { ...data } : Object.fromEntries([keys].flat().filter((k) => k in data).map((k) => [k, data[k]]))),
    set: async (items: Record<string, unknown>) => void Object.assign(data, structuredClone(items)),
  };
}
const noFetch = vi.fn(async () => { throw new Error('no network in this test'); });

describe('refreshPolicy (background)', () => {
  it('no managed policy: the bundled rules, institution none', async () => {
    const local = area();
    const s = await refreshPolicy({ managed: area(), local, fetch: noFetch });
    expect(s.institution).toEqual({ status: 'none' });
    expect(s.policy.packs.map((p) => p.id)).toEqual(['clearpost.default']);
    expect((local.data[POLICY_KEY] as PolicyState).institution.status).toBe('none');
  });

  it('a missing managed area (Firefox without policies.json, an old browser) is no policy, not an error', async () => {
    const s = await refreshPolicy({ managed: { get: async () => { throw new Error('Managed storage manifest not found'); } }, local: area(), fetch: noFetch });
    expect(s.institution.status).toBe('none');
    expect(s.notes).toEqual([]);
  });

  it('inline pack: applied, its locked setting wins over the user, and the engine uses it', async () => {
    const local = area({ [USER_PACK_KEY]: { detectors: { ssn: { enabled: false } }, dictionaries: { allow: ['Dr. Okafor'] } } });
    const s = await refreshPolicy({ managed: area({ rulePack: TEXT }), local, fetch: noFetch });
    expect(s.institution).toEqual({ status: 'applied', source: 'policy', id: 'org.example', version: '3' });
    expect(s.policy.locked).toEqual(['detectors']);
    expect(s.policy.analyze.detectors?.ssn).toEqual({ enabled: true, severity: 'warn' });
    expect(s.policy.analyze.allow).toEqual(['Dr. Okafor']);
    expect(s.notes).toEqual([expect.stringMatching(/^detectors\.ssn is managed by your institution \(org\.example\)/)]);
    expect(analyze('Her SSN 219-09-9999 is on file, on Ward 7B.', s.policy.analyze).map((f) => [f.type, f.severity])).toEqual([['SSN', 'warn'], ['FACILITY', 'warn']]);
    expect(local.data[LAST_GOOD_KEY]).toMatchObject({ text: TEXT, source: 'policy' });
  });

  it('a bad inline pack with no last good one: not applied, says where, bundled rules still run', async () => {
    const s = await refreshPolicy({ managed: area({ rulePack: '{"id": "org.example", "version": "3", "treshold": 0.9}' }), local: area(), fetch: noFetch });
    expect(s.institution.status).toBe('not-applied');
    expect(s.institution.message).toMatch(/\$\.treshold is not a known key/);
    expect(s.policy.packs.map((p) => p.source)).toEqual(['bundled']);
    expect(analyze('Her SSN 219-09-9999 is on file.', s.policy.analyze).map((f) => f.type)).toEqual(['SSN']);
  });

  it('a bad pack after a good one: the last good pack stays in force and the state says why', async () => {
    const local = area();
    await refreshPolicy({ managed: area({ rulePack: TEXT }), local, fetch: noFetch });
    const s = await refreshPolicy({ managed: area({ rulePack: '{not json' }), local, fetch: noFetch });
    expect(s.institution).toMatchObject({ status: 'last-good', id: 'org.example', version: '3', message: expect.stringMatching(/not valid JSON/) });
    expect(s.policy.locked).toEqual(['detectors']);
  });

  it('policy values of the wrong type are reported and ignored', async () => {
    const s = await refreshPolicy({ managed: area({ rulePack: { id: 'x' }, rulePackRefreshHours: 'daily' }), local: area(), fetch: noFetch });
    expect(s.notes).toEqual(['policy rulePack must be a string; it was ignored', 'policy rulePackRefreshHours must be a whole number; it was ignored']);
    expect(s.institution.status).toBe('none');
  });

  it('invalid user settings are not applied and said so; the institution pack still applies', async () => {
    const s = await refreshPolicy({ managed: area({ rulePack: TEXT }), local: area({ [USER_PACK_KEY]: { threshold: 'high' } }), fetch: noFetch });
    expect(s.institution.status).toBe('applied');
    expect(s.notes).toEqual([expect.stringMatching(/^your own settings were not applied: \$\.threshold must be a number/)]);
  });
});

describe('refreshPolicy with a signed pack URL', async () => {
  const team = await generateKeyPair();
  const body = new TextEncoder().encode(TEXT);
  const { signature } = await sign(body, team.privatePem);
  const url = 'https://policy.example.org/clearpost/pack.json';
  const server = (files: Record<string, string | Uint8Array>) => vi.fn(async (u: string, _init: RequestInit) =>
    u in files ? new Response(files[u] as BodyInit, { status: 200 }) : new Response('missing', { status: 404 }));

  it('fetches pack and signature with no credentials, verifies, applies and caches', async () => {
    const fetch = server({ [url]: body, [`${url}.sig`]: signature });
    const local = area();
    const s = await refreshPolicy({ managed: area({ rulePackUrl: url, rulePackPublicKey: team.publicKey }), local, fetch });
    expect(s.institution).toEqual({ status: 'applied', source: 'url', id: 'org.example', version: '3' });
    expect(fetch.mock.calls.map(([u]) => u)).toEqual([url, `${url}.sig`]);
    for (const [, init] of fetch.mock.calls) expect(init).toMatchObject({ method: 'GET', credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer' });
    // within the refresh interval the cached pack is used: no request
    const again = await refreshPolicy({ managed: area({ rulePackUrl: url, rulePackPublicKey: team.publicKey }), local, fetch });
    expect(again.institution.status).toBe('applied');
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it.each([
    // a signature by another key
    [async () => (await sign(body, (await generateKeyPair()).privatePem)).signature, /signature does not match/],
    // no signature published
    [async () => undefined, /signature \(\/clearpost\/pack\.json\.sig\) could not be fetched \(HTTP 404\)/],
  ])('a bad signature keeps the last good pack (%#)', async (makeSig, message) => {
    const local = area();
    await refreshPolicy({ managed: area({ rulePack: TEXT }), local, fetch: noFetch });
    const sig = await makeSig();
    const fetch = server({ [url]: body, ...(sig ? { [`${url}.sig`]: sig } : {}) });
    const s = await refreshPolicy({ managed: area({ rulePackUrl: url, rulePackPublicKey: team.publicKey }), local, fetch }, { forceFetch: true });
    expect(s.institution).toMatchObject({ status: 'last-good', source: 'url', id: 'org.example', message: expect.stringMatching(message) });
  });

  it.each([
    // only https
    [{ rulePackUrl: 'http://policy.example.org/pack.json', rulePackPublicKey: 'x' }, /must use https/],
    // never an unsigned pack
    [{ rulePackUrl: url }, /without rulePackPublicKey/],
  ])('refuses %j without a request', async (policy, message) => {
    const fetch = vi.fn();
    const s = await refreshPolicy({ managed: area(policy), local: area(), fetch });
    expect(fetch).not.toHaveBeenCalled();
    expect(s.institution).toMatchObject({ status: 'not-applied', message: expect.stringMatching(message) });
  });
});

describe('createPolicyClient (pages)', () => {
  it('bundled rules until the stored state is read, then the stored policy, then its changes', async () => {
    const local = area();
    const s = await refreshPolicy({ managed: area({ rulePack: TEXT }), local, fetch: noFetch });
    let listener: ((c: Record<string, { newValue?: unknown }>, a: string) => void) | undefined;
    const client = createPolicyClient({ local, onChanged: { addListener: (fn) => (listener = fn), removeListener: () => (listener = undefined) } });
    expect(client.state().institution.status).toBe('none');
    await client.ready;
    expect(client.state().institution.status).toBe('applied');
    expect(client.options().detectors?.ssn?.severity).toBe('warn');
    listener!({ [POLICY_KEY]: { newValue: { ...s, policy: { ...s.policy, analyze: { threshold: 0.9 } } } } }, 'local');
    expect(client.options()).toEqual({ threshold: 0.9 });
  });

  it('combineOptions adds a page\'s allow list to the policy\'s', () => {
    expect(combineOptions({ allow: ['a'], threshold: 0.6 }, { allow: ['b'] })).toMatchObject({ allow: ['a', 'b'], threshold: 0.6 });
  });
});
