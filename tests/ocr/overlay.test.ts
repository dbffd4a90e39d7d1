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
    ['HRN 5521-330-17', 'MRN:5521-330-17'], // the MRN label with one letter misread, dashed value
    ['MAN 40O2-7781', 'MRN:40O2-7781'], // misread label, O for 0 in the value
    ['Chart 6610-2284', 'MRN:6610-2284'], // a dashed 8-digit ID under an unknown label
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
    ['MRI 1.5T 2024'], // the modality, not a misread MRN label
    ['MAN 3390'], // a misread label needs a long value
    ['W 1200-150'], // a short dashed value (7 digits in two groups)
  ])('%s', (line) => {
    expect(spans(line)).toEqual([]);
  });
});

describe('overlaySpans: a dashed date is a DATE, not an ID', () => {
  it.each([['Study 2024-03-18'], ['2024-03-18 09:55']])('%s', (line) => {
    expect(spans(line)).toContain('DATE:2024-03-18');
    expect(spans(line).some((s) => s.startsWith('MRN'))).toBe(false);
  });
});

describe('fixDigits', () => {
  it('maps OCR letter misreads to digits', () => {
    expect(fixDigits('O0l1I|S5B8')).toBe('0011115588');
  });
});
