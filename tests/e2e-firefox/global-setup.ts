import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildPages } from '../e2e/support/pages';
import { startServer } from '../e2e/support/server';
import { buildFirefoxExtension } from './support/firefox';

declare module 'vitest' {
  export interface ProvidedContext {
    firefoxExtensionDir: string;
    firefoxPort: number;
  }
}

/** Once per run: build the Firefox MV3 extension and the pages, serve the pages over HTTPS. */
export default async function setup(project: TestProject) {
  const work = await mkdtemp(join(tmpdir(), 'clearpost-e2e-firefox-'));
  const [extensionDir] = await Promise.all([
    process.env.CLEARPOST_E2E_FIREFOX_EXTENSION ?? buildFirefoxExtension(join(work, 'ext')),
    buildPages(join(work, 'pages')),
  ]);
  const server = await startServer(join(work, 'pages'), work);
  project.provide('firefoxExtensionDir', extensionDir);
  project.provide('firefoxPort', server.port);
  return async () => {
    await server.close();
    await rm(work, { recursive: true, force: true });
  };
}
