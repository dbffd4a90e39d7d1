// Import FIRST in tests that load WXT storage items (src/store/settings.ts): @wxt-dev/browser reads
// globalThis.chrome when it is first evaluated, and this unit config has no WxtVitest plugin.
import { fakeBrowser } from 'wxt/testing';

(globalThis as unknown as { chrome: unknown }).chrome = fakeBrowser;
