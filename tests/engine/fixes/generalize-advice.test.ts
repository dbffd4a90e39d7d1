import { describe, expect, it } from 'vitest';
import { generalizeAdvice } from '../../../src/engine/fixes/generalize-advice';

describe('generalizeAdvice', () => {
  it.each([
    // keeps the medical action, drops the person
    ['@jo you should get that nodule biopsied.', /biopsied|biopsy/],
    // urgent care stays urgent
    ['Take him to the ER right now.', /prompt in-person care/],
    // a drug change goes back to the prescriber
    ['You should stop your metformin.', /metformin.*prescribing doctor/],
    // nothing to keep: a plain general sentence
    ['You should really take that seriously.', /own doctor/],
  ])('rewords %s', (sentence, expected) => {
    const out = generalizeAdvice(sentence);
    expect(out).toMatch(expected);
    expect(out).not.toMatch(/\byou\b|@jo/i);
  });
});
