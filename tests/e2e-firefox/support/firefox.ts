import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import puppeteer, { type Browser } from 'puppeteer-core';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..', '..');
export const FIREFOX = process.env.CLEARPOST_FIREFOX ?? '/usr/bin/firefox-esr';

/** Builds the Firefox MV3 extension into `outDir` (the twin of tests/e2e/support/extension.ts). */
export async function buildFirefoxExtension(outDir: string): Promise<string> {
  const script = `import('wxt').then((w) => w.build({ browser: 'firefox', manifestVersion: 3, outDir: ${JSON.stringify(outDir)} }))`;
  await run(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, timeout: 240_000, maxBuffer: 16 * 1024 * 1024 });
  const dir = join(outDir, 'firefox-mv3');
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`firefox build produced no manifest in ${dir}`);
  return dir;
}

/**
 * Launches headless Firefox ESR over WebDriver BiDi with the unpacked extension installed
 * temporarily. Every host name resolves to 127.0.0.1 (the local HTTPS page server, self-signed
 * certificate accepted) and MV3 host permissions are granted at install, as a user accepting them.
 */
export async function launchFirefox(extensionDir: string): Promise<Browser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    acceptInsecureCerts: true,
    protocolTimeout: 30_000,
    extraPrefsFirefox: {
      'network.dns.forceResolve': '127.0.0.1',
      'network.proxy.type': 0,
      'extensions.originControls.grantByDefault': true,
      'browser.shell.checkDefaultBrowser': false,
    },
  });
  try {
    await browser.installExtension(extensionDir);
  } catch (e) {
    await browser.close();
    throw e;
  }
  return browser;
}
