import { adapterFor, generic } from './index';
import { mastodon } from './mastodon';
import type { SiteAdapter } from './types';

/**
 * The adapter for the page the content script runs on. The content script runs outside the
 * built-in sites only where the user added a Mastodon instance (options page,
 * src/guard/register-sites.ts), and it starts at document_start, before Mastodon's DOM markers
 * exist: a page with a host that no built-in adapter claims is that instance. about:blank frames
 * (empty host) keep the generic rules.
 */
export function siteForPage(host: string, doc?: ParentNode): SiteAdapter {
  const site = adapterFor(host, doc);
  return site === generic && host ? mastodon : site;
}
