import type { Plugin } from 'vite';

/**
 * Build-time hardening of tesseract.js for the extension (issue 5; MV3 forbids remote code).
 * Clearpost always passes local workerPath/corePath/langPath and workerBlobURL: false, so these
 * library defaults are dead code; removing them makes a mistake fail closed instead of reaching
 * a CDN, and keeps the bundle free of dynamic-code paths that the build audit
 * (scripts/audit-build.mjs) refuses:
 *  - CDN default URLs become a path inside the extension that does not exist;
 *  - the blob-URL worker (an `importScripts` wrapper) is never taken;
 *  - regenerator-runtime's `Function(...)` fallback (only for hosts without globalThis) goes.
 * Each replacement must apply: the build fails if a library update moves the code.
 */
const EDITS: { file: RegExp; from: string | RegExp; to: string }[] = [
  { file: /tesseract\.js\/src\/worker\/browser\/defaultOptions\.js$/, from: /https:\/\/cdn\.jsdelivr\.net\/npm\//g, to: '/ocr/remote-disabled/' },
  { file: /tesseract\.js\/src\/worker\/browser\/spawnWorker\.js$/, from: 'if (Blob && URL && workerBlobURL) {', to: 'if (false) {' },
  { file: /tesseract\.js\/src\/worker\/browser\/spawnWorker\.js$/, from: /new Blob\(\[`importScripts\("\$\{workerPath\}"\);`\]/, to: 'new Blob([]' },
  { file: /regenerator-runtime\/runtime\.js$/, from: 'Function("r", "regeneratorRuntime = r")(runtime);', to: 'throw new Error("regenerator-runtime needs globalThis");' },
];

export function failClosedRemoteDefaults(): Plugin {
  return {
    name: 'clearpost:fail-closed-remote-defaults',
    enforce: 'pre',
    transform(code, id) {
      const path = id.split('?')[0].replace(/\\/g, '/');
      let out = code;
      for (const e of EDITS) {
        if (!e.file.test(path)) continue;
        const next = out.replace(e.from, e.to);
        if (next === out) this.error(`fail-closed-remote: expected code not found in ${path} (${String(e.from)})`);
        out = next;
      }
      return out === code ? null : { code: out, map: null };
    },
  };
}
