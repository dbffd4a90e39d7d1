import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/engine/analyze';
import { sentenceFeatures } from '../../../src/engine/detectors/advice';

const advice = (text: string) => analyze(text).filter((f) => f.category === 'advice');

describe('advice detector', () => {
  it.each([
    // second-person modal with a drug
    ['@jo_runs you should stop your metformin before the scan.', '@jo_runs you should stop your metformin before the scan.'],
    // offer to read a follower's own imaging
    ['Send me your CT and I will tell you if it is a hernia.', 'Send me your CT and I will tell you if it is a hernia.'],
    // counterfactual "if I were you"
    ['If I were you I would get that lump biopsied.', 'If I were you I would get that lump biopsied.'],
    // interpretation of a follower's own finding plus a push for surgery
    ['@paddler22 that sounds like a labral tear. Ask for a surgical consult.', '@paddler22 that sounds like a labral tear.'],
    // "need to" is not #Modal in compromise 14: our own rule
    ['Your dad needs to get a repeat ultrasound this month.', 'Your dad needs to get a repeat ultrasound this month.'],
    // imperative after a conditional clause, about a follower's child
    ['@sam.k if your daughter is still limping tomorrow, take her to urgent care.', '@sam.k if your daughter is still limping tomorrow, take her to urgent care.'],
    // sentence-initial imperative with a dose, in a reply (compromise may not tag it #Imperative)
    ['Saw your post about the sprain. Take 400 mg ibuprofen three times a day and rest it.', 'Take 400 mg ibuprofen three times a day and rest it.'],
    // reassurance that interprets someone's own report is still advice
    ['The "small hepatic cyst" on your ultrasound is nothing; you do not need the MRI.', 'The "small hepatic cyst" on your ultrasound is nothing; you do not need the MRI.'],
  ])('flags %s', (text, sentence) => {
    const found = advice(text);
    expect(found.map((f) => f.text)).toContain(sentence);
    const f = found.find((x) => x.text === sentence)!;
    expect(f.type).toBe('PATIENT_ADVICE');
    expect(f.severity).toBe('warn');
    expect(f.message.length).toBeGreaterThan(20);
    expect(f.suggestion).toMatch(/^In general/);
  });

  it.each([
    // general education to a population
    ['Patients with new headaches should discuss imaging with their doctor.'],
    // PSA with a population conditional
    ['PSA: if you are over 45, you should ask about colon cancer screening.'],
    // the author's own experience
    ['I had my own knee MRI last year and skipped the surgery; PT worked for me.'],
    // technique tip to colleagues
    ['Residents: on every trauma CT, scroll the sagittal recon in bone windows.'],
    // a question to colleagues, without a question mark
    ['Do you all still biopsy every TI-RADS 4 nodule over 1.5 cm'],
    // non-medical advice to a follower
    ['@newdoc_amy negotiate the contract before you sign it.'],
    // declines to interpret and defers to the reader's own doctor
    ['I cannot interpret your images here. Talk to your own doctor about what the report means for you.'],
    // a deferral alone is what we want people to write
    ['Everyone is different, so talk to your doctor about screening.'],
  ])('does not flag %s', (text) => {
    expect(advice(text)).toEqual([]);
  });

  it('spans the advice sentence only, in original offsets through zero-width characters', () => {
    const draft = 'Great question. @li\u200Bsa you should get an MRI of that knee.';
    const [f] = advice(draft);
    expect(f).toBeDefined();
    expect(draft.slice(f.start, f.end)).toBe('@li\u200Bsa you should get an MRI of that knee.');
  });

  it('is not cancelled by a disclaimer', () => {
    expect(advice('Not medical advice, but your mom needs a head CT today.')).toHaveLength(1);
  });

  it('caches features per sentence (the same object on re-analysis)', () => {
    const s = 'You need to go to the ER tonight.';
    expect(sentenceFeatures(s)).toBe(sentenceFeatures(s));
    expect(sentenceFeatures(s).directive).toBe('you-modal');
  });

  it('treats a question without a question mark as a question', () => {
    expect(sentenceFeatures('Should we still recommend a follow-up CT for these').question).toBe(true);
    expect(sentenceFeatures('Go see your doctor.').question).toBe(false);
  });

  it('tags sentence-initial imperatives such as "Go see your doctor" and "Take 500 mg twice daily"', () => {
    expect(sentenceFeatures('Take 500 mg twice daily.').directive).toBe('imperative');
    expect(sentenceFeatures('Go see your doctor about the rash.').directive).toBe('imperative');
    expect(sentenceFeatures('We take 500 mg twice daily in the trial.').directive).toBe('');
  });
});
