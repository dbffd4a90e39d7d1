// The background stays thin: it only wires src/ modules together (DEVELOPERS.md).
import { onPermissionsRemoved, restoreSites, type SitesApi } from '../src/guard/register-sites';
import { installHistory, type HistoryBackgroundApi } from '../src/store/background';
import { installOcrBroker, type OffscreenLike, type RuntimeLike } from '../src/ocr/browser-broker';
import { watchPolicy, type WatchDeps } from '../src/rules/policy-service';

export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => {
    // Nothing to migrate yet.
  });
  // Rule packs (src/rules/): bundled < institution (managed policy: inline, or a signed https URL)
  // < user, stored for the pages; re-merged when the policy or the user's settings change. The
  // pack fetch is the extension's only network request (src/rules/remote.ts: no credentials).
  watchPolicy({
    managed: browser.storage.managed as unknown as WatchDeps['managed'],
    local: browser.storage.local as unknown as WatchDeps['local'],
    onChanged: browser.storage.onChanged as unknown as WatchDeps['onChanged'],
    fetch: (url, init) => fetch(url, init),
  });
  // User-added sites (Mastodon instances): bring back their content scripts at every start.
  const sites = browser as unknown as SitesApi;
  void restoreSites(sites).catch(() => undefined);
  browser.permissions.onRemoved.addListener((removed) => void onPermissionsRemoved(sites, removed).catch(() => undefined));
  // The private history of flagged drafts and the badge (src/store/background.ts).
  installHistory(browser as unknown as HistoryBackgroundApi);
  // OCR of attached images (src/ocr/browser-broker.ts): Chrome's offscreen document; Firefox has no
  // offscreen API, so its background page hosts the worker itself.
  const runtime = browser.runtime as unknown as RuntimeLike;
  installOcrBroker(import.meta.env.FIREFOX
    ? { runtime, localHost: () => import('../src/ocr/browser-host').then((m) => m.createOcrHost({ assetUrl: (path) => browser.runtime.getURL(`/${path}` as '/') })) }
    : { runtime, offscreen: (globalThis as unknown as { chrome: { offscreen: OffscreenLike } }).chrome.offscreen });
});
