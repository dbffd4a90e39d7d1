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

/**
 * A number read out in words, or words and digits mixed, to slip past filters: `four one four,
 * five five five, oh two eight one`, `nine-one-9 five5five 0 one 4 seven`. One unit is a digit or
 * its word; 7 to 11 units, at most three separators between two. Words and separators are disjoint.
 */
const DIGIT_WORDS: Record<string, string> = { zero: '0', oh: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9' };
const UNIT = String.raw`(?:[Zz]ero|[Oo]h|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|\d)`;
const SPELLED = new RegExp(String.raw`(?<![A-Za-z0-9])${UNIT}(?:[ \t,.\-]{0,3}${UNIT}){6,10}(?![A-Za-z0-9])`, 'g');
/** A 7-digit local number (NXX-XXXX): reported only when it is a person's (`call his son at 555-0193`). */
const LOCAL = /(?<![\d\-+.\/()])[2-9]\d{2}[ .\-]\d{4}(?![\d\-]|\.\d|\s*(?:mg|mcg|ml|cc|cm|mm|units?|iu|patients|cases|studies|scans)\b)/g;

/** The digits a number stands for, its words read as digits. */
export function spokenDigits(v: string): string {
  return v.toLowerCase().replace(/zero|oh|one|two|three|four|five|six|seven|eight|nine/g, (w) => DIGIT_WORDS[w]).replace(/\D+/g, '');
}

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
  // spelled-out numbers: two or more digit words, and a whole NANP number or a local 7
  run(SPELLED, 'spelled', 0.3, (_d, v) => {
    if ((v.match(/[A-Za-z]+/g) ?? []).length < 2) return false;
    const s = spokenDigits(v);
    return validNanp(s) || (s.length === 7 && s[0] >= '2');
  });
  run(LOCAL, 'local', 0.3, () => true);
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
  const d = m.pattern === 'spelled' ? spokenDigits(ctx.text.slice(m.start, m.end)) : digitsOf(ctx.text.slice(m.start, m.end));
  const tollFree = /^1?8(?:00|33|44|55|66|77|88)/.test(d);
  let score = m.base;
  const notes: string[] = [];
  // A weak shape needs a contact word right before it and no identifier label.
  const weakShape = m.pattern === 'nanp-shape' || m.pattern === 'grouped';
  if (weakShape && (!CONTACT_WORD.test(before.slice(-40)) || ID_LABEL.test(before.slice(-30)))) return undefined;
  // a local 7 (or a spelled 7) is a number only when a person's cue and a contact word lead to it
  const short = m.pattern === 'local' || (m.pattern === 'spelled' && d.length === 7);
  if (short && (!CONTACT_WORD.test(before.slice(-40)) || !(PATIENT.test(near) || CALLED_PERSON.test(before)))) return undefined;
  if (PATIENT.test(near) || CALLED_PERSON.test(before) || /^\s*\((?:cell|home|mobile)\)/.test(after)) {
    score = Math.max(score, 0.6) + 0.3;
    notes.push('+ patient contact cue');
  } else if (tollFree || PRO.test(before) || PRO.test(after)) {
    score -= 0.45;
    notes.push(tollFree ? '- toll-free number' : '- public or practice number');
  } else if (m.pattern === 'spread' || m.pattern === 'spelled') {
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
