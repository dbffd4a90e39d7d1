import { describe, expect, it } from 'vitest';
import eponyms from '../../rules/eponyms.json';
import { analyze } from '../../src/engine/analyze';

/**
 * Every entry of rules/eponyms.json, in its medical use, inside a sentence with strong patient
 * context (the context that makes a real name a blocking NAME): no NAME finding may come out.
 */
const names = (text: string) => analyze(text).filter((f) => f.type === 'NAME').map((f) => f.text);

const inCase = (term: string) => `My patient, a 67-year-old man, was admitted yesterday with ${term}; his wife was at the bedside.`;
const possessive = (term: string) => {
  // Baker cyst -> Baker's cyst, Wilms tumor -> Wilms' tumor (the form most drafts use)
  const m = /^(.*?\p{Lu}[\p{L}-]*)(\s+\p{Ll}.*)$/u.exec(term);
  if (!m || /'/.test(term)) return undefined;
  return m[1].endsWith('s') ? `${m[1]}'${m[2]}` : `${m[1]}'s${m[2]}`;
};

describe('rules/eponyms.json', () => {
  it('has a few hundred unique entries', () => {
    expect(eponyms.terms.length).toBeGreaterThan(300);
    expect(new Set(eponyms.terms).size).toBe(eponyms.terms.length);
    expect(new Set(eponyms.alone).size).toBe(eponyms.alone.length);
  });

  it.each(eponyms.terms)('%s is not a name in a patient sentence', (term) => {
    expect(names(inCase(term))).toEqual([]);
  });

  it.each(eponyms.terms.map(possessive).filter((t): t is string => !!t))('possessive %s is not a name', (term) => {
    expect(names(inCase(term))).toEqual([]);
  });

  it.each(eponyms.alone)('%s on its own (and %s\'s) is not a name', (name) => {
    expect(names(inCase(name))).toEqual([]);
    expect(names(`Pt presented with known ${name}'s, admitted for a flare.`)).toEqual([]);
  });

  it.each(eponyms.phrases)('%s is not a name', (phrase) => {
    expect(names(inCase(`a lesion near the ${phrase}`))).toEqual([]);
  });

  it.each([
    // a surname eponym after an honorific is a name again
    ['Mr. Smith, 71, was admitted with a Smith fracture', ['Smith']],
    // so is a patient cue with an honorific
    ['My patient Mrs. Graves has Graves disease', ['Graves']],
    // a given name's possessive before a disease is the patient's, not an eponym
    ['My patient Ava has a tumor; Ava\'s tumor shrank on the last MRI', ['Ava', 'Ava']],
  ])('still finds the person in %s', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });
});
