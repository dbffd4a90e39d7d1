import { afterAll, beforeAll, inject } from 'vitest';
import { launchWithExtension, type Launched } from './chromium';
import { PAGE_HOSTS } from './pages';

export interface ExtensionBrowser {
  /** The launched Chromium with the built extension; valid inside tests and hooks after launch. */
  readonly browser: Launched;
  /** Port of the test-page server (tests/e2e/global-setup.ts). */
  readonly port: number;
}

/**
 * One Chromium with the built extension for a test file: launched before its tests (then `setup`
 * runs, e.g. to listen to requests), closed after them. Call it at the top level of the file.
 */
export function useExtensionBrowser(opts: { setup?: (b: Launched) => unknown; timeout?: number } = {}): ExtensionBrowser {
  let launched: Launched | undefined;
  beforeAll(async () => {
    launched = await launchWithExtension({ extensionDir: inject('extensionDir'), hosts: PAGE_HOSTS });
    await opts.setup?.(launched);
  }, opts.timeout);
  afterAll(async () => {
    await launched?.close();
  });
  return {
    get browser(): Launched {
      if (!launched) throw new Error('the browser is not launched yet: use it inside a test or hook');
      return launched;
    },
    port: inject('port'),
  };
}
