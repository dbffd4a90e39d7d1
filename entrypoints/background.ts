// The background stays thin: it only wires src/ modules together (DEVELOPERS.md).
import { onPermissionsRemoved, restoreSites, type SitesApi } from '../src/guard/register-sites';
import { installHistory, type HistoryBackgroundApi } from '../src/store/background';
import { installOcrBroker, type OffscreenLike, type RuntimeLike } from '../src/ocr/browser-broker';

export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => {
    // Nothing to migrate yet; the managed rule set arrives with the rule-set issue.
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
