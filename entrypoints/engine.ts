import { analyze } from '../src/engine/analyze';
import { ENGINE_GLOBAL, type EngineModule } from '../src/guard/engine-loader';

// The engine (detectors, compromise, lexicons) as a file of its own: the content script imports it
// on demand (src/guard/engine-loader.ts) so that every covered page loads only the small guard.
// Imported from the content script, it runs in the content script's isolated world: the page
// never sees this global.
export default defineUnlistedScript(() => {
  const engine: EngineModule = { analyze };
  (globalThis as Record<string, unknown>)[ENGINE_GLOBAL] = engine;
});
