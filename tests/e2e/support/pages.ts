import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The e2e pages: one per editor, each embedding the real npm editor library, served on the host of
 * the site whose compose box it imitates (Chromium maps these hosts to the local server), so the
 * content script's real matches and that site's adapter apply.
 */
export const PAGES = {
  textarea: { host: 'www.reddit.com', entry: 'textarea.jsx', editor: 'textarea', box: 'textarea', post: 'button[type="submit"]' },
  contenteditable: { host: 'www.doximity.com', entry: 'contenteditable.js', editor: 'contenteditable', box: '.box', post: '.post' },
  draft: { host: 'x.com', entry: 'draft.jsx', editor: 'draft', box: '[data-testid="tweetTextarea_0"]', post: '[data-testid="tweetButtonInline"]' },
  lexical: { host: 'www.facebook.com', entry: 'lexical.js', editor: 'lexical', box: '.editor[contenteditable]', post: '.post' },
  tiptap: { host: 'bsky.app', entry: 'tiptap.js', editor: 'prosemirror', box: '.ProseMirror', post: '[data-testid="composerPublishBtn"]' },
  quill: { host: 'www.linkedin.com', entry: 'quill.js', editor: 'quill', box: '.ql-editor', post: '.share-actions__primary-action' },
} as const;
export type PageName = keyof typeof PAGES;
export const PAGE_NAMES = Object.keys(PAGES) as PageName[];
export const PAGE_HOSTS = [...new Set(Object.values(PAGES).map((p) => p.host))];

const SRC = join(import.meta.dirname, '..', 'pages');

/** Bundles every page with esbuild into `outDir` (never committed) and writes its HTML. */
export async function buildPages(outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints: Object.fromEntries(PAGE_NAMES.map((n) => [n, join(SRC, PAGES[n].entry)])),
    bundle: true,
    format: 'esm',
    outdir: outDir,
    jsx: 'automatic',
    jsxImportSource: 'react',
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    minify: true,
    logLevel: 'error',
    tsconfigRaw: { compilerOptions: { jsx: 'react-jsx', jsxImportSource: 'react' } },
  });
  for (const n of PAGE_NAMES) {
    const css = existsSync(join(outDir, `${n}.css`)) ? `<link rel="stylesheet" href="/${n}.css">` : '';
    await writeFile(
      join(outDir, `${n}.html`),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${n} compose test page</title>${css}</head>` +
        `<body><div id="root"></div><script type="module" src="/${n}.js"></script></body></html>`,
    );
  }
}
