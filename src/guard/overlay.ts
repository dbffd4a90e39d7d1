import type { Severity } from '../engine/types';
import type { TextModel } from './text-model';
import { toRange } from './text-model';

/**
 * Highlights drawn in Clearpost's own closed shadow root, for what the CSS Custom Highlight API
 * cannot reach: a textarea (its text has no DOM ranges) and browsers without the API (issue 6).
 * Nothing is written into the page's editor. Everything is `pointer-events: none`.
 *
 *  - textarea: a mirror element with the textarea's box and text metrics sits exactly over it; its
 *    text is transparent, the flagged spans carry the underline and tint, and it scrolls with the
 *    textarea (the classic "backdrop" technique, the only way to know where wrapped text lands);
 *  - contenteditable without the API: one box per client rect of each span's DOM range.
 * Positions follow page scroll (capture: any scroller), the box's own scroll, and resizes.
 */
export interface OverlaySpan {
  readonly start: number;
  readonly end: number;
  readonly severity: Severity;
  /** `traceable`: one part of a traceable case, drawn in a neutral style (not PHI's red or amber). */
  readonly tone?: 'traceable';
}

export interface Overlay {
  set(owner: object, box: HTMLElement, model: TextModel, spans: readonly OverlaySpan[]): void;
  clear(owner: object): void;
  dispose(): void;
}

const CSS = `
:host { all: initial; }
.layer { position: fixed; left: 0; top: 0; pointer-events: none; overflow: hidden; margin: 0; }
.mirror { color: transparent; white-space: pre-wrap; overflow-wrap: break-word; word-wrap: break-word; border-color: transparent !important; background: transparent !important; box-sizing: border-box; }
.m { border-radius: 2px; }
.m.block { text-decoration: underline wavy #c62828 2px; text-decoration-skip-ink: none; background-color: rgba(198, 40, 40, 0.14); }
.m.warn { text-decoration: underline wavy #b26a00 2px; text-decoration-skip-ink: none; background-color: rgba(255, 179, 0, 0.16); }
.r { position: fixed; pointer-events: none; border-bottom: 2px solid; box-sizing: border-box; }
.r.block { border-color: #c62828; background-color: rgba(198, 40, 40, 0.14); }
.r.warn { border-color: #b26a00; background-color: rgba(255, 179, 0, 0.16); }
.m.traceable { text-decoration: underline dotted #455a64 2px; text-decoration-skip-ink: none; background-color: rgba(84, 110, 122, 0.14); }
.r.traceable { border-color: #455a64; border-bottom-style: dotted; background-color: rgba(84, 110, 122, 0.14); }
`;

/** Text metrics the mirror copies so its lines wrap where the textarea's do. */
const COPIED = [
  'direction', 'font-family', 'font-size', 'font-style', 'font-variant', 'font-weight', 'font-stretch', 'font-kerning',
  'font-feature-settings', 'font-variation-settings', 'line-height', 'letter-spacing', 'word-spacing', 'text-indent',
  'text-transform', 'text-align', 'tab-size', 'white-space', 'word-break', 'overflow-wrap', 'hyphens',
  'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'border-top-width', 'border-right-width', 'border-bottom-width', 'border-left-width',
  'border-top-style', 'border-right-style', 'border-bottom-style', 'border-left-style',
] as const;

interface Entry {
  box: HTMLElement;
  model: TextModel;
  spans: readonly OverlaySpan[];
  layer: HTMLElement;
  mirror?: HTMLElement;
  onScroll?: () => void;
}

export function createOverlay(win: Window & typeof globalThis): Overlay {
  const doc = win.document;
  const entries = new Map<object, Entry>();
  let host: HTMLElement | null = null;
  let shadow: ShadowRoot | null = null;
  let frame = 0;
  const ac = new AbortController();
  const resize = typeof win.ResizeObserver === 'function' ? new win.ResizeObserver(() => schedule()) : null;

  function root(): ShadowRoot {
    if (shadow && host?.isConnected) return shadow;
    host = doc.createElement('div');
    host.style.cssText = 'position: fixed; left: 0; top: 0; width: 0; height: 0; overflow: visible; pointer-events: none; z-index: 2147483646;';
    shadow = host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = CSS;
    shadow.append(style);
    for (const e of entries.values()) shadow.append(e.layer);
    doc.documentElement.append(host); // not body: a transformed body would carry "fixed" layers with it
    return shadow;
  }

  function schedule() {
    if (frame) return;
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      for (const e of entries.values()) place(e);
    });
  }
  win.addEventListener('scroll', schedule, { capture: true, passive: true, signal: ac.signal });
  win.addEventListener('resize', schedule, { passive: true, signal: ac.signal });

  /** Moves a layer over its box (and the mirror's scroll to the textarea's), or redraws range boxes. */
  function place(e: Entry) {
    if (!e.box.isConnected) { e.layer.hidden = true; return; }
    const rect = e.box.getBoundingClientRect();
    e.layer.hidden = rect.width === 0 && rect.height === 0;
    if (e.mirror) {
      const ta = e.box as HTMLTextAreaElement;
      Object.assign(e.layer.style, { transform: `translate(${rect.left}px, ${rect.top}px)`, width: `${rect.width}px`, height: `${rect.height}px` });
      e.mirror.style.width = `${rect.width}px`;
      e.mirror.style.height = `${rect.height}px`;
      // The textarea's scrollbar narrows its text: narrow the mirror's text the same way.
      const cs = win.getComputedStyle(ta);
      const bars = ta.offsetWidth - ta.clientWidth - parseFloat(cs.borderLeftWidth) - parseFloat(cs.borderRightWidth);
      e.mirror.style.paddingRight = `${parseFloat(cs.paddingRight) + Math.max(0, bars)}px`;
      e.mirror.scrollTop = ta.scrollTop;
      e.mirror.scrollLeft = ta.scrollLeft;
      return;
    }
    drawRects(e);
  }

  function drawRects(e: Entry) {
    e.layer.replaceChildren();
    const clip = e.box.getBoundingClientRect();
    for (const s of e.spans) {
      const range = toRange(e.model, s.start, s.end);
      if (!range) continue;
      for (const r of range.getClientRects()) {
        const top = Math.max(r.top, clip.top);
        const bottom = Math.min(r.bottom, clip.bottom);
        if (bottom <= top || r.width === 0) continue;
        const mark = doc.createElement('div');
        mark.className = `r ${s.tone ?? s.severity}`;
        Object.assign(mark.style, { left: `${r.left}px`, top: `${top}px`, width: `${r.width}px`, height: `${bottom - top}px` });
        e.layer.append(mark);
      }
    }
  }

  function fillMirror(e: Entry) {
    const mirror = e.mirror!;
    const cs = win.getComputedStyle(e.box);
    for (const p of COPIED) mirror.style.setProperty(p, cs.getPropertyValue(p));
    mirror.style.overflow = 'hidden';
    const text = e.model.text;
    const parts: Node[] = [];
    let at = 0;
    for (const s of [...e.spans].sort((a, b) => a.start - b.start)) {
      if (s.start < at || s.end <= s.start) continue; // overlapping spans: the first one shows
      parts.push(doc.createTextNode(text.slice(at, s.start)));
      const mark = doc.createElement('span');
      mark.className = `m ${s.tone ?? s.severity}`;
      mark.textContent = text.slice(s.start, s.end);
      parts.push(mark);
      at = s.end;
    }
    // A trailing line break needs something after it to take up its line.
    parts.push(doc.createTextNode(text.slice(at) + (text.endsWith('\n') ? '\u200b' : '')));
    mirror.replaceChildren(...parts);
  }

  function remove(owner: object) {
    const e = entries.get(owner);
    if (!e) return;
    entries.delete(owner);
    e.layer.remove();
    if (e.onScroll) e.box.removeEventListener('scroll', e.onScroll);
    resize?.unobserve(e.box);
  }

  return {
    set(owner, box, model, spans) {
      let e = entries.get(owner);
      if (e && e.box !== box) { remove(owner); e = undefined; }
      if (!spans.length) { remove(owner); return; }
      if (!e) {
        const layer = doc.createElement('div');
        layer.className = 'layer';
        e = { box, model, spans, layer };
        if (model.kind === 'textarea') {
          e.mirror = doc.createElement('div');
          e.mirror.className = 'mirror';
          layer.append(e.mirror);
          e.onScroll = schedule;
          box.addEventListener('scroll', e.onScroll, { passive: true });
        }
        entries.set(owner, e);
        root().append(layer);
        resize?.observe(box);
      }
      e.model = model;
      e.spans = spans;
      if (e.mirror) fillMirror(e);
      place(e);
    },
    clear: remove,
    dispose() {
      for (const owner of [...entries.keys()]) remove(owner);
      ac.abort();
      resize?.disconnect();
      if (frame) win.cancelAnimationFrame(frame);
      host?.remove();
      host = null;
      shadow = null;
    },
  };
}
