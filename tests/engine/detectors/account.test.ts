import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/engine/analyze';

const found = (text: string) => analyze(text).filter((f) => f.type === 'ACCOUNT');

describe('account detector', () => {
  it.each([
    // account with dashes
    ['Account 42-771-30958 was sent to collections', '42-771-30958'],
    // acct with hash
    ['statement shows acct #5520-1187-09 twice', '5520-1187-09'],
    // "Patient Account No."
    ['Patient Account No. 7700912344 on the denial letter', '7700912344'],
    // hospital account record
    ['both studies were billed under HAR 3300918821', '3300918821'],
    // financial number of the encounter
    ['her encounter (FIN 6612093381) got merged', '6612093381'],
    // a labelled account shaped like a phone number that cannot exist (leading zeros)
    ['the billing acct 004417-2290 for his CT went to collections', '004417-2290'],
  ])('finds %j', (text, expected) => {
    expect(found(text).map((f) => f.text)).toEqual([expected]);
  });

  it('validates a payment card by Luhn', () => {
    // 4111 1111 1111 1111 is the standard Luhn-valid test number
    const [f] = found('she read out her card 4111 1111 1111 1111 at the desk');
    expect(f.text).toBe('4111 1111 1111 1111');
    expect(f.explanation.validation).toBe('checksum');
    expect(f.severity).toBe('block');
  });

  it.each([
    // CPT code after "billing"
    ['are you all billing CPT 71271 for screening?'],
    // a card-shaped number failing Luhn, no label
    ['order 4111 1111 1111 1112 arrived'],
    // account without a number
    ['I had to take this into account when reading'],
    // dollar amount
    ['a balance of $2,847 for one CT'],
    // the practice's NPI in a billing sentence is a provider identifier, not a patient account
    ["Our group's NPI 1234567893, for the billing folks"],
  ])('ignores %j', (text) => {
    expect(found(text)).toEqual([]);
  });
});
