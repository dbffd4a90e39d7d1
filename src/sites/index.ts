import { bluesky } from './bluesky';
import { doximity } from './doximity';
import { facebook } from './facebook';
import { generic } from './generic';
import { instagram } from './instagram';
import { linkedin } from './linkedin';
import { mastodon } from './mastodon';
import { reddit } from './reddit';
import { threads } from './threads';
import type { SiteAdapter } from './types';
import { x } from './x';

/** Every site adapter, in match order. `generic` is the fallback and is not listed here. */
export const SITES: readonly SiteAdapter[] = [x, linkedin, facebook, bluesky, mastodon, reddit, threads, instagram, doximity];
export { generic };

export function hostMatches(host: string, pattern: string): boolean {
  const h = host.toLowerCase();
  return pattern.startsWith('.') ? h.endsWith(pattern) || h === pattern.slice(1) : h === pattern;
}

/** The adapter for a page: by host, else by the site's DOM markers (user-added hosts), else generic. */
export function adapterFor(host: string, doc?: ParentNode): SiteAdapter {
  const byHost = SITES.find((s) => s.hosts.some((p) => hostMatches(host, p)));
  if (byHost) return byHost;
  if (doc) {
    const byMarker = SITES.find((s) => s.markers?.some((m) => doc.querySelector(m)));
    if (byMarker) return byMarker;
  }
  return generic;
}
