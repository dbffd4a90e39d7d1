import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/engine/analyze';

const found = (text: string) => analyze(text).filter((f) => f.type === 'FAX');

describe('fax detector', () => {
  it.each([
    // home fax of the patient
    ['he wants results sent to his home fax, 919-555-0148, only', '919-555-0148'],
    // employer's HR fax
    ["the report went to her employer's HR fax, 773-555-0162, by mistake", '773-555-0162'],
    // faxed to the company's office
    ["we faxed it to the company's safety office at (262) 555-0139", '(262) 555-0139'],
    // "(fax)" after the number
    ['nursing home contact 503-555-0177 (fax), Attn: charge nurse', '503-555-0177'],
    // preferred contact labelled fax
    ['Preferred contact: fax 317-555-0150 (employer)', '317-555-0150'],
    // an exchange starting with 0 is not valid NANP, but the label makes it her fax
    ["her son wanted the CT report on his home fax, (555) 019-4470, tonight", '(555) 019-4470'],
  ])('finds %j', (text, expected) => {
    expect(found(text).map((f) => f.text)).toEqual([expected]);
  });

  it('blocks a patient fax', () => {
    expect(found('reply to patient fax 541-555-0186')[0].severity).toBe('block');
  });

  it.each([
    // the practice's own fax line
    ['Referring offices: please fax orders to our department line (919-555-0110).'],
    // a phone number in a sentence that mentions fax earlier, with a voice word in between
    ['We stopped faxing; call her cell 404-555-0123 instead'],
    // fax without a number
    ['Do other groups still fax results to patients?'],
  ])('ignores %j', (text) => {
    expect(found(text)).toEqual([]);
  });
});
