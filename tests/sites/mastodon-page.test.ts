import { describe, expect, it } from 'vitest';
import { siteForPage } from '../../src/sites/mastodon-page';

describe('siteForPage', () => {
  it.each([
    ['mastodon.social', 'mastodon'], // a user-added instance: no built-in adapter claims its host
    ['med-mastodon.com', 'mastodon'], // any other instance host
    ['x.com', 'x'], // built-in hosts keep their own adapter
    ['www.facebook.com', 'facebook'], // suffix match
    ['bsky.app', 'bluesky'],
    ['', 'generic'], // about:blank frames inside a covered page
  ])('%j -> %s', (host, id) => {
    expect(siteForPage(host).id).toBe(id);
  });
});
