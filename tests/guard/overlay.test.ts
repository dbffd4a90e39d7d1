// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHighlighter } from '../../src/guard/highlights';
import { createOverlay } from '../../src/guard/overlay';
import { readText } from '../../src/guard/text-model';

// The overlay's shadow root is closed: the test keeps the roots attachShadow hands out.
let roots: ShadowRoot[];
const attach = Element.prototype.attachShadow;
beforeEach(() => {
  roots = [];
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const r = attach.call(this, init);
    roots.push(r);
    return r;
  });
  document.body.innerHTML = '<textarea rows="4" cols="40"></textarea><div class="ce" contenteditable="true"><p>Call Ann at home today</p></div>';
});
afterEach(() => vi.restoreAllMocks());

const win = window as unknown as Window & typeof globalThis;
const ta = () => document.querySelector('textarea')!;
const marks = () => [...(roots[0]?.querySelectorAll('.m, .r') ?? [])] as HTMLElement[];

describe('textarea overlay (mirror)', () => {
  it('draws each span over a transparent copy of the text, in a closed shadow root, never in the textarea', () => {
    const box = ta();
    box.value = 'Seen today, SSN 219-09-9999, home at 5.\nSecond line';
    const overlay = createOverlay(win);
    overlay.set(box, box, readText(box, 'textarea'), [{ start: 16, end: 27, severity: 'block' }, { start: 0, end: 4, severity: 'warn' }]);
    expect(roots).toHaveLength(1);
    const mirror = roots[0].querySelector('.mirror')!;
    expect(mirror.textContent).toBe(box.value); // same text, so lines wrap where the textarea's do
    expect(marks().map((m) => [m.className, m.textContent])).toEqual([['m warn', 'Seen'], ['m block', '219-09-9999']]);
    expect(box.childNodes).toHaveLength(0); // nothing written into the page's editor
    const host = [...document.documentElement.children].find((c) => c.shadowRoot === null && c.tagName === 'DIV' && c !== document.body) as HTMLElement;
    expect(host.style.pointerEvents).toBe('none');
    overlay.dispose();
  });

  it('replaces the marks on every update and removes the layer when nothing is left', () => {
    const box = ta();
    box.value = 'SSN 219-09-9999';
    const overlay = createOverlay(win);
    overlay.set(box, box, readText(box, 'textarea'), [{ start: 4, end: 15, severity: 'block' }]);
    box.value = 'SSN [ssn]';
    overlay.set(box, box, readText(box, 'textarea'), []);
    expect(marks()).toHaveLength(0);
    expect(roots[0].querySelectorAll('.layer')).toHaveLength(0);
    overlay.dispose();
  });

  it('overlapping spans: the first shows and the text stays whole', () => {
    const box = ta();
    box.value = 'Ann Lee was here';
    const overlay = createOverlay(win);
    overlay.set(box, box, readText(box, 'textarea'), [{ start: 0, end: 7, severity: 'block' }, { start: 4, end: 7, severity: 'warn' }]);
    expect(roots[0].querySelector('.mirror')!.textContent).toBe('Ann Lee was here');
    expect(marks().map((m) => m.textContent)).toEqual(['Ann Lee']);
    overlay.dispose();
  });

  it('a trailing line break keeps its line in the mirror', () => {
    const box = ta();
    box.value = 'SSN 219-09-9999\n';
    const overlay = createOverlay(win);
    overlay.set(box, box, readText(box, 'textarea'), [{ start: 4, end: 15, severity: 'block' }]);
    expect(roots[0].querySelector('.mirror')!.textContent).toBe('SSN 219-09-9999\n\u200b');
    overlay.dispose();
  });

  it('dispose removes the host element', () => {
    const box = ta();
    box.value = 'SSN 219-09-9999';
    const overlay = createOverlay(win);
    overlay.set(box, box, readText(box, 'textarea'), [{ start: 4, end: 15, severity: 'block' }]);
    const before = document.documentElement.children.length;
    overlay.dispose();
    expect(document.documentElement.children.length).toBe(before - 1);
  });
});

describe('highlighter routing', () => {
  it('a textarea always goes to the overlay', () => {
    const box = ta();
    box.value = 'SSN 219-09-9999';
    const h = createHighlighter(win);
    h.set(box, box, readText(box, 'textarea'), [{ start: 4, end: 15, severity: 'block' }]);
    expect(marks().map((m) => m.textContent)).toEqual(['219-09-9999']);
    h.clear(box);
    expect(marks()).toHaveLength(0);
    h.dispose();
  });

  it('a contenteditable without the Highlight API gets rect boxes from its ranges (none when nothing is laid out)', () => {
    const ce = document.querySelector<HTMLElement>('.ce')!;
    const h = createHighlighter(win, { overlayOnly: true });
    expect(h.supported).toBe(false);
    const rects = vi.spyOn(Range.prototype, 'getClientRects').mockReturnValue([{ left: 10, top: 20, right: 40, bottom: 36, width: 30, height: 16 }] as unknown as DOMRectList);
    vi.spyOn(ce, 'getBoundingClientRect').mockReturnValue({ left: 0, top: 0, right: 500, bottom: 100, width: 500, height: 100 } as DOMRect);
    h.set(ce, ce, readText(ce, 'contenteditable'), [{ start: 5, end: 8, severity: 'warn' }]);
    expect(rects).toHaveBeenCalled();
    const [mark] = marks();
    expect(mark.className).toBe('r warn');
    expect([mark.style.left, mark.style.top, mark.style.width, mark.style.height]).toEqual(['10px', '20px', '30px', '16px']);
    expect(ce.innerHTML).toBe('<p>Call Ann at home today</p>'); // the editor is untouched
    h.dispose();
  });
});
