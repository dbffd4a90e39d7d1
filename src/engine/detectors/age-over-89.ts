import type { Candidate } from '../types';
import { defineDetector } from '../types';
import { caseCues, clamp } from '../cues';

/**
 * AGE_OVER_89: an age over 89, or a birth year that implies it (HIPAA Safe Harbor,
 * 45 CFR 164.514(b)(2)(i)(C): "all ages over 89 and all elements of dates (including year)
 * indicative of such age"). Ages of 89 and under are not PHI. Counts and measurements are not ages
 * (`95 percent`, `HU of 95`, `95 mg`). A decade alone (`in her 90s`) is the aggregated "90 or
 * older" category the rule allows, so it is not reported; part of one (`in her late 90s`) narrows it and is.
 */

const AGE = String.raw`(?:9\d|1[01]\d)`;
const UNITS = String.raw`(?:%|percent|mg|mcg|g|ml|cc|kg|lbs?|cm|mm|hu|units?|u|bpm|mmhg|degrees|°|min|mins|minutes|hours?|hrs?|days?|weeks?|months?|beats|feet|ft|miles|mph|km|seconds|sec|s|ms|patients|pts|cases|people|times|x|/|th|st|nd|rd)`;
const NOT_UNIT = String.raw`(?!\s*${UNITS}(?![a-z]))(?![\d.,]\d)`;

const ONES = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const SPELLED = String.raw`(?:ninety(?:[- ](?:${ONES.join('|')}))?|(?:one |a )?hundred(?: and (?:${ONES.join('|')}|ten|eleven|twelve))?)`;

interface AgePattern { name: string; re: RegExp; score: number; group: number; needCase?: boolean }
const THIS_YEAR = new Date().getFullYear();

const PATTERNS: AgePattern[] = [
  // 92-year-old, 94 yo F, 93 y/o, 102 y/o, 95yo, 98 years old
  { name: 'age-years-old', re: new RegExp(String.raw`\b(${AGE})\s?(?:-?\s?(?:years?|yrs?|yr)[- ]?(?:old|young)|-?\s?y\.?\s?o\.?(?=[\s,;:)!?]|$)|-?y\/o|yo[mf]?\b)`, 'gi'), score: 0.9, group: 1 },
  // ninety-two-year-old, Ninety-four-year-old, ninety-eight years old
  { name: 'spelled-years-old', re: new RegExp(String.raw`\b(${SPELLED}[- ](?:years?[- ](?:old|young)|year-old|yo))\b`, 'gi'), score: 0.9, group: 1 },
  // my oldest patient, a hundred and two, told me; the lady in bed 4, 97, asked (an age set off by commas after a person)
  { name: 'appositive', re: new RegExp(String.raw`\b(?:patient|pt|lady|man|woman|gentleman|guy|grandma|grandpa|grandmother|grandfather|veteran|resident|widow|widower|mom|mother|dad|father|regular|neighbor|neighbour|aunt|uncle|granny|nana),\s+(?:aged?\s+)?(${AGE}|${SPELLED})(?:\s+years\s+old)?(?=,)`, 'gi'), score: 0.75, group: 1 },
  // Ninety-three years without an X-ray (a spelled age with "years", in a case)
  { name: 'spelled-years', re: new RegExp(String.raw`\b(${SPELLED} years)\b(?! (?:of|in|ago|later|earlier|since|after|before))`, 'gi'), score: 0.45, group: 1, needCase: true },
  // aged 101, age 93, turned 100, she's 93, he is 97, at 91.
  { name: 'age-verb', re: new RegExp(String.raw`\b(?:aged?|at age|age of|turned|turns|turning|she's|he's|she is|he is|who's|who is|is now|now)\s+(${AGE})\b${NOT_UNIT}`, 'gi'), score: 0.75, group: 1 },
  { name: 'age-verb-spelled', re: new RegExp(String.raw`\b(?:aged?|at age|turned|turns|turning|she's|he's|she is|he is|who's|who is)\s+(${SPELLED})\b`, 'gi'), score: 0.75, group: 1 },
  // the patient is 91, our pt was 96, her grandmother is 93
  { name: 'person-is-age', re: new RegExp(String.raw`\b(?:patient|pt|mom|mother|dad|father|grandmother|grandfather|grandma|grandpa|lady|gentleman|veteran|resident)\s+(?:is|was|is now|was now)\s+(${AGE})\b${NOT_UNIT}`, 'gi'), score: 0.75, group: 1 },
  // our nonagenarian, a centenarian (one person, in a case): the word is the age
  { name: 'age-word', re: /\b(?:a|an|our|the|this|my|his|her|their|one|that)\s+((?:super)?centenarian|nonagenarian)\b(?!s)/gi, score: 0.45, group: 1, needCase: true },
  // in her late 90s, his mid-nineties (part of a decade over 89 narrows the age; the era "the late 90s" is not a person)
  { name: 'decade-part', re: /\b(?:her|his|their)\s+((?:early|mid|late)[- ]?(?:['’]?90s|nineties))\b/gi, score: 0.75, group: 1 },
  // 96 and tougher than all of us. (an age opening a sentence, in a case)
  { name: 'number-opening', re: new RegExp(String.raw`(?:^|[.!?]\s+|\n)(${AGE})(?=,\s|\s+and\s)${NOT_UNIT}`, 'g'), score: 0.45, group: 1, needCase: true },
  // "At 91." "at 97!" (a clause of its own)
  { name: 'at-age', re: new RegExp(String.raw`\b[Aa]t (${AGE})(?=[.!,;]\s|[.!]$|!)`, 'g'), score: 0.45, group: 1, needCase: true },
  // Mr. Kowalski (92, ...), Harold, 94, in his last months; Barbara Keane, 91, MRN
  { name: 'name-comma-age', re: new RegExp(String.raw`(?:[A-Z][a-z'’]+|[A-Z]\.)\s?[,(]\s?(${AGE})\s?(?=[,;)]|\s?(?:yo|y\/o|[MF]\b))`, 'g'), score: 0.55, group: 1, needCase: true },
  // ninety-one and still farming (a spelled age opening a sentence)
  { name: 'spelled-opening', re: new RegExp(String.raw`(?:^|[.!?]\s+|\n)(${SPELLED})(?=,|\s+and\s)`, 'gi'), score: 0.45, group: 1, needCase: true },
  // 94M, 96 F (age and sex shorthand)
  { name: 'age-sex', re: new RegExp(String.raw`(?<![\w.,/°-])(${AGE}) ?(?:yo ?)?[MF](?=[\s,;:)])`, 'g'), score: 0.5, group: 1, needCase: true },
];

const BIRTH_YEAR = /\b(?:born(?: in)?|b\.|birth year|year of birth|yob)\s*:?\s*((?:18|19)\d\d|['’]\d\d)(?!\w|['’]?s\b)/gi;
/** The person the age word names does something in the sentence: `a nonagenarian told me`, `a centenarian who`. */
/** The author's own family (`My grandma turned 95`, `Grandpa is 94`) outside a case is not a patient's age. */
const OWN_FAMILY = /(?:^|\bmy\s+)(?:great-)?(?:grandpa|grandma|grandmother|grandfather|granny|nana|mom|mother|dad|father|aunt|uncle)\b(?:\s+\w+)?\s*$/i;
const AGE_WORD_ACTS = /^\s+(?:who|with|in for|came|told|tell|said|asked|walked|drove|rolled|showed|taught|gave|had|has|was|is|on|from)\b/i;
/** An exact age of the same person nearby (`a centenarian! 103 years young`): the number is the identifier. */
const EXACT_AGES = new Set(['age-years-old', 'spelled-years-old', 'appositive', 'age-verb', 'age-verb-spelled', 'person-is-age', 'name-comma-age']);
const FEVER_BEFORE = /(?:fever|temp|temperature|t max|tmax|°)\s*(?:of|was|is|:)?\s*$/i;

export const ageOver89 = defineDetector({
  id: 'age-over-89',
  category: 'phi',
  scope: 'paragraph',
  types: ['AGE_OVER_89'],
  detect(ctx) {
    const text = ctx.text;
    const cues = caseCues(ctx);
    const out: Candidate[] = [];
    const push = (start: number, end: number, pattern: string, base: number, score: number, notes: string[]) => out.push({
      detectorId: 'age-over-89', type: 'AGE_OVER_89', start, end, score: clamp(score), contextDone: true,
      explanation: { pattern, baseScore: base, ...(notes.length ? { context: notes } : {}) },
    });
    for (const p of PATTERNS) {
      for (const m of text.matchAll(p.re)) {
        const value = m[p.group];
        const start = m.index! + m[0].indexOf(value);
        let end = start + value.length;
        // the whole "96-year-old" is the identifier when the pattern carries the unit
        if (p.name === 'age-years-old') end = m.index! + m[0].length;
        if (p.name === 'age-sex' && FEVER_BEFORE.test(text.slice(Math.max(0, start - 20), start))) continue;
        const s = cues.sentenceAt(start);
        const notes: string[] = [];
        let score = p.score;
        const acts = p.name === 'age-word' && AGE_WORD_ACTS.test(text.slice(end, end + 16));
        if (p.needCase) {
          if (cues.strongIn(s) || cues.draftCase || acts) { score += 0.3; notes.push(acts ? '+0.3 the person acts' : '+0.3 case context'); }
          else continue;
        }
        if (cues.professionalIn(s) && !cues.strongIn(s)) { score -= 0.3; notes.push('-0.3 professional cue'); }
        if (s && !cues.strongIn(s) && !cues.draftCase && OWN_FAMILY.test(text.slice(s.start, m.index!))) { score -= 0.3; notes.push("-0.3 the author's own family"); }
        push(start, end, p.name, p.score, score, notes);
      }
    }
    for (const m of text.matchAll(BIRTH_YEAR)) {
      // born in '27: a two-digit year is the latest past one (1927 in 2026)
      const yy = m[1].length === 3 ? +m[1].slice(1) : -1;
      const year = yy < 0 ? +m[1] : 2000 + yy > THIS_YEAR ? 1900 + yy : 2000 + yy;
      if (THIS_YEAR - year <= 89) continue;
      const start = m.index! + m[0].lastIndexOf(m[1]);
      const s = cues.sentenceAt(start);
      // a birth year that old is about a person who is over 89 today, whoever writes about them
      const prof = cues.professionalIn(s) && !cues.strongIn(s);
      push(start, start + m[1].length, 'birth-year', 0.75, prof ? 0.35 : 0.75, prof ? ['-0.4 professional cue'] : []);
    }
    // the word (a centenarian) gives way to the exact age of the same person in its sentence or the next
    return out.filter((c) => c.explanation?.pattern !== 'age-word' || !out.some((o) => EXACT_AGES.has(o.explanation?.pattern ?? '') && o.start > c.end && o.start - c.end < 60 && !/\n\s*\n/.test(text.slice(c.end, o.start))));
  },
});
