import type { EditorKind } from '../sites/types';
import { readText, toRange } from './text-model';

/**
 * Fixes go through the editor's own input path so the page's state and undo stack follow
 * (issue 6, measured in Chromium): select the span, let the selection settle, then
 *  - Draft.js, Lexical, ProseMirror, Quill: a synthetic `paste` carrying text/plain (works
 *    across lines; a synthetic beforeinput is ignored by all four, and execCommand('insertText')
 *    over a line break crashes Draft.js and desynchronises Lexical);
 *  - textarea and plain contenteditable: execCommand('insertText') (native undo).
 * The text is read back after every edit; a mismatch stops the run and is reported.
 */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export type FixResult =
  | { readonly ok: true; readonly applied: number }
  | { readonly ok: false; readonly applied: number; readonly reason: 'stale' | 'no-range' | 'not-applied' | 'aborted' };

const PASTE_KINDS = new Set<EditorKind>(['draft', 'lexical', 'prosemirror', 'quill']);

const sleep = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));

function nextFrame(win: Window): Promise<void> {
  return new Promise((ok) => {
    const t = setTimeout(ok, 50); // rAF does not run in a hidden tab
    win.requestAnimationFrame(() => { clearTimeout(t); ok(); });
  });
}

/** Resolves once `selectionchange` has fired (or after a short bound), then one frame later. */
async function settleSelection(doc: Document): Promise<void> {
  await new Promise<void>((ok) => {
    const done = () => { clearTimeout(t); doc.removeEventListener('selectionchange', done); ok(); };
    const t = setTimeout(done, 120);
    doc.addEventListener('selectionchange', done);
  });
  if (doc.defaultView) await nextFrame(doc.defaultView);
}

function select(box: HTMLElement, kind: EditorKind, start: number, end: number): boolean {
  box.focus({ preventScroll: true });
  if (kind === 'textarea') {
    (box as HTMLTextAreaElement).setSelectionRange(start, end);
    return true;
  }
  const range = toRange(readText(box, kind), start, end);
  const sel = box.ownerDocument.getSelection();
  if (!range || !sel) return false;
  sel.removeAllRanges();
  sel.addRange(range);
  return true;
}

/** Puts the caret at `offset` in the box (the editor syncs its own selection on selectionchange). */
export function placeCaret(box: HTMLElement, kind: EditorKind, offset: number): void {
  select(box, kind, offset, offset);
}

function insert(box: HTMLElement, kind: EditorKind, text: string): void {
  const doc = box.ownerDocument;
  if (!PASTE_KINDS.has(kind)) {
    doc.execCommand('insertText', false, text);
    return;
  }
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  if (!win) return;
  const data = new win.DataTransfer();
  data.setData('text/plain', text);
  const target = (doc.getSelection()?.anchorNode?.parentElement ?? box) as HTMLElement;
  target.dispatchEvent(new win.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true }));
}

/**
 * Whether the editor holds `expected`. Line breaks are compared as breaks, not counted: pasted
 * text/plain "\n\n" is one paragraph break in ProseMirror, two paragraphs in Lexical and Draft.js
 * (an empty one between), so an appended disclaimer's blank line reads back differently per editor.
 */
const squash = (s: string) => s.replace(/[ \t]*\n\s*/g, '\n');
const holds = (box: HTMLElement, kind: EditorKind, expected: string) => {
  const now = readText(box, kind).text;
  return now === expected || squash(now) === squash(expected);
};

/** Polls the editor's text until it equals `expected` (editors may re-render a frame later). */
async function readBack(box: HTMLElement, kind: EditorKind, expected: string): Promise<boolean> {
  const win = box.ownerDocument.defaultView;
  for (let i = 0; i < 12; i++) {
    if (holds(box, kind, expected)) return true;
    if (win) await nextFrame(win);
    else await sleep(16);
  }
  return holds(box, kind, expected);
}

/**
 * Applies non-overlapping edits, last first so earlier offsets stay valid. `before` is the text
 * the edits were computed on: if the draft changed since, nothing is applied.
 */
export async function applyEdits(box: HTMLElement, kind: EditorKind, before: string, edits: readonly Edit[], signal?: AbortSignal): Promise<FixResult> {
  const ordered = [...edits].sort((a, b) => b.start - a.start);
  if (readText(box, kind).text !== before) return { ok: false, applied: 0, reason: 'stale' };
  let current = before;
  let applied = 0;
  let lastStart = Infinity;
  for (const edit of ordered) {
    if (signal?.aborted) return { ok: false, applied, reason: 'aborted' };
    if (edit.end > lastStart) continue; // overlaps the edit just made
    if (!select(box, kind, edit.start, edit.end)) return { ok: false, applied, reason: 'no-range' };
    await settleSelection(box.ownerDocument);
    insert(box, kind, edit.text);
    const expected = current.slice(0, edit.start) + edit.text + current.slice(edit.end);
    if (!(await readBack(box, kind, expected))) return { ok: false, applied, reason: 'not-applied' };
    current = expected;
    lastStart = edit.start;
    applied++;
  }
  return { ok: true, applied };
}
