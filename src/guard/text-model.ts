import type { EditorKind } from '../sites/types';

/**
 * The text of a compose box as the editor itself counts it, with a map from text offsets back to
 * DOM positions (for highlight ranges and for selecting a span before a fix).
 *
 * Line breaks: every editor here keeps one block element per line; the separator between blocks is
 * what the editor's own plain-text export uses (Lexical joins paragraphs with "\n\n", Draft.js,
 * ProseMirror as Bluesky reads it, Quill and a plain contenteditable with "\n"). A `<br>` is a line
 * break unless it is the last thing in its block (the placeholder every editor puts in an empty line).
 */
export interface Segment {
  readonly start: number;
  readonly end: number;
  readonly node: Text;
}

export interface TextModel {
  readonly kind: EditorKind;
  readonly text: string;
  /** Text nodes in order with their offsets; empty for a textarea (its text has no DOM nodes). */
  readonly segments: readonly Segment[];
}

const BLOCK = new Set(['DIV', 'P', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'SECTION', 'ARTICLE', 'TABLE', 'TR']);

export function blockSeparator(kind: EditorKind): string {
  return kind === 'lexical' ? '\n\n' : '\n';
}

function isTrailingBr(br: Element): boolean {
  for (let n: Node | null = br.nextSibling; n; n = n.nextSibling) {
    if (n.nodeType === 1 || (n.nodeType === 3 && n.textContent)) return false;
  }
  const parent = br.parentElement;
  return !parent || BLOCK.has(parent.tagName) || isTrailingInBlock(parent);
}

function isTrailingInBlock(el: Element): boolean {
  // An inline wrapper (Draft's leaf spans) whose block ends with it.
  for (let n: Node | null = el.nextSibling; n; n = n.nextSibling) {
    if (n.nodeType === 1 || (n.nodeType === 3 && n.textContent)) return false;
  }
  const parent = el.parentElement;
  return !parent || BLOCK.has(parent.tagName);
}

export function readText(box: HTMLElement, kind: EditorKind): TextModel {
  if (kind === 'textarea') return { kind, text: (box as HTMLTextAreaElement).value, segments: [] };
  const sep = blockSeparator(kind);
  const segments: Segment[] = [];
  let text = '';
  let blockClosed = false;
  let boundary = 0; // text length at the last block boundary
  const walk = (el: Element) => {
    for (let n: Node | null = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) {
        const t = (n as Text).data;
        if (!t) continue;
        if (blockClosed) { text += sep; blockClosed = false; }
        segments.push({ start: text.length, end: text.length + t.length, node: n as Text });
        text += t;
      } else if (n.nodeType === 1) {
        const child = n as Element;
        if (child.getAttribute('contenteditable') === 'false' || child.tagName === 'STYLE' || child.tagName === 'SCRIPT') continue;
        if (child.tagName === 'BR') {
          if (isTrailingBr(child)) continue;
          if (blockClosed) { text += sep; blockClosed = false; }
          text += '\n';
          continue;
        }
        const block = BLOCK.has(child.tagName);
        if (block && (blockClosed || text.length > boundary)) { text += sep; blockClosed = false; }
        if (block) boundary = text.length;
        walk(child);
        if (block) { blockClosed = true; boundary = text.length; }
      }
    }
  };
  walk(box);
  return { kind, text, segments };
}

function findSegment(segs: readonly Segment[], offset: number, preferNext: boolean): { node: Text; offset: number } | null {
  let lo = 0;
  let hi = segs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = segs[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset > s.end) lo = mid + 1;
    else {
      // On a boundary shared by two segments, a start prefers the next one, an end the previous.
      if (preferNext && offset === s.end && mid + 1 < segs.length && segs[mid + 1].start === offset) return { node: segs[mid + 1].node, offset: 0 };
      if (!preferNext && offset === s.start && mid > 0 && segs[mid - 1].end === offset) return { node: segs[mid - 1].node, offset: segs[mid - 1].node.data.length };
      return { node: s.node, offset: offset - s.start };
    }
  }
  // In a separator: a start moves to the next text, an end back to the previous.
  if (preferNext) return lo < segs.length ? { node: segs[lo].node, offset: 0 } : null;
  return hi >= 0 ? { node: segs[hi].node, offset: segs[hi].node.data.length } : null;
}

/** A DOM Range over [start, end) of the model, or null (textarea, or nodes gone since reading). */
export function toRange(model: TextModel, start: number, end: number): Range | null {
  if (!model.segments.length) return null;
  const a = findSegment(model.segments, start, true);
  const b = findSegment(model.segments, end, false);
  if (!a || !b || !a.node.isConnected || !b.node.isConnected) return null;
  const range = a.node.ownerDocument.createRange();
  try {
    range.setStart(a.node, Math.min(a.offset, a.node.data.length));
    range.setEnd(b.node, Math.min(b.offset, b.node.data.length));
  } catch {
    return null;
  }
  return range;
}
