import type { Finding, Severity } from '../engine/types';
import { createOverlay, type OverlaySpan } from './overlay';
import { toRange, type TextModel } from './text-model';

/**
 * Highlights with the CSS Custom Highlight API: ranges only, never markup in the editor. The
 * registry is shared with the page, so names are neutral and random per page load; the
 * `::highlight()` rules go in a constructed stylesheet adopted by the box's document or shadow root.
 * A textarea (no DOM ranges in its text) and browsers without the API (`supported` false) get the
 * overlay in Clearpost's own shadow root instead (./overlay.ts).
 */
export interface Highlighter {
  /** Whether the CSS Custom Highlight API is used for rich editors. */
  readonly supported: boolean;
  /** Replaces every highlight of one compose box, given its text model and the spans to mark. */
  set(owner: object, box: HTMLElement, model: TextModel, spans: readonly OverlaySpan[]): void;
  clear(owner: object): void;
  dispose(): void;
}

type Registry = Map<string, Highlight>;

/**
 * The spans to mark for a list of findings: a finding whole, except a traceable case, which is
 * marked by its parts (the age, the town, the time, the rare disease: one span each, all in the
 * neutral `traceable` tone), never the stretch of draft between them. A traceable finding without
 * parts is not marked (the panel still lists it).
 */
export function highlightSpans(findings: readonly Pick<Finding, 'start' | 'end' | 'severity' | 'category' | 'parts'>[]): OverlaySpan[] {
  const out: OverlaySpan[] = [];
  const parts: OverlaySpan[] = [];
  for (const f of findings) {
    if (f.category !== 'traceable') out.push({ start: f.start, end: f.end, severity: f.severity });
    else for (const p of f.parts ?? []) if (p.end > p.start) parts.push({ start: p.start, end: p.end, severity: f.severity, tone: 'traceable' });
  }
  // Parts last: where a part is also PHI (the town), the overlay's first span at an offset shows.
  return [...out, ...parts];
}

const STYLE: Record<'block' | 'warn' | 'traceable', string> = {
  block: 'text-decoration: underline wavy #c62828 2px; background-color: rgba(198, 40, 40, 0.14);',
  warn: 'text-decoration: underline wavy #b26a00 2px; background-color: rgba(255, 179, 0, 0.16);',
  traceable: 'text-decoration: underline dotted #455a64 2px; background-color: rgba(84, 110, 122, 0.14);',
};

export function createHighlighter(win: Window & typeof globalThis, opts: { overlayOnly?: boolean } = {}): Highlighter {
  const registry = (win.CSS as unknown as { highlights?: Registry } | undefined)?.highlights;
  const HighlightCtor = (win as unknown as { Highlight?: typeof Highlight }).Highlight;
  const supported = !opts.overlayOnly && !!registry && !!HighlightCtor;
  const overlay = createOverlay(win);
  const suffix = Math.random().toString(36).slice(2, 8);
  const names = { block: `h-${suffix}-b`, warn: `h-${suffix}-w`, traceable: `h-${suffix}-t` } as const;
  const owners = new Map<object, { range: Range; severity: Severity; tone?: 'traceable' }[]>();
  const styled = new WeakSet<Document | ShadowRoot>();
  const sheets: { root: Document | ShadowRoot; sheet: CSSStyleSheet }[] = [];

  const adopt = (root: Document | ShadowRoot) => {
    if (styled.has(root)) return;
    styled.add(root);
    const css = `::highlight(${names.block}) { ${STYLE.block} } ::highlight(${names.warn}) { ${STYLE.warn} } ::highlight(${names.traceable}) { ${STYLE.traceable} }`;
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
    if (!registry || !HighlightCtor) return;
    const block = new HighlightCtor();
    const warn = new HighlightCtor();
    const traceable = new HighlightCtor();
    traceable.priority = -1; // under PHI where a part is also PHI
    for (const list of owners.values()) for (const r of list) (r.tone === 'traceable' ? traceable : r.severity === 'block' ? block : warn).add(r.range);
    registry.set(names.block, block);
    registry.set(names.warn, warn);
    registry.set(names.traceable, traceable);
  };

  return {
    supported,
    set(owner, box, model, spans) {
      if (!supported || model.kind === 'textarea') {
        if (owners.delete(owner)) flush();
        overlay.set(owner, box, model, spans);
        return;
      }
      overlay.clear(owner);
      const ranges: { range: Range; severity: Severity; tone?: 'traceable' }[] = [];
      for (const s of spans) {
        const range = toRange(model, s.start, s.end);
        if (range) ranges.push({ range, severity: s.severity, tone: s.tone });
      }
      const root = box.getRootNode();
      adopt(root instanceof win.ShadowRoot ? root : box.ownerDocument);
      owners.set(owner, ranges);
      flush();
    },
    clear(owner) {
      overlay.clear(owner);
      if (owners.delete(owner)) flush();
    },
    dispose() {
      overlay.dispose();
      owners.clear();
      if (supported) {
        registry.delete(names.block);
        registry.delete(names.warn);
        registry.delete(names.traceable);
      }
      for (const { root, sheet } of sheets) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
    },
  };
}
