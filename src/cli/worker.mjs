// Worker thread entry of the CLI pool: workers do not inherit the main thread's tsx loader,
// so register it here (as bin/clearpost.mjs does) before loading the TypeScript worker.
import { register } from 'tsx/esm/api';

register({ tsconfig: false });
await import('./scan-worker.ts');
