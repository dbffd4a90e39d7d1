// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAttachments, isFlagged, isImageFile, type Attachments } from '../../src/guard/attachments';
import { createGuard } from '../../src/guard/controller';
import type { PanelApi, PanelHandlers, PanelView } from '../../src/guard/panel-api';
import type { ImageCheck } from '../../src/ocr/browser-client';
import type { ImageFinding } from '../../src/ocr/types';
import { generic } from '../../src/sites';

const PHI_FINDING: ImageFinding = { category: 'phi', type: 'DATE', severity: 'block', message: 'm', ruleId: 'ocr-overlay/dob', score: 0.95, text: 'x', bbox: [1, 2, 30, 12] };
const clean = (): ImageCheck => ({ status: 'checked', findings: [], ms: 1 });
const withPhi = (): ImageCheck => ({ status: 'checked', findings: [PHI_FINDING], ms: 1, width: 100, height: 50, redact: async (name) => new File(['x'], `r-${name}`, { type: 'image/png' }) });

let ctl: AbortController;
/** Checks the test resolves by hand, one per attached file, in order. */
let checks: { file: File; resolve: (r: ImageCheck) => void }[];
let changes: number;

function setup() {
  document.body.innerHTML = '<form><div class="compose"><textarea></textarea></div><input type="file" multiple><button type="button" class="post">Post</button></form>';
  const ta = document.querySelector('textarea')!;
  const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
  const att = createAttachments({
    win: window as Window & typeof globalThis, site: generic, signal: ctl.signal,
    check: (file) => new Promise((resolve) => checks.push({ file, resolve })),
    onChange: () => { changes++; },
  });
  return { ta, input, att };
}

function choose(input: HTMLInputElement, files: File[]) {
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

const png = (name: string) => new File([new Uint8Array([137, 80, 78, 71])], name, { type: 'image/png', lastModified: 1 });

/** Drops `file` onto the compose box, as a drag from the desktop does. */
function dropImage(target: HTMLElement, file: File) {
  const dt = new DataTransfer();
  dt.items.add(file);
  const drop = new Event('drop', { bubbles: true }) as DragEvent;
  Object.defineProperty(drop, 'dataTransfer', { value: dt });
  target.dispatchEvent(drop);
}
const flush = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  ctl = new AbortController();
  checks = [];
  changes = 0;
});
afterEach(() => ctl.abort());

describe('isImageFile / isFlagged', () => {
  it.each([
    [new File([], 'a.png', { type: 'image/png' }), true],
    // type missing, extension says image (a non-image with an image name is caught by decoding)
    [new File([], 'scan.JPG'), true],
    [new File([], 'notes.pdf', { type: 'application/pdf' }), false],
    [new File([], 'clip.mp4', { type: 'video/mp4' }), false],
  ])('%#: isImageFile = %s', (f, want) => expect(isImageFile(f)).toBe(want));

  it.each([
    [undefined, false], // still checking: not flagged, but pending
    [clean(), false],
    [withPhi(), true],
    [{ status: 'notChecked', reason: 'time limit', findings: [], ms: 1 } as ImageCheck, true], // never clean
    [{ status: 'partial', reason: 'frame 1 of 3', findings: [], ms: 1 } as ImageCheck, true],
  ])('%#: isFlagged = %s', (r, want) => expect(isFlagged(r)).toBe(want));
});

describe('createAttachments', () => {
  it('checks each image chosen in a file input, against the compose box of its form', async () => {
    const { ta, input, att } = setup();
    choose(input, [png('a.png'), new File(['%PDF'], 'doc.pdf', { type: 'application/pdf' }), png('b.png')]);
    expect(checks.map((c) => c.file.name)).toEqual(['a.png', 'b.png']);
    expect(att.state(ta)).toEqual({ pending: 2, flagged: 0 });
    checks[0].resolve(clean());
    checks[1].resolve(withPhi());
    await att.settled(ta);
    expect(att.state(ta)).toEqual({ pending: 0, flagged: 1 });
    expect(att.views(ta).map((v) => [v.name, v.state, v.findings.length, v.replace])).toEqual([['a.png', 'checked', 0, 'none'], ['b.png', 'checked', 1, 'input']]);
    expect(changes).toBeGreaterThanOrEqual(3);
  });

  it('the input is the truth: a site that empties it after posting leaves no stale images', async () => {
    const { ta, input, att } = setup();
    choose(input, [png('a.png')]);
    checks[0].resolve(withPhi());
    await att.settled(ta);
    expect(att.state(ta).flagged).toBe(1);
    input.files = new DataTransfer().files; // reset without a change event
    expect(att.views(ta)).toEqual([]);
    expect(att.state(ta)).toEqual({ pending: 0, flagged: 0 });
  });

  it('choosing again keeps the results of files still chosen (no second OCR)', async () => {
    const { ta, input, att } = setup();
    const a = png('a.png');
    choose(input, [a]);
    checks[0].resolve(clean());
    await att.settled(ta);
    choose(input, [a, png('c.png')]);
    expect(checks.map((c) => c.file.name)).toEqual(['a.png', 'c.png']);
  });

  it('dropped and pasted images count for the compose box they land on', () => {
    const { ta, att } = setup();
    dropImage(ta, png('dropped.png'));
    expect(att.views(ta).map((v) => v.name)).toEqual(['dropped.png']);
  });

  it('replace: the redacted copy takes the original\'s place in the input, with a change event; it is not checked again', async () => {
    const { ta, input, att } = setup();
    choose(input, [png('b.png')]);
    checks[0].resolve(withPhi());
    await att.settled(ta);
    let changed = 0;
    input.addEventListener('change', () => changed++);
    const id = att.views(ta)[0].id;
    const view = await att.replace(id);
    expect(view).toMatchObject({ replaced: true, replace: 'none', note: expect.stringMatching(/Replaced/) });
    expect([...input.files!].map((f) => f.name)).toEqual(['r-b.png']);
    expect(changed).toBe(1);
    expect(checks).toHaveLength(1);
    expect(att.state(ta)).toEqual({ pending: 0, flagged: 0 });
  });

  it('replace on a dropped image: a copy to download, the user is told to swap it, and it stays flagged', async () => {
    const { ta, att } = setup();
    dropImage(ta, png('dropped.png'));
    checks[0].resolve(withPhi());
    await att.settled(ta);
    expect(att.views(ta)[0].replace).toBe('upload');
    const view = await att.replace(att.views(ta)[0].id);
    expect(view?.copy?.name).toBe('r-dropped.png');
    expect(view?.note).toMatch(/remove it from the post and attach the redacted copy/);
    expect(view?.replaced).toBeUndefined();
    expect(att.state(ta).flagged).toBe(1);
  });

  it('a check that throws is "not checked", never clean', async () => {
    document.body.innerHTML = '<form><textarea></textarea><input type="file"></form>';
    const ta = document.querySelector('textarea')!;
    const att = createAttachments({ win: window as Window & typeof globalThis, site: generic, signal: ctl.signal, check: () => Promise.reject(new Error('boom')) });
    choose(document.querySelector<HTMLInputElement>('input[type=file]')!, [png('x.png')]);
    await att.settled(ta);
    expect(att.views(ta)[0]).toMatchObject({ state: 'notChecked' });
    expect(att.state(ta).flagged).toBe(1);
  });
});

describe('with the guard: images join the submit check', () => {
  let shown: { view: PanelView; handlers: PanelHandlers; closed: boolean }[];
  let posted: string[];
  const panel: PanelApi = {
    show(_c, view, handlers) {
      const e = { view, handlers, closed: false };
      shown.push(e);
      return { update: (v) => { e.view = v; }, close: () => { e.closed = true; } };
    },
  };

  function guarded(): { ta: HTMLTextAreaElement; input: HTMLInputElement; button: HTMLButtonElement; att: Attachments } {
    const { ta, input, att } = setup();
    const button = document.querySelector<HTMLButtonElement>('.post')!;
    button.addEventListener('click', () => posted.push(ta.value));
    createGuard({ win: window as Window & typeof globalThis, site: generic, analyze: () => [], panel, signal: ctl.signal, attachments: att, acceptWaitMs: 20 });
    ta.value = 'clean words';
    ta.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    return { ta, input, button, att };
  }

  beforeEach(() => {
    shown = [];
    posted = [];
  });

  it('a flagged image stops a clean draft and shows in the panel', async () => {
    const { ta, input, button, att } = guarded();
    choose(input, [png('b.png')]);
    checks[0].resolve(withPhi());
    await att.settled(ta);
    button.click();
    expect(posted).toEqual([]);
    expect(shown).toHaveLength(1);
    expect(shown[0].view.images?.[0]).toMatchObject({ name: 'b.png', findings: [PHI_FINDING] });
  });

  it('an image still being checked stops the post synchronously; when it comes back clean the post goes out once', async () => {
    const { input, button } = guarded();
    choose(input, [png('a.png')]);
    button.click();
    expect(posted).toEqual([]);
    expect(shown[0].view.status).toMatch(/Checking 1 image/);
    // The site clears the draft when it posts: that is how the guard sees the re-sent post was taken.
    button.addEventListener('click', () => { (document.querySelector('textarea') as HTMLTextAreaElement).value = ''; });
    checks[0].resolve(clean());
    await flush();
    await flush();
    expect(posted).toEqual(['clean words']);
    await new Promise((r) => setTimeout(r, 40));
    expect(shown[0].closed).toBe(true);
    expect(posted).toHaveLength(1);
  });

  it('an image still being checked that comes back with PHI leaves the panel open with it', async () => {
    const { input, button } = guarded();
    choose(input, [png('b.png')]);
    button.click();
    checks[0].resolve(withPhi());
    await flush();
    await flush();
    expect(posted).toEqual([]);
    expect(shown[0].closed).toBe(false);
    expect(shown[0].view.images?.[0].findings).toHaveLength(1);
  });

  it('an image-only post: "Post anyway" is seen as taken when the site empties its file input', async () => {
    const { ta, input, button, att } = guarded();
    ta.value = '';
    choose(input, [png('b.png')]);
    checks[0].resolve(withPhi());
    await att.settled(ta);
    button.addEventListener('click', () => { input.files = new DataTransfer().files; });
    button.click();
    expect(shown).toHaveLength(1);
    shown[0].handlers.postAnyway();
    await new Promise((r) => setTimeout(r, 40));
    expect(posted).toEqual(['']);
    expect(shown[0].closed).toBe(true);
    expect(shown[0].view.status).not.toMatch(/did not accept/);
  });

  it('a clean checked image does not stop a clean draft', async () => {
    const { ta, input, button, att } = guarded();
    choose(input, [png('a.png')]);
    checks[0].resolve(clean());
    await att.settled(ta);
    button.click();
    expect(posted).toEqual(['clean words']);
    expect(shown).toHaveLength(0);
  });
});
