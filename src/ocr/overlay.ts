/**
 * Overlay conventions the text engine does not know: DICOM person names (`DOE^JANE`, with `^`
 * read as `~` or a space), `LAST, FIRST M` name lines, labelled identifiers (`ID:`, `Acc:`,
 * `MRN:`), dates after `DOB:` even with one misread digit, `19610314`, `F 67Y`/`Age: 90Y`,
 * and the facility line; with the misreads OCR makes (O/0, l/1). Runs on one OCR line at a time.
 * Sources: DICOM PS3.5 6.2 (PN value representation), PS3.3 C.11.2 (overlay text conventions).
 */
import overlay from '../../rules/ocr-overlay.json';

export interface OverlaySpan {
  readonly start: number;
  readonly end: number;
  readonly type: string;
  readonly score: number;
  readonly pattern: string;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[ ._-]?');
const alt = (list: readonly string[]) => [...list].sort((a, b) => b.length - a.length).map(esc).join('|');
const TECHNICAL = new Set(overlay.technical);
const COLLEAGUE = new RegExp(`^\\s*(?:${alt(overlay.colleagueLabels)})\\b`, 'i');

/** A label, then `:` `#` `.` or spaces, then the value starts (group 1 is the label). */
const label = (list: readonly string[]) => `(?<![A-Za-z])(?:${alt(list)})(?![A-Za-z])\\s*[:#.=]?\\s*`;

const ID_VALUE = /[A-Za-z0-9][A-Za-z0-9-]{3,19}/y;
const RE_ID = new RegExp(label(overlay.idLabels), 'gi');
const RE_SSN = new RegExp(`${label(overlay.ssnLabels)}`, 'gi');
const RE_DOB = new RegExp(label(overlay.dobLabels), 'gi');
const RE_DATE_LABEL = new RegExp(label(overlay.dateLabels), 'gi');
const RE_NAME_LABEL = new RegExp(label(overlay.nameLabels), 'gi');
const RE_AGE_LABEL = new RegExp(label(overlay.ageLabels), 'gi');
/** `MRN` with one letter misread, upper case as overlays print it (not `MRI`/`MRA`, which are modalities). */
const RE_MRN_MISREAD = /(?<![A-Za-z])(?!MR[IA](?![A-Za-z]))(?:[A-Z]RN|M[A-Z]N|MR[A-Z])(?![A-Za-z])\s*[:#.]?\s*/g;

/** OCR misreads of digits inside a mostly numeric token. */
const DIGIT_FIX: Record<string, string> = { O: '0', o: '0', D: '0', Q: '0', l: '1', I: '1', i: '1', '|': '1', '!': '1', S: '5', s: '5', B: '8', Z: '2', z: '2', g: '9' };
export function fixDigits(s: string): string {
  return s.replace(/[OoDQlIi|!SsBZzg]/g, (c) => DIGIT_FIX[c]);
}

const MONTHS = 'jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec';
/** Date shapes of overlays: 03/14/1961, 1961-03-14, 14.03.1961, 14-Mar-1961, 19610314 (digits may be misread letters). */
const DATE_TOKEN = new RegExp(
  `(?<![\\w/.-])(?:[\\dOoIl|]{1,4}[/.-][\\dOoIl|]{1,2}[/.-][\\dOoIl|]{2,4}|[\\dOoIl|]{1,2}[ -]?(?:${MONTHS})[a-z]*[ -]?[\\dOoIl|]{2,4}|(?:19|20)\\d{6})(?![\\w/])`,
  'gi',
);

function validDate(raw: string): boolean {
  const s = fixDigits(raw).toLowerCase();
  let y: number, m: number, d: number;
  let g = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/.exec(s);
  if (g) [y, m, d] = [+g[1], +g[2], +g[3]];
  else if ((g = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(s))) {
    // US month/day first; day/month (05.08.2024) is accepted when either reading is valid.
    const a = +g[1], b = +g[2];
    y = g[3].length === 2 ? 2000 : +g[3];
    [m, d] = a <= 12 ? [a, b] : [b, a];
  } else if ((g = /^(\d{1,2})[ -]?([a-z]{3,})[ -]?(\d{2,4})$/.exec(s))) {
    if (!new RegExp(`^(?:${MONTHS})`).test(g[2])) return false;
    [y, m, d] = [g[3].length === 2 ? 2000 : +g[3], 1, +g[1]];
  } else if ((g = /^(\d{4})(\d{2})(\d{2})$/.exec(s))) [y, m, d] = [+g[1], +g[2], +g[3]];
  else return false;
  return y >= 1880 && y <= 2099 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/** After `DOB:` a date with one misread digit still counts: 6-10 digits and separators. */
const LOOSE_DATE = /[\dOoIlSB|][\dOoIlSB|/.,\- ]{4,11}[\dOoIlSB|]/y;

const CAPWORD = "[A-Z][A-Za-z'’]+(?:-[A-Z][A-Za-z'’]+)?";
/** DICOM PN `LAST^FIRST^MIDDLE`, the caret misread as `~`, `*`, `"` or `A`-less spacing. */
const RE_PN = /(?<![A-Za-z])([A-Z][A-Z'’-]{1,})\s?[\^~*"°]\s?([A-Z][A-Z'’-]+)(?:\s?[\^~*"°]\s?([A-Z][A-Z'’-]*))?/g;
/** `LAST, FIRST M` (upper or title case). */
const RE_LAST_FIRST = new RegExp(`(?<![A-Za-z])(${CAPWORD}),\\s?(${CAPWORD})(?:\\s([A-Z])\\b\\.?)?`, 'g');
/** An all-caps two-word name after the caret was lost: `DOE JANE` where the line holds nothing else. */
const RE_CAPS_PAIR = /^\s*([A-Z][A-Z'’-]{2,})\s([A-Z][A-Z'’-]{1,})(?:\s([A-Z]))?\s*$/;

const RE_AGE = /(?<![\w.])(\d{2,3})\s?(?:Y|YR|YRS|YO|Y\/O|years?)(?![A-Za-z])/gi;

/** Case-insensitive letters inside an otherwise case-sensitive pattern. */
const anyCase = (p: string) => p.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);
const FACILITY = new RegExp(`((?:(?:St\\.?|Saint|Mt\\.?|[A-Z][A-Za-z'’.-]+)\\s){1,5})(?:${anyCase(alt(overlay.facilityHeads))})(?![A-Za-z])(?:\\s(?:of\\s)?[A-Z][A-Za-z'’.-]+){0,3}`, 'g');

function isTechnical(word: string): boolean {
  return TECHNICAL.has(word.toLowerCase().replace(/[^a-z0-9]/g, ''));
}

/** Overlay PHI spans in one OCR line, offsets into `line`. */
export function overlaySpans(line: string): OverlaySpan[] {
  const out: OverlaySpan[] = [];
  if (COLLEAGUE.test(line)) return out; // `Ref: Dr. X`: a colleague, not PHI (GUIDELINE.md)
  const add = (start: number, end: number, type: string, score: number, pattern: string) => {
    if (end > start) out.push({ start, end, type, score, pattern });
  };
  const after = (re: RegExp, value: RegExp, type: string, score: number, pattern: string, check?: (v: string) => boolean) => {
    re.lastIndex = 0;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      value.lastIndex = re.lastIndex;
      const v = value.exec(line);
      if (v && (!check || check(v[0]))) add(v.index, v.index + v[0].trimEnd().length, type, score, pattern);
      if (m[0].length === 0) re.lastIndex++;
    }
  };
  // Identifiers after a label: need at least 4 digits once misreads are fixed.
  after(RE_ID, ID_VALUE, 'MRN', 0.9, 'overlay-id', (v) => (fixDigits(v).match(/\d/g)?.length ?? 0) >= 4 && !/^(?:19|20)\d\d-\d\d-\d\d$/.test(v));
  after(RE_SSN, /[\dOoIlSB|]{3}[- ]?[\dOoIlSB|]{2}[- ]?[\dOoIlSB|]{4}/y, 'SSN', 0.95, 'overlay-ssn');
  after(RE_DOB, LOOSE_DATE, 'DATE', 0.95, 'overlay-dob', (v) => (fixDigits(v).match(/\d/g)?.length ?? 0) >= 5);
  after(RE_DOB, /\d{1,2}[ -]?[A-Za-z]{3,9}[ -,]*\d{2,4}/y, 'DATE', 0.95, 'overlay-dob');
  // Any full date in an overlay dates the patient's care (study, exam, birth).
  DATE_TOKEN.lastIndex = 0;
  for (let m = DATE_TOKEN.exec(line); m; m = DATE_TOKEN.exec(line)) {
    if (validDate(m[0])) add(m.index, m.index + m[0].length, 'DATE', 0.85, 'overlay-date');
  }
  after(RE_DATE_LABEL, LOOSE_DATE, 'DATE', 0.8, 'overlay-labelled-date', (v) => (fixDigits(v).match(/\d/g)?.length ?? 0) >= 6);
  // Ages: over 89 is AGE_OVER_89; 89 and under is not PHI.
  RE_AGE.lastIndex = 0;
  for (let m = RE_AGE.exec(line); m; m = RE_AGE.exec(line)) {
    if (+m[1] >= 90 && +m[1] < 130) add(m.index, m.index + m[0].length, 'AGE_OVER_89', 0.9, 'overlay-age');
  }
  after(RE_AGE_LABEL, /\d{2,3}/y, 'AGE_OVER_89', 0.9, 'overlay-age-label', (v) => +v >= 90 && +v < 130);
  // Names.
  RE_PN.lastIndex = 0;
  for (let m = RE_PN.exec(line); m; m = RE_PN.exec(line)) {
    if (!isTechnical(m[1]) && !isTechnical(m[2])) add(m.index, m.index + m[0].length, 'NAME', 0.9, 'overlay-dicom-name');
  }
  RE_LAST_FIRST.lastIndex = 0;
  for (let m = RE_LAST_FIRST.exec(line); m; m = RE_LAST_FIRST.exec(line)) {
    if (!isTechnical(m[1]) && !isTechnical(m[2])) add(m.index, m.index + m[0].length, 'NAME', 0.85, 'overlay-last-first');
  }
  const pair = RE_CAPS_PAIR.exec(line);
  if (pair && !isTechnical(pair[1]) && !isTechnical(pair[2]) && !FACILITY.test(line)) add(pair.index, pair.index + pair[0].trimEnd().length, 'NAME', 0.6, 'overlay-caps-pair');
  // A DICOM name whose caret was read as a letter (`DOE^JANE` -> `DOEAJANE`): a line holding only
  // one long all-caps token, hyphenated or 12+ letters, none of its parts technical.
  const lone = /^\s*([A-Z][A-Z'’]{2,}(?:-[A-Z][A-Z'’]{2,})+|[A-Z]{12,})\s*$/.exec(line);
  if (lone && !lone[1].split('-').some(isTechnical)) add(line.indexOf(lone[1]), line.indexOf(lone[1]) + lone[1].length, 'NAME', 0.6, 'overlay-lone-caps');
  after(RE_NAME_LABEL, new RegExp(`${CAPWORD}(?:[ ,^~]+${CAPWORD}){0,2}`, 'y'), 'NAME', 0.85, 'overlay-name-label');
  // A line that is only a long number (6-12 digits, dashes allowed) is an ID by overlay
  // convention (the row under the name), and so is any 7+ digit run: technical overlay numbers
  // (kVp, mAs, W/L, series/image, CTDI, DLP) are never that long.
  const bare = /^\s*([\dOoIl|][\dOoIl|-]{5,14}[\dOoIl|])\s*$/.exec(line);
  if (bare && (fixDigits(bare[1]).match(/\d/g)?.length ?? 0) >= 6 && !validDate(bare[1])) add(bare.index + bare[0].indexOf(bare[1]), bare.index + bare[0].indexOf(bare[1]) + bare[1].length, 'MRN', 0.7, 'overlay-bare-id');
  for (const m of line.matchAll(/(?<![\w.,/:-])\d{7,12}(?![\w.,/:%-])/g)) {
    if (!validDate(m[0])) add(m.index!, m.index! + m[0].length, 'MRN', 0.65, 'overlay-long-number');
  }
  // A label that OCR misread by one letter (`HRN`, `MAN`, `MRH` for MRN), then a long value.
  after(RE_MRN_MISREAD, ID_VALUE, 'MRN', 0.85, 'overlay-id-misread', (v) => (fixDigits(v).match(/\d/g)?.length ?? 0) >= 6 && !validDate(v));
  // Digit groups joined by dashes, 8+ digits (7 in three groups) (`8817-220-09`, `3390-4417`): an ID shape
  // whatever its label became; dates are DATE, and technical values are never that long.
  for (const m of line.matchAll(/(?<![\w.,/:-])\d{2,6}(?:-\d{2,6}){1,3}(?![\w.,/:%-])/g)) {
    const digits = m[0].match(/\d/g)?.length ?? 0, dashes = m[0].split('-').length - 1;
    if ((digits >= 8 || (digits >= 7 && dashes >= 2)) && /\d{3}/.test(m[0]) && !validDate(m[0])) add(m.index!, m.index! + m[0].length, 'MRN', 0.65, 'overlay-dashed-id');
  }
  // The facility line.
  FACILITY.lastIndex = 0;
  for (let m = FACILITY.exec(line); m; m = FACILITY.exec(line)) {
    const words = m[1].trim().split(/\s+/);
    if (words.every(isTechnical)) continue;
    add(m.index, m.index + m[0].length, 'FACILITY', 0.8, 'overlay-facility');
  }
  return out;
}
