import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/engine/analyze';

const ssns = (text: string) => analyze(text).filter((f) => f.type === 'SSN').map((f) => f.text);

describe('ssn detector', () => {
  it.each([
    // delimited with a label
    ['Her SSN 219-09-9999 was on the requisition', '219-09-9999'],
    // spaces instead of dashes, label after
    ['wrote 219 09 9999 as her social security number', '219 09 9999'],
    // labelled without separators
    ['SSN: 219099999 on the form', '219099999'],
    // the SSA's advertising example still counts when someone labels it an SSN
    ['screenshot shows SSN 123 45 6789 in the header', '123 45 6789'],
    // evasion: spread digits
    ['pt ssn 2 1 9 0 9 9 9 9 9', '2 1 9 0 9 9 9 9 9'],
    // unlabelled, spaced, on a registration requisition
    ['Registration keyed his card wrong, so 412 55 9083 ended up on the requisition', '412 55 9083'],
    // unlabelled on a fax cover sheet under her name
    ['the fax cover sheet had 219 09 9991 printed right under her name', '219 09 9991'],
    // the label starts the clause, the number comes seven words later
    ["the SSN typed into the new order didn't match the chart: 318-52-7741", '318-52-7741'],
  ])('finds %s', (text, expected) => {
    expect(ssns(text)).toEqual([expected]);
  });

  it.each([
    // phone number shape
    ['call 555-123-4567 to book'],
    // invalid area 000 and 666
    ['SSN 000-12-3456 is a test value', ],
    ['SSN 666-12-3456 is never issued'],
    // the advertising example alone is noise
    ['format is 123-45-6789 in the template'],
    // a date range and a lab value
    ['seen 2019-2021, Hb 12.3'],
    // ISBN-like number
    ['ISBN 978-0-12-345678-9'],
    // the same shape given as a number to call
    ['call 412 55 9083 for the vendor'],
  ])('ignores %s', (text) => {
    expect(ssns(text)).toEqual([]);
  });

  it('blocks a labelled SSN and points at the original characters through zero-width spaces', () => {
    const draft = 'SSN 219\u200B-09-9999';
    const [f] = analyze(draft).filter((x) => x.type === 'SSN');
    expect(f.severity).toBe('block');
    expect(draft.slice(f.start, f.end)).toBe('219\u200B-09-9999');
  });
});
