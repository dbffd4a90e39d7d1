import { useState } from 'preact/hooks';
import { auditCsv, auditEntries, auditJson } from '../store/audit';
import type { History } from '../store/history';

/**
 * Options section: the audit log as CSV or JSON, without PHI or draft text (types, counts,
 * decisions, times, sites), for a compliance team.
 */
export function AuditSection({ history, download }: { history: History; download(name: string, type: string, body: string): void }) {
  const [status, setStatus] = useState('');
  const save = (format: 'csv' | 'json') => void (async () => {
    const entries = auditEntries(await history.list(), await history.posted());
    const day = new Date().toISOString().slice(0, 10);
    if (format === 'csv') download(`clearpost-audit-${day}.csv`, 'text/csv', auditCsv(entries));
    else download(`clearpost-audit-${day}.json`, 'application/json', auditJson(entries, new Date()));
    setStatus(`Exported ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'} as ${format.toUpperCase()}.`);
  })();
  return (
    <div>
      <p>The audit log lists each warning and post: when, on which site, the kinds of finding, how many, and what you decided. It never contains the drafts or any patient details.</p>
      <div style={{ display: 'flex', gap: '.5rem' }}>
        <button type="button" onClick={() => save('csv')}>Export CSV</button>
        <button type="button" onClick={() => save('json')}>Export JSON</button>
      </div>
      <p role="status">{status}</p>
    </div>
  );
}
