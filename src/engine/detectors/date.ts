import words from '../../../rules/date-words.json';
import type { Candidate, Sentence, Severity } from '../types';
import { defineDetector } from '../types';
import { caseCues, clamp, paragraphAfter, paragraphBefore, phraseRegex, sameParagraph } from '../cues';

/**
 * DATE: any date element other than a year alone tied to the patient: birth, admission, discharge,
 * scan, death, surgery (HIPAA Safe Harbor, 45 CFR 164.514(b)(2)(i)(C); guideline in
 * shared/corpus/GUIDELINE.md). `DOB 03/14/1961`, `scanned her on March 3rd`, `last Tuesday` when it
 * dates the patient's care. Not PHI: a year alone, a conference or talk date, a deadline, a
 * publication date, durations, ages, doses, lab values, vertebral levels, times of day alone.
 *
 * Full dates (numeric with year, ISO, `14-Mar-1961`, `March 3, 1961`) are likely PHI in a case draft;
 * partial dates (`March 3rd`, `3/22`, `Christmas Eve`, `last night`) count only when their sentence
 * talks about a patient. A date of birth blocks; other patient dates warn.
 */

const MONTHS = words.months as Record<string, number>;
const alt = (xs: readonly string[]) => [...xs].sort((a, b) => b.length - a.length).map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')).join('|');
const MONTH = `(?:${alt(Object.keys(MONTHS))})\\.?`;
const FULL_MONTH = `(?:${alt(Object.keys(MONTHS).filter((m) => m.length > 4 || m === 'june' || m === 'july'))})`;
const ORD_WORD = `(?:${alt(words.ordinals)})`;
const DAY_NUM = String.raw`(?:[12]\d|3[01]|0?[1-9])`;
const DAY = String.raw`(?:${DAY_NUM}(?:st|nd|rd|th)?|${ORD_WORD})`;
const WEEKDAY = `(?:${alt(words.weekdays.filter((d) => d.length > 3))})`;

/** Named patterns with base scores; `weak` ones need a patient cue in their sentence. */
interface DatePattern { name: string; re: RegExp; score: number; weak: boolean }
const PATTERNS: DatePattern[] = [
  // 03/14/1961, 3-14-61, 14.03.1961
  { name: 'numeric-full', re: /(?<![\w/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\w/-]|\.\d)/g, score: 0.45, weak: false },
  // 1961-03-14
  { name: 'iso', re: /(?<![\w-])(?:19|20)\d\d-(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01])(?![\w-])/g, score: 0.45, weak: false },
  // 19610314 (only after a date label, checked below)
  { name: 'compact', re: /(?<!\d)(?:18|19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?!\d)/g, score: 0.2, weak: false },
  // 14-Mar-1961, 14 March 1961, 3 March
  { name: 'day-month', re: new RegExp(String.raw`\b${DAY_NUM}(?:st|nd|rd|th)?[- ]${MONTH}(?:[- ,]+(?:19|20)?\d\d)?(?![\w-])`, 'gi'), score: 0.4, weak: true },
  // March 3rd, March 3, 1961, Mar. 3; not a range (April 12-16)
  { name: 'month-day', re: new RegExp(String.raw`\b${MONTH}\s+(?:the\s+)?${DAY}(?:,?\s+(?:19|20)\d\d)?\b(?!\s*(?:-|to|through)\s*(?:\d|${MONTH}))(?![:.]?\d)`, 'gi'), score: 0.4, weak: true },
  // the 3rd of March, first of July, 2nd of June 1990
  { name: 'day-of-month', re: new RegExp(String.raw`\b${DAY}\s+of\s+${MONTH}(?:,?\s+(?:19|20)\d\d)?\b`, 'gi'), score: 0.4, weak: true },
  // in January, since September 2024
  { name: 'month-only', re: new RegExp(String.raw`(?<=\b(?:in|since|during|early|late|mid|until|by)[- ])${FULL_MONTH}(?:\s+(?:19|20)\d\d)?\b`, 'gi'), score: 0.3, weak: true },
  // 3/22, 1/08 (month/day without a year; fractions and thread counters are weeded out below)
  { name: 'month-slash-day', re: /(?<![\w/.:-])(\d{1,2})\/(\d{1,2})(?![\w/]|\.\d)/g, score: 0.2, weak: true },
  // Christmas Eve, New Year's Day, the 4th of July
  { name: 'holiday', re: phraseRegex(words.holidays, 'gi'), score: 0.3, weak: true },
  // last night, this morning, yesterday
  { name: 'relative', re: phraseRegex(words.relative, 'gi'), score: 0.3, weak: true },
  // last Tuesday, on Monday, saturday night, Friday's game
  { name: 'weekday', re: new RegExp(String.raw`\b(?:(?:last|this past|past)\s+)?${WEEKDAY}(?:'s)?(?:\s+(?:night|morning|afternoon|evening))?\b`, 'gi'), score: 0.3, weak: true },
  // on the 14th, on the 3rd at 2am (a bare day of the month after "on"; not "on the 4th floor")
  { name: 'ordinal-day', re: /(?<=\bon\s+)the\s+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)(?=\s*(?:[.,;:!?)]|$)|\s+(?:at|when|and|after|before|around|in|by|he|she|they|we|i|his|her|their|our|my|morning|night|evening|afternoon)\b)/gi, score: 0.3, weak: true },
  // two days ago, 3 weeks ago
  { name: 'days-ago', re: /\b(?:\d{1,2}|a|one|two|three|four|five|six|seven|a few|several|a couple of|couple of)\s+(?:days?|weeks?|nights?)\s+ago\b/gi, score: 0.3, weak: true },
];

const MODALITY_NEAR = new RegExp(String.raw`(?:^|\W)(?:${alt(words.modalities)})(?:\W+\w+){0,2}\W*$`, 'i');
const MODALITY_AFTER = new RegExp(String.raw`^(?:\W*\w+){0,2}?\W+(?:${alt(words.modalities)})(?![\w-])`, 'i');
const HOLIDAY_NOUN = new RegExp(String.raw`^\s+(?:${alt(words.holidayNouns)})\b`, 'i');
const EVENT_RE = phraseRegex(words.event);
const BIRTH_BEFORE = /(?:\bdob|\bd\.o\.b\.?|date of birth|birth ?date|birthdate|\bborn(?: on| the)?|\bb\.|\byob)\s*[:#=(]?\s*(?:the\s+|on\s+)?$/i;
const DATE_LABEL_BEFORE = /(?:date|dob|dos)\s*[:#=]?\s*$/i;
/** Words right before or after a bare month/day that make it a care date (his 3/22 MRI, mammo 1/08, on 10/17). */
const SLASH_BEFORE = /\b(?:on|admitted|admit|discharged|dos|seen|scanned|dated|mammo|mammogram|us|ultrasound|ct|cta|mri|mr|biopsy|x-ray|xr|cxr|pet|exam|study|surgery|visit|his|her|a|the)\s*:?\s*$/i;
const SLASH_AFTER = /^\s*(?:ct|cta|mri|mr|mammo|mammogram|us|ultrasound|x-ray|xr|cxr|pet|scan|study|exam|biopsy|visit|admission|admit|discharge|d\/c|readmission|surgery|op|appt|appointment|follow-up|f\/u|films|imaging|labs|→|->)(?![\w/])/i;
/** Generic or future weekdays: "on a Saturday", "every Monday", "next Friday". */
const GENERIC_BEFORE = /\b(?:a|every|each|next|coming|this coming|until|by|till|tomorrow|following|starting|beginning|as of|effective)\s+$/i;
/** What happened to a patient that day (went home, admitted, died): a weekday, holiday or bare day in its sentence dates care. */
const CARE_EVENT = phraseRegex(words.careEvents);
/** "On Wednesday he brought...": a weekday or holiday after "on" in a past-tense story is a day that happened. */
const ON_BEFORE = /\bon\s+$/i;
const PAST_VERB = /(?<!\b(?:is|are|be|being|been|'s|'re)\s)\b(?:was|were|had|came|went|got|brought|took|told|said|saw|sat|left|lost|gave|found|made|ran|\w{3,}ed)\b/;
/** A day's whole list (every MRI today, today's worklist) is a schedule, not one patient's date. */
const SCHEDULE = /\b(?:every|all (?:of )?(?:our|the))\s+(?:[a-z-]+\s+)?(?:mris?|cts?|scans?|appointments?|patients?|pts|cases?|exams?|studies|visits?|clinics?|procedures?|surgeries)\b|\b(?:today|tonight|this morning)'s\s+(?:[a-z-]+\s+)?(?:list|schedule|worklist|census|lineup|line-up|cases|patients)\b/;
/** An instruction to the reader after a clause break (..., push for the MRI tonight). */
const IMPERATIVE_CLAUSE = /[,;:]\s+(?:then\s+)?(?:please\s+)?(?:push for|order|get|call|send|go|ask for|request|insist on|book|check)\b/;
const SLASH_LABEL = /\b(?:admitted|admit|discharged|dos|seen|scanned|dated|date of service)\s*:?\s*$/i;
/** An instruction to the reader (Go to the ER tonight) is not a patient's date; a noun before a past verb is not one (call came at 2am). */
const IMPERATIVE = /^(?:please\s+)?(?:go|get|call|see|ask|book|don't|do not|make|head|have|take|stop|start|save|check|come|join|answer|vote|register|submit)\b(?!\s+(?:came|was|went|got|had|\w{2,}ed)\b)/;
/** The author's own scans and results are not a patient's dates. */
const SELF = /\bmy own\b|\bmy (?:x-rays?|scans?|mri|ct|results|diagnosis|biopsy|mammogram)\b/;
const YOU = /\b(?:you|your|you're|u)\b/i;

export const date = defineDetector({
  id: 'date',
  category: 'phi',
  scope: 'paragraph',
  types: ['DATE'],
  detect(ctx) {
    const { text, lower } = ctx;
    const cues = caseCues(ctx);
    const out: Candidate[] = [];
    const sentences = ctx.sentences;
    /** A strong patient cue in one of the two sentences before or the one after. */
    const neighbourStrong = (s: Sentence | undefined): boolean => {
      if (!s) return false;
      const i = sentences.indexOf(s);
      return [i - 2, i - 1, i + 1].some((k) => k >= 0 && k < sentences.length && cues.strongIn(sentences[k]) && sameParagraph(text, s, sentences[k]));
    };
    for (const p of PATTERNS) {
      p.re.lastIndex = 0;
      for (const m of text.matchAll(p.re)) {
        const start = m.index!;
        let end = start + m[0].length;
        const before = paragraphBefore(text, start, 28);
        const after = paragraphAfter(text, end, 24);
        const birth = BIRTH_BEFORE.test(before);
        if (!validDate(p.name, m)) continue;
        if (p.name === 'compact' && !birth && !DATE_LABEL_BEFORE.test(before)) continue;
        if (p.name === 'month-slash-day' && !birth && !SLASH_BEFORE.test(before) && !SLASH_AFTER.test(after) && !slashSequence(text, start, end)) continue;
        if (p.name === 'weekday') {
          // Friday Harbor (a place), "on a Saturday" (generic), "next Friday" (future)
          if (/^ [A-Z][a-z]/.test(after) && !/^ (?:Night|Morning)/.test(after)) continue;
          if (GENERIC_BEFORE.test(before)) continue;
        }
        if (p.name === 'holiday' && HOLIDAY_NOUN.test(after)) continue;
        if (p.name === 'month-day' && /^may\b/i.test(m[0]) && !/^May/.test(m[0])) continue;
        // trim trailing punctuation
        while (end > start && /[\s.,]/.test(text[end - 1])) end--;
        const s = cues.sentenceAt(start);
        const notes: string[] = [];
        let score = p.score;
        if (birth) { score = 0.97; notes.push('birth label'); }
        else {
          const strong = cues.strongIn(s), clinical = cues.patientIn(s);
          const calendar = !p.weak || p.name === 'month-day' || p.name === 'day-month' || p.name === 'day-of-month';
          if (strong) { score += 0.35; notes.push('+0.35 patient cue in sentence'); }
          else if (clinical && p.name !== 'month-only') { score += p.weak ? 0.1 : 0.25; notes.push('+clinical cue in sentence'); }
          if (!strong && (p.name === 'holiday' || calendar) && neighbourStrong(s)) { score += 0.15; notes.push('+0.15 patient cue next to the sentence'); }
          if (cues.draftCase) { score += calendar ? 0.15 : 0.05; notes.push('+case draft'); }
          const relative = p.name === 'relative' || p.name === 'weekday' || p.name === 'days-ago';
          if (relative && !strong && (MODALITY_NEAR.test(before) || MODALITY_AFTER.test(after))) { score += 0.2; notes.push('+0.2 study next to it'); }
          const dayOnly = p.name === 'weekday' || p.name === 'holiday' || p.name === 'ordinal-day';
          if (dayOnly && s) {
            CARE_EVENT.lastIndex = 0;
            if (CARE_EVENT.test(lower.slice(s.start, s.end))) { score += 0.2; notes.push('+0.2 care event in sentence'); }
            else if (ON_BEFORE.test(before) && PAST_VERB.test(lower.slice(s.start, s.end))) { score += 0.15; notes.push('+0.15 on a day, past tense'); }
          }
          if (p.name === 'ordinal-day' && !strong && neighbourStrong(s)) { score += 0.15; notes.push('+0.15 patient cue next to the sentence'); }
          if (p.name === 'month-slash-day') {
            const label = SLASH_LABEL.test(before);
            score += label ? 0.35 : 0.2; notes.push(label ? '+0.35 date label' : '+0.2 care word next to it');
          }
          EVENT_RE.lastIndex = 0;
          const sl = s ? lower.slice(s.start, s.end) : '';
          if (EVENT_RE.test(sl) || /\b[A-Z]{3,8} ?20\d\d\b|#[A-Za-z]+20\d\d/.test(s?.text ?? '')) {
            score -= strong ? 0.2 : 0.45; notes.push('-event cue');
          }
          if (p.weak && SELF.test(sl)) { score -= 0.3; notes.push("-0.3 the author's own care"); }
          if (p.weak && !strong && (YOU.test(sl) || IMPERATIVE.test(sl))) { score -= 0.3; notes.push('-0.3 addressed to the reader'); }
          else if (relative && IMPERATIVE_CLAUSE.test(sl)) { score -= 0.3; notes.push('-0.3 an instruction to the reader'); }
          if (p.weak && SCHEDULE.test(sl)) { score -= 0.3; notes.push("-0.3 a day's whole list"); }
        }
        const severity: Severity | undefined = birth ? 'block' : undefined;
        out.push({
          detectorId: 'date', type: 'DATE', start, end, score: clamp(score), contextDone: true,
          ...(severity ? { severity } : {}),
          explanation: { pattern: birth ? `${p.name}-birth` : p.name, baseScore: p.score, ...(notes.length ? { context: notes } : {}) },
        });
      }
    }
    return out;
  },
});

/** A month/day in a run of them (12/03 admission, 12/19 discharge, back by 12/21) dates the same care as its neighbours. */
const SLASH_NEAR = /(?<![\w/.:-])(?:0?[1-9]|1[0-2])\/(?:[12]\d|3[01]|0?[1-9])(?![\w/]|\.\d)/;
function slashSequence(text: string, start: number, end: number): boolean {
  const near = text.slice(Math.max(0, start - 40), start) + ' ' + text.slice(end, end + 40);
  return SLASH_NEAR.test(near.replace(/\n[\s\S]*$/, ''));
}

function validDate(name: string, m: RegExpMatchArray): boolean {
  if (name === 'numeric-full') {
    const a = +m[1], b = +m[3];
    // month/day or day/month
    return (a >= 1 && a <= 12 && b >= 1 && b <= 31) || (b >= 1 && b <= 12 && a >= 1 && a <= 31);
  }
  if (name === 'month-slash-day') {
    const a = +m[1], b = +m[2];
    return a >= 1 && a <= 12 && b >= 1 && b <= 31;
  }
  return true;
}
