import { describe, expect, it } from 'vitest';
import { fixDigits, overlaySpans } from '../../src/ocr/overlay';

const spans = (line: string) => overlaySpans(line).map((s) => `${s.type}:${line.slice(s.start, s.end)}`);

describe('overlaySpans: PHI in overlay lines', () => {
  it.each([
    ['DOE^JANE', 'NAME:DOE^JANE'], // DICOM person name
    ['SMYTHE~ALMA~R', 'NAME:SMYTHE~ALMA~R'], // caret misread as tilde
    ['GRANT, OTTO K', 'NAME:GRANT, OTTO K'], // LAST, FIRST M
    ['Patient: Ada Brook', 'NAME:Ada Brook'], // labelled name
    ['ID: 55O123l9', 'MRN:55O123l9'], // O/0 and l/1 misreads still an ID
    ['Acc# B7731020', 'MRN:B7731020'], // accession with a letter prefix
    ['MRN 4471-20-88', 'MRN:4471-20-88'], // dashed MRN
    ['DOB: 07/19/1342', 'DATE:07/19/1342'], // one misread digit after DOB
    ['Exam 14-Feb-2023', 'DATE:14-Feb-2023'], // study date, month name
    ['19700522', 'DATE:19700522'], // DICOM DA yyyymmdd
    ['Age: 93Y', 'AGE_OVER_89:93Y'], // over 89
    ['104 YRS F', 'AGE_OVER_89:104 YRS'], // over 89, spelled out
    ['SSN 123-45-6789', 'SSN:123-45-6789'], // labelled SSN
    ['Alder Creek Medical Center', 'FACILITY:Alder Creek Medical Center'], // facility line
    ['  0051772', 'MRN:0051772'], // a line that is only an ID
    ['MARTINEZ-OKOYEASOFIA', 'NAME:MARTINEZ-OKOYEASOFIA'], // caret read as a letter, hyphenated surname
  ])('%s', (line, want) => {
    expect(spans(line)).toContain(want);
  });
});

describe('overlaySpans: technical overlay text is not PHI', () => {
  it.each([
    ['120 kVp  250 mAs'], // exposure
    ['W: 400 L: 40'], // window/level
    ['Se 3  Im 122/310'], // series and image numbers
    ['2.5 mm / 1.25 mm'], // slice thickness
    ['CTDIvol 12.4 mGy'], // dose
    ['F 67Y'], // age 89 and under
    ['L4-L5'], // vertebral level
    ['Recon v4.2.1'], // software version
    ['Ref: Dr. P. Anand'], // referring physician: a colleague
    ['CHEST, PA'], // technical words in a comma pair
    ['SMALL PARTS'], // ultrasound preset
    ['POST-CONTRAST'], // one hyphenated technical token
    ['T-SPINE'], // body part with a one-letter prefix
    ['Zoom: 131%'], // display
  ])('%s', (line) => {
    expect(spans(line)).toEqual([]);
  });
});

describe('fixDigits', () => {
  it('maps OCR letter misreads to digits', () => {
    expect(fixDigits('O0l1I|S5B8')).toBe('0011115588');
  });
});
