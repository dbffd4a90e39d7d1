import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/engine/analyze';

const ages = (text: string) => analyze(text).filter((f) => f.type === 'AGE_OVER_89').map((f) => f.text);

describe('age-over-89 detector', () => {
  it.each([
    // hyphenated year-old
    ['CT on a 94-year-old woman with a hip fracture', '94-year-old'],
    // yo with sex
    ['91 yo M, fall from standing, no bleed', '91 yo'],
    // y/o
    ['108 y/o F with a perforated ulcer', '108 y/o'],
    // "aged"
    ['a retired teacher aged 99 with new confusion', '99'],
    // "turned"
    ['She turned 101 last week and came in for her mammogram', '101'],
    // "he's"
    ['Scanned Mr. Polk today, he is 95 and sharper than me', '95'],
    // name, age, (patient list style)
    ['Please call Mrs. Ferris, 96, about her MRI results', '96'],
    // spelled out
    ['A ninety-seven-year-old man with a perforated viscus', 'ninety-seven-year-old'],
    // birth year implying over 89
    ['Born in 1921 and she still drives herself to the clinic', '1921'],
    // a two-digit birth year quoted by the patient (1929 in 2026)
    ['"I was born in \'29, young man, a broken wrist will not stop me"', "'29"],
    // the age word with the person doing something, any determiner
    ['Had a centenarian tell me her secret is a daily walk', 'centenarian'],
    // a spelled age set off by commas after "patient"
    ['My favorite patient, a hundred and one, asked me to dance', 'a hundred and one'],
    // part of a decade over 89 narrows the age of one person
    ['A man in his mid-nineties came in with a broken hip', 'mid-nineties'],
    // a patient's grandmother in a case keeps her age
    ['Scanned a 40-year-old woman whose grandmother turned 97 last week, family history of aneurysm', '97'],
    // "years young" is an age
    ['Scanned a lovely 98 years young lady for a hip fracture', '98 years young'],
    // a person noun, then is/was and the age
    ['Rechecked the chest film. The patient is 93 and refused the CT.', '93'],
    // the word that is the age, one person, in a case
    ['Our centenarian from the nursing home was admitted with a hip fracture.', 'centenarian'],
  ])('finds %s', (text, expected) => {
    expect(ages(text)).toEqual([expected]);
  });

  it.each([
    // 89 and under is not PHI
    ['An 89-year-old man with a fall and a 45-year-old woman with headache'],
    // percentages, HU, doses, speeds
    ['Sensitivity was 95 percent; the lesion measured HU of 95; give 95 mg'],
    // a fever in Fahrenheit is not a sex marker
    ['Patient febrile with temp 101 F overnight'],
    // a decade is the aggregated "90 or older" category
    ['She is in her 90s and lives alone'],
    // a birth year that does not imply over 89
    ['Born in 1961, she had her first mammogram at 40'],
    // a count of patients
    ['We scanned 95 patients at the screening event'],
    // the plural in general teaching
    ['Nonagenarians tolerate TAVR well in most registries.'],
    // a percentage after is
    ['The patient is 95% sure she had the vaccine.'],
    // a two-digit year that is recent ('19) is a young person, not an age over 89
    ["She was born in '19 and is already reading."],
    // the decade shorthand ('20s) is not a birth year
    ["Born in the '20s? We cannot tell from the chart."],
    // a count of patients set off by commas is not an age
    ['We saw more patients, 95, than any day this year'],
    // the author's own grandmother, no patient in the draft
    ['My grandma turned 97 and still beats me at cards.'],
    // the late 90s as an era, not a person's age
    ['In the late 90s we still read everything on film.'],
        // the word for a group of people in general, not one patient
    ['A nonagenarian cohort needs different dosing rules.'],
  ])('ignores %s', (text) => {
    expect(ages(text)).toEqual([]);
  });

  it('finds an age written with full-width digits', () => {
    const draft = 'CT on a ９２-year-old man';
    const [f] = analyze(draft).filter((x) => x.type === 'AGE_OVER_89');
    expect(draft.slice(f.start, f.end)).toBe('９２-year-old');
  });
});
