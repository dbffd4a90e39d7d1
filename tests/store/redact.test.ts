import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/types';
import { redact } from '../../src/store/redact';

type F = Pick<Finding, 'category' | 'type' | 'severity' | 'ruleId' | 'message' | 'start' | 'end' | 'parts'>;
const f = (category: F['category'], type: string, start: number, end: number, parts?: F['parts']): F =>
  ({ category, type, severity: 'block', ruleId: `x/${type}`, message: 'm', start, end, ...(parts ? { parts } : {}) });

const at = (text: string, needle: string) => [text.indexOf(needle), text.indexOf(needle) + needle.length] as const;

describe('redact', () => {
  const rows: { note: string; text: string; spans: [F['category'], string, string][]; out: string }[] = [
    // one name, one date: both become their types
    { note: 'name and date', text: 'Saw Jane Roe on 3/4/2021 today', spans: [['phi', 'NAME', 'Jane Roe'], ['phi', 'DATE', '3/4/2021']], out: 'Saw [NAME] on [DATE] today' },
    // advice is not PHI: its words stay
    { note: 'advice kept', text: 'You should stop metformin', spans: [['advice', 'PATIENT_ADVICE', 'You should stop metformin']], out: 'You should stop metformin' },
    // a span at the very start and end of the draft
    { note: 'edges', text: 'Jane Roe 555-0100', spans: [['phi', 'NAME', 'Jane Roe'], ['phi', 'PHONE', '555-0100']], out: '[NAME] [PHONE]' },
    // no findings: text unchanged
    { note: 'clean', text: 'Hand hygiene matters.', spans: [], out: 'Hand hygiene matters.' },
  ];
  for (const r of rows) {
    it(r.note, () => {
      const findings = r.spans.map(([c, t, s]) => f(c, t, ...at(r.text, s)));
      const red = redact(r.text, findings);
      expect(red.text).toBe(r.out);
      // every PHI finding now covers exactly its placeholder
      red.findings.forEach((x, i) => { if (findings[i].category === 'phi') expect(red.text.slice(x.start, x.end)).toBe(`[${x.type}]`); });
    });
  }

  it('overlapping PHI spans merge into one placeholder and nothing leaks', () => {
    const text = 'MRN 12345678 for Jane';
    const red = redact(text, [f('phi', 'MRN', 0, 12), f('phi', 'ACCOUNT', 4, 12), f('phi', 'NAME', 17, 21)]);
    expect(red.text).toBe('[MRN] for [NAME]');
    expect(red.text).not.toMatch(/\d/);
  });

  it('a non-PHI finding around a PHI span moves with the shifts', () => {
    const text = 'Tell Jane Roe to double her dose.';
    const red = redact(text, [f('phi', 'NAME', 5, 13), f('advice', 'PATIENT_ADVICE', 0, 33)]);
    expect(red.text).toBe('Tell [NAME] to double her dose.');
    expect(red.findings[1]).toMatchObject({ start: 0, end: red.text.length });
  });

  it('a traceable case is hidden by its parts', () => {
    const text = 'A 34-year-old pilot from Smallville';
    const red = redact(text, [f('traceable', 'TRACEABLE_CASE', 0, text.length, [
      { ...{ start: 2, end: 13 }, kind: 'age' }, { start: 14, end: 19, kind: 'role' }, { start: 25, end: 35, kind: 'place' }])]);
    expect(red.text).toBe('A [AGE] [ROLE] from [PLACE]');
  });
});
