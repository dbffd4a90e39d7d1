import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine/analyze';
import { DETECTORS } from '../../src/engine/registry';
import { BUNDLED_PACK } from '../../src/rules/bundled';
import { runExamples } from '../../src/rules/examples';
import { merge } from '../../src/rules/merge';
import { checkPack } from '../../src/rules/validate';

describe('rules/default-pack.json', () => {
  it('is a valid pack', () => {
    expect(checkPack(BUNDLED_PACK).problems).toEqual([]);
  });

  it('switches on every registered detector it names, and names only registered ones', () => {
    const ids = new Set(DETECTORS.map((d) => d.id));
    for (const id of Object.keys(BUNDLED_PACK.detectors ?? {})) expect(ids.has(id)).toBe(true);
  });

  it('covers Safe Harbor identifiers, advice, disclaimer and clean drafts in its examples', () => {
    const expected = new Set(BUNDLED_PACK.examples!.flatMap((e) => e.expect.map((x) => (typeof x === 'string' ? x : x.type))));
    for (const t of ['NAME', 'DATE', 'MRN', 'PHONE', 'SSN', 'AGE_OVER_89', 'PATIENT_ADVICE', 'MISSING_DISCLAIMER']) expect(expected.has(t)).toBe(true);
    expect(BUNDLED_PACK.examples!.filter((e) => e.expect.length === 0).length).toBeGreaterThanOrEqual(3);
  });

  const results = runExamples(BUNDLED_PACK.examples!, merge([{ source: 'bundled', pack: BUNDLED_PACK }]).analyze, analyze);
  it.each(results.map((r) => [r.index + 1, BUNDLED_PACK.examples![r.index].note ?? '', r] as const))('example %i passes: %s', (_i, _note, r) => {
    expect(r.failures).toEqual([]);
  });
});

describe('runExamples', () => {
  const opts = merge([{ source: 'bundled', pack: BUNDLED_PACK }]).analyze;
  it.each([
    // a missing expectation is a failure
    [{ text: 'Great meeting today.', expect: ['SSN'] }, ['expected SSN, not found']],
    // an unexpected finding fails an exact example
    [{ text: 'Her SSN 219-09-9999 was on file.', expect: [] }, [expect.stringMatching(/^unexpected SSN \(block, ssn\/ssn-labelled\) at 8-19$/)]],
    // exact: false tolerates other findings
    [{ text: 'Her SSN 219-09-9999 was on file.', expect: [], exact: false }, []],
    // the text must be exactly the finding's
    [{ text: 'Her SSN 219-09-9999 was on file.', expect: [{ type: 'SSN', text: '219-09-999' }], exact: false }, ['expected SSN on "219-09-999", not found']],
    // severity is checked too
    [{ text: 'Her SSN 219-09-9999 was on file.', expect: [{ type: 'SSN', severity: 'info' }], exact: false }, ['expected SSN (info), not found']],
  ])('%#', (example, failures) => {
    expect(runExamples([example as never], opts, analyze)[0].failures).toEqual(failures);
  });
});
