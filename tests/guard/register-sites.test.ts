import { fakeBrowser } from 'wxt/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  addSite, CONTENT_SCRIPT_FILE, listSites, onPermissionsRemoved, originPattern, parseOrigin, removeSite, restoreSites, scriptId,
  type RegisteredScript, type SitesApi,
} from '../../src/guard/register-sites';

/**
 * fakeBrowser implements storage but not permissions or scripting: those are small stateful fakes
 * here that behave like Chrome's (a request can be granted or refused, ids are unique).
 */
let granted: Set<string>;
let scripts: Map<string, RegisteredScript & { js: string[]; runAt: string }>;
let answer: boolean;
let requests: string[];

function api(): SitesApi {
  return {
    permissions: {
      request: async ({ origins }) => { requests.push(...origins); if (answer) origins.forEach((o) => granted.add(o)); return answer; },
      remove: async ({ origins }) => { origins.forEach((o) => granted.delete(o)); return true; },
      contains: async ({ origins }) => origins.every((o) => granted.has(o)),
    },
    scripting: {
      registerContentScripts: async (list) => {
        for (const s of list) {
          if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
          scripts.set(s.id, { ...s });
        }
      },
      unregisterContentScripts: async ({ ids }) => { ids.forEach((id) => scripts.delete(id)); },
      getRegisteredContentScripts: async (filter) => [...scripts.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id)),
    },
    storage: fakeBrowser.storage as unknown as SitesApi['storage'],
  };
}

beforeEach(() => {
  fakeBrowser.reset();
  granted = new Set();
  scripts = new Map();
  answer = true;
  requests = [];
});

describe('parseOrigin', () => {
  it.each([
    ['mastodon.social', 'https://mastodon.social'], // bare host: https assumed
    ['https://Mastodon.Social/@someone', 'https://mastodon.social'], // path dropped, host lower-cased
    ['  https://med-mastodon.com/  ', 'https://med-mastodon.com'], // whitespace and trailing slash
    ['https://social.example.org:8443', 'https://social.example.org:8443'], // a port is kept in the origin
  ])('%s -> %s', (input, origin) => {
    expect(parseOrigin(input)).toEqual({ ok: true, origin });
  });

  it.each([
    [''], // nothing typed
    ['http://mastodon.social'], // not https: outside the optional host permissions
    ['localhost'], // a single label is not an instance
    ['https://user:pw@mastodon.social'], // credentials
    ['x.com'], // built-in site: already covered by the manifest
    ['https://www.facebook.com/'], // built-in subdomain
    ['ftp://mastodon.social'], // other scheme
  ])('%j is refused with a reason', (input) => {
    const r = parseOrigin(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.length).toBeGreaterThan(10);
  });

  it('match patterns carry no port', () => {
    expect(originPattern('https://social.example.org:8443')).toBe('https://social.example.org/*');
  });
});

describe('adding and removing a site', () => {
  it('asks for the host permission, registers the content script there and remembers the origin', async () => {
    const r = await addSite(api(), 'mastodon.social');
    expect(r).toEqual({ ok: true, origin: 'https://mastodon.social' });
    expect(requests).toEqual(['https://mastodon.social/*']);
    expect(scripts.get(scriptId('https://mastodon.social'))).toMatchObject({ matches: ['https://mastodon.social/*'], js: [CONTENT_SCRIPT_FILE], runAt: 'document_start' });
    expect(await listSites(api())).toEqual(['https://mastodon.social']);
  });

  it('a refused permission registers nothing and stores nothing', async () => {
    answer = false;
    const r = await addSite(api(), 'mastodon.social');
    expect(r.ok).toBe(false);
    expect(scripts.size).toBe(0);
    expect(await listSites(api())).toEqual([]);
  });

  it('an invalid origin never reaches the permission prompt', async () => {
    expect((await addSite(api(), 'http://mastodon.social')).ok).toBe(false);
    expect(requests).toEqual([]);
  });

  it('adding the same site twice keeps one registration and one entry', async () => {
    await addSite(api(), 'mastodon.social');
    const again = await addSite(api(), 'https://mastodon.social/home');
    expect(again.ok).toBe(true);
    expect(scripts.size).toBe(1);
    expect(await listSites(api())).toEqual(['https://mastodon.social']);
  });

  it('removing a site unregisters it, drops the permission and forgets it; others stay', async () => {
    await addSite(api(), 'mastodon.social');
    await addSite(api(), 'med-mastodon.com');
    await removeSite(api(), 'https://mastodon.social');
    expect([...scripts.keys()]).toEqual([scriptId('https://med-mastodon.com')]);
    expect([...granted]).toEqual(['https://med-mastodon.com/*']);
    expect(await listSites(api())).toEqual(['https://med-mastodon.com']);
  });
});

describe('restoring at startup', () => {
  it('re-registers stored sites the browser dropped (Firefox forgets them on restart)', async () => {
    await addSite(api(), 'mastodon.social');
    scripts.clear(); // the browser restarted
    const r = await restoreSites(api());
    expect(r).toEqual({ registered: ['https://mastodon.social'], dropped: [] });
    expect(scripts.has(scriptId('https://mastodon.social'))).toBe(true);
  });

  it('keeps a registration that survived (no duplicate-id error)', async () => {
    await addSite(api(), 'mastodon.social');
    await expect(restoreSites(api())).resolves.toEqual({ registered: ['https://mastodon.social'], dropped: [] });
    expect(scripts.size).toBe(1);
  });

  it('forgets a site whose permission the user revoked in the browser, and unregisters it', async () => {
    await addSite(api(), 'mastodon.social');
    await addSite(api(), 'med-mastodon.com');
    granted.delete('https://mastodon.social/*');
    const r = await restoreSites(api());
    expect(r.dropped).toEqual(['https://mastodon.social']);
    expect(await listSites(api())).toEqual(['https://med-mastodon.com']);
    expect([...scripts.keys()]).toEqual([scriptId('https://med-mastodon.com')]);
  });

  it('drops our registrations that are no longer stored, never anyone else\'s', async () => {
    scripts.set(scriptId('https://gone.example'), { id: scriptId('https://gone.example'), matches: [], js: [], runAt: 'document_start' });
    scripts.set('other', { id: 'other', matches: [], js: [], runAt: 'document_start' });
    await restoreSites(api());
    expect([...scripts.keys()]).toEqual(['other']);
  });

  it('a permission removed while running forgets the site', async () => {
    await addSite(api(), 'mastodon.social');
    await onPermissionsRemoved(api(), { origins: ['https://mastodon.social/*'] });
    expect(await listSites(api())).toEqual([]);
    expect(scripts.size).toBe(0);
  });
});
