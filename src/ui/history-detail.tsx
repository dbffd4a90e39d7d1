import type { HistoryRecord, StoredFinding } from '../store/types';
import { DECISION_LABEL, siteLabel, typeWords, when } from './history-format';

export interface DetailActions {
  copyCleaned(): void;
  restore(): void;
  dismiss(): void;
  notPhi(index: number): void;
  back(): void;
}

/** The redacted draft split into plain runs and marked finding spans (PHI placeholders, advice, ...). */
export function segments(text: string, findings: readonly StoredFinding[]): { text: string; finding?: number }[] {
  const marks = findings.map((f, i) => ({ ...f, i })).filter((f) => f.end > f.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const out: { text: string; finding?: number }[] = [];
  let pos = 0;
  for (const m of marks) {
    if (m.start < pos) continue; // nested in an earlier mark (e.g. a name inside an advice sentence)
    if (m.start > pos) out.push({ text: text.slice(pos, m.start) });
    out.push({ text: text.slice(m.start, m.end), finding: m.i });
    pos = m.end;
  }
  if (pos < text.length) out.push({ text: text.slice(pos) });
  return out;
}

/**
 * One flagged draft: its redacted text with the findings marked, the reasons, and the actions.
 * `notPhiState` says per finding whether "not PHI" was applied or refused (and why).
 */
export function HistoryDetail({ record, actions, busy, notPhiState }: {
  record: HistoryRecord;
  actions: DetailActions;
  busy: boolean;
  notPhiState: Readonly<Record<number, string>>;
}) {
  const onKeyDown = (e: KeyboardEvent) => { if (e.key === 'Escape') { e.preventDefault(); actions.back(); } };
  return (
    <section aria-labelledby="detail-title" onKeyDown={onKeyDown}>
      <button type="button" class="link" onClick={actions.back}><span aria-hidden="true">← </span>All flagged drafts</button>
      <h2 id="detail-title" tabIndex={-1}>{siteLabel(record.site)}, {when(record.time)}</h2>
      <p class="meta">{DECISION_LABEL[record.decision.kind]}{record.decision.reason ? ` — “${record.decision.reason}”` : ''}</p>
      <h3 id="draft-label">Draft (patient details replaced by their type)</h3>
      <p class="draft" aria-labelledby="draft-label" data-testid="redacted">
        {segments(record.redacted, record.findings).map((s, k) => s.finding === undefined
          ? s.text
          : <mark key={k} class={record.findings[s.finding].category} title={record.findings[s.finding].message}>{s.text}</mark>)}
      </p>
      <h3>Why it was flagged</h3>
      <ul class="findings">
        {record.findings.map((f, i) => (
          <li key={i}>
            <span class={`sev ${f.severity}`}>{f.severity === 'block' ? 'Blocks' : 'Warns'}</span>{' '}
            <strong>{typeWords(f.type)}</strong>: {f.message}
            {f.category === 'phi' && record.restorable && (
              notPhiState[i]
                ? <p role="status" class="note">{notPhiState[i]}</p>
                : <> {' '}<button type="button" disabled={busy} onClick={() => actions.notPhi(i)} aria-label={`Not PHI: never flag this ${typeWords(f.type)} again`}>Not PHI</button></>
            )}
          </li>
        ))}
      </ul>
      <div class="actions" role="group" aria-label="Actions on this draft">
        <button type="button" class="primary" disabled={busy} onClick={actions.copyCleaned}>Copy cleaned text</button>
        <button type="button" disabled={busy || !record.restorable} onClick={actions.restore}
          title={record.restorable ? undefined : 'The original was not kept'}>Restore original to clipboard</button>
        <button type="button" disabled={busy} onClick={actions.dismiss}>Dismiss</button>
      </div>
    </section>
  );
}
