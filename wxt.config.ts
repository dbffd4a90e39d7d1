import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';


export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  outDir: '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
    build: { sourcemap: false },
  }),
  // Never let WXT download remote code into the bundle (MV3 forbids remote code).
  manifest: ({ browser }) => ({
    name: 'Clearpost',
    description:
      'Catches patient identifiers, patient-specific advice and missing disclaimers before you post. Runs entirely on your device.',
    permissions: ['storage'],
    optional_host_permissions: ['https://*/*'],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'clearpost@clearpost.dev',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
