// @vitest-environment happy-dom
import { IDBFactory } from 'fake-indexeddb';
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine/analyze';
import type { Finding } from '../../src/engine/types';
import type { Edit } from '../../src/guard/apply-fix';
import { planFixes } from '../../src/guard/fix-plan';
import { highlightSpans } from '../../src/guard/highlights';
import { createHistory } from '../../src/store/history';
import { WarningPanel } from '../../src/ui/warning-panel';

// Synthetic drafts written for these tests (no corpus text): an exact age, a role, a town, a time and a rare disease.
const TOWN = 'A 34-year-old firefighter from Millbrook came in this morning with Erdheim-Chester disease. Long-bone sclerosis on the films.';
const DATED = 'Admitted a 61-year-old farmer from Harlan County on 03/14/2024 with Whipple disease; the biopsy was diagnostic.';

const apply = (text: string, edits: readonly Edit[]) => [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.text + t.slice(e.end), text);
const traceableOf = (fs: readonly Finding[]) => fs.find((f) => f.category === 'traceable')!;

describe('traceable findings in the guard', () => {
  it('the engine reports the case with parts and a generalising suggestion (precondition of the rows below)', () => {
    const t = traceableOf(analyze(TOWN));
    expect(t.type).toBe('TRACEABLE_CASE');
    expect(t.parts!.map((p) => p.kind)).toEqual(expect.arrayContaining(['AGE', 'PLACE', 'TIME', 'RARITY']));
    expect(t.suggestion).toBeDefined();
  });

  it('highlights mark each part in the neutral tone, never the span between them; PHI spans stay as they are', () => {
    const fs = analyze(TOWN);
    const t = traceableOf(fs);
    const spans = highlightSpans(fs);
    const tone = spans.filter((s) => s.tone === 'traceable');
    expect(tone).toHaveLength(t.parts!.length); // one highlight per part
    expect(tone.map((s) => TOWN.slice(s.start, s.end))).toEqual(expect.arrayContaining(['34-year-old', 'Millbrook', 'Erdheim-Chester disease']));
    expect(spans.some((s) => s.start === t.start && s.end === t.end)).toBe(false); // never the whole case span
    const phi = spans.filter((s) => !s.tone);
    expect(phi.map((s) => TOWN.slice(s.start, s.end))).toContain('Millbrook'); // the town is still PHI
    // PHI first: where a part is also PHI, the overlay shows the PHI mark
    expect(spans.findIndex((s) => s.tone)).toBeGreaterThan(spans.findLastIndex((s) => !s.tone));
  });

  it('a traceable finding without parts draws nothing (the panel still lists it)', () => {
    const f: Finding = { category: 'traceable', type: 'TRACEABLE_CASE', severity: 'warn', start: 0, end: 10, text: '', message: 'm', ruleId: 'traceable/c', score: 0.7, explanation: { pattern: 'p', baseScore: 0.7 } };
    expect(highlightSpans([f])).toEqual([]);
  });

  it('Fix all: PHI inside a part gives way to the generalisation (the town goes with its preposition, the time becomes recently)', () => {
    const fs = analyze(TOWN);
    const fixed = apply(TOWN, planFixes(TOWN, fs).edits);
    expect(fixed).toContain('30-something');
    expect(fixed).not.toMatch(/Millbrook|34-year-old|this morning|\[location\]|from\s+(?:came|with)/);
    expect(fixed).toContain('Erdheim-Chester disease'); // the teaching content stays
    expect(fixed).toContain('Long-bone sclerosis on the films.');
    expect(analyze(fixed).filter((f) => f.category === 'traceable' || f.category === 'phi')).toEqual([]);
  });

  it('Fix all: a PHI date that is not a part is still redacted, and the case is generalised around it', () => {
    const fs = analyze(DATED);
    const plan = planFixes(DATED, fs);
    const fixed = apply(DATED, plan.edits);
    expect(fixed).not.toContain('03/14/2024'); // PHI is never left behind by the traceable rewrite
    expect(fixed).not.toMatch(/61-year-old|Harlan/);
    expect(fixed).toContain('60-something');
    expect(fixed).toContain('Whipple disease');
    // edits never overlap (the editor-safe path applies them one by one)
    const sorted = [...plan.edits].sort((a, b) => a.start - b.start);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i].start).toBeGreaterThanOrEqual(sorted[i - 1].end);
  });

  it('an advice rewrite overlapping the case is kept and the rest of the case generalised around it', () => {
    const text = 'AAAA BBBB CCCC DDDD';
    const base = { severity: 'warn' as const, text: '', message: 'm', score: 0.9, explanation: { pattern: 'p', baseScore: 0.9 } };
    const fs: Finding[] = [
      { ...base, category: 'traceable', type: 'TRACEABLE_CASE', ruleId: 'traceable/c', start: 0, end: 19, suggestion: 'whole', parts: [{ start: 0, end: 4, kind: 'TIME' }, { start: 15, end: 19, kind: 'RARITY' }] },
      { ...base, category: 'advice', type: 'ADVICE', ruleId: 'advice/a', start: 5, end: 14, suggestion: 'general' },
    ];
    const fixed = apply(text, planFixes(text, fs).edits);
    expect(fixed).toBe('Recently general DDDD'); // advice kept, the time part generalised, the rare part kept
  });

  it('the panel lists the traceable case beside the PHI with its message and its generalising fix', () => {
    const fs = analyze(TOWN);
    const t = traceableOf(fs);
    const host = document.createElement('div');
    document.body.append(host);
    render(<WarningPanel view={{ findings: fs, canFix: true }} handlers={{ edit() {}, fixAll() {}, postAnyway() {} }} />, host);
    const rows = [...host.querySelectorAll('li')];
    expect(rows.length).toBe(fs.length); // beside the others
    const row = rows.find((r) => r.classList.contains('traceable'))!;
    expect(row.textContent).toMatch(/exact age \+ job or role \+ place \+ time \+ a rare condition/);
    expect(row.textContent).toContain('Fix: generalise to');
    expect(row.querySelector('q')!.textContent).toBe(t.suggestion);
    expect(rows.filter((r) => !r.classList.contains('traceable')).every((r) => r.textContent!.includes('Fix: replace with') || !r.querySelector('q'))).toBe(true);
    render(null, host);
    host.remove();
  });

  it('the review history records the traceable finding (category, type, severity) without the identifying parts in clear', async () => {
    const h = createHistory({ idb: new IDBFactory(), subtle: globalThis.crypto.subtle, now: () => 1_700_000_000_000, retentionMs: () => 3_600_000 });
    const fs = analyze(TOWN);
    await h.flag({ site: 'x', text: TOWN, findings: fs });
    const [rec] = await h.list();
    const t = rec.findings.find((f) => f.category === 'traceable')!;
    expect(t).toMatchObject({ category: 'traceable', type: 'TRACEABLE_CASE', severity: 'warn' });
    expect(rec.redacted).toContain('[AGE]'); // each part hidden as its kind (src/store/redact.ts)
    expect(rec.redacted).toContain('Long-bone sclerosis on the films.'); // the text around the parts stays
    expect(rec.redacted).not.toMatch(/Millbrook|34-year-old|this morning/);
    const mark = rec.redacted.slice(t.start, t.end); // the stored finding's offsets point into the redacted text
    expect(mark).toMatch(/^\[AGE\].*\[RARITY\]$/);
  });
});
