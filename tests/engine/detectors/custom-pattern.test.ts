import { describe, expect, it, vi } from 'vitest';
import { analyze } from '../../../src/engine/analyze';
import { BUDGET_MS, customPatternHealth, MAX_MATCHES, OVERLAP, SEGMENT, segments } from '../../../src/engine/detectors/custom-pattern';
import type { CustomPattern } from '../../../src/engine/types';

const ACCESSION: CustomPattern = { name: 'accession', type: 'MRN', regex: String.raw`\bACC-\d{7}\b`, severity: 'block' };
const BED: CustomPattern = { name: 'bed', type: 'FACILITY', regex: String.raw`\bbed\s+(\d{1,2}[A-D])\b`, flags: 'i', group: 1, score: 0.4, context: { boost: ['ward', 'icu'], suppress: ['hotel'] } };

const custom = (text: string, patterns: readonly CustomPattern[]) =>
  analyze(text, { patterns }).filter((f) => f.ruleId.startsWith('custom-pattern/')).map((f) => ({ type: f.type, text: f.text, severity: f.severity, ruleId: f.ruleId }));

describe('custom-pattern detector', () => {
  it.each([
    // an institution's accession format, blocking as the pack says
    ['Imaging for ACC-1234567 is back.', [ACCESSION], [{ type: 'MRN', text: 'ACC-1234567', severity: 'block', ruleId: 'custom-pattern/accession' }]],
    // capture group: only the bed code is the finding; the ward cue lifts 0.4 over the threshold
    ['Moved to ward 5, bed 12C overnight.', [BED], [{ type: 'FACILITY', text: '12C', severity: 'warn', ruleId: 'custom-pattern/bed' }]],
    // flags: i lets "BED 3a" match too
    ['ICU BED 3A was cleaned.', [BED], [{ type: 'FACILITY', text: '3A', severity: 'warn', ruleId: 'custom-pattern/bed' }]],
    // homoglyph evasion is folded before patterns run (Cyrillic А in ACC)
    ['Result ACC-7654321 pending.'.replace('A', '\u0410'), [ACCESSION], [{ type: 'MRN', text: '\u0410CC-7654321', severity: 'block', ruleId: 'custom-pattern/accession' }]],
  ])('%s', (text, patterns, expected) => {
    expect(custom(text, patterns)).toEqual(expected);
  });

  it.each([
    // no pack patterns: nothing, and no cost
    ['Imaging for ACC-1234567 is back.', []],
    // wrong shape: 6 digits is not the accession format
    ['Imaging for ACC-123456 is back.', [ACCESSION]],
    // base 0.4 with no context cue stays under the threshold
    ['Bed 12C is by the window.', [BED]],
    // a suppress word outweighs: hotel bed, not a hospital bed
    ['Hotel room with bed 12C and a ward view.', [{ ...BED, context: { suppress: ['hotel'] } }]],
    // a regex that fails to compile is skipped, never thrown at the page
    ['ACC-1234567', [{ name: 'broken', type: 'MRN', regex: '(' }]],
    // a disallowed flag (y) is refused
    ['ACC-1234567', [{ ...ACCESSION, flags: 'y' }]],
    // a pattern that matches the empty string yields nothing and does not loop
    ['ACC-1234567', [{ name: 'empty', type: 'MRN', regex: 'x*' }]],
  ])('no finding: %s', (text, patterns) => {
    expect(custom(text, patterns as CustomPattern[])).toEqual([]);
  });

  it('reports its findings under the pack type and honours detectors.custom-pattern off', () => {
    expect(analyze('ACC-1234567', { patterns: [ACCESSION], detectors: { 'custom-pattern': { enabled: false } } }).some((f) => f.ruleId.startsWith('custom-pattern/'))).toBe(false);
  });

  it('caps matches per pattern per draft', () => {
    const text = Array.from({ length: MAX_MATCHES + 50 }, (_, i) => `ACC-${String(1000000 + i)}`).join(' ');
    expect(custom(text, [ACCESSION])).toHaveLength(MAX_MATCHES);
  });

  it('covers a long line in overlapping segments, each at most SEGMENT chars', () => {
    const text = 'a'.repeat(SEGMENT * 3 + 17) + '\nshort\n\nend';
    const segs = segments(text);
    for (const [s, e] of segs) expect(e - s).toBeLessThanOrEqual(SEGMENT);
    for (let i = 1; i < 4; i++) expect(segs[i - 1][1] - segs[i][0]).toBe(i < 4 ? Math.min(OVERLAP, segs[i - 1][1] - segs[i][0]) : 0);
    expect(segs.map(([s, e]) => text.slice(s, e)).slice(-2)).toEqual(['short', 'end']);
    // an identifier that straddles a segment boundary is still found exactly once
    const at = SEGMENT - 5;
    const long = 'x'.repeat(at) + ' ACC-1234567 ' + 'y'.repeat(SEGMENT);
    expect(custom(long, [ACCESSION])).toHaveLength(1);
  });

  it('scans a 100,000-char draft in bounded time (linear regex, capped matches)', () => {
    const text = ('ACC-1234567 and some words about the ward round today. '.repeat(30) + '\n').repeat(60);
    expect(text.length).toBeGreaterThan(99_000);
    const t0 = performance.now();
    // the cap is exact (tested above); on a loaded machine the time budget may stop earlier
    const n = custom(text, [ACCESSION, BED]).length;
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThanOrEqual(MAX_MATCHES);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('benches a pattern that runs out of the time budget twice', () => {
    // Regexes that can backtrack are rejected by src/rules (recheck); this is the second line of
    // defence: a clock that jumps past the budget on every read stands in for a slow regex.
    const slow: CustomPattern = { name: 'slow-one', type: 'MRN', regex: String.raw`\bSLOW-\d+` };
    let now = 0;
    const spy = vi.spyOn(performance, 'now').mockImplementation(() => (now += BUDGET_MS + 1));
    try {
      analyze('SLOW-1 SLOW-2', { patterns: [slow] });
      expect(customPatternHealth([slow])).toEqual([]);
      analyze('SLOW-1 SLOW-2', { patterns: [slow] });
      expect(customPatternHealth([slow, ACCESSION])).toEqual(['slow-one']);
    } finally {
      spy.mockRestore();
    }
    // benched: no longer run, even with a normal clock
    expect(custom('SLOW-1', [slow])).toEqual([]);
  });
});
