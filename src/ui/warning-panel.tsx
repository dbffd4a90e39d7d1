import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Finding } from '../engine/types';
import type { PanelHandlers, PanelView } from '../guard/panel-api';
import { ImageFindings } from './image-findings';

/**
 * The warning shown when a post is stopped: an alertdialog with an accessible name and
 * description, focus moved in (to the dialog itself, so the keyup of the key that posted cannot
 * press a button), Tab kept inside, Escape = "Edit". Each finding shows its reason and its fix.
 */
export function WarningPanel({ view, handlers }: { view: PanelView; handlers: PanelHandlers }) {
  const dialog = useRef<HTMLDivElement>(null);
  // The rule set's enforcement (issue 7): Post anyway offered, offered with a typed reason, or not at all.
  const enforce = view.postAnyway ?? 'allow';
  const [reason, setReason] = useState('');
  // Layout effect: focus moves in synchronously with the mount, before the next key event can
  // reach the page (a plain effect waits for a paint, and a quick Escape then went to the site).
  useLayoutEffect(() => {
    dialog.current?.focus();
  }, []);
  // Attached images count as items too: each image finding, and each image that could not be (fully) checked.
  const images = view.images ?? [];
  const imageItems = images.reduce((n, i) => n + (i.replaced ? 0 : i.findings.length || (i.state === 'notChecked' || i.state === 'partial' ? 1 : 0)), 0);
  const items = view.findings.length + imageItems;
  const blocks = view.findings.filter((f) => f.severity === 'block').length + images.reduce((n, i) => n + (i.replaced ? 0 : i.findings.filter((f) => f.severity === 'block').length), 0);
  const onKeyDown = (e: KeyboardEvent) => {
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      handlers.edit();
    } else if (e.key === 'Tab') {
      const buttons = [...(dialog.current?.querySelectorAll('button:not([disabled]), textarea:not([disabled])') ?? [])] as HTMLElement[];
      if (!buttons.length) return;
      const root = dialog.current?.getRootNode() as ShadowRoot | Document;
      const at = buttons.indexOf(root.activeElement as HTMLElement);
      const next = e.shiftKey ? (at <= 0 ? buttons.length - 1 : at - 1) : (at + 1) % buttons.length;
      e.preventDefault();
      buttons[next].focus();
    }
  };
  return (
    <div
      ref={dialog}
      class="panel"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="cp-title"
      aria-describedby="cp-desc"
      tabIndex={-1}
      onKeyDown={onKeyDown}
      onKeyUp={(e) => e.stopPropagation()}
    >
      <h2 id="cp-title">Check this post before it goes out</h2>
      <p id="cp-desc">
        {blocks > 0
          ? `Clearpost found ${items} item${items === 1 ? '' : 's'} that may identify a patient or need changes. Nothing has been posted.`
          : items > 0
            ? `Clearpost found ${items} item${items === 1 ? '' : 's'} worth a second look. Nothing has been posted.`
            : 'Clearpost is checking the attached images. Nothing has been posted.'}
      </p>
      <ul>
        {view.findings.map((f) => (
          <FindingRow key={`${f.ruleId}:${f.start}`} finding={f} />
        ))}
      </ul>
      {images.length > 0 && <ImageFindings images={images} busy={view.busy} onReplace={handlers.replaceImage} />}
      {view.status && (
        <p class="status" role="status">
          {view.status}
        </p>
      )}
      {enforce === 'stop' && (
        <p class="managed" id="cp-managed">
          Your institution requires these items to be fixed before posting: Post anyway is not available.
        </p>
      )}
      {enforce === 'reason' && (
        <div class="reason">
          <label for="cp-reason">Reason for posting anyway (required by your institution)</label>
          <textarea
            id="cp-reason"
            rows={2}
            maxLength={500}
            required
            aria-required="true"
            disabled={view.busy}
            value={reason}
            onInput={(e) => setReason((e.currentTarget as HTMLTextAreaElement).value)}
          />
        </div>
      )}
      <div class="actions">
        <button type="button" class="primary" disabled={view.busy || !view.canFix} onClick={handlers.fixAll}>
          Fix all
        </button>
        <button type="button" disabled={view.busy} onClick={handlers.edit}>
          Edit
        </button>
        {enforce !== 'stop' && (
          <button
            type="button"
            class="danger"
            disabled={view.busy || (enforce === 'reason' && !reason.trim())}
            onClick={() => handlers.postAnyway(enforce === 'reason' ? reason.trim() : undefined)}
          >
            Post anyway
          </button>
        )}
      </div>
    </div>
  );
}

function FindingRow({ finding }: { finding: Finding }) {
  // A traceable case is rewritten, not redacted: its fix generalises the details it names.
  const traceable = finding.category === 'traceable';
  return (
    <li class={traceable ? `${finding.severity} traceable` : finding.severity}>
      <span class="sev">{finding.severity === 'block' ? 'Must fix' : 'Check'}</span> {finding.message}
      {finding.suggestion !== undefined && (
        <span class="fix">
          {' '}
          {traceable ? 'Fix: generalise to' : 'Fix: replace with'} <q>{finding.suggestion}</q>.
        </span>
      )}
    </li>
  );
}
