import { chromium, type BrowserContext } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM = process.env.CLEARPOST_CHROMIUM ?? '/usr/bin/chromium';

export interface Launched {
  context: BrowserContext;
  close: () => Promise<void>;
}

/**
 * Debian's Chromium with the built extension, a fresh profile, and the covered sites' hosts
 * mapped to the local test server (everything else resolves as usual, i.e. fails offline).
 */
export async function launchWithExtension(opts: { extensionDir: string; hosts: readonly string[]; headless?: boolean }): Promise<Launched> {
  const profile = await mkdtemp(join(tmpdir(), 'clearpost-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: opts.headless ?? true,
    ignoreHTTPSErrors: true,
    viewport: { width: 1100, height: 800 },
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--ignore-certificate-errors',
      `--host-resolver-rules=${opts.hosts.map((h) => `MAP ${h} 127.0.0.1`).join(', ')}`,
      `--disable-extensions-except=${opts.extensionDir}`,
      `--load-extension=${opts.extensionDir}`,
    ],
  });
  return {
    context,
    close: async () => {
      await context.close().catch(() => undefined);
      await rm(profile, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}
