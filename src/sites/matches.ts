/**
 * Sites whose compose boxes Clearpost guards out of the box (the manifest's content-script
 * matches). Mastodon instances are added by the user later through optional host permissions.
 */
export const COVERED_MATCHES = [
  '*://x.com/*',
  '*://twitter.com/*',
  '*://*.linkedin.com/*',
  '*://*.facebook.com/*',
  '*://bsky.app/*',
  '*://*.threads.net/*',
  '*://*.threads.com/*',
  '*://*.reddit.com/*',
  '*://*.doximity.com/*',
  '*://*.instagram.com/*',
];
