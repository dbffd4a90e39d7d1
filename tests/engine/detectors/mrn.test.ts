import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/engine/analyze';

const found = (text: string) => analyze(text).filter((f) => f.type === 'MRN').map((f) => f.text);

describe('mrn detector', () => {
  it.each([
    // labelled MRN, digits only
    ['Bleed on the follow-up CT, MRN 00482913, please compare', '00482913'],
    // accession with a modality prefix and a hash label
    ['Teaching file: Acc# US-23-554120 has the cine clips', 'US-23-554120'],
    // accession spelled out, dashed groups
    ['accession 7731-445 is stuck in the queue', '7731-445'],
    // DICOM-style header label written as one word
    ['header still shows PatientID 55019872 on the export', '55019872'],
    // visit number
    ['it was filed under visit # 4410092 by mistake', '4410092'],
    // unlabelled RIS accession shape
    ['the case is MR-25-0098812 if you want to pull it up', 'MR-25-0098812'],
    // evasion: digits spread out after the label
    ['MRN 0 0 4 8 2 9 1 3 for the record', '0 0 4 8 2 9 1 3'],
    // evasion: a line break inside the number
    ['MRN 0048\n2913 needs merging', '0048\n2913'],
  ])('finds %j', (text, expected) => {
    expect(found(text)).toEqual([expected]);
  });

  it.each([
    // CPT code
    ['We bill CPT 74177 for this protocol'],
    // vertebral level and RADS score
    ['Disc extrusion at L4-L5, TI-RADS 4 nodule incidentally'],
    // a year and a measurement
    ['In 2021 we saw 3.4 cm masses more often'],
    // DOI of a paper
    ['See doi 10.1148/radiol.2021204512 for the trial'],
    // the word MRN without a number
    ['please crop the MRN out of the screenshot'],
    // an ID-shaped token with no record word nearby
    ['The ZX-20931 coil arrived for the new scanner'],
  ])('ignores %j', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('blocks a labelled MRN', () => {
    const [f] = analyze('MRN: 2290114 on the requisition').filter((x) => x.type === 'MRN');
    expect(f.severity).toBe('block');
    expect(f.ruleId).toBe('mrn/mrn-labelled');
  });
});
