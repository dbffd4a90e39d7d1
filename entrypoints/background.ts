// The background stays thin: it only wires src/ modules together (DEVELOPERS.md).
import { onPermissionsRemoved, restoreSites, type SitesApi } from '../src/guard/register-sites';

export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => {
    // Nothing to migrate yet; the managed rule set arrives with the rule-set issue.
  });
  // User-added sites (Mastodon instances): bring back their content scripts at every start.
  const sites = browser as unknown as SitesApi;
  void restoreSites(sites).catch(() => undefined);
  browser.permissions.onRemoved.addListener((removed) => void onPermissionsRemoved(sites, removed).catch(() => undefined));
});
