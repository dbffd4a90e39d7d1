import type { EditorKind, SiteAdapter } from './types';
import { generic } from './generic';

/**
 * The editing host for an element inside a compose box: the textarea itself, or the outermost
 * contenteditable ancestor (editors nest contenteditable="true" only at their root, but a
 * `contenteditable="false"` island can sit inside).
 */
export function editingHost(el: Element | null): HTMLElement | null {
  if (!el) return null;
  if (el.tagName === 'TEXTAREA') return el as HTMLElement;
  let host: HTMLElement | null = null;
  for (let n: Element | null = el; n; n = n.parentElement) {
    const ce = n.getAttribute('contenteditable');
    if (ce === 'false') return host;
    if (ce !== null) host = n as HTMLElement;
  }
  return host;
}

/** Which editor drives a compose box, from stable markers each library puts on its root. */
export function editorKind(box: Element): EditorKind {
  if (box.tagName === 'TEXTAREA') return 'textarea';
  if (box.getAttribute('data-lexical-editor') === 'true') return 'lexical';
  if (box.classList.contains('public-DraftEditor-content') || box.closest('.DraftEditor-root')) return 'draft';
  if (box.classList.contains('ProseMirror')) return 'prosemirror';
  if (box.classList.contains('ql-editor')) return 'quill';
  return 'contenteditable';
}

/** Whether `el` (an editing host) is a compose box on this site, counting the generic rules. */
export function isComposeBox(el: Element, site: SiteAdapter): boolean {
  return [...site.compose, ...generic.compose].some((s) => el.matches(s));
}

const CONTROL = 'button, [role="button"], input[type="submit"], input[type="button"]';

function label(el: Element): string {
  const text = el.getAttribute('aria-label') ?? (el as HTMLInputElement).value ?? '';
  const own = text || el.textContent || '';
  return own.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * The submit control an event went through, if any: the first element on its path that matches
 * the site's submit selectors, or a button whose label reads like posting.
 */
export function submitControlOn(path: readonly EventTarget[], site: SiteAdapter): HTMLElement | null {
  const labels = new Set([...(site.submitLabels ?? []), ...(generic.submitLabels ?? [])]);
  const selectors = [...site.submit, ...generic.submit];
  for (const t of path) {
    if (!(t instanceof Element)) continue;
    if (selectors.some((s) => t.matches(s))) return t as HTMLElement;
    if (t.matches(CONTROL) && labels.has(label(t))) return t as HTMLElement;
  }
  return null;
}

/** Whether a plain Enter in this box posts (comment boxes on some sites). */
export function enterPosts(box: Element, site: SiteAdapter): boolean {
  return (site.enterPosts ?? []).some((s) => box.matches(s));
}
