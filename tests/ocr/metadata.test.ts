import { describe, expect, it } from 'vitest';
import { fieldFindings, textFields } from '../../src/ocr/metadata';

describe('metadata', () => {
  it('flattens exifr output to text fields and skips technical tags', () => {
    const fields = textFields({
      ifd0: { ImageDescription: 'DOE^JANE', Make: 'Phone', XResolution: 72 },
      dc: { description: { lang: 'x-default', value: 'knee follow-up' } },
      userComment: new Uint8Array([65, 83, 67, 73, 73, 0, 0, 0, ...new TextEncoder().encode('home visit')]),
    });
    expect(fields).toEqual([['ifd0:ImageDescription', 'DOE^JANE'], ['dc:description', 'knee follow-up'], ['userComment', 'home visit']]);
  });
  it.each([
    ['ifd0:Artist', 'HARLOW, PETER (MRN 88213004)', ['NAME', 'MRN']], // name and MRN in the author field
    ['ifd0:ImageDescription', 'DOE^JANE', ['NAME']], // DICOM name in a description
  ])('%s with PHI becomes findings carrying the field', (field, value, types) => {
    const f = fieldFindings(field, value);
    expect(f.map((x) => x.type).sort()).toEqual([...types].sort());
    expect(f.every((x) => x.field === field && !x.bbox)).toBe(true);
  });
  it.each([
    ['ifd0:Software', 'PACS Export 2.1'], // software name
    ['ifd0:ImageDescription', 'Axial T2, 5 mm'], // technical description
  ])('%s without PHI gives nothing', (field, value) => {
    expect(fieldFindings(field, value)).toEqual([]);
  });
});
