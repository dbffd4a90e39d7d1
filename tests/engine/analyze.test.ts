import { describe, expect, it } from 'vitest';
import { analyze, DEFAULT_THRESHOLD } from '../../src/engine/analyze';
import type { AnalyzeOptions, Finding } from '../../src/engine/types';

// Only the SSN detector is finished; the others are being written, so every assertion here
// looks at SSN findings, deny-list findings or engine-wide invariants, never at other types.
const ssn = (text: string, options?: AnalyzeOptions) => analyze(text, options).filter((f) => f.ruleId.startsWith('ssn/'));
const deny = (text: string, options: AnalyzeOptions) => analyze(text, options).filter((f) => f.ruleId === 'deny-list/deny-list');

describe('analyze: inputs', () => {
  it.each([
    // empty draft
    [''],
    // not a string (a caller bug must not throw)
    [undefined as unknown as string],
  ])('returns no findings for %j', (draft) => {
    expect(analyze(draft)).toEqual([]);
  });

  it('returns a finding with original text, offsets, a rule id and a message without the value', () => {
    const draft = 'Her SSN is 219-09-9999, per the intake form.';
    const [f] = ssn(draft);
    expect(f).toMatchObject({ category: 'phi', type: 'SSN', start: 11, end: 22, text: '219-09-9999' });
    expect(f.ruleId).toMatch(/^ssn\/ssn-/);
    expect(f.message).not.toContain('219');
    expect(f.suggestion).toBe('[ssn]');
    expect(f.explanation.context?.join(' ')).toContain('ssn');
  });
});

describe('analyze: context, threshold and severity', () => {
  it.each([
    // a bare delimited SSN scores its base score: above the default threshold, a warning
    ['it read 219-09-9999 there', 0.55, 'warn'],
    // a patient cue ("SSN") boosts it to a confident block
    ['SSN 219-09-9999 noted', 1, 'block'],
  ])('scores %j', (draft, score, severity) => {
    const [f] = ssn(draft);
    expect(f.score).toBe(score);
    expect(f.severity).toBe(severity);
  });

  it('drops a candidate when a professional cue lowers it under the threshold', () => {
    // 0.55 - 0.4 for "call"
    expect(ssn('call 219-09-9999 today')).toEqual([]);
  });

  it('honours the threshold option', () => {
    const draft = 'it read 219-09-9999 there';
    expect(DEFAULT_THRESHOLD).toBe(0.5);
    expect(ssn(draft, { threshold: 0.6 })).toEqual([]);
    expect(ssn(draft, { threshold: 0.55 })).toHaveLength(1);
    // a threshold of 0 still needs a non-empty span and never reports a suppressed one twice
    expect(ssn('call 219-09-9999 today', { threshold: 0 })).toHaveLength(1);
  });

  it('switches a detector off by id', () => {
    expect(ssn('SSN 219-09-9999', { detectors: { ssn: { enabled: false } } })).toEqual([]);
    // other ids do not affect it
    expect(ssn('SSN 219-09-9999', { detectors: { phone: { enabled: false } } })).toHaveLength(1);
  });

  it.each([
    // the user lowers a blocking SSN to information
    ['info'],
    // or raises a bare one to block
    ['block'],
  ] as const)('overrides the severity to %s', (severity) => {
    for (const draft of ['SSN 219-09-9999', 'it read 219-09-9999 there']) {
      expect(ssn(draft, { detectors: { ssn: { severity } } })[0].severity).toBe(severity);
    }
  });
});

describe('analyze: allow and deny lists', () => {
  it('drops a PHI finding inside an allowed string, case-insensitively', () => {
    expect(ssn('SSN 219-09-9999 noted', { allow: ['ssn 219-09-9999'] })).toEqual([]);
    expect(ssn('SSN 219-09-9999 noted', { allow: ['219-09-9999'] })).toEqual([]);
  });

  it('keeps a finding that is only partly covered by an allowed string', () => {
    expect(ssn('SSN 219-09-9999 noted', { allow: ['219-09'] })).toHaveLength(1);
    // blank entries are ignored
    expect(ssn('SSN 219-09-9999 noted', { allow: ['', '   '] })).toHaveLength(1);
  });

  it('reports every whole-word occurrence of a denied string, with its type and severity', () => {
    const draft = 'Back on North Ward 7 today. north ward 7 again; North Ward 77 is different.';
    const found = deny(draft, { deny: [{ text: 'North Ward 7', type: 'FACILITY', severity: 'block' }] });
    expect(found.map((f) => [f.text, f.type, f.severity, f.score])).toEqual([
      ['North Ward 7', 'FACILITY', 'block', 1],
      ['north ward 7', 'FACILITY', 'block', 1],
    ]);
    for (const f of found) expect(draft.slice(f.start, f.end)).toBe(f.text);
  });

  it('gives a denied string without a severity the default severity of its type', () => {
    // FACILITY is not a standalone identifier: warn; MRN is: block
    expect(deny('on 5 East', { deny: [{ text: '5 east', type: 'FACILITY' }] })[0].severity).toBe('warn');
    expect(deny('ref AB-77', { deny: [{ text: 'ab-77', type: 'MRN' }] })[0].severity).toBe('block');
  });

  it('lets the allow list win over nothing but PHI: an allowed denied string is dropped', () => {
    expect(deny('on 5 East', { deny: [{ text: '5 East', type: 'FACILITY' }], allow: ['5 east'] })).toEqual([]);
  });
});

describe('analyze: overlap removal and order', () => {
  it('keeps the higher score when two PHI spans overlap', () => {
    // the deny entry scores 1, the bare SSN 0.55: only the deny finding stays
    const draft = 'it read 219-09-9999 there';
    const at = draft.indexOf('219');
    const found = analyze(draft, { deny: [{ text: '219-09-9999', type: 'ACCOUNT' }] });
    const here = found.filter((f) => f.start < at + 11 && f.end > at);
    expect(here.map((f) => [f.ruleId, f.type])).toEqual([['deny-list/deny-list', 'ACCOUNT']]);
  });

  it('keeps the longer span when overlapping scores tie', () => {
    const found = deny('moved to North Ward 7 today', {
      deny: [{ text: 'North Ward', type: 'FACILITY' }, { text: 'North Ward 7', type: 'FACILITY' }, { text: 'Ward 7', type: 'FACILITY' }],
    });
    expect(found.map((f) => f.text)).toEqual(['North Ward 7']);
  });

  it('returns findings sorted by start, then end', () => {
    const draft = 'SSN 219-09-9999, ward Bay 3, SSN 078-05-1120 and Bay 3 again, SSN 123-45-6780';
    const found: Finding[] = analyze(draft, { deny: [{ text: 'Bay 3', type: 'FACILITY' }] });
    expect(found.length).toBeGreaterThanOrEqual(5);
    for (let i = 1; i < found.length; i++) {
      const [a, b] = [found[i - 1], found[i]];
      expect(a.start < b.start || (a.start === b.start && a.end <= b.end)).toBe(true);
    }
    expect(ssn(draft).map((f) => f.text)).toEqual(['219-09-9999', '078-05-1120', '123-45-6780']);
  });
});

describe('analyze: evasion end to end (SSN)', () => {
  it.each([
    // zero-width characters between the digits
    ['SSN 2\u200B1\u200B9-0\u200C9-9\u200D999', '2\u200B1\u200B9-0\u200C9-9\u200D999'],
    // full-width digits
    ['SSN \uFF12\uFF11\uFF19-\uFF10\uFF19-\uFF19\uFF19\uFF19\uFF19', '\uFF12\uFF11\uFF19-\uFF10\uFF19-\uFF19\uFF19\uFF19\uFF19'],
    // en dashes instead of hyphens
    ['SSN 219\u201309\u20139999', '219\u201309\u20139999'],
    // no-break spaces as separators
    ['SSN 219\u00A009\u00A09999', '219\u00A009\u00A09999'],
    // the label in Cyrillic look-alikes (Ѕ is U+0405)
    ['\u0405\u0405N: 219099999', '219099999'],
    // astral emoji before the number shift every offset by two code units
    ['\u{1F9D1}\u200D\u2695\uFE0F\u{1F600} SSN 219-09-9999 \u{1F600}', '219-09-9999'],
    // mathematical bold digits (astral, folded by NFKC)
    ['SSN \u{1D7D0}\u{1D7CF}\u{1D7D7}-\u{1D7CE}\u{1D7D7}-\u{1D7D7}\u{1D7D7}\u{1D7D7}\u{1D7D7}', '\u{1D7D0}\u{1D7CF}\u{1D7D7}-\u{1D7CE}\u{1D7D7}-\u{1D7D7}\u{1D7D7}\u{1D7D7}\u{1D7D7}'],
  ])('finds and blocks %j on the original characters', (draft, original) => {
    const found = ssn(draft);
    expect(found.map((f) => f.text)).toEqual([original]);
    const [f] = found;
    expect(draft.slice(f.start, f.end)).toBe(original);
    expect(f.severity).toBe('block');
  });

  it('gives the same result for the same draft twice (caches change nothing)', () => {
    const draft = 'Dr. Lee: SSN 219-09-9999.\nPt J.D. seen today. Call back.';
    expect(analyze(draft)).toEqual(analyze(draft));
  });
});
