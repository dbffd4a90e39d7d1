import { createAttachments } from '../src/guard/attachments';
import { createGuard, type Guard } from '../src/guard/controller';
import { createEngineLoader } from '../src/guard/engine-loader';
import { createOcrClient, type ClientRuntime } from '../src/ocr/browser-client';
import { COVERED_MATCHES } from '../src/sites/matches';
import { siteForPage } from '../src/sites/mastodon-page';
import { createPanelHost } from '../src/ui/panel-host';
import { createContentHistory, type ContentRuntime } from '../src/store/content';
import { combineOptions, createPolicyClient, type PolicyClientDeps } from '../src/rules/policy-client';
import type { Enforcement } from '../src/rules/types';

// Wires the guard (src/guard) to the engine and the panel UI; it runs at document_start so its
// capture listeners at the window come before the site's own.
export default defineContentScript({
  matches: COVERED_MATCHES,
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  main(ctx) {
    const site = siteForPage(location.hostname, document);
    // The merged rule packs the background stored (src/rules/policy-client.ts); bundled rules until read.
    const policy = createPolicyClient({ local: browser.storage.local as unknown as PolicyClientDeps['local'], onChanged: browser.storage.onChanged as unknown as PolicyClientDeps['onChanged'], signal: ctx.signal });
    // Attached images: decoded here, read by the OCR host (offscreen document / background page).
    const ocr = createOcrClient(browser.runtime as unknown as ClientRuntime);
    ctx.signal.addEventListener('abort', () => ocr.release(), { once: true });
    // The engine is a file of its own (entrypoints/engine.ts), imported on the first focus of a
    // compose box or the first draft: the script on every covered page stays small.
    const engine = createEngineLoader(() => import(/* @vite-ignore */ browser.runtime.getURL('/engine.js')));
    let guard: Guard | undefined;
    // The private history (src/store/): reports go to the background; "not PHI" choices come back as options.
    const history = createContentHistory({ runtime: browser.runtime as unknown as ContentRuntime, site: site.id, boxes: () => guard?.boxes().length ?? 0, signal: ctx.signal });
    const attachments = createAttachments({
      win: window, site, signal: ctx.signal,
      check: (file) => ocr.check(file), hold: () => ocr.hold(), onChange: (box) => guard?.imagesChanged(box),
    });
    guard = createGuard({
      win: window,
      site,
      analyze: engine.analyze,
      ready: engine.ready,
      panel: createPanelHost(),
      signal: ctx.signal,
      attachments,
      report: (e) => history.report(e),
      options: () => combineOptions(policy.options(), history.options()),
      // What "Post anyway" may do: the merged rule set's enforcement (allowed, with a reason, or not).
      enforcement: () => policy.state().policy.enforcement as Enforcement,
    });
  },
});
