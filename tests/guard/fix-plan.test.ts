import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/types';
import { planFixes } from '../../src/guard/fix-plan';
import type { Edit } from '../../src/guard/apply-fix';

const f = (category: Finding['category'], start: number, end: number, suggestion?: string): Finding => ({
  category, type: category.toUpperCase(), severity: 'warn', start, end, text: '', message: 'm', ruleId: 'r/p', suggestion, score: 0.9, explanation: { pattern: 'p', baseScore: 0.9 },
});
const apply = (text: string, edits: readonly Edit[]) => [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.text + t.slice(e.end), text);

describe('planFixes', () => {
  it('a missing disclaimer is appended at the end, never replacing the draft it spans', () => {
    const text = 'Statins are underused in younger adults.';
    const plan = planFixes(text, [f('disclaimer', 0, text.length, 'Views my own.')], { site: 'reddit' });
    expect(plan.edits).toHaveLength(1);
    expect(plan.edits[0].start).toBe(text.length);
    expect(plan.edits[0].end).toBe(text.length);
    const fixed = apply(text, plan.edits);
    expect(fixed.startsWith(text)).toBe(true); // the draft is kept
    expect(fixed).toMatch(/\n\nViews are my own/); // blank line before it where it fits
  });

  it("the user's own disclaimer text is used", () => {
    const text = 'Statins are underused.';
    const plan = planFixes(text, [f('disclaimer', 0, text.length)], { site: 'reddit', disclaimer: { text: 'Personal views only.' } });
    expect(apply(text, plan.edits)).toBe('Statins are underused.\n\nPersonal views only.');
  });

  it("on X a shorter disclaimer is picked to fit 280 characters after the other fixes", () => {
    const text = `${'a'.repeat(150)} SSN 219-09-9999.`;
    const plan = planFixes(text, [f('phi', 155, 166, '[ssn]'), f('disclaimer', 0, text.length)], { site: 'x' });
    const fixed = apply(text, plan.edits);
    expect(fixed).toContain('[ssn]');
    expect(fixed.length).toBeLessThanOrEqual(280);
    expect(fixed.length).toBeGreaterThan(text.length); // a disclaimer went in
  });

  it('when no disclaimer can fit, the other fixes stay and a note says why', () => {
    const text = `${'a'.repeat(275)} 219-09-9999`;
    const plan = planFixes(text, [f('phi', 276, 287, '[ssn]'), f('disclaimer', 0, text.length)], { site: 'x' });
    expect(plan.edits).toEqual([{ start: 276, end: 287, text: '[ssn]' }]);
    expect(plan.notes[0]).toMatch(/280-character limit/);
  });

  it('advice: the sentence is replaced by the general wording; identifiers inside it go with it', () => {
    const text = 'Nice to meet you. Ann, stop the metformin now. Bye.';
    const plan = planFixes(text, [f('phi', 18, 21, '[name]'), f('advice', 18, 46, 'In general, ask your own doctor.')]);
    expect(plan.edits).toEqual([{ start: 18, end: 46, text: 'In general, ask your own doctor.' }]);
  });

  it('redactions outside the advice sentence still apply, in order', () => {
    const text = 'Ann came in. Stop the metformin now.';
    const plan = planFixes(text, [f('advice', 13, 36, 'In general, ask.'), f('phi', 0, 3, '[name]')]);
    expect(apply(text, plan.edits)).toBe('[name] came in. In general, ask.');
  });

  it('findings without a suggestion are left for the user', () => {
    expect(planFixes('x', [f('traceable', 0, 1)]).edits).toEqual([]);
  });
});
