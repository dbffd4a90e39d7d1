#!/usr/bin/env node
// clearpost CLI. Runs the TypeScript sources through tsx (a devDependency), so `npx clearpost`
// works right after `npm ci` with no build step. Worker threads register tsx in their own
// entry (src/cli/worker.mjs).
import { register } from 'tsx/esm/api';

register({ tsconfig: false });
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
