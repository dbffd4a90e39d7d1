import type { AnalyzeOptions, Finding } from '../engine/types';
import type { Action, Enforcement } from '../rules/types';
import { eligibility } from '../sites/eligibility';
import { editingHost, editorKind, enterPosts, isComposeBox, submitControlOn } from '../sites/editor';
import type { EditorKind, SiteAdapter } from '../sites/types';
import { applyEdits, placeCaret } from './apply-fix';
import { planFixes } from './fix-plan';
import type { Attachments } from './attachments';
import { createHighlighter, highlightSpans, type Highlighter } from './highlights';
import type { PanelApi, PanelHandle, PanelHandlers, PanelView } from './panel-api';
import { readText, type TextModel } from './text-model';

/**
 * The guard on one page (frame): follows compose boxes, re-analyses them as they change,
 * highlights findings, and stops a post that still carries a `block` or `warn` finding until the
 * user has seen the panel. No browser.* here: the engine and the UI are injected; aborting
 * `signal` removes every listener, observer, highlight and panel.
 */
export interface GuardDeps {
  readonly win: Window & typeof globalThis;
  readonly site: SiteAdapter;
  /** The engine's findings, or null while the engine is still loading (src/guard/engine-loader.ts). */
  readonly analyze: (text: string, options?: AnalyzeOptions) => Finding[] | null;
  /** Resolves when `analyze` stops answering null; rejects when the engine could not be loaded. */
  readonly ready?: () => Promise<void>;
  readonly options?: () => AnalyzeOptions;
  readonly panel: PanelApi;
  readonly signal: AbortSignal;
  /** Quiet time after the last change before re-analysing (default 40 ms). */
  readonly debounceMs?: number;
  /** How long to wait for the site to take a re-sent post before saying it did not (default 1500 ms). */
  readonly acceptWaitMs?: number;
  /** Attached images and their checks (src/guard/attachments.ts): they join the text findings at submit. */
  readonly attachments?: Attachments;
  /** Told of each warning, the user's decision on it, and each post that went through (issue 8: the history). */
  readonly report?: (event: GuardReport) => void;
  /**
   * The merged rule set's enforcement (issue 7): per severity, whether "Post anyway" is allowed,
   * allowed with a typed reason, or not allowed. Read at each panel view; default: allowed.
   */
  readonly enforcement?: () => Enforcement;
}

/**
 * What the guard reports to the history (src/store/, via the background). `flagged` carries the
 * draft as read; the receiver redacts it and seals the original. A throwing receiver is ignored.
 */
export type GuardReport =
  | { readonly kind: 'flagged'; readonly id: string; readonly site: string; readonly text: string; readonly findings: readonly Finding[] }
  | { readonly kind: 'decided'; readonly id: string; readonly decision: 'fixed' | 'edited' | 'posted-anyway' | 'cancelled'; readonly reason?: string }
  | { readonly kind: 'posted'; readonly site: string; readonly text: string; readonly findings: readonly Finding[]; readonly decision: 'clean' | 'posted-anyway' };

interface Tracked {
  readonly box: HTMLElement;
  readonly kind: EditorKind;
  model: TextModel;
  findings: Finding[];
  /** The last read could not be checked: the engine had not loaded yet. */
  unchecked: boolean;
  /** A submit is held until the engine has loaded. */
  waiting: boolean;
  timer?: ReturnType<typeof setTimeout>;
  observer: MutationObserver;
  panel?: PanelHandle;
}

/** How to send the stopped post again: the control it clicks (null: a key re-dispatched on the box). */
interface Resend {
  readonly control: Element | null;
  run(): void;
}

export interface Guard {
  /** Boxes currently followed (for tests and diagnostics). */
  boxes(): HTMLElement[];
  findingsOf(box: HTMLElement): readonly Finding[];
  /** An attached image's check finished or changed: redraw an open panel. */
  imagesChanged(box: HTMLElement): void;
}

const REPORTED = new Set(['block', 'warn']);
const STRICTNESS: Record<Action, number> = { allow: 0, reason: 1, stop: 2 };
const CLOSE_DIALOG = '[role="dialog"], [aria-modal="true"], dialog';

export function createGuard(deps: GuardDeps): Guard {
  const { win, site, signal } = deps;
  const doc = win.document;
  const debounce = deps.debounceMs ?? 40;
  const tracked = new Map<HTMLElement, Tracked>();
  const highlighter: Highlighter = createHighlighter(win);
  const listen = { capture: true, signal } as const;
  /** A one-time pass for the re-sent submit ("Post anyway"). */
  let pass: { control: Element | null; box: HTMLElement; until: number } | null = null;
  let recentPass: Element | null = null;
  /** Key codes whose keyup must be swallowed because their keydown was cancelled. */
  const swallowUp = new Set<string>();
  /** An open panel's "cancelled" report, sent when the guard is torn down with the panel still open. */
  const cancelOnAbort = new WeakMap<Tracked, () => void>();

  const emit = (event: GuardReport) => { try { deps.report?.(event); } catch { /* the history never breaks the guard */ } };
  let flagSeq = 0;
  /** Flag ids are unique across tabs and frames: each guard has its own random part. */
  const instance = Math.random().toString(36).slice(2, 10);

  const options = (): AnalyzeOptions => ({ site: site.id, ...(deps.options?.() ?? {}) });
  const analyzeModel = (model: TextModel): Finding[] | null => {
    if (!model.text.trim()) return [];
    return deps.analyze(model.text, options())?.filter((f) => REPORTED.has(f.severity)) ?? null;
  };
  const engineReady = () => (deps.ready ? deps.ready() : Promise.resolve());
  /** Once the engine has loaded, the boxes read before it are checked (and highlighted). */
  let recheckQueued = false;
  const recheckWhenLoaded = () => {
    if (recheckQueued) return;
    recheckQueued = true;
    engineReady().then(() => {
      recheckQueued = false;
      if (signal.aborted) return;
      for (const t of [...tracked.values()]) if (t.unchecked && !t.panel && !t.waiting) refresh(t);
    }, () => { recheckQueued = false; });
  };

  // ---- following compose boxes ---------------------------------------------------------------

  function untrack(t: Tracked) {
    clearTimeout(t.timer);
    t.observer.disconnect();
    highlighter.clear(t);
    tracked.delete(t.box);
  }

  function refresh(t: Tracked) {
    if (!t.box.isConnected) return untrack(t);
    t.model = readText(t.box, t.kind);
    const found = analyzeModel(t.model);
    t.unchecked = found === null;
    t.findings = found ?? [];
    if (t.unchecked) recheckWhenLoaded();
    highlighter.set(t, t.box, t.model, highlightSpans(t.findings));
  }

  function schedule(t: Tracked) {
    clearTimeout(t.timer);
    t.timer = setTimeout(() => refresh(t), debounce);
  }

  function track(box: HTMLElement): Tracked | null {
    const known = tracked.get(box);
    if (known) return known;
    if (eligibility(box).some((r) => r !== 'hidden')) return null;
    const kind = editorKind(box);
    const t: Tracked = { box, kind, model: { kind, text: '', segments: [] }, findings: [], unchecked: false, waiting: false, observer: new win.MutationObserver(() => schedule(t)) };
    t.observer.observe(box, { subtree: true, childList: true, characterData: true });
    tracked.set(box, t);
    refresh(t);
    return t;
  }

  const boxFromTarget = (target: EventTarget | undefined): HTMLElement | null => {
    const host = target instanceof win.Element ? editingHost(target) : null;
    return host && isComposeBox(host, site) ? host : null;
  };

  win.addEventListener('focusin', (e) => {
    const box = boxFromTarget(e.composedPath()[0]);
    if (!box) return;
    // The first focus of a compose box starts loading the engine, before the first keystroke.
    if (track(box)) engineReady().catch(() => { /* retried at the next change or submit */ });
  }, listen);

  win.addEventListener('input', (e) => {
    const box = boxFromTarget(e.composedPath()[0]);
    if (!box) return;
    const t = track(box);
    if (t) schedule(t);
  }, listen);

  // Boxes that appear with text already in them (restored drafts, replies) are followed too.
  let scanQueued = false;
  const scan = () => {
    scanQueued = false;
    for (const sel of site.compose) for (const el of doc.querySelectorAll<HTMLElement>(sel)) if (!tracked.has(el)) track(el);
    for (const t of [...tracked.values()]) if (!t.box.isConnected) untrack(t);
  };
  const docObserver = new win.MutationObserver(() => {
    if (scanQueued) return;
    scanQueued = true;
    setTimeout(scan, 250);
  });
  const startObserving = () => {
    if (signal.aborted) return;
    docObserver.observe(doc.documentElement, { subtree: true, childList: true });
    scan();
  };
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', startObserving, { once: true, signal });
  else startObserving();

  // ---- intercepting the post -----------------------------------------------------------------

  /** The compose box a submit control belongs to: the nearest ancestor that holds a followed box. */
  function boxForControl(control: Element): Tracked | null {
    for (let n: Node | null = control; n; ) {
      if (n instanceof win.Element) {
        for (const t of tracked.values()) if (n.contains(t.box)) return t;
        for (const sel of site.compose) {
          const found = n.querySelector<HTMLElement>(sel);
          if (found) { const t = track(found); if (t) return t; }
        }
      }
      const parent: Node | null = n.parentNode;
      n = parent instanceof win.ShadowRoot ? parent.host : parent;
    }
    return null;
  }

  function submitNear(box: HTMLElement): HTMLElement | null {
    for (let n: Element | null = box.parentElement; n; n = n.parentElement) {
      for (const el of n.querySelectorAll('button, [role="button"], input[type="submit"]')) {
        const control = submitControlOn([el], site);
        if (control) return control;
      }
    }
    return null;
  }

  function cancel(e: Event) {
    e.preventDefault();
    e.stopImmediatePropagation();
  }

  /** Decides synchronously whether this submit may go through; returns true when it was stopped. */
  function attempt(e: Event, t: Tracked, resend: Resend): boolean {
    if (t.panel || t.waiting) {
      cancel(e);
      return true;
    }
    clearTimeout(t.timer);
    refresh(t);
    // Fail closed: a draft the engine has not checked yet is held, and checked as soon as it loads.
    if (t.unchecked) {
      cancel(e);
      holdUntilLoaded(t, resend);
      return true;
    }
    // Images still being checked stop the post too; the panel waits for them (the cancel stays synchronous).
    const images = deps.attachments?.state(t.box);
    if (!t.findings.length && !images?.flagged && !images?.pending) {
      if (t.model.text.trim()) emit({ kind: 'posted', site: site.id, text: t.model.text, findings: [], decision: 'clean' });
      return false;
    }
    cancel(e);
    openPanel(t, resend);
    return true;
  }

  /** Re-sends a held post once the engine has checked it clean; otherwise opens the panel. */
  function holdUntilLoaded(t: Tracked, resend: Resend) {
    t.waiting = true;
    engineReady().then(() => {
      t.waiting = false;
      if (signal.aborted || !t.box.isConnected || t.panel) return;
      refresh(t);
      const images = deps.attachments?.state(t.box);
      if (t.unchecked || t.findings.length || images?.flagged || images?.pending) return openPanel(t, resend);
      if (t.model.text.trim()) emit({ kind: 'posted', site: site.id, text: t.model.text, findings: [], decision: 'clean' });
      pass = { control: resend.control, box: t.box, until: Date.now() + 1000 };
      resend.run();
      pass = null;
    }, () => {
      t.waiting = false;
      if (signal.aborted || !t.box.isConnected || t.panel) return;
      openPanel(t, resend, 'Clearpost could not load its checker, so this draft has not been checked. Review it yourself before posting, or reload the page to try again.');
    });
  }

  function takePass(path: readonly EventTarget[], box: HTMLElement | null): boolean {
    if (!pass || Date.now() > pass.until) return false;
    const hit = pass.control ? path.includes(pass.control) : box === pass.box;
    if (hit) {
      // The control's default action (a form's submit event) follows in the same task: let it through too.
      recentPass = pass.control;
      setTimeout(() => { recentPass = null; }, 0);
      pass = null;
    }
    return hit;
  }

  win.addEventListener('click', (e) => {
    const path = e.composedPath();
    const control = submitControlOn(path, site);
    if (!control || takePass(path, null)) return;
    const t = boxForControl(control);
    if (t) attempt(e, t, { control, run: () => control.click() });
  }, listen);

  const onKey = (e: KeyboardEvent) => {
    if (e.type === 'keyup' && swallowUp.delete(e.code || e.key)) return cancel(e);
    if (e.isComposing || e.keyCode === 229) return; // IME composition: Enter confirms a word
    if (e.key !== 'Enter' && e.key !== ' ') return;
    const path = e.composedPath();
    const box = boxFromTarget(path[0]);
    if (!box) {
      // Enter/Space on a submit control (React Native Web presses role=button on keyup).
      const control = submitControlOn(path, site);
      if (!control || (e.type === 'keyup' ? takePass(path, null) : pass?.control === control)) return;
      const t = boxForControl(control);
      if (t && attempt(e, t, { control, run: () => control.click() }) && e.type === 'keydown') swallowUp.add(e.code || e.key);
      return;
    }
    if (e.type !== 'keydown' || e.key !== 'Enter') return;
    const mod = e.ctrlKey || e.metaKey;
    const posts = mod ? site.modEnterPosts !== false : !e.shiftKey && !e.altKey && enterPosts(box, site);
    if (!posts || takePass(path, box)) return;
    const t = track(box);
    if (!t) return;
    const init: KeyboardEventInit = { key: e.key, code: e.code, keyCode: 13, which: 13, ctrlKey: e.ctrlKey, metaKey: e.metaKey, bubbles: true, cancelable: true, composed: true } as KeyboardEventInit;
    const target = path[0] as Element;
    const control = submitNear(box);
    const resend: Resend = control
      ? { control, run: () => control.click() }
      : { control: null, run: () => target.dispatchEvent(new win.KeyboardEvent('keydown', init)) };
    if (attempt(e, t, resend)) swallowUp.add(e.code || e.key);
  };
  win.addEventListener('keydown', onKey, listen);
  win.addEventListener('keyup', onKey, listen);

  win.addEventListener('submit', (e) => {
    const form = e.target as HTMLFormElement;
    const path = e.composedPath();
    if (takePass(path, null)) return;
    for (const t of tracked.values()) {
      if (form.contains(t.box)) {
        const submitter = (e as SubmitEvent).submitter;
        if (recentPass && (submitter === recentPass || form === recentPass)) return;
        attempt(e, t, submitter ? { control: submitter, run: () => submitter.click() } : { control: form, run: () => form.requestSubmit() });
        return;
      }
    }
  }, listen);

  // ---- the panel -----------------------------------------------------------------------------

  // Fix all: the engine's fix operators (redaction, general wording for advice, the disclaimer
  // appended to fit the site's limit), planned on the text the findings came from.
  const plan = (t: Tracked) => planFixes(t.model.text, t.findings, options());

  /**
   * What "Post anyway" may do for this draft: the strictest action the rule set names for the
   * severities present (text findings, and image findings not yet replaced by a redacted copy).
   */
  function postAction(t: Tracked): Action {
    const rules = deps.enforcement?.();
    if (!rules) return 'allow';
    const severities = new Set<string>(t.findings.map((f) => f.severity));
    for (const image of deps.attachments?.views(t.box) ?? []) if (!image.replaced) for (const f of image.findings) severities.add(f.severity);
    let action: Action = 'allow';
    for (const s of severities) {
      const a = s === 'block' ? rules.block : s === 'warn' ? rules.warn : 'allow';
      if (STRICTNESS[a] > STRICTNESS[action]) action = a;
    }
    return action;
  }

  function view(t: Tracked, extra: Partial<PanelView> = {}): PanelView {
    return { findings: t.findings, canFix: plan(t).edits.length > 0, postAnyway: postAction(t), ...(deps.attachments ? { images: deps.attachments.views(t.box) } : {}), ...extra };
  }

  /** Closes the panel; with `focusBox`, the caret goes to the end of the first finding (or the draft). */
  function closePanel(t: Tracked, focusBox: boolean) {
    t.panel?.close();
    t.panel = undefined;
    if (!focusBox || !t.box.isConnected) return;
    const model = readText(t.box, t.kind);
    placeCaret(t.box, t.kind, Math.min(t.findings[0]?.end ?? model.text.length, model.text.length));
  }

  function openPanel(t: Tracked, resend: Resend, notice?: string) {
    const container = (t.box.closest(CLOSE_DIALOG) as Element | null) ?? doc.body ?? doc.documentElement;
    let posting = false;
    const pending = deps.attachments?.state(t.box).pending ?? 0;
    // The history: one record per warning with text findings, then the user's decision on it.
    const flagId = t.findings.length ? `${Date.now().toString(36)}-${instance}-${(flagSeq++).toString(36)}` : undefined;
    const flagged = { text: t.model.text, findings: t.findings };
    if (flagId) emit({ kind: 'flagged', id: flagId, site: site.id, ...flagged });
    let decided = false;
    const decide = (decision: 'fixed' | 'edited' | 'posted-anyway' | 'cancelled', reason?: string) => {
      if (!flagId || decided) return;
      decided = true;
      emit({ kind: 'decided', id: flagId, decision, ...(reason ? { reason } : {}) });
    };
    const handlers: PanelHandlers = {
      edit: () => { decide('edited'); closePanel(t, true); },
      fixAll: async () => {
        t.panel?.update(view(t, { busy: true, status: 'Applying fixes…' }));
        const { edits, notes } = plan(t);
        const result = await applyEdits(t.box, t.kind, t.model.text, edits, signal);
        refresh(t);
        if (!result.ok) {
          t.panel?.update(view(t, { status: result.reason === 'stale'
            ? 'The draft changed while the panel was open: nothing was replaced. Review the list and try again.'
            : `A fix could not be applied in this editor (${result.applied} applied before it). The rest of the draft is as it was: edit it by hand.` }));
          return;
        }
        if (!t.findings.length) {
          decide('fixed');
          closePanel(t, true);
          return;
        }
        t.panel?.update(view(t, { status: [`Fixed ${result.applied}. These still need your attention.`, ...notes].join(' ') }));
      },
      replaceImage: async (id: string) => {
        t.panel?.update(view(t, { busy: true, status: 'Writing the redacted copy…' }));
        let ok = true;
        try { await deps.attachments?.replace(id); } catch { ok = false; }
        if (t.panel !== handle) return;
        refresh(t);
        if (ok && !t.findings.length && !deps.attachments?.state(t.box).flagged) {
          closePanel(t, true);
          return;
        }
        t.panel.update(view(t, ok ? {} : { status: 'The redacted copy could not be written. Remove the image from the post instead.' }));
      },
      postAnyway: (reason?: string) => {
        if (posting) return;
        // The rule set's enforcement is checked here too, not only by the panel hiding the button.
        const action = postAction(t);
        if (action === 'stop') {
          t.panel?.update(view(t, { status: 'Your institution requires these items to be fixed before posting.' }));
          return;
        }
        const why = reason?.trim();
        if (action === 'reason' && !why) {
          t.panel?.update(view(t, { status: 'Your institution asks for a reason before posting anyway: type it in the field above.' }));
          return;
        }
        posting = true;
        t.panel?.update(view(t, { busy: true, status: 'Posting…' }));
        const sent = t.model.text;
        const sentImages = deps.attachments?.views(t.box).length ?? 0;
        const sentFindings = t.findings;
        if (sentFindings.length) decide('posted-anyway', action === 'reason' ? why : undefined);
        // The one-time pass: dispatch is synchronous, so the resent event consumes it right away;
        // whatever happens it is not left lying around.
        pass = { control: resend.control, box: t.box, until: Date.now() + 1000 };
        resend.run();
        pass = null;
        // Recorded as sent now (like a clean post at its click): a site that navigates after
        // posting would otherwise unload the page before the acceptance check below.
        if (sent.trim()) emit({ kind: 'posted', site: site.id, text: sent, findings: sentFindings, decision: sentFindings.length ? 'posted-anyway' : 'clean' });
        setTimeout(() => {
          const now = t.box.isConnected ? readText(t.box, t.kind).text : '';
          // An image-only post has no text to compare: the site taking it shows as its file input emptied.
          const imagesGone = sentImages > 0 && deps.attachments!.views(t.box).length === 0;
          if (!t.box.isConnected || now !== sent || imagesGone) {
            deps.attachments?.clear(t.box);
            closePanel(t, false);
            return;
          }
          // The site did not take the re-sent post: say so, and let the user's own click through once.
          pass = { control: resend.control ?? submitNear(t.box), box: t.box, until: Date.now() + 60_000 };
          posting = false;
          t.panel?.update(view(t, { status: 'The site did not accept the re-sent post. Your draft is unchanged: click the site\'s Post button yourself to post it.' }));
        }, deps.acceptWaitMs ?? 1500);
      },
    };
    cancelOnAbort.set(t, () => decide('cancelled'));
    const handle = deps.panel.show(container, view(t, pending ? { status: `Checking ${pending} image${pending === 1 ? '' : 's'} on this device…` } : notice ? { status: notice } : {}), handlers);
    t.panel = handle;
    if (pending) {
      void deps.attachments!.settled(t.box).then(() => {
        if (t.panel !== handle || posting) return;
        refresh(t);
        // Every image came back clean and so is the text: the post the user asked for goes out now.
        if (!t.findings.length && !deps.attachments!.state(t.box).flagged) handlers.postAnyway();
        else handle.update(view(t));
      });
    }
  }

  signal.addEventListener('abort', () => {
    for (const t of tracked.values()) if (t.panel) cancelOnAbort.get(t)?.();
    docObserver.disconnect();
    for (const t of [...tracked.values()]) { closePanel(t, false); untrack(t); }
    highlighter.dispose();
  }, { once: true });

  return {
    boxes: () => [...tracked.keys()],
    findingsOf: (box) => tracked.get(box)?.findings ?? [],
    imagesChanged: (box) => {
      const t = tracked.get(box);
      if (t?.panel) t.panel.update(view(t));
    },
  };
}
