import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/engine/analyze';

const found = (text: string) => analyze(text).filter((f) => f.type === 'PHONE');

describe('phone detector', () => {
  it.each([
    // a relative's cell, parentheses
    ["I called her son's cell, (207) 555-0134, twice", '(207) 555-0134'],
    // dotted, "callback"
    ['Pt left a message, callback 415.555.0187, re her results', '415.555.0187'],
    // +1 and spaces, "calling from"
    ['her husband keeps calling from +1 312 555 0166 about the scan', '+1 312 555 0166'],
    // "on file"
    ['The number on file, 646-555-0121, is disconnected', '646-555-0121'],
    // a named person reached at a number
    ['I called Mrs. Ortiz (MRI order pending) at 503-555-0199 again', '503-555-0199'],
    // evasion: digits spread out
    ['text her cell 2 0 7 5 5 5 0 1 3 4 tonight', '2 0 7 5 5 5 0 1 3 4'],
    // evasion: a line break inside the number
    ['her mobile is 207-555-\n0134', '207-555-\n0134'],
    // evasion: a line break inside the number, an inflected call verb before it
    ["he keeps texting us, I'm not calling him back at 608-555-\n0172", '608-555-\n0172'],
    // a fictional 555 exchange that fails NANP validation, but clearly her number
    ['ring her daughter on (555) 013-7781 before the biopsy', '(555) 013-7781'],
    // a UK mobile in E.164 with a 6-digit last group
    ['his mobile is +44 7700 900456, he lives abroad', '+44 7700 900456'],
    // UK national 3-4-4 grouping after a relative cue
    ['I rang his wife at 020 7946 0321 about the CT', '020 7946 0321'],
    // a number read out in words, with commas between the groups
    ['his cell is two oh six, five five five, zero one nine three', 'two oh six, five five five, zero one nine three'],
    // words and digits mixed to get past a filter
    ['her mom wrote her phone as 6one7 five5five oh1 two 3', '6one7 five5five oh1 two 3'],
    // a 7-digit local number after a relative cue
    ['if you find him please ring his son at 555-0193 tonight', '555-0193'],
  ])('finds %j', (text, expected) => {
    expect(found(text).map((f) => f.text)).toEqual([expected]);
  });

  it('blocks a number tied to the patient', () => {
    expect(found("Her daughter's cell is 617-555-0142")[0].severity).toBe('block');
  });

  it.each([
    // practice number in a job post
    ['Hiring a mammo tech! Call the office at 208-555-0110 and ask for Pam.'],
    // department scheduling line
    ['Call our scheduling line at (470) 555-0100 to book a screening.'],
    // a public hotline and a toll-free number
    ['Poison Control: 1-800-222-1222. Save it tonight.'],
    // program line with eligibility
    ["Our screening program line is 216-555-0170 if you want to check eligibility."],
    // a fax number belongs to the fax detector
    ['fax her results to 541-555-0190 please'],
    // an SSN shape, a date, an IP, an ISBN
    ['SSN 219-09-9999, seen 03/14/2024, from 73.162.44.201, ISBN 978-0-12-345678-9'],
    // invalid area code (starts with 1)
    ['ref 155-555-0123 in the log'],
    // an unlabelled grouped number in a case is not a phone
    ['her accession 555 0143 2290 was mislabelled'],
    // a grouped number with no contact word
    ['her counts were 120 450 330 and climbing'],
    // counting aloud is not a number
    ['the toddler counted one two three four five six seven eight on the table'],
    // a 7-digit local number with no person's cue
    ['the cafeteria extension is 555-0110 if you are hungry'],
    // a dose range after his
    ['his dose went from 250-1000 mg over the week'],
    // a recruiter's number in a job post
    ['Now hiring two neuroradiologists; call our recruiter Pat Lee at 303-555-0188'],
  ])('ignores %j', (text) => {
    expect(found(text)).toEqual([]);
  });
});
