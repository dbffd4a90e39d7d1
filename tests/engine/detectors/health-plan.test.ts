import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/engine/analyze';

const found = (text: string) => analyze(text).filter((f) => f.type === 'HEALTH_PLAN');

describe('health-plan detector', () => {
  it.each([
    // member ID label, letter prefix
    ['PET denied again, member ID QRT550912837, third appeal', 'QRT550912837'],
    // payer name then the ID
    ['Ins: Cigna U4471902215 per the face sheet', 'U4471902215'],
    // spaced groups after a payer label
    ['Her BCBS ID JKL 30917 4420 keeps bouncing', 'JKL 30917 4420'],
    // Medicaid ID with dashes
    ['medicaid id 44-0192-7781 on the auth form', '44-0192-7781'],
    // policy number
    ['policy # 88213-0047 was terminated last month', '88213-0047'],
  ])('finds %j', (text, expected) => {
    expect(found(text).map((f) => f.text)).toEqual([expected]);
  });

  it('validates a Medicare MBI by its format and blocks it', () => {
    const [f] = found('claim rejected for MBI 5KP9-RT2-WM44 twice');
    expect(f.text).toBe('5KP9-RT2-WM44');
    expect(f.explanation.validation).toBe('checksum');
    expect(f.severity).toBe('block');
  });

  it.each([
    // a member of a committee, no number
    ['As a member of the ACR committee I voted yes'],
    // imaging spend per member: a figure, not an ID
    ['Imaging spend per member was about 8% of total cost'],
    // an MBI-like string with a forbidden letter (S) and no label
    ['Part 5SP9RT2WM44 shipped today'],
  ])('ignores %j', (text) => {
    expect(found(text)).toEqual([]);
  });
});
