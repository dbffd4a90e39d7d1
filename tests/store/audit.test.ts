import { describe, expect, it } from 'vitest';
import { auditCsv, auditEntries, auditJson } from '../../src/store/audit';
import type { HistoryRecord, PostedRecord, StoredFinding } from '../../src/store/types';

const sf = (type: string, category: StoredFinding['category'], severity: StoredFinding['severity']): StoredFinding => ({ type, category, severity, ruleId: `r/${type}`, message: 'm', start: 0, end: 1 });
const record: HistoryRecord = {
  id: 'a', site: 'x', time: Date.UTC(2026, 0, 2, 3, 4), redacted: 'Saw [NAME] on [DATE]', dismissed: false, restorable: true, expires: 0,
  findings: [sf('NAME', 'phi', 'block'), sf('DATE', 'phi', 'block'), sf('PATIENT_ADVICE', 'advice', 'warn')],
  decision: { kind: 'posted-anyway', reason: 'teaching case' }, decidedAt: Date.UTC(2026, 0, 2, 3, 5),
};
const posted: PostedRecord = { id: 'p', site: 'linkedin', time: Date.UTC(2026, 0, 1), text: 'Flu shots today', findings: [], decision: 'clean' };

describe('audit export', () => {
  it('entries carry types, counts, rules, decisions, times and sites, in time order', () => {
    const [p, r] = auditEntries([record], [posted]);
    expect(p).toMatchObject({ kind: 'posted', site: 'linkedin', decision: 'clean', types: [], blocks: 0 });
    expect(r).toEqual({
      time: '2026-01-02T03:04:00.000Z', site: 'x', kind: 'flagged', decision: 'posted-anyway', decidedAt: '2026-01-02T03:05:00.000Z',
      types: ['NAME', 'DATE', 'PATIENT_ADVICE'], rules: ['r/NAME', 'r/DATE', 'r/PATIENT_ADVICE'], blocks: 2, warnings: 1, phi: 2, advice: 1, disclaimer: 0,
    });
  });

  it('neither CSV nor JSON carries draft text or the reason', () => {
    const entries = auditEntries([record], [posted]);
    for (const out of [auditCsv(entries), auditJson(entries, new Date(0))]) {
      expect(out).not.toMatch(/Saw|Flu shots|teaching case|\[NAME\] on/);
    }
  });

  it('CSV: header, one row per entry, CRLF, lists space-joined', () => {
    const csv = auditCsv(auditEntries([record]));
    expect(csv.split('\r\n')).toEqual([
      'time,site,kind,decision,decidedAt,types,rules,blocks,warnings,phi,advice,disclaimer',
      '2026-01-02T03:04:00.000Z,x,flagged,posted-anyway,2026-01-02T03:05:00.000Z,NAME DATE PATIENT_ADVICE,r/NAME r/DATE r/PATIENT_ADVICE,2,1,2,1,0',
      '',
    ]);
  });

  it('CSV: a value that a spreadsheet would run as a formula is neutralised, commas quoted', () => {
    const csv = auditCsv(auditEntries([{ ...record, site: '=HYPERLINK("x")' }, { ...record, site: 'a,b' }]));
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain('"a,b"');
  });
});
