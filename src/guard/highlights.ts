import type { Severity } from '../engine/types';

/**
 * Highlights with the CSS Custom Highlight API: ranges only, never markup in the editor. The
 * registry is shared with the page, so names are neutral and random per page load; the
 * `::highlight()` rules go in a constructed stylesheet adopted by the box's document or shadow root.
 * Where the API is missing (`supported` false) the overlay fallback takes over (not built yet).
 */
export interface Highlighter {
  readonly supported: boolean;
  /** Replaces every highlight of one compose box. */
  set(owner: object, root: Document | ShadowRoot, ranges: readonly { range: Range; severity: Severity }[]): void;
  clear(owner: object): void;
  dispose(): void;
}

type Registry = Map<string, Highlight>;

const STYLE: Record<'block' | 'warn', string> = {
  block: 'text-decoration: underline wavy #c62828 2px; background-color: rgba(198, 40, 40, 0.14);',
  warn: 'text-decoration: underline wavy #b26a00 2px; background-color: rgba(255, 179, 0, 0.16);',
};

export function createHighlighter(win: Window & typeof globalThis): Highlighter {
  const registry = (win.CSS as unknown as { highlights?: Registry } | undefined)?.highlights;
  const HighlightCtor = (win as unknown as { Highlight?: typeof Highlight }).Highlight;
  const supported = !!registry && !!HighlightCtor;
  const suffix = Math.random().toString(36).slice(2, 8);
  const names = { block: `h-${suffix}-b`, warn: `h-${suffix}-w` } as const;
  const owners = new Map<object, { range: Range; severity: Severity }[]>();
  const styled = new WeakSet<Document | ShadowRoot>();
  const sheets: { root: Document | ShadowRoot; sheet: CSSStyleSheet }[] = [];

  const adopt = (root: Document | ShadowRoot) => {
    if (styled.has(root)) return;
    styled.add(root);
    const css = `::highlight(${names.block}) { ${STYLE.block} } ::highlight(${names.warn}) { ${STYLE.warn} }`;
    try {
      const sheet = new win.CSSStyleSheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      sheets.push({ root, sheet });
    } catch {
      // No constructable stylesheets: highlights stay unstyled rather than writing markup.
    }
  };

  const flush = () => {
    if (!supported) return;
    const block = new HighlightCtor();
    const warn = new HighlightCtor();
    for (const list of owners.values()) for (const r of list) (r.severity === 'block' ? block : warn).add(r.range);
    registry.set(names.block, block);
    registry.set(names.warn, warn);
  };

  return {
    supported,
    set(owner, root, ranges) {
      if (!supported) return;
      adopt(root);
      owners.set(owner, [...ranges]);
      flush();
    },
    clear(owner) {
      if (owners.delete(owner)) flush();
    },
    dispose() {
      owners.clear();
      if (supported) {
        registry.delete(names.block);
        registry.delete(names.warn);
      }
      for (const { root, sheet } of sheets) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
    },
  };
}
