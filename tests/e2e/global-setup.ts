import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildExtension } from './support/extension';
import { buildPages } from './support/pages';
import { startServer } from './support/server';

declare module 'vitest' {
  export interface ProvidedContext {
    extensionDir: string;
    port: number;
  }
}

/** Once per e2e run: build the extension and the pages, serve the pages over HTTPS. */
export default async function setup(project: TestProject) {
  const work = await mkdtemp(join(tmpdir(), 'clearpost-e2e-'));
  const [extensionDir] = await Promise.all([
    process.env.CLEARPOST_E2E_EXTENSION ?? buildExtension(join(work, 'ext')),
    buildPages(join(work, 'pages')),
  ]);
  const server = await startServer(join(work, 'pages'), work);
  project.provide('extensionDir', extensionDir);
  project.provide('port', server.port);
  return async () => {
    await server.close();
    await rm(work, { recursive: true, force: true });
  };
}
