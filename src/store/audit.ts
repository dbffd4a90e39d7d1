import type { HistoryRecord, PostedRecord } from './types';

/**
 * The audit log for compliance teams (issue 8): what was flagged, where, when, and what the user
 * decided. No PHI and no draft text: types, counts, rules, decisions, times, sites.
 */
export interface AuditEntry {
  readonly time: string;
  readonly site: string;
  readonly kind: 'flagged' | 'posted';
  readonly decision: string;
  readonly decidedAt?: string;
  readonly types: readonly string[];
  readonly rules: readonly string[];
  readonly blocks: number;
  readonly warnings: number;
  readonly phi: number;
  readonly advice: number;
  readonly disclaimer: number;
}

const iso = (t: number) => new Date(t).toISOString();

export function auditEntries(records: readonly HistoryRecord[], posted: readonly PostedRecord[] = []): AuditEntry[] {
  const entry = (kind: AuditEntry['kind'], r: { time: number; site: string; findings: HistoryRecord['findings'] }, decision: string, decidedAt?: number): AuditEntry => ({
    time: iso(r.time),
    site: r.site,
    kind,
    decision,
    ...(decidedAt ? { decidedAt: iso(decidedAt) } : {}),
    types: [...new Set(r.findings.map((f) => f.type))],
    rules: [...new Set(r.findings.map((f) => f.ruleId))],
    blocks: r.findings.filter((f) => f.severity === 'block').length,
    warnings: r.findings.filter((f) => f.severity === 'warn').length,
    phi: r.findings.filter((f) => f.category === 'phi' || f.category === 'traceable').length,
    advice: r.findings.filter((f) => f.category === 'advice').length,
    disclaimer: r.findings.filter((f) => f.category === 'disclaimer').length,
  });
  return [
    ...records.map((r) => entry('flagged', r, r.dismissed && r.decision.kind === 'pending' ? 'dismissed' : r.decision.kind, r.decidedAt)),
    ...posted.map((p) => entry('posted', p, p.decision)),
  ].sort((a, b) => a.time.localeCompare(b.time));
}

export const CSV_COLUMNS = ['time', 'site', 'kind', 'decision', 'decidedAt', 'types', 'rules', 'blocks', 'warnings', 'phi', 'advice', 'disclaimer'] as const;

/** RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so a spreadsheet never runs it as a formula. */
function cell(v: unknown): string {
  let s = Array.isArray(v) ? v.join(' ') : v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function auditCsv(entries: readonly AuditEntry[]): string {
  const lines = [CSV_COLUMNS.join(','), ...entries.map((e) => CSV_COLUMNS.map((c) => cell(e[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

export function auditJson(entries: readonly AuditEntry[], generated: Date): string {
  return JSON.stringify({ generated: generated.toISOString(), count: entries.length, entries }, null, 2);
}
