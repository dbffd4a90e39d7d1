import { analyze } from '../src/engine/analyze';
import { warmUpSteps } from '../src/engine/warm';
import { ENGINE_GLOBAL, type EngineModule } from '../src/guard/engine-loader';

// The engine (detectors, compromise, lexicons) as a file of its own: the content script imports it
// on demand (src/guard/engine-loader.ts) so that every covered page loads only the small guard.
// Imported from the content script, it runs in the content script's isolated world: the page
// never sees this global.
export default defineUnlistedScript(() => {
  const engine: EngineModule = { analyze };
  (globalThis as Record<string, unknown>)[ENGINE_GLOBAL] = engine;
  // Warm the engine one small step per task (src/engine/warm.ts), so the first real check does
  // not freeze the page while patterns compile and indexes build.
  const steps = warmUpSteps();
  const next = () => {
    const step = steps.shift();
    if (!step) return;
    try { step(); } catch { /* a warm-up step is an optimisation: the real check reports errors */ }
    setTimeout(next, 0);
  };
  setTimeout(next, 0);
});
