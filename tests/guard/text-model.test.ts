// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readText, toRange } from '../../src/guard/text-model';
import type { EditorKind } from '../../src/sites/types';

const box = (html: string) => {
  const el = document.createElement('div');
  el.setAttribute('contenteditable', 'true');
  el.innerHTML = html;
  document.body.replaceChildren(el);
  return el;
};

// DOM shapes as each editor renders three lines "ab", "" and "cd" (trimmed of attributes that
// do not matter), and the text that editor's own plain-text export gives.
const SHAPES: [kind: EditorKind, html: string, text: string][] = [
  // Draft.js: block divs, leaf spans, <br data-text> in an empty block; blocks joined by "\n"
  ['draft', '<div data-contents="true"><div data-block="true"><div><span><span data-text="true">ab</span></span></div></div><div data-block="true"><div><span><br data-text="true"></span></div></div><div data-block="true"><div><span><span data-text="true">cd</span></span></div></div></div>', 'ab\n\ncd'],
  // Lexical: paragraphs joined by "\n\n" (its getTextContent), empty paragraph holds a <br>
  ['lexical', '<p><span data-lexical-text="true">ab</span></p><p><br></p><p><span data-lexical-text="true">cd</span></p>', 'ab\n\n\n\ncd'],
  // ProseMirror: trailing break in an empty paragraph is a placeholder
  ['prosemirror', '<p>ab</p><p><br class="ProseMirror-trailingBreak"></p><p>cd</p>', 'ab\n\ncd'],
  // Quill: one <p> per line, <p><br></p> for an empty one
  ['quill', '<p>ab</p><p><br></p><p>cd</p>', 'ab\n\ncd'],
  // plain contenteditable as Chromium writes it: first line bare, later lines in divs
  ['contenteditable', 'ab<div><br></div><div>cd</div>', 'ab\n\ncd'],
];

describe.each(SHAPES)('%s', (kind, html, text) => {
  it('reads the text the way the editor counts lines', () => {
    expect(readText(box(html), kind).text).toBe(text);
  });
  it('maps the last line back to its DOM text', () => {
    const model = readText(box(html), kind);
    const at = model.text.indexOf('cd');
    expect(toRange(model, at, at + 2)?.toString()).toBe('cd');
  });
  it('maps a span across the line breaks', () => {
    const model = readText(box(html), kind);
    const range = toRange(model, 1, model.text.length - 1);
    expect(range?.startContainer.textContent).toBe('ab');
    expect(range?.startOffset).toBe(1);
    expect(range?.endContainer.textContent).toBe('cd');
    expect(range?.endOffset).toBe(1);
  });
});

describe('line breaks inside a block', () => {
  it('counts a <br> followed by text, skips the trailing placeholder', () => {
    // Lexical and ProseMirror soft line break: text<br>text, then a trailing <br> placeholder
    expect(readText(box('<p>ab<br>cd<br></p>'), 'prosemirror').text).toBe('ab\ncd');
  });
  it('skips contenteditable=false islands (Quill UI, widgets)', () => {
    expect(readText(box('<p><span contenteditable="false" class="ql-ui">•</span>ab</p>'), 'quill').text).toBe('ab');
  });
  it('maps offsets in a line after a soft break', () => {
    const model = readText(box('<p>ab<br>cd</p>'), 'lexical');
    expect(toRange(model, 3, 5)?.toString()).toBe('cd');
  });
  it('keeps UTF-16 offsets for astral characters', () => {
    const model = readText(box('<p>😀 SSN</p>'), 'quill');
    expect(toRange(model, 3, 6)?.toString()).toBe('SSN');
  });
});

describe('textarea', () => {
  it('reads the value and gives no DOM ranges', () => {
    const ta = document.createElement('textarea');
    ta.value = 'ab\ncd';
    const model = readText(ta, 'textarea');
    expect(model.text).toBe('ab\ncd');
    expect(toRange(model, 0, 2)).toBeNull();
  });
});
