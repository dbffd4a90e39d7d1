import { useEffect, useRef } from 'preact/hooks';
import type { Finding } from '../engine/types';
import type { PanelHandlers, PanelView } from '../guard/panel-api';

/**
 * The warning shown when a post is stopped: an alertdialog with an accessible name and
 * description, focus moved in (to the dialog itself, so the keyup of the key that posted cannot
 * press a button), Tab kept inside, Escape = "Edit". Each finding shows its reason and its fix.
 */
export function WarningPanel({ view, handlers }: { view: PanelView; handlers: PanelHandlers }) {
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    dialog.current?.focus();
  }, []);
  const blocks = view.findings.filter((f) => f.severity === 'block').length;
  const onKeyDown = (e: KeyboardEvent) => {
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      handlers.edit();
    } else if (e.key === 'Tab') {
      const buttons = [...(dialog.current?.querySelectorAll('button:not([disabled])') ?? [])] as HTMLElement[];
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
          ? `Clearpost found ${view.findings.length} item${view.findings.length === 1 ? '' : 's'} that may identify a patient or need changes. Nothing has been posted.`
          : `Clearpost found ${view.findings.length} item${view.findings.length === 1 ? '' : 's'} worth a second look. Nothing has been posted.`}
      </p>
      <ul>
        {view.findings.map((f) => (
          <FindingRow key={`${f.ruleId}:${f.start}`} finding={f} />
        ))}
      </ul>
      {view.status && (
        <p class="status" role="status">
          {view.status}
        </p>
      )}
      <div class="actions">
        <button type="button" class="primary" disabled={view.busy || !view.canFix} onClick={handlers.fixAll}>
          Fix all
        </button>
        <button type="button" disabled={view.busy} onClick={handlers.edit}>
          Edit
        </button>
        <button type="button" class="danger" disabled={view.busy} onClick={handlers.postAnyway}>
          Post anyway
        </button>
      </div>
    </div>
  );
}

function FindingRow({ finding }: { finding: Finding }) {
  return (
    <li class={finding.severity}>
      <span class="sev">{finding.severity === 'block' ? 'Must fix' : 'Check'}</span> {finding.message}
      {finding.suggestion !== undefined && (
        <span class="fix">
          {' '}
          Fix: replace with <q>{finding.suggestion}</q>.
        </span>
      )}
    </li>
  );
}
