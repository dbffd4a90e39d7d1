import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/engine/analyze';

const found = (text: string) => analyze(text).filter((f) => f.type === 'LICENSE');

describe('license detector', () => {
  it.each([
    // DL with hash
    ['trauma sheet had DL# K220-5518-9041 on it', 'K220-5518-9041'],
    // "license no."
    ['his CDL, license no. T7712-30981-44, was in the truck', 'T7712-30981-44'],
    // a professional licence of the patient, prefix kept
    ['the patient was our own nurse, license number, RN 552910', 'RN 552910'],
    // pilot certificate
    ['a bush pilot, certificate #4418120, needs clearance', '4418120'],
    // unlabelled but with a DL word nearby
    ['only a Florida DL in his sock: F552-118-42-909-1', 'F552-118-42-909-1'],
  ])('finds %j', (text, expected) => {
    expect(found(text).map((f) => f.text)).toEqual([expected]);
  });

  it('blocks a labelled licence number', () => {
    expect(found('DL 30918827 per EMS')[0].severity).toBe('block');
  });

  it.each([
    // a physician's NPI in a professional post
    ['My NPI 1234567893 is on the referral form'],
    // licence in the abstract
    ['State license renewal is due next month'],
    // licence with a year only
    ['licensed since 2009'],
  ])('ignores %j', (text) => {
    expect(found(text)).toEqual([]);
  });
});
