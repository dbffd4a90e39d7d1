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
    // a DICOM study instance UID after its label
    ['the export choked on study UID 1.2.826.0.1.3680043.8.498.44812907.2204 again', '1.2.826.0.1.3680043.8.498.44812907.2204'],
    // an Epic contact serial number
    ['she forwarded CSN 410092871 to the whole group chat', '410092871'],
    // a visit number with a letter prefix
    ['the billing query was about visit V7712039', 'V7712039'],
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
    // a DICOM standard UID (a transfer syntax under the DICOM root) names no one
    ['the router only accepts 1.2.840.10008.1.2.4.50 compressed series'],
    // a short OID is not an instance UID
    ['our org root is 1.2.3.4 in the test config'],
    // a software version after v
    ['PACS upgraded to v2.18.4 last night'],
  ])('ignores %j', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('finds every accession of a worklist line once one stands before its exam', () => {
    // my own list: two numbers before their exams, one before a finding only
    expect(found('my queue tonight: 55120934 chest CT clear, 55121187 SBO, 55121402 MRI brain')).toEqual(['55120934', '55121187', '55121402']);
  });

  it('does not read a count before an exam word as an accession list without its shape', () => {
    // a count with a thousands comma is not an accession
    expect(found('we did 12,400 CT scans last year')).toEqual([]);
  });

  it('blocks a labelled MRN', () => {
    const [f] = analyze('MRN: 2290114 on the requisition').filter((x) => x.type === 'MRN');
    expect(f.severity).toBe('block');
    expect(f.ruleId).toBe('mrn/mrn-labelled');
  });
});
