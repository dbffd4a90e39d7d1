import { analyze } from '../src/engine/analyze';
import { createGuard } from '../src/guard/controller';
import { COVERED_MATCHES } from '../src/sites/matches';
import { siteForPage } from '../src/sites/mastodon-page';
import { createPanelHost } from '../src/ui/panel-host';

// Wires the guard (src/guard) to the engine and the panel UI; it runs at document_start so its
// capture listeners at the window come before the site's own.
export default defineContentScript({
  matches: COVERED_MATCHES,
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  main(ctx) {
    createGuard({
      win: window,
      site: siteForPage(location.hostname, document),
      analyze,
      panel: createPanelHost(),
      signal: ctx.signal,
    });
  },
});
