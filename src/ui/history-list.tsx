import type { HistoryRecord } from '../store/types';
import { isUnresolved } from '../store/types';
import { DECISION_LABEL, siteLabel, typesOf, typeWords, when } from './history-format';

/**
 * Flagged drafts, newest first. Each is a button; Up/Down (and Home/End) move between them.
 */
export function HistoryList({ records, open }: { records: readonly HistoryRecord[]; open(id: string): void }) {
  if (!records.length) return <p class="empty">No flagged drafts. Clearpost keeps them here for a while after it warns you.</p>;
  const onKeyDown = (e: KeyboardEvent) => {
    const buttons = [...((e.currentTarget as HTMLElement).querySelectorAll<HTMLButtonElement>('button.item'))];
    const at = buttons.indexOf(e.target as HTMLButtonElement);
    if (at < 0) return;
    const next = e.key === 'ArrowDown' ? Math.min(at + 1, buttons.length - 1)
      : e.key === 'ArrowUp' ? Math.max(at - 1, 0)
      : e.key === 'Home' ? 0 : e.key === 'End' ? buttons.length - 1 : -1;
    if (next < 0) return;
    e.preventDefault();
    buttons[next].focus();
  };
  return (
    <ul class="list" aria-label="Flagged drafts, newest first" onKeyDown={onKeyDown}>
      {records.map((r) => {
        const types = typesOf(r).map(typeWords).join(', ');
        const open_ = isUnresolved(r);
        return (
          <li key={r.id}>
            <button type="button" data-id={r.id} class={`item${open_ ? ' unresolved' : ''}`} onClick={() => open(r.id)}>
              <span class="site">{siteLabel(r.site)}</span><span class="sr">, </span>
              <span class="time">{when(r.time)}</span><span class="sr">: </span>
              <span class="types">{types}</span><span class="sr">. </span>
              <span class="decision">{DECISION_LABEL[r.decision.kind]}{open_ ? <span class="sr">, unresolved</span> : null}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
