import { COVERED_MATCHES } from '../src/sites/matches';
import { analyze } from '../src/engine/analyze';

// Until the guard lands (issue 6) the content script only exposes the engine to the page's
// isolated world, so it can be exercised from devtools; it never touches the page's DOM.
export default defineContentScript({
  matches: COVERED_MATCHES,
  runAt: 'document_start',
  main() {
    (globalThis as { __clearpostAnalyze?: typeof analyze }).__clearpostAnalyze = analyze;
  },
});
