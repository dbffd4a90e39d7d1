/**
 * Attached images of each compose box (issue 6, "Attachments"): file inputs named by the site
 * adapter, drag and drop, and paste on the compose box are watched; every image is checked in
 * the background as soon as it is attached (injected `check`: decode + OCR + metadata), so it is
 * usually done before the user clicks Post. The controller asks `state(box)` synchronously at
 * the click and `settled(box)` to wait for what is still running. No browser.* here; aborting
 * `signal` removes every listener.
 */
import type { ImageCheck } from '../ocr/browser-client';
import type { ImageFinding } from '../ocr/types';
import { editingHost, isComposeBox } from '../sites/editor';
import { generic } from '../sites/generic';
import type { SiteAdapter } from '../sites/types';

/** How the image arrived: only a file input lets Clearpost swap in the redacted copy. */
export type AttachedVia = 'input' | 'drop' | 'paste';

/** One image as the warning panel shows it. */
export interface ImageView {
  readonly id: string;
  readonly name: string;
  readonly state: 'checking' | 'checked' | 'partial' | 'notChecked';
  readonly reason?: string;
  readonly findings: readonly ImageFinding[];
  /** A small copy of the image and the size of the pixel space the findings' boxes are in. */
  readonly preview?: CanvasImageSource;
  readonly width?: number;
  readonly height?: number;
  /** input: "Replace with redacted copy" swaps the file; upload: the site took the file already (drop/paste). */
  readonly replace: 'input' | 'upload' | 'none';
  /** After a redaction: the copy (for the download link) and what happened. */
  readonly copy?: File;
  /** The copy is now in the post instead of the original. */
  readonly replaced?: boolean;
  readonly note?: string;
}

export interface AttachmentDeps {
  readonly win: Window & typeof globalThis;
  readonly site: SiteAdapter;
  readonly signal: AbortSignal;
  readonly check: (file: File) => Promise<ImageCheck>;
  /** A compose box got focus: keep the OCR host warm. */
  readonly hold?: () => void;
  /** An image's state changed (a check finished, a copy replaced it). */
  readonly onChange?: (box: HTMLElement) => void;
}

interface Entry {
  readonly id: string;
  file: File;
  readonly box: HTMLElement;
  readonly via: AttachedVia;
  readonly input?: HTMLInputElement;
  readonly done: Promise<void>;
  result?: ImageCheck;
  copy?: File;
  /** The redacted copy took the original's place in its file input. */
  replaced?: boolean;
  note?: string;
}

export interface AttachmentState {
  /** Images still being checked. */
  readonly pending: number;
  /** Images with findings, or not (fully) checked: each needs the user's look. */
  readonly flagged: number;
}

export interface Attachments {
  state(box: HTMLElement): AttachmentState;
  views(box: HTMLElement): ImageView[];
  /** Resolves when every image of the box has its result. */
  settled(box: HTMLElement): Promise<void>;
  /** Writes the redacted copy of an image; swaps it into the file input when it came from one. */
  replace(id: string): Promise<ImageView | undefined>;
  /** Forgets a box's images (its post went through). */
  clear(box: HTMLElement): void;
}

const IMAGE_NAME = /\.(png|jpe?g|webp|gif|bmp|svg)$/i;
export const isImageFile = (f: File) => f.type.startsWith('image/') || IMAGE_NAME.test(f.name);

const sameFile = (a: File, b: File) => a === b || (a.name === b.name && a.size === b.size && a.lastModified === b.lastModified);

/** A finding, a partial or a failed check needs the user's look; a clean full check does not. */
export function isFlagged(r: ImageCheck | undefined): boolean {
  return !!r && (r.status !== 'checked' || r.findings.length > 0);
}

export function createAttachments(deps: AttachmentDeps): Attachments {
  const { win, site, signal } = deps;
  const doc = win.document;
  const entries: Entry[] = [];
  /** Files Clearpost wrote itself (redacted copies): not checked again. */
  const ours = new WeakSet<File>();
  let lastBox: HTMLElement | null = null;
  let seq = 0;
  const listen = { capture: true, signal } as const;
  const composeSelectors = [...site.compose, ...generic.compose].join(', ');
  const inputSelectors = [...site.attachments, ...generic.attachments].join(', ');

  /** The compose box an attachment belongs to: the nearest one around the element, else the last focused. */
  function boxNear(el: Element | null): HTMLElement | null {
    const host = el ? editingHost(el) : null;
    if (host && isComposeBox(host, site)) return host;
    for (let n: Element | null = el; n; n = n.parentElement ?? ((n.getRootNode() as ShadowRoot).host ?? null)) {
      const found = n.querySelector<HTMLElement>(composeSelectors);
      if (found) return found;
    }
    return lastBox?.isConnected ? lastBox : null;
  }

  function add(file: File, box: HTMLElement, via: AttachedVia, input?: HTMLInputElement) {
    const id = `img-${++seq}`;
    const entry: Entry = {
      id, file, box, via, input,
      done: ours.has(file)
        ? Promise.resolve()
        : deps.check(file).then(
          (r) => { entry.result = r; },
          () => { entry.result = { status: 'notChecked', reason: 'the image could not be checked', findings: [], ms: 0 }; },
        ).then(() => { if (!signal.aborted) deps.onChange?.(box); }),
    };
    if (ours.has(file)) entry.result = { status: 'checked', findings: [], ms: 0 };
    entries.push(entry);
  }

  function removeWhere(pred: (e: Entry) => boolean) {
    for (let i = entries.length - 1; i >= 0; i--) if (pred(entries[i])) entries.splice(i, 1);
  }

  /** Entries still attached: a file input's current files are the truth (sites reset it after posting). */
  function live(box: HTMLElement): Entry[] {
    removeWhere((e) => !e.box.isConnected || (!!e.input && ![...(e.input.files ?? [])].some((f) => sameFile(f, e.file))));
    return entries.filter((e) => e.box === box);
  }

  win.addEventListener('focusin', (e) => {
    const host = editingHost(e.composedPath()[0] as Element);
    if (host && isComposeBox(host, site)) {
      lastBox = host;
      deps.hold?.();
    }
  }, listen);

  win.addEventListener('change', (e) => {
    const input = e.composedPath()[0];
    if (!(input instanceof win.HTMLInputElement) || input.type !== 'file' || !input.matches(inputSelectors)) return;
    const box = boxNear(input);
    if (!box) return;
    const files = [...(input.files ?? [])].filter(isImageFile);
    // The input's list replaces what it held before; files still in it keep their result.
    removeWhere((x) => x.input === input && !files.some((f) => sameFile(f, x.file)));
    for (const f of files) if (!entries.some((x) => x.input === input && sameFile(f, x.file))) add(f, box, 'input', input);
    deps.onChange?.(box);
  }, listen);

  const fromTransfer = (via: AttachedVia) => (e: DragEvent | ClipboardEvent) => {
    const dt = 'dataTransfer' in e ? e.dataTransfer : (e as ClipboardEvent).clipboardData;
    const files = [...(dt?.files ?? [])].filter(isImageFile);
    if (!files.length) return;
    const target = e.composedPath()[0];
    const box = boxNear(target instanceof win.Element ? target : null);
    if (!box) return;
    for (const f of files) add(f, box, via);
    deps.onChange?.(box);
  };
  win.addEventListener('drop', fromTransfer('drop'), listen);
  win.addEventListener('paste', fromTransfer('paste'), listen);

  const view = (e: Entry): ImageView => {
    const r = e.result;
    return {
      id: e.id, name: e.file.name || 'pasted image',
      state: r ? r.status : 'checking',
      ...(r?.reason ? { reason: r.reason } : {}),
      findings: r?.findings ?? [],
      ...(r?.preview ? { preview: r.preview, width: r.width, height: r.height } : {}),
      replace: e.replaced || !r?.redact || !r.findings.length ? 'none' : e.input ? 'input' : 'upload',
      ...(e.replaced ? { replaced: true } : {}),
      ...(e.copy ? { copy: e.copy } : {}),
      ...(e.note ? { note: e.note } : {}),
    };
  };

  return {
    state(box) {
      const mine = live(box);
      return { pending: mine.filter((e) => !e.result).length, flagged: mine.filter((e) => isFlagged(e.result) && !e.replaced).length };
    },
    views: (box) => live(box).map(view),
    settled: async (box) => { await Promise.all(live(box).map((e) => e.done)); },
    async replace(id) {
      const e = entries.find((x) => x.id === id);
      if (!e?.result?.redact) return undefined;
      const copy = await e.result.redact(e.file.name || 'image.png');
      ours.add(copy);
      e.copy = copy;
      if (e.input?.isConnected) {
        // Swap the file in the input and tell the site, as a user's new choice would (issue 6).
        const dt = new win.DataTransfer();
        for (const f of e.input.files ?? []) dt.items.add(sameFile(f, e.file) ? copy : f);
        e.file = copy;
        e.replaced = true;
        e.input.files = dt.files;
        e.input.dispatchEvent(new win.Event('input', { bubbles: true, composed: true }));
        e.input.dispatchEvent(new win.Event('change', { bubbles: true }));
        e.note = 'Replaced with the redacted copy.';
      } else {
        // Dropped or pasted: the site took the file itself. It stays flagged until the user swaps it.
        e.note = 'This site took the image when it was dropped or pasted: remove it from the post and attach the redacted copy (download below).';
      }
      deps.onChange?.(e.box);
      return view(e);
    },
    clear(box) {
      removeWhere((e) => e.box === box);
    },
  };
}
