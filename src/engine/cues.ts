import caseCueWords from '../../rules/case-cues.json';
import { sentenceIndexAt } from './patterns';
import type { DetectContext, Sentence } from './types';

/**
 * Case cues shared by the date, age, location and facility detectors: whether the draft, and each
 * sentence, is about a particular patient's case or about the author's professional life. One scan
 * per analysed draft, memoised on the context object.
 */

export const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');

/** Whole-word alternation of phrases (longest first); words may end in punctuation (`acc#`, `mr.`). */
export function phraseRegex(phrases: readonly string[], flags = 'g'): RegExp {
  const alts = [...new Set(phrases.map((p) => p.toLowerCase()))].sort((a, b) => b.length - a.length).map(esc);
  return new RegExp(`(?<![\\w#@])(?:${alts.join('|')})(?![\\w])`, flags);
}

const WEAK = new Set(caseCueWords.weakPatient);
const STRONG_RE = phraseRegex(caseCueWords.patient.filter((w) => !WEAK.has(w)));
const WEAK_RE = phraseRegex(caseCueWords.weakPatient);
const PROF_RE = phraseRegex(caseCueWords.professional);
/** Ages and age-sex shorthand (`93 y/o F`, `a 7yo`, `41-year-old`) say "a patient" on their own. */
/** "a kid with", "this gentleman who", "in for a shoulder MRI": a particular person's case. */
const PERSON_RE = /\b(?:a|an|this|one|our|the)\s+(?:[a-z]+\s+)?(?:kid|child|boy|girl|man|woman|guy|lady|gentleman|teen|teenager|toddler|baby|infant|patient|grandmother|grandfather)\s+(?:with|who|whose|in for)\b|\bin for (?:a|an|his|her) (?:[a-z]+ )?(?:ct|cta|mri|mr|x-ray|scan|ultrasound|biopsy|mammo[a-z]*|study|procedure|follow-up)\b|\b(?:his|her)\s+(?:[a-z-]+\s+)?(?:ct|cta|mri|mr|x-rays?|scans?|ultrasound|biopsy|mammogram|results|report|films|pet|surgery)\b/g;
const AGE_RE = /\b\d{1,3}\s?(?:-?(?:years?|days?|weeks?|months?)[- ]old|-?yr?s?[- ]old|yo[mf]?|y\/o|y\.o\.)(?![a-z])|\b\d{1,3} ?[MF]\b(?=[\s,.;:)])/g;
/** A conference acronym with its year (`ARRS 2026`, `#RSNA2026`) marks a professional sentence. */
const CONF_RE = /(?:#[A-Za-z]+20\d\d\b|\b[A-Z]{3,8} ?20\d\d\b)/g;

export interface CaseCues {
  /** The draft as a whole is about a particular patient's case. */
  readonly draftCase: boolean;
  sentenceAt(pos: number): Sentence | undefined;
  /** A strong patient cue in the sentence (pt, 93 y/o, admitted, scanned...). */
  strongIn(s: Sentence | undefined): boolean;
  /** Any patient cue, strong or weak (CT, MRI, a man, on call...). */
  patientIn(s: Sentence | undefined): boolean;
  /** A professional cue (conference, talk, job, residency...) in the sentence. */
  professionalIn(s: Sentence | undefined): boolean;
}

const memo = new WeakMap<DetectContext, CaseCues>();

function test(re: RegExp, s: string): boolean {
  re.lastIndex = 0;
  return re.test(s);
}

/** `presented at the ... meeting`, `presented our poster`: the author's professional life, not a patient who presented. */
const PRESENTED_PRO = /\bpresented\s+(?:at\s+(?:the\s+|a\s+|our\s+)?(?:[\w'’-]+\s+){0,5}?(?:meeting|conference|congress|symposium|summit|rounds|journal club|session|course|workshop|webinar)|(?:our|their|my|his|her|a|an|the|this)\s+(?:[\w'’-]+\s+){0,2}?(?:posters?|talks?|work|research|data|abstracts?|papers?|study|findings|case series|lectures?|keynote))\b/g;
/** The text with professional uses of patient words blanked (same length). */
function withoutProfessional(low: string): string {
  return low.includes('presented') ? low.replace(PRESENTED_PRO, (m) => ' '.repeat(m.length)) : low;
}

export function caseCues(ctx: DetectContext): CaseCues {
  const hit = memo.get(ctx);
  if (hit) return hit;
  // One strong cue or three weak ones make a case: stop scanning as soon as the answer is known.
  let draftCase: boolean | undefined;
  const isCase = (): boolean => {
    if (draftCase !== undefined) return draftCase;
    // a paragraph's context (scope.ts) answers for the whole draft
    if (ctx.draft) return (draftCase = caseCues(ctx.draft).draftCase);
    if (test(STRONG_RE, withoutProfessional(ctx.lower)) || test(AGE_RE, ctx.text) || test(PERSON_RE, ctx.lower)) return (draftCase = true);
    let weak = 0;
    WEAK_RE.lastIndex = 0;
    while (weak < 3 && WEAK_RE.exec(ctx.lower)) weak++;
    return (draftCase = weak >= 3);
  };
  const sentences = ctx.sentences;
  const cache = new Map<Sentence, [boolean, boolean, boolean]>();
  const flags = (s: Sentence): [boolean, boolean, boolean] => {
    let f = cache.get(s);
    if (!f) {
      const low = ctx.lower.slice(s.start, s.end);
      const strong = test(STRONG_RE, withoutProfessional(low)) || test(AGE_RE, s.text) || test(PERSON_RE, low);
      f = [strong, strong || test(WEAK_RE, low), test(PROF_RE, low) || test(CONF_RE, s.text)];
      cache.set(s, f);
    }
    return f;
  };
  const cues: CaseCues = {
    get draftCase() {
      return isCase();
    },
    sentenceAt: (pos) => sentences[sentenceIndexAt(sentences, pos)],
    strongIn: (s) => (s ? flags(s)[0] : false),
    patientIn: (s) => (s ? flags(s)[1] : false),
    professionalIn: (s) => (s ? flags(s)[2] : false),
  };
  memo.set(ctx, cues);
  return cues;
}

/** A blank line (it may hold spaces or tabs): where a paragraph ends (scope.ts splits drafts on it). */
export const BLANK_LINE = /\n[ \t]*\n/;

/**
 * Whether no blank line separates two sentences: neighbouring-sentence cues count only inside
 * a paragraph (as the context stage's word windows do), which keeps the date and location
 * detectors paragraph-scoped (src/engine/scope.ts).
 */
export function sameParagraph(text: string, a: Sentence, b: Sentence): boolean {
  const [x, y] = a.start <= b.start ? [a, b] : [b, a];
  return !BLANK_LINE.test(text.slice(x.end, y.start));
}

/** Up to `max` characters before `start`, not reaching back across a blank line. */
export function paragraphBefore(text: string, start: number, max: number): string {
  const s = text.slice(Math.max(0, start - max), start);
  const parts = s.split(BLANK_LINE);
  return parts[parts.length - 1];
}

/** Up to `max` characters after `end`, not reaching across a blank line. */
export function paragraphAfter(text: string, end: number, max: number): string {
  return text.slice(end, end + max).split(BLANK_LINE)[0];
}

/** Score in [0, 1], rounded to 2 decimals so sums like 0.3 + 0.15 + 0.05 reach 0.5. */
export const clamp = (x: number) => Math.round(Math.max(0, Math.min(1, x)) * 100) / 100;

