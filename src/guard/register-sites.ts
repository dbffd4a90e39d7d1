/**
 * User-added sites (issue 6): Mastodon runs on thousands of instances, so the user adds theirs in
 * the options page. Adding one asks for that origin's optional host permission, registers the
 * content script there (`scripting.registerContentScripts`) and remembers the origin; removing it
 * undoes all three. The background calls `restoreSites` at startup: registrations the browser
 * dropped (Firefox does not keep them across restarts) come back, and origins whose permission the
 * user revoked in the browser's own UI are forgotten.
 *
 * No global `browser` here: the extension API is injected (WXT's fakeBrowser plus small fakes in
 * tests/guard/register-sites.test.ts).
 */
export interface RegisteredScript {
  id: string;
  matches?: string[];
}

export interface SitesApi {
  permissions: {
    request(p: { origins: string[] }): Promise<boolean>;
    remove(p: { origins: string[] }): Promise<boolean>;
    contains(p: { origins: string[] }): Promise<boolean>;
  };
  scripting: {
    registerContentScripts(scripts: {
      id: string;
      matches: string[];
      js: string[];
      runAt: 'document_start';
      allFrames: boolean;
      persistAcrossSessions?: boolean;
    }[]): Promise<unknown>;
    unregisterContentScripts(filter: { ids: string[] }): Promise<unknown>;
    getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<RegisteredScript[]>;
  };
  storage: {
    local: {
      get(key: string): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
  };
}

/** The built content script (WXT's output path for entrypoints/content.ts). */
export const CONTENT_SCRIPT_FILE = 'content-scripts/content.js';
/** Storage key of the user-added origins (a sorted string array). */
export const SITES_KEY = 'userSites';
const ID_PREFIX = 'user-site:';

/** Hosts Clearpost covers out of the box: adding one as an instance would register it twice. */
const BUILT_IN = /(^|\.)(x\.com|twitter\.com|linkedin\.com|facebook\.com|bsky\.app|threads\.net|threads\.com|reddit\.com|doximity\.com|instagram\.com)$/;

export type OriginCheck = { ok: true; origin: string } | { ok: false; reason: string };

/**
 * The origin a user typed, normalised: `mastodon.social`, `https://mastodon.social/@me` and
 * `HTTPS://Mastodon.Social/` all give `https://mastodon.social`. Only https (the manifest's
 * optional host permissions are https only), no credentials, no IP-less single labels.
 */
export function parseOrigin(input: string): OriginCheck {
  const raw = input.trim();
  if (!raw) return { ok: false, reason: 'Type the address of your Mastodon instance, such as mastodon.social.' };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`);
  } catch {
    return { ok: false, reason: 'That is not a web address.' };
  }
  if (url.protocol !== 'https:') return { ok: false, reason: 'Only https:// instances can be added.' };
  if (url.username || url.password) return { ok: false, reason: 'Leave out any user name or password.' };
  const host = url.hostname.toLowerCase();
  if (!host.includes('.') || host.endsWith('.')) return { ok: false, reason: 'Type the full host name, such as mastodon.social.' };
  if (BUILT_IN.test(host)) return { ok: false, reason: 'Clearpost already covers that site.' };
  return { ok: true, origin: `https://${host}${url.port ? `:${url.port}` : ''}` };
}

/** The match pattern (and host permission) for an origin. Match patterns carry no port. */
export function originPattern(origin: string): string {
  return `${origin.replace(/:\d+$/, '')}/*`;
}

export function scriptId(origin: string): string {
  return ID_PREFIX + origin;
}

function script(origin: string) {
  return { id: scriptId(origin), matches: [originPattern(origin)], js: [CONTENT_SCRIPT_FILE], runAt: 'document_start' as const, allFrames: true };
}

export async function listSites(api: SitesApi): Promise<string[]> {
  const stored = (await api.storage.local.get(SITES_KEY))[SITES_KEY];
  return Array.isArray(stored) ? stored.filter((s): s is string => typeof s === 'string') : [];
}

async function saveSites(api: SitesApi, sites: readonly string[]): Promise<void> {
  await api.storage.local.set({ [SITES_KEY]: [...new Set(sites)].sort() });
}

async function ensureRegistered(api: SitesApi, origin: string): Promise<void> {
  const existing = await api.scripting.getRegisteredContentScripts({ ids: [scriptId(origin)] });
  if (existing.some((s) => s.id === scriptId(origin))) return;
  await api.scripting.registerContentScripts([script(origin)]);
}

export type AddResult = { ok: true; origin: string } | { ok: false; reason: string };

/**
 * Adds a user site. Must be called straight from the user's click: the permission request comes
 * first, before any other await, or the browser refuses it as not user-initiated.
 */
export async function addSite(api: SitesApi, input: string): Promise<AddResult> {
  const parsed = parseOrigin(input);
  if (!parsed.ok) return parsed;
  const { origin } = parsed;
  let granted: boolean;
  try {
    granted = await api.permissions.request({ origins: [originPattern(origin)] });
  } catch {
    granted = false;
  }
  if (!granted) return { ok: false, reason: `Clearpost was not allowed to run on ${origin}, so it was not added.` };
  try {
    await ensureRegistered(api, origin);
  } catch {
    await api.permissions.remove({ origins: [originPattern(origin)] }).catch(() => false);
    return { ok: false, reason: `The browser would not let Clearpost run on ${origin}.` };
  }
  await saveSites(api, [...(await listSites(api)), origin]);
  return { ok: true, origin };
}

/** Removes a user site: its content script, its host permission and the stored origin. */
export async function removeSite(api: SitesApi, origin: string): Promise<void> {
  await api.scripting.unregisterContentScripts({ ids: [scriptId(origin)] }).catch(() => undefined);
  await api.permissions.remove({ origins: [originPattern(origin)] }).catch(() => false);
  await saveSites(api, (await listSites(api)).filter((o) => o !== origin));
}

/**
 * At browser or extension start: re-registers every stored site that still has its permission,
 * forgets those that lost it, and drops registrations of ours for sites no longer stored.
 */
export async function restoreSites(api: SitesApi): Promise<{ registered: string[]; dropped: string[] }> {
  const sites = await listSites(api);
  const registered: string[] = [];
  const dropped: string[] = [];
  for (const origin of sites) {
    const allowed = await api.permissions.contains({ origins: [originPattern(origin)] }).catch(() => false);
    if (!allowed) { dropped.push(origin); continue; }
    try {
      await ensureRegistered(api, origin);
      registered.push(origin);
    } catch {
      dropped.push(origin);
    }
  }
  const ours = (await api.scripting.getRegisteredContentScripts()).filter((s) => s.id.startsWith(ID_PREFIX));
  const stale = ours.filter((s) => !registered.includes(s.id.slice(ID_PREFIX.length))).map((s) => s.id);
  if (stale.length) await api.scripting.unregisterContentScripts({ ids: stale }).catch(() => undefined);
  if (dropped.length) await saveSites(api, registered);
  return { registered, dropped };
}

/** When the user revokes a site's permission in the browser's UI, forget it here too. */
export async function onPermissionsRemoved(api: SitesApi, removed: { origins?: string[] }): Promise<void> {
  const patterns = new Set(removed.origins ?? []);
  for (const origin of await listSites(api)) {
    if (patterns.has(originPattern(origin))) {
      await api.scripting.unregisterContentScripts({ ids: [scriptId(origin)] }).catch(() => undefined);
      await saveSites(api, (await listSites(api)).filter((o) => o !== origin));
    }
  }
}
