import cues from '../../../rules/contact-cues.json';
import { clauseAfter, clauseBefore, digitsOf } from '../patterns';
import { defineDetector, type Candidate, type DetectContext } from '../types';

/**
 * A patient's (or relative's, or employer's) telephone number (HIPAA Safe Harbor (b)(2)(i)(D)).
 * Format: the North American Numbering Plan (ATIS-0300076, NANPA): NPA-NXX-XXXX, area code and
 * exchange both start with 2-9; `+1`, parentheses, dots, dashes or spaces; 8xx are toll-free
 * (FCC 47 CFR 52.101). International numbers: ITU-T E.164, `+` country code, at most 15 digits.
 * Whose number it is decides: `her cell`, `callback`, `calling from` are patient cues; `our
 * scheduling line`, `call the office`, `Poison Control` are public numbers and not PHI. A number
 * labelled fax belongs to the fax detector (./fax.ts), which shares this matcher.
 */
export interface NumberMatch { start: number; end: number; pattern: string; base: number }

const NANP = /(?<![\d\-+.\/])(?:\+?1[ .\-]?)?(?:\(\d{3}\)[ .\-]?|\d{3}[ .\-]?)\d{3}[ .\-]\d{4}(?![\d\-]|\.\d)/g;
const INTL = /(?<![\w+])\+(?!1[ .\-(]?\d{3})\d{1,3}[ .\-]?(?:\(\d{1,4}\)[ .\-]?)?\d{1,4}(?:[ .\-]\d{2,6}){1,4}(?![\d\-])/g;
/**
 * Any grouped number of 9-13 digits (`07700 900 123`, `020 7946 0958`, `555 0143 2290`, a NANP
 * shape with a fictional or invalid exchange). Only a contact label tied to the patient (`her
 * mobile`, `home fax`, `husband at`) reports it: validation raises the score, it does not veto.
 */
const GROUPED = /(?<![\w+\-.\/#])(?:\+\d{1,3}[ .\-]?)?(?:\(\d{2,5}\)[ .\-]?)?\d{2,5}(?:[ .\-]\d{2,6}){1,3}(?![\w\-]|[.\/]\d)/g;
/** A contact word right before a weakly shaped number: `cell`, `fax`, `at`, `number`. */
const CONTACT_WORD = /\b(?:cell|cellphone|mobile|phone|tel|telephone|landline|fax|number|no\.?|call|called|calling|text|texted|reach|rang|ring|whatsapp|at|on|is|contact)\b[\s:#,.-]*$/;
/** An identifier label before the number: the MRN, account and ID detectors own it. */
const ID_LABEL = /\b(?:mrn|acc(?:ession)?|acct|account|id|member|policy|claim|ssn|social|dob|license|dl|plate|vin|serial|lot|npi|dea|case|order|ref|invoice|tracking|isbn|doi|pmid)\b[^a-z]*$/;
// Evasion: ten digits spread by spaces, dots, dashes, brackets or one line break, or run together.
const SPREAD = /(?<![\d\-+.])\(?\d(?:[ \t.\-()]{0,3}(?:\n[ \t]{0,3})?\d){9}(?![\d]|[ .\-]\d)/g;

const PATIENT = new RegExp(cues.patientNear);
const PRO = new RegExp(cues.professional);
const FAX = new RegExp(cues.fax, 'g');
/** "I've called Mr. Kowalski (...) at <number>": the number reached a named person. */
const CALLED_PERSON = /\b(?:called|calling|call|reached|texted|phoned|rang) (?:mr|mrs|ms|miss|mx)\.? [a-z]/;
const VOICE = new RegExp(cues.voice, 'g');

export function validNanp(d: string): boolean {
  const n = d.length === 11 && d[0] === '1' ? d.slice(1) : d;
  if (n.length !== 10 || n[0] < '2' || n[3] < '2') return false;
  return !/^(\d)\1+$/.test(n);
}

/** Every phone-number-shaped span (no overlaps), with its pattern and base score. */
export function findNumbers(text: string): NumberMatch[] {
  const out: NumberMatch[] = [];
  const taken = (s: number, e: number) => out.some((m) => m.start < e && s < m.end);
  const run = (re: RegExp, pattern: string, base: number, ok: (d: string, v: string) => boolean) => {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const start = m.index, end = start + m[0].length;
      if (!taken(start, end) && ok(digitsOf(m[0]), m[0])) out.push({ start, end, pattern, base });
    }
  };
  run(NANP, 'nanp', 0.6, (d) => validNanp(d));
  run(INTL, 'e164', 0.5, (d) => d.length >= 8 && d.length <= 15);
  run(NANP, 'nanp-shape', 0.3, (d) => !validNanp(d) && !/^(\d)\1+$/.test(d));
  run(GROUPED, 'grouped', 0.3, (d, v) => d.length >= 9 && d.length <= 13 && !/^\d{1,3}(?:\.\d{1,3}){3}$/.test(v) && !/^\d{4}[-/.]\d{2}[-/.]\d{2}$/.test(v) && !/^\d{3}([ -])\d{2}\1\d{4}$/.test(v));
  // spread digits need a voice/fax cue to be reported (scored below)
  run(SPREAD, 'spread', 0.3, (d, v) => validNanp(d) && /\D/.test(v.replace(/^\(/, '')) && !/^\d{1,3}(?:\.\d{1,3}){3}$/.test(v));
  return out.sort((a, b) => a.start - b.start);
}

/** Whether a fax cue governs the number at `start` (a fax word before it in its clause, no voice word in between). */
export function isFax(ctx: DetectContext, start: number, end: number): boolean {
  const before = clauseBefore(ctx, start, 70);
  const after = clauseAfter(ctx, end, 12);
  if (/^\s*\(?fax\b/.test(after)) return true;
  // the LAST fax word, then no cell/phone/call word after it
  let lastEnd = -1;
  FAX.lastIndex = 0;
  for (let m = FAX.exec(before); m; m = FAX.exec(before)) lastEnd = m.index + m[0].length;
  if (lastEnd < 0) return false;
  VOICE.lastIndex = 0;
  return !VOICE.test(before.slice(lastEnd));
}

/** Scores a contact number by whose it is. */
export function scoreContact(ctx: DetectContext, m: NumberMatch, detectorId: string, type: string): Candidate | undefined {
  const before = clauseBefore(ctx, m.start, 90);
  const after = clauseAfter(ctx, m.end, 50);
  const near = before.slice(-45);
  const d = digitsOf(ctx.text.slice(m.start, m.end));
  const tollFree = /^1?8(?:00|33|44|55|66|77|88)/.test(d);
  let score = m.base;
  const notes: string[] = [];
  // A weak shape needs a contact word right before it and no identifier label.
  const weakShape = m.pattern === 'nanp-shape' || m.pattern === 'grouped';
  if (weakShape && (!CONTACT_WORD.test(before.slice(-40)) || ID_LABEL.test(before.slice(-30)))) return undefined;
  if (PATIENT.test(near) || CALLED_PERSON.test(before) || /^\s*\((?:cell|home|mobile)\)/.test(after)) {
    score = Math.max(score, 0.6) + 0.3;
    notes.push('+ patient contact cue');
  } else if (tollFree || PRO.test(before) || PRO.test(after)) {
    score -= 0.45;
    notes.push(tollFree ? '- toll-free number' : '- public or practice number');
  } else if (m.pattern === 'spread') {
    // evasion spreads a number only to hide it: a voice or fax word is enough
    if (/\b(?:call(?:s|ed|ing)?|cell|phone[ds]?|phoning|tel|text(?:s|ed|ing)?|fax|number|contact(?:ed|ing)?|reach(?:ed|ing)?)\b/.test(before)) { score += 0.35; notes.push('+ contact word'); }
  } else if (!ctx.patientContext) {
    score -= 0.1;
  }
  score = Math.max(0, Math.min(1, score));
  return {
    detectorId, type, start: m.start, end: m.end, score, contextDone: true,
    explanation: { pattern: m.pattern, baseScore: m.base, ...(notes.length ? { context: notes } : {}) },
  };
}

export const phone = defineDetector({
  id: 'phone',
  category: 'phi',
  scope: 'paragraph',
  types: ['PHONE'],
  detect(ctx) {
    const out: Candidate[] = [];
    for (const m of findNumbers(ctx.text)) {
      if (isFax(ctx, m.start, m.end)) continue;
      const c = scoreContact(ctx, m, 'phone', 'PHONE');
      if (c) out.push(c);
    }
    return out;
  },
});
