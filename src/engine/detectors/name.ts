import cues from '../../../rules/name-cues.json';
import eponymData from '../../../rules/eponyms.json';
import figures from '../../../rules/public-figures.json';
import states from '../../../rules/us-states.json';
import { nlp, parse } from '../nlp';
import { perParagraph } from '../scope';
import { defineDetector } from '../types';
import type { Candidate, DetectContext, Severity } from '../types';

/**
 * NAME: a patient's or a patient's relative's name, nickname, initials used as a name, a patient's
 * hashtag or handle (GUIDELINE.md; HIPAA Safe Harbor 45 CFR 164.514(b)(2)(i)(A)).
 *
 * A string that looks like a name is PHI only when it names a patient, so context decides, as a
 * careful colleague would. Named patterns find the shapes (each with a base score):
 *   header      `Patient: Reyes, Marco A.`, `Guarantor: Evelyn Marsh`, DICOM `ALVAREZ^ROSA`
 *   cue         a patient cue right before the name: `my patient Priya`, `pt J.D.`, `a guy named marcus`
 *   relative    `his wife Annette`, `Mrs. D's husband Walter`, `Mom is Barbara Keane`
 *   honorific   `Mrs. Alvarez`, `Mr. K`, `ms. pruitt`
 *   titled      `Dr. X`: a colleague unless the author says they scanned or treated them
 *   hashtag     `#JaneDoeStrong`, `#PrayForKaylee`; `handle`: `my patient @x`, `u/x if you see this`
 *   vocative    `gary if you're reading this`; `signature` `- Marlene."` closing a patient's card
 *   person      compromise #Person in a sentence (parsed only when it holds a name-like word and a
 *               patient cue nearby), then `coref`: later mentions of an accepted name.
 * Evidence then moves the score: an age right after the name (`Harold, 94,`), an identifier label,
 * a relative after it (`Mr. Dorsey's daughter`), patient cues in the sentence or a neighbour raise it;
 * professional cues nearby (`thanks to`, `talk by`, `et al.`, colleague, resident) lower it.
 * Medical eponyms (rules/eponyms.json), public figures (rules/public-figures.json), placeholders
 * (`a John Doe`) and organisations (`... Hospital`) are dropped. A name with patient context blocks
 * (score >= 0.85); a weaker signal warns.
 */

type Source =
  | 'header' | 'dicom' | 'cue' | 'relative' | 'own-family' | 'titled' | 'honorific' | 'hashtag' | 'handle'
  | 'possessive' | 'aged' | 'kin' | 'reply' | 'vocative' | 'signature' | 'person' | 'coref'
  | 'list' | 'appositive' | 'nickname' | 'initials' | 'lowercase';

/** A more specific pattern wins over a generic one on the same span, whatever the scores. */
const PRIORITY: Record<Source, number> = {
  header: 9, dicom: 9, cue: 8, relative: 7, 'own-family': 7, titled: 7, honorific: 6, handle: 6, hashtag: 5,
  kin: 5, possessive: 5, aged: 5, reply: 4, vocative: 4, signature: 3, person: 2, coref: 1,
  list: 7, appositive: 6, nickname: 6, initials: 6, lowercase: 3,
};
const BASE: Record<Source, number> = {
  header: 0.95, dicom: 0.9, cue: 0.9, relative: 0.85, 'own-family': 0.2, titled: 0.6, honorific: 0.65, handle: 0.75,
  hashtag: 0.7, possessive: 0.55, aged: 0.7, kin: 0.45, reply: 0.6, vocative: 0.6, signature: 0.55, person: 0.35, coref: 0.6,
  list: 0.7, appositive: 0.65, nickname: 0.75, initials: 0.7, lowercase: 0.65,
};
/** Sources that already carry their own patient cue: professional words nearby do not lower them. */
const CUED = new Set<Source>(['header', 'dicom', 'cue', 'relative', 'titled', 'handle']);

const W = {
  age: 0.35, identifier: 0.25, relativeAfter: 0.25, sentenceCue: 0.3, neighbourCue: 0.2, weakCue: 0.05, draft: 0.05,
  profAdjacent: 0.5, profWindow: 0.3, placeBefore: 0.4, consent: 0.2, address: 0.3, wellness: 0.15,
};

interface Raw {
  start: number;
  end: number;
  source: Source;
  /** false: the span only shields itself from weaker sources (a colleague `Dr. X`). */
  emit: boolean;
  score?: number;
  note?: string;
  /** A single given name: compromise must read it as a person in this sentence. */
  confirm?: { start: number; text: string };
}

// ---------------------------------------------------------------------------------------------
// Word lists and compromise's lexicon (read only: never addWords, STYLE.md)

const lc = (s: string) => s.toLowerCase();
const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Alternation of phrases, longest first, whitespace flexible. */
const alt = (list: readonly string[]) =>
  [...new Set(list)].sort((a, b) => b.length - a.length).map((p) => esc(p).replace(/\s+/g, '\\s+')).join('|');
/** A whole-word (letters and digits) test for any phrase of the list. */
const wordsRe = (list: readonly string[], flags = 'u') => new RegExp(`(?<![\\p{L}\\d])(?:${alt(list)})(?![\\p{L}\\d])`, flags);

const LEX = (nlp.world() as { model: { one: { lexicon: Record<string, string | string[]> } } }).model.one.lexicon;
const tagOf = (w: string): string => {
  const v = LEX[lc(w)];
  return v === undefined ? '' : Array.isArray(v) ? v.join(',') : v;
};
const COMMON_GIVEN = new Set(cues.commonGiven);
const isGiven = (w: string) => /MaleName|FemaleName|FirstName/.test(tagOf(w)) || COMMON_GIVEN.has(lc(w));
const isNameWord = (w: string) => isGiven(w) || /LastName|Person/.test(tagOf(w));
/** A dictionary word that is not a name (The, Presented, Hope without a cue). */
const isCommonWord = (w: string) => tagOf(w) !== '' && !isNameWord(w);
const STOP = new Set(['the', 'a', 'an', 'and', 'or', 'but', 'with', 'who', 'was', 'is', 'has', 'had', 'in', 'on', 'at', 'to', 'of', 'for', 'from', 'by', 'that', 'this', 'he', 'she', 'they', 'it', 'his', 'her', 'their', 'i', 'we', 'you', 'my', 'our', 'your', 'here', 'there', 'today', 'yesterday']);

const PUBLIC_FULL = new Set(figures.full.map((s) => fold(lc(s))));
const PUBLIC_SURNAMES = new Set(figures.surnames.map((s) => fold(lc(s))));
const PLACEHOLDERS = new Set(cues.placeholders);
const ORG_AFTER = new Set(cues.orgAfter);
const DISASTER_AFTER = /^[ \t]+(?:flooding|floods?|hurricane|storm|wildfires?|fires?|tornado|outbreak|earthquake|blizzard|clean-?up|evacuations?|derecho|landfall|relief effort)\b/i;
const PLACE_BEFORE = new Set(cues.placeBefore);
const RELATIVES = alt(cues.relatives);
const HONORIFIC_WORDS = new Set([...cues.honorifics, ...cues.professionalTitles]);

const STRONG_RE = wordsRe(cues.patientStrong);
const WEAK_RE = wordsRe(cues.patientWeak);
const IDENT_RE = wordsRe(cues.identifierLabels);
const PROF_RE = wordsRe(cues.professional, 'gu');
const PROF_ADJ_RE = new RegExp(`(?<![\\p{L}\\d])(?:${alt(cues.professionalAdjacent)})[\\s,:]*$`, 'u');
/** `She was 58`, `he's 71`: an age stated about someone in the story. */
const AGE_STATEMENT = /\b(?:he|she)(?:'s| is| was| turned| turns)[ \t]+(?:only[ \t]+|just[ \t]+)?\d{1,3}\b/;
/** A professional word about the author (`I was a second-year resident`) says nothing about the name. */
const AUTHOR_ROLE = /\b(?:i|i'm|i am|i was|as|when i was)[ \t]+(?:a|an|the)?[ \t]*(?:[\p{L}-]+[ \t]+)?$/u;
const FIRST_PERSON_CARE = /\b(?:i|we) (?:just )?(?:scanned|imaged|read|biopsied|treated|admitted|operated on|saw)\b|\bmy (?:patient|pt)\b|\bour (?:patient|pt)\b/;

// ---------------------------------------------------------------------------------------------
// Name shapes (case-sensitive, on the normalised text; linear: no nested quantifiers)

/** A capitalised name word: Whitfield, O'Brien, McDonald, Gonzalez-Reyes, Röntgen. */
const CAP = String.raw`\p{Lu}(?:\p{Ll}+|'\p{Lu}\p{Ll}+)(?:\p{Lu}\p{Ll}+)?(?:-\p{Lu}\p{Ll}+)*`;
/** First [M.] Last [Last]: Gerald Finch, Marcus T. Bell. */
const FULL = String.raw`${CAP}(?:[ \t]+\p{Lu}\.)?(?:[ \t]+${CAP}){0,2}`;
const INITIAL = String.raw`\p{Lu}\.?(?![\p{L}\d])`;
const INITIALS = String.raw`\p{L}\.[ \t]?\p{L}\.?(?![\p{L}\d])`;
const LOWER_NAME = String.raw`\p{Ll}[\p{Ll}'-]+(?:[ \t]+\p{Ll}\.(?![\p{L}\d]))?`;
const LAST_COMMA_FIRST = String.raw`\p{Lu}[\p{L}'-]+,[ \t]*\p{Lu}[\p{L}'-]+(?:[ \t]+\p{Lu}\.?(?![\p{L}]))?`;
const DICOM = String.raw`\p{Lu}[\p{Lu}'-]+(?:\^\p{Lu}[\p{Lu}'-]*)+`;
const ALLCAPS_FULL = String.raw`\p{Lu}[\p{Lu}'-]+(?:[ \t]+\p{Lu}[\p{Lu}'-]+){1,2}(?![\p{L}])`;

const sticky = (src: string) => new RegExp(src, 'uy');
const AT_INITIALS = sticky(INITIALS);
const AT_FULL = sticky(FULL);
const AT_INITIAL = sticky(INITIAL);
/** An initial and a surname: `pt A. Haddad`, `patient J Moreno`. */
const AT_INITIAL_SURNAME = sticky(String.raw`\p{Lu}\.?[ \t]+(${CAP})(?![\p{L}'])`);
const AT_LOWER = sticky(LOWER_NAME);
const AT_HEADER_NAME = sticky(`(?:(?:Mr|Mrs|Ms|Miss|Mx)\\.?[ \\t]+)?(${DICOM}|${LAST_COMMA_FIRST}|${ALLCAPS_FULL}|${FULL})`);
const AT_HONORIFIC_SKIP = sticky(String.raw`(?:Mr|Mrs|Ms|Miss|Mx|Mister|Dr|Prof)\.?[ \t]`);

const HEADER_RE = new RegExp(`(?<![\\p{L}])(?:${alt(cues.headerLabels)})[ \\t]*[:=#][ \\t]*`, 'gu');
const DICOM_RE = new RegExp(`(?<![\\p{L}\\d^])${DICOM}`, 'gu');
const CUE_RE = new RegExp(`(?<![\\p{L}\\d-])(?:${alt(cues.patientBefore)})[ \\t]*[:,]?[ \\t]+`, 'gu');
const OWNER = `${alt(cues.relativeOwners)}|${alt(cues.ownFamily)}|[\\p{L}]+'s`;
/** A relative word, then (`is`/`was` or a comma) and the name; the owner is read backwards. */
const RELATIVE_RE = new RegExp(`(?<![\\p{L}'])(?:${RELATIVES})(?:[ \\t]+(is|was))?[ \\t]*,?[ \\t]+`, 'gu');
const OWNER_BEFORE = new RegExp(
  `(?<![\\p{L}'])(${OWNER})[ \\t]+(?:(?:late|dear|beloved|little|older|younger|oldest|youngest|eldest|adult|teenage|\\d+-year-old)[ \\t]+)?$`,
  'u',
);
const OWN_BEFORE = new RegExp(`(?<![\\p{L}'])(?:${alt(cues.ownFamily)})[ \\t]+$`, 'u');
const HONORIFIC_RE = new RegExp(`(?<![\\p{L}])(Mr|Mrs|Ms|Miss|Mx|Mister|MR|MRS|${alt(cues.foreignHonorifics)})(\\.?)[ \\t]+(?:(${FULL})|(${INITIAL}))`, 'gu');
const LOWER_HONORIFIC_RE = /(?<![\p{L}])(?:mr|mrs|ms)\.[ \t]+(\p{Ll}[\p{Ll}'-]+)/gu;
const TITLED_RE = new RegExp(`(?<![\\p{L}])(?:Dr|Doctor|DR|Prof|Professor)\\.?[ \\t]+(?:(${FULL})|(\\p{Lu}\\.[ \\t]*${CAP}))`, 'gu');
const HASHTAG_RE = /(?<![\p{L}\d#&])#([\p{L}][\p{L}\d]+)/gu;
const HANDLE_RE = /(?<![\w@/.])(@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?(?:@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)?|u\/[A-Za-z0-9_-]{3,})/g;
const ADDRESS_RE = new RegExp(`^[ \\t]*,?[ \\t]*(?:${alt(cues.addressAfter)})`, 'u');
/** `u/x, about your mom's PET/CT`: a handle addressed about their own or a relative's care. */
const ADDRESS_YOUR_RE = new RegExp(`^[ \\t]*[,:][ \\t]*(?:[\\p{L}']+[ \\t]+){0,3}your[ \\t]+(?:${RELATIVES}|scan|scans|ct|mri|pet|x-ray|report|results|biopsy|mammogram|images?)(?![\\p{L}])`, 'u');
const VOCATIVE_RE = new RegExp(`(?<![\\p{L}@#/])(\\p{L}[\\p{L}'-]*)[ \\t]*,?[ \\t]+(?=${alt(cues.addressAfter)})`, 'gu');
const SIGNATURE_RE = new RegExp(`(?:^|[\\s"])-{1,2}[ \\t]*(${CAP})(?=[.!]?["']|[.!]?[ \\t]*(?:\\n|$))`, 'gu');
const AGE_AFTER = /^[ \t]*[,(][ \t]*(?:age[ \t]*|aged[ \t]*)?\d{1,3}(?:[ \t]*(?:yo|y\/o|y|yrs?|years?(?: old)?|-year-old|[mfMF]))?[ \t]*(?:[,)]|\.(?!\d)|$)/;
const RELATIVE_AFTER = new RegExp(`^'s?[ \\t]+(?:${RELATIVES})(?![\\p{L}])`, 'u');
const ET_AL = /^[ \t,]*(?:et\.?[ \t]+al|and colleagues|&[ \t]+colleagues)/i;
/** The patient agreed to be shown (`thanks to X for letting me share`): outweighs the `thanks` cue. */
const CONSENT_RE = wordsRe(cues.consent);
const STUDY_NOUNS = new Set(cues.studyNouns);
/** Words after `X's CT` that make X an institution or vendor (`Stanford's MRI safety course`). */
const PROGRAMME = new Set(cues.programmeWords);
const RELATIVE_WORDS = new Set(cues.relatives);
const SCORE_NAMES = new Set(cues.scoreNames);
/** A name-like word that is a place, organisation or date in compromise's lexicon. */
const NOT_PERSON_TAG = /Place|City|Country|Region|Organization|Date|Month|WeekDay|Holiday/;
/** `Brennan's CT`, `Okafor's latest MRI`, `Lena Ward's daughter`: a possessive name before a study or a relative. */
const POSSESSIVE_RE = new RegExp(`(?<![\\p{L}'@#/.\\-])(${CAP}(?:[ \\t]+${CAP})?)['’]s[ \\t]+([\\p{L}/-]+)(?:[ \\t]+([\\p{L}/-]+))?`, 'gu');
/** `Amaru was 4.`, `Kemal, 36, ...`: a name with an age stated about it. */
const AGED_RE = new RegExp(
  `(?<![\\p{L}'@#/.\\-])(${CAP})(?:[ \\t]+(?:was|is|turned|turns|had just turned|was only|is only|was just|is just)[ \\t]+\\d{1,3}(?:[ \\t]*(?:years?|yrs?|months?|weeks?|days?)(?:[ \\t]+old)?)?(?=[ \\t]*(?:[.,;!)]|\\n|$))|[ \\t]*,[ \\t]*\\d{1,3}[ \\t]*,)`,
  'gu',
);
/** `Grandpa Joe`, `Baba Kofi`, `Auntie Rosa`: a family title before a given name. */
const KIN_WORDS = new Set(cues.kinTitles);
const KIN_TITLES = cues.kinTitles.flatMap((t) => [t, t[0].toUpperCase() + t.slice(1)]);
const KIN_RE = new RegExp(`(?<![\\p{L}])(?:${alt(KIN_TITLES)})[ \\t]+(${CAP})(?![\\p{L}'])`, 'gu');
/** `his dad's name, Luis Ortega`, `her son's name is Theo`. */
const RELATIVE_NAME_RE = new RegExp(`(?<![\\p{L}'])(?:his|her|their|your|the patient's|patient's|pt's)[ \\t]+(?:${RELATIVES})['’]s[ \\t]+name(?:[ \\t]+(?:is|was)[ \\t]*[:,]?|[ \\t]*[,:])[ \\t]+`, 'gu');
/** A draft opening on `Name,` that answers someone about their own or a relative's care. */
const REPLY_OPEN = new RegExp(`^[ \\t\\n]*(?:@[\\w.]+[ \\t]+)*(\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?)[ \\t]*,`, 'u');
const REPLY_CUE = new RegExp(`(?<![\\p{L}])(?:${alt(cues.replyCues)}|your[ \\t]+(?:${RELATIVES})(?:'s)?)(?![\\p{L}])`, 'u');
const PLACE_TITLE_BEFORE = /(?:\b(?:St|Saint|Mt|Mount|Fort|Port|San|Santa|Lake|Camp|Cape)\.?|\bat|@)[ \t]+$/;

// ---------------------------------------------------------------------------------------------
// Eponyms in their medical use (rules/eponyms.json): ranges of the text that are not names

interface EponymEntry { re: RegExp }
const POSS = "(?:'s|'|s)?";
const namePat = (name: string) =>
  [...new Set([name, fold(name)])].map((v) => esc(v).replace(/-/g, '[- ]').replace(/\s+/g, '\\s+')).join('|');
const splitTerm = (term: string): { name: string; tail: string } => {
  const toks = term.split(/\s+/);
  let last = 0;
  toks.forEach((t, i) => { if (/\p{Lu}/u.test(t)) last = i; });
  return { name: toks.slice(0, last + 1).join(' ').replace(/'s?$/, ''), tail: toks.slice(last + 1).join(' ') };
};
const HEADS = alt(eponymData.heads);
const EPONYM_INDEX = new Map<string, EponymEntry[]>();
const EPONYM_NAMES: string[] = [];
function indexEponym(name: string, re: RegExp): void {
  const key = fold(lc(name.split(/[\s-]+/)[0]));
  const list = EPONYM_INDEX.get(key) ?? [];
  list.push({ re });
  EPONYM_INDEX.set(key, list);
}
for (const term of eponymData.terms) {
  const { name, tail } = splitTerm(term);
  EPONYM_NAMES.push(name);
  const tails = tail ? `${alt([tail])}|${HEADS}` : HEADS;
  indexEponym(name, new RegExp(`(?:${namePat(name)})${POSS}(?:[- ](?:type|like))?\\s+(?:${tails})(?![\\p{L}])`, 'iuy'));
}
for (const name of eponymData.alone) {
  EPONYM_NAMES.push(name);
  indexEponym(name, new RegExp(`(?:${namePat(name)})${POSS}(?![\\p{L}])`, 'iuy'));
}
for (const phrase of eponymData.phrases) {
  indexEponym(phrase, new RegExp(`(?:${namePat(phrase)})(?![\\p{L}])`, 'iuy'));
}
/** A list of eponyms (`Colles, Smith and Barton fractures`, `Legg, Calvé and Perthes`, `Hodgkin lymphoma, Graves, Addison`). */
const EPONYM_LIST_NAME = `(?:${[...new Set(EPONYM_NAMES)].map(namePat).join('|')})${POSS}(?:[ \\t]+(?:${HEADS}))?`;
const EPONYM_LIST = new RegExp(
  `${EPONYM_LIST_NAME}(?:[ \\t]*(?:,|&|/|\\band\\b|\\bor\\b|\\bvs\\.?|\\bversus\\b)[ \\t]*(?:(?:and|or)[ \\t]+)?${EPONYM_LIST_NAME}(?![\\p{L}]))+`,
  'iuy',
);
const EPONYM_LIST_HEAD = new RegExp(`^[ \\t]+(?:${HEADS})(?![\\p{L}])`, 'iu');

/**
 * An eponym missing from the list (`Rasmussen encephalitis`): one surname-like word right before a
 * head noun. A given name's possessive stays a name (`Ava's tumor` is the patient's tumour).
 */
const HEAD_AFTER = new RegExp(`^('s?)?[ \\t]+(?:${HEADS}|encephalitis|syndrome)(?![\\p{L}])`, 'iu');
function looksEponymous(name: string, after: string): boolean {
  if (/\s/.test(name.trim())) return false;
  const m = HEAD_AFTER.exec(after);
  if (!m) return false;
  return !m[1] || !isGiven(name);
}

/** Ranges of `text` where a medical eponym is used medically (not a person's name). */
export function eponymRanges(text: string, from = 0, to = text.length): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const word = /\p{L}+/gu;
  word.lastIndex = from;
  let m: RegExpExecArray | null;
  let skipTo = from;
  while ((m = word.exec(text)) && m.index < to) {
    if (m.index < skipTo) continue;
    if (m.index > 0 && /[\p{L}'\d]/u.test(text[m.index - 1])) continue;
    const w = lc(m[0]);
    const entries = EPONYM_INDEX.get(w) ?? (/[^a-z]/.test(w) ? EPONYM_INDEX.get(fold(w)) : undefined);
    if (!entries) continue;
    let end = -1;
    EPONYM_LIST.lastIndex = m.index;
    const list = EPONYM_LIST.exec(text);
    if (list) {
      const names = list[0].split(/[ \t]*(?:,|&|\/|\band\b|\bor\b|\bvs\.?|\bversus\b)[ \t]*/).filter(Boolean).length;
      if (names >= 3 || EPONYM_LIST_HEAD.test(text.slice(m.index + list[0].length, m.index + list[0].length + 40))) {
        end = m.index + list[0].length;
      }
    }
    for (const e of entries) {
      e.re.lastIndex = m.index;
      const hit = e.re.exec(text);
      if (hit) end = Math.max(end, m.index + hit[0].length);
    }
    if (end > m.index) {
      out.push([m.index, end]);
      skipTo = end;
    }
  }
  return out;
}

/** The medical eponyms of the draft, found once per distinct paragraph (scope.ts). */
function eponymsOf(ctx: DetectContext): Array<[number, number]> {
  return perParagraph(ctx, 'name-eponyms', (p) => eponymRanges(p.text).map(([start, end]) => ({ start, end }))).map((r) => [r.start, r.end]);
}

// ---------------------------------------------------------------------------------------------
// Candidate generation

/** The name right at `pos` after a cue: initials, a capitalised name, or (if allowed) a lower-case one. */
function nameAt(text: string, pos: number, lower: 'never' | 'given' | 'any'): [number, number] | undefined {
  AT_HONORIFIC_SKIP.lastIndex = pos;
  if (AT_HONORIFIC_SKIP.test(text)) return undefined; // the honorific pattern takes it
  AT_INITIALS.lastIndex = pos;
  let m = AT_INITIALS.exec(text);
  if (m) return [pos, pos + m[0].length];
  AT_INITIAL_SURNAME.lastIndex = pos;
  m = AT_INITIAL_SURNAME.exec(text);
  if (m && (!isCommonWord(m[1]) || isNameWord(m[1]))) return [pos, pos + m[0].length];
  AT_FULL.lastIndex = pos;
  m = AT_FULL.exec(text);
  if (m) {
    const span = trimCommonTail(text, pos, pos + m[0].length);
    const first = text.slice(pos, span[1]).split(/[ \t]+/)[0];
    if (isCommonWord(first) && !isGiven(first)) return undefined;
    return span;
  }
  AT_INITIAL.lastIndex = pos;
  if (lower === 'never' && AT_INITIAL.test(text) && /^\p{Lu}\.[ \t]/u.test(text.slice(pos, pos + 3))) return [pos, pos + 2];
  if (lower === 'never') return undefined;
  AT_LOWER.lastIndex = pos;
  m = AT_LOWER.exec(text);
  if (!m) return undefined;
  const word = m[0].split(/[ \t]+/)[0].replace(/'s$/, '');
  const withInitial = m[0].includes('.');
  if (STOP.has(word)) return undefined;
  if (lower === 'given' && !withInitial && !isGiven(word)) return undefined;
  if (lower === 'any' && !withInitial && isCommonWord(word) && !isGiven(word)) return undefined;
  return [pos, pos + (withInitial ? m[0].length : word.length)];
}

/** Drops trailing words of a name span that are dictionary words, not names (`Price Called`). */
function trimCommonTail(text: string, start: number, end: number): [number, number] {
  const words = text.slice(start, end).split(/([ \t]+)/);
  while (words.length > 2) {
    const lastWord = words[words.length - 1];
    if (!isCommonWord(lastWord) || /^\p{Lu}\.$/u.test(lastWord)) break;
    words.splice(-2, 2);
  }
  return [start, start + words.join('').length];
}

function pushAt(raw: Raw[], span: [number, number] | undefined, source: Source, emit = true, note?: string): void {
  if (span && span[1] > span[0]) raw.push({ start: span[0], end: span[1], source, emit, note });
}

function findHeaders(ctx: DetectContext, raw: Raw[]): void {
  HEADER_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  const labelled = /[:=#]/.test(ctx.text);
  while (labelled && (m = HEADER_RE.exec(ctx.lower))) {
    const pos = m.index + m[0].length;
    AT_HEADER_NAME.lastIndex = pos;
    const n = AT_HEADER_NAME.exec(ctx.text);
    if (!n) continue;
    const start = pos + n[0].length - n[1].length;
    const first = n[1].split(/[ \t,]+/)[0];
    if (isCommonWord(first) && !isNameWord(first) && !/^\p{Lu}+$/u.test(first)) continue;
    pushAt(raw, [start, start + n[1].length], 'header');
  }
  DICOM_RE.lastIndex = 0;
  while (ctx.text.includes('^') && (m = DICOM_RE.exec(ctx.text))) pushAt(raw, [m.index, m.index + m[0].length], 'dicom');
}

function findCued(ctx: DetectContext, raw: Raw[]): void {
  const named = new Set(cues.namedNouns);
  CUE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CUE_RE.exec(ctx.lower))) {
    const cue = m[0].trim().replace(/[:,]$/, '').trim();
    const pos = m.index + m[0].length;
    let lower: 'never' | 'given' | 'any' = 'given';
    if (/named$|^name|goes by/.test(cue)) {
      const before = ctx.lower.slice(Math.max(0, m.index - 30), m.index).match(/[\p{L}-]+/gu) ?? [];
      if (cue.endsWith('named') && !named.has(before[before.length - 1] ?? '')) continue;
      lower = 'any';
    }
    pushAt(raw, nameAt(ctx.text, pos, lower), 'cue');
    CUE_RE.lastIndex = pos;
  }
  RELATIVE_RE.lastIndex = 0;
  while ((m = RELATIVE_RE.exec(ctx.lower))) {
    const pos = m.index + m[0].length;
    const before = ctx.lower.slice(Math.max(0, m.index - 40), m.index);
    if (m[1]) {
      // `Mom is Barbara Keane`: no owner needed; `my mom is ...` is the author's family.
      pushAt(raw, nameAt(ctx.text, pos, 'never'), OWN_BEFORE.test(before) ? 'own-family' : 'relative');
      continue;
    }
    const o = OWNER_BEFORE.exec(before);
    if (!o) continue;
    const owner = o[1];
    // `everyone's mom` and the like: a possessive owner must be a name-like word (`Mrs. D's`, `hollis's`).
    let own = cues.ownFamily.includes(owner);
    if (owner.endsWith("'s") && !cues.relativeOwners.includes(owner)) {
      const at = m.index - before.length + o.index;
      const w = ctx.text.slice(at, at + owner.length - 2);
      // `her late husband's sister, Name`: a relative of a relative; `my husband's sister` is the author's
      if (RELATIVE_WORDS.has(lc(w))) {
        const chain = OWNER_BEFORE.exec(ctx.lower.slice(Math.max(0, at - 40), at));
        if (!chain || /'s$/.test(chain[1])) continue;
        own = cues.ownFamily.includes(chain[1]);
      } else if (isCommonWord(w) && !isNameWord(w) && !/^\p{Lu}$/u.test(w)) continue;
    }
    pushAt(raw, nameAt(ctx.text, pos, 'given'), own ? 'own-family' : 'relative');
  }
}

function findHonorifics(ctx: DetectContext, raw: Raw[]): void {
  HONORIFIC_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = HONORIFIC_RE.exec(ctx.text))) {
    const name = m[3] ?? m[4];
    const start = m.index + m[0].length - name.length;
    // `Miss` without a dot is also a verb and a noun: only before a known name.
    if (m[1] === 'Miss' && !isNameWord(name.split(/\s/)[0])) continue;
    const span = m[3] ? trimCommonTail(ctx.text, start, start + name.length) : ([start, start + name.replace(/\.$/, '').length] as [number, number]);
    pushAt(raw, span, 'honorific');
  }
  LOWER_HONORIFIC_RE.lastIndex = 0;
  while ((m = LOWER_HONORIFIC_RE.exec(ctx.text))) {
    const word = m[1].replace(/'s?$/, '');
    if (STOP.has(word) || (isCommonWord(word) && !isNameWord(word))) continue;
    const start = m.index + m[0].length - m[1].length;
    pushAt(raw, [start, start + word.length], 'honorific');
  }
  TITLED_RE.lastIndex = 0;
  while ((m = TITLED_RE.exec(ctx.text))) {
    const name = m[1] ?? m[2];
    const start = m.index + m[0].length - name.length;
    // A doctor named in a post is a colleague, unless the author scanned or treated them; the
    // span always shields itself from the generic person pattern.
    const s = sentenceAt(ctx, start);
    const sentence = ctx.lower.slice(s.start, s.end);
    PROF_RE.lastIndex = 0;
    const prof = [...sentence.matchAll(PROF_RE)].some((p) => !/^(?:dr|doctor|prof|professor)$/.test(p[0]));
    const emit = FIRST_PERSON_CARE.test(sentence) && !prof;
    pushAt(raw, [start, start + name.length], 'titled', emit);
  }
}

function splitCamel(tag: string): string[] {
  return tag.match(/\p{Lu}\p{Ll}*|\p{Ll}+|\d+/gu) ?? [];
}

/** A capitalised word that may be a person's name: not a stop word, dictionary word, place or date. */
function personLike(w: string): boolean {
  const low = lc(w);
  if (STOP.has(low) || KIN_WORDS.has(low) || RELATIVE_WORDS.has(low) || NOT_PERSON_TAG.test(tagOf(w))) return false;
  return isNameWord(w) || !isCommonWord(w);
}

/** `Brennan's CT`, `Lena Ward's daughter`: a possessive name before a study noun or a relative. */
function findPossessives(ctx: DetectContext, raw: Raw[]): void {
  POSSESSIVE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = POSSESSIVE_RE.exec(ctx.text))) {
    const words = m[1].split(/[ \t]+/);
    const n1 = lc(m[2]), n2 = m[3] ? lc(m[3]) : '';
    const noun = STUDY_NOUNS.has(n1) || RELATIVE_WORDS.has(n1) || STUDY_NOUNS.has(`${n1} ${n2}`) || (n2 !== '' && STUDY_NOUNS.has(n2) && !STUDY_NOUNS.has(n1) && /^\p{Ll}/u.test(m[2]));
    if (!noun || !words.every(personLike) || SCORE_NAMES.has(lc(words[0]))) continue;
    // `Stanford's MRI safety course`, `Harvard's pathology department`: an institution's programme
    const next = /^[ \t]+([\p{L}-]+)(?:[ \t]+([\p{L}-]+))?/u.exec(ctx.lower.slice(m.index + m[0].length, m.index + m[0].length + 40));
    if ([n2, next?.[1], next?.[2]].some((x) => x !== undefined && x !== '' && (ORG_AFTER.has(x) || PROGRAMME.has(x)))) continue;
    // `Tuesday's CT`, `Boston's MRI` are dropped by personLike; `Mr. X's` belongs to the honorific pattern.
    pushAt(raw, [m.index, m.index + m[1].length], 'possessive');
    POSSESSIVE_RE.lastIndex = m.index + m[1].length;
  }
}

/** `Amaru was 4.` (with a person nearby: `His mum ...`), `Kemal, 36, ...`. */
function findAged(ctx: DetectContext, raw: Raw[]): void {
  AGED_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = AGED_RE.exec(ctx.text))) {
    const w = m[1];
    if (!personLike(w) || SCORE_NAMES.has(lc(w))) continue;
    const end = m.index + m[0].length;
    const around = ctx.lower.slice(Math.max(0, m.index - 120), Math.min(ctx.text.length, end + 160));
    if (!/\b(?:he|she|his|her|him|they|their|mum|mom|dad|mother|father|parents|family|wife|husband|son|daughter)\b/.test(around)) continue;
    pushAt(raw, [m.index, m.index + w.length], 'aged');
  }
}

/** `Grandpa Joe`, `Baba Kofi`; the author's own (`my Nana Rose`) is not PHI. */
function findKin(ctx: DetectContext, raw: Raw[]): void {
  KIN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = KIN_RE.exec(ctx.text))) {
    if (!personLike(m[1])) continue;
    if (/(?<![\p{L}])(?:my|our)[ \t]+$/u.test(ctx.lower.slice(Math.max(0, m.index - 6), m.index))) continue;
    pushAt(raw, [m.index, m.index + m[0].length], 'kin');
  }
  RELATIVE_NAME_RE.lastIndex = 0;
  while ((m = RELATIVE_NAME_RE.exec(ctx.lower))) pushAt(raw, nameAt(ctx.text, m.index + m[0].length, 'never'), 'relative');
}

// ---------------------------------------------------------------------------------------------
// Lists, appositions, nicknames, initials and lower-case names (shapes a careful colleague reads as a patient)

const STATE_NAMES = new Set(states.names.map((n) => lc(n)));
/** Strictly a given name in compromise's lexicon (not `Will`, `Grace`, `Hope`: also words). */
const isGivenStrict = (w: string) => /MaleName|FemaleName|FirstName/.test(tagOf(w)) && !COMMON_GIVEN.has(lc(w));
const NOT_INITIALS = new Set(cues.notInitials);
const NICK_PREFIX = new Set(cues.nicknamePrefixes);
/** `Morning list: A, B, C`: a patient-list label and a colon. */
const LIST_RE = new RegExp(`(?<![\\p{L}])(?:${alt(cues.listLabels)})[ \\t]*:[ \\t]*`, 'gu');
const AT_LIST_ITEM = sticky(String.raw`(${CAP})(?![\p{L}'\d])`);
const AT_LIST_SEP = sticky(String.raw`[ \t]*(?:,|;|/|&)[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+`);
/** `a teenager from X, Name,`: a person noun (with a short `from X`), then a name between commas. */
const APPOS_RE = new RegExp(
  `(?<![\\p{L}])(?:a|an|the|this|that|one|our|my)[ \\t]+(?:[\\p{L}\\d'-]+[ \\t-]+){0,3}?(?:${alt(cues.appositiveNouns)})(?:[ \\t]+(?:from|in|of|out of|near)[ \\t]+[^,.;:!?\\n()]{1,40})?[ \\t]*,[ \\t]*`,
  'gu',
);
const AT_APPOS_NAME = sticky(String.raw`(${CAP})(?:[ \t]+(${CAP}))?(?=[ \t]*(?:[,(;]|[ \t]+(?:who|whose)(?![\p{L}])))`);
/** `Big Earl (my fave pt ...`, `"Sweet Pea" (what the nurses call her)`: a name before a parenthesis about the patient. */
const NICK_PARENS = cues.nicknameParens.flatMap((t) => [t, t[0].toUpperCase() + t.slice(1)]);
const NICK_PAREN_RE = new RegExp(
  `(?:["“]([^"”\\n]{2,30})["”]|(?<![\\p{L}'@#/.\\-])(${CAP}(?:[ \\t]+${CAP}){0,2}))[ \\t]*\\([ \\t]*(?=(?:${alt(NICK_PARENS)})(?![\\p{L}]))([^()\\n]{0,80})`,
  'gu',
);
const NICK_CALL = /\b(?:calls?|called|nicknamed?|named (?:him|her|them)sel(?:f|ves)|goes by|went by|real name)\b/;
/** `we call her "Sweet Pea"`, `nicknamed "Tank"`, `goes by 'Bubba'`. */
const CALLED_QUOTE_RE = /(?<![\p{L}])(?:(?:call|calls|called)[ \t]+(?:him|her|them)|nicknamed|goes[ \t]+by|went[ \t]+by)[ \t]+["“']([\p{Lu}][^"”'\n]{1,29})["”']/gu;
/** Initials used as a name: `R.T. presented`, `M. K. on 3 West`, `we admitted J.L.`. */
const INITIALS_RE = /(?<![\p{L}\d.])\p{Lu}\.[ \t]?\p{Lu}\.(?:[ \t]?\p{Lu}\.)?(?![\p{L}\d])/gu;
const INITIALS_AFTER = new RegExp(
  `^[ \\t]*,?[ \\t]*(?:(?:${alt(cues.initialsAfter)})(?![\\p{L}])|(?:on|in)[ \\t]+(?:\\d{1,2}[ \\t]*(?:west|east|north|south|[a-z])(?![\\p{L}])|(?:bed|room|rm|bay|pod)[ \\t]*#?\\d|the[ \\t]+(?:icu|micu|sicu|picu|nicu|ccu|ed|er|floor|unit|ward|step-?down)(?![\\p{L}])))`,
  'u',
);
const INITIALS_BEFORE_CARE = new RegExp(`(?<![\\p{L}])(?:${alt(['had', 'saw', 'see', 'seen', ...cues.careVerbs])})[ \\t]+$`, 'u');
const DETERMINER_BEFORE = /(?<![\p{L}])(?:the|a|an|our|my|your|his|her|their|its|this|that)[ \t]+$/u;
/** `narcan'd jesse`, `we tubed marcy`: a care verb, then a given name (any case). */
const CARE_NAME_RE = new RegExp(`(?<![\\p{L}])(?:${alt(cues.careVerbs)})[ \\t]+(\\p{L}[\\p{L}'-]+)(?![\\p{L}])`, 'dgu');
/** `hope darlene is ok`: a wish about a given name's recovery. */
const WELL_NAME_RE = new RegExp(
  `(?<![\\p{L}])(?:hope|hoping|praying|pray that|glad|so glad|relieved|thank god)[ \\t]+(\\p{L}[\\p{L}'-]+)[ \\t]+(?:${alt(cues.wellnessAfter)})(?![\\p{L}])`,
  'dgu',
);

function findLists(ctx: DetectContext, raw: Raw[]): void {
  if (!ctx.text.includes(':')) return;
  LIST_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LIST_RE.exec(ctx.lower))) {
    let pos = m.index + m[0].length;
    const items: Array<[number, number]> = [];
    for (;;) {
      AT_LIST_ITEM.lastIndex = pos;
      const it = AT_LIST_ITEM.exec(ctx.text);
      if (!it) break;
      items.push([pos, pos + it[1].length]);
      pos += it[0].length;
      AT_LIST_SEP.lastIndex = pos;
      const sep = AT_LIST_SEP.exec(ctx.text);
      if (!sep) break;
      pos += sep[0].length;
    }
    // every item a surname-like word (`Schedule: Monday, Tuesday` and `Board: Stable, Improving` are not)
    const words = items.map(([a, b]) => ctx.text.slice(a, b));
    if (items.length < 2 || !words.every((w) => personLike(w) && !STATE_NAMES.has(lc(w)))) continue;
    for (const span of items) pushAt(raw, span, 'list');
  }
}

function findAppositives(ctx: DetectContext, raw: Raw[]): void {
  if (!ctx.text.includes(',')) return;
  APPOS_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = APPOS_RE.exec(ctx.lower))) {
    const pos = m.index + m[0].length;
    AT_APPOS_NAME.lastIndex = pos;
    const n = AT_APPOS_NAME.exec(ctx.text);
    if (!n) continue;
    const ok = (w: string) => personLike(w) && !STATE_NAMES.has(lc(w));
    if (!ok(n[1]) || !(isGiven(n[1]) || tagOf(n[1]) === '') || (n[2] && !ok(n[2]))) continue;
    pushAt(raw, [pos, pos + n[0].length], 'appositive');
  }
}

function findNicknames(ctx: DetectContext, raw: Raw[]): void {
  let m: RegExpExecArray | null;
  if (ctx.text.includes('(')) {
    NICK_PAREN_RE.lastIndex = 0;
    while ((m = NICK_PAREN_RE.exec(ctx.text))) {
      const inside = lc(m[3]);
      const called = NICK_CALL.test(inside);
      if (!called && !STRONG_RE.test(inside)) continue;
      if (m[1] !== undefined) {
        const start = m.index + 1;
        if (called && /^\p{Lu}/u.test(m[1]) && m[1].split(/\s+/).length <= 3) pushAt(raw, [start, start + m[1].length], 'nickname');
        continue;
      }
      // drop leading dictionary words that open the sentence (`Saw Earl (my pt`), keep `Big`, `Little`
      const words = m[2].split(/([ \t]+)/);
      let start = m.index;
      while (words.length > 1 && (STOP.has(lc(words[0])) || (isCommonWord(words[0]) && !NICK_PREFIX.has(lc(words[0]))))) {
        start += words[0].length + words[1].length;
        words.splice(0, 2);
      }
      const last = words[words.length - 1];
      if (words.length === 1 && !personLike(last)) continue;
      if (!called && !(isGiven(last) || (personLike(last) && tagOf(last) === ''))) continue;
      pushAt(raw, [start, start + words.join('').length], 'nickname');
    }
  }
  CALLED_QUOTE_RE.lastIndex = 0;
  while ((m = CALLED_QUOTE_RE.exec(ctx.text))) {
    if (m[1].split(/\s+/).length > 3) continue;
    const start = m.index + m[0].length - 1 - m[1].length;
    pushAt(raw, [start, start + m[1].length], 'nickname');
  }
}

function findInitials(ctx: DetectContext, raw: Raw[]): void {
  if (!ctx.text.includes('.')) return;
  INITIALS_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = INITIALS_RE.exec(ctx.text))) {
    const start = m.index, end = start + m[0].length;
    if (NOT_INITIALS.has(lc(m[0]).replace(/[ \t]/g, ''))) continue;
    const before = ctx.lower.slice(Math.max(0, start - 24), start);
    if (DETERMINER_BEFORE.test(before)) continue;
    const after = ctx.lower.slice(end, end + 40);
    if (INITIALS_AFTER.test(after) || AGE_AFTER.test(after) || INITIALS_BEFORE_CARE.test(before)) pushAt(raw, [start, end], 'initials');
  }
}

function findLowerNames(ctx: DetectContext, raw: Raw[]): void {
  let m: RegExpExecArray | null;
  for (const [re, note] of [[CARE_NAME_RE, 'care'], [WELL_NAME_RE, 'wellness']] as const) {
    re.lastIndex = 0;
    while ((m = re.exec(ctx.lower))) {
      const start = m.indices?.[1]?.[0] ?? -1;
      if (start < 0) continue;
      const w = ctx.text.slice(start, start + m[1].length);
      if (!isGivenStrict(w) || STOP.has(lc(w))) continue;
      pushAt(raw, [start, start + w.length], 'lowercase', true, note);
    }
  }
}

/** `Maria, from the photo that looks like shingles...`: a reply to a follower about their care. */
function findReply(ctx: DetectContext, raw: Raw[]): void {
  const m = REPLY_OPEN.exec(ctx.text);
  if (!m || !personLike(m[1]) || !(isGiven(m[1]) || tagOf(m[1]) === '')) return;
  if (!REPLY_CUE.test(ctx.lower)) return;
  const start = m.index + m[0].indexOf(m[1]);
  pushAt(raw, [start, start + m[1].length], 'reply');
}

/**
 * A follower addressed by name in a reply about their care, anywhere in the draft: opening a
 * sentence before an imperative, `I'm` or `, for yours` (`Lena ask them to ...`, `Lena I'm a nurse and your ...`),
 * or closing a clause (`Sorry about your scan, Lena.`, `Replying to you, Lena: ...`).
 */
const REPLY_OPEN_VOCATIVE_RE = new RegExp(
  String.raw`(?:^|[.!?\n][ \t]*)(\p{Lu}\p{Ll}+)(?:[ \t]+(?=(?:${alt(cues.replyImperatives)})(?![\p{L}']))|[ \t]*,[ \t]*(?=(?:for yours|about your|re your|regarding your|with your|your|you)(?![\p{L}'])))`,
  'gu',
);
const REPLY_CLOSE_VOCATIVE_RE = /,[ \t]*(\p{Lu}\p{Ll}+)[ \t]*(?=[.:!?]|,[ \t]*(?:for yours|please|you|your|i)(?![\p{L}]))/gu;
function findReplyVocatives(ctx: DetectContext, raw: Raw[]): void {
  if (!REPLY_CUE.test(ctx.lower)) return;
  let m: RegExpExecArray | null;
  for (const re of [REPLY_OPEN_VOCATIVE_RE, REPLY_CLOSE_VOCATIVE_RE]) {
    re.lastIndex = 0;
    while ((m = re.exec(ctx.text))) {
      const w = m[1];
      if (!personLike(w) || !(isGivenStrict(w) || tagOf(w) === '')) continue;
      const start = m.index + m[0].indexOf(w);
      pushAt(raw, [start, start + w.length], 'reply');
    }
  }
}

/** Hashtag prefixes about a patient's care (not `#Team`, `#Go`, `#Support`: fan tags). */
const PRAYER_PREFIX = /^(?:pray|healing|strong|fight|justice|love)/;

function findHashtags(ctx: DetectContext, raw: Raw[]): void {
  HASHTAG_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  const prefixes = [...cues.hashtagPrefixes].sort((a, b) => b.length - a.length);
  const suffixes = [...cues.hashtagSuffixes].sort((a, b) => b.length - a.length);
  while ((m = HASHTAG_RE.exec(ctx.text))) {
    const tag = m[1];
    const low = lc(tag);
    const pre = prefixes.find((p) => low.startsWith(p) && low.length > p.length + 1) ?? '';
    const suf = suffixes.find((s) => low.endsWith(s) && low.length - pre.length > s.length + 1) ?? '';
    if (!pre && !suf) continue;
    let middle = tag.slice(pre.length, tag.length - suf.length);
    // A CamelCase tag must break at the prefix and the suffix (#Strongman is no `Strong` tag).
    if (/\p{Lu}/u.test(tag.slice(1)) && ((suf && !/^\p{Lu}/u.test(tag.slice(tag.length - suf.length))) || (pre && !/^\p{Lu}/u.test(middle)))) continue;
    let parts = /\p{Lu}/u.test(middle) ? splitCamel(middle) : [middle];
    // #NoahsRoar: a possessive s glued to the name.
    if (parts.length && !isNameWord(parts[parts.length - 1]) && /s$/.test(parts[parts.length - 1]) && isGiven(parts[parts.length - 1].slice(0, -1))) {
      parts[parts.length - 1] = parts[parts.length - 1].slice(0, -1);
      middle = middle.slice(0, -1);
    }
    if (!parts.length || parts.length > 3) continue;
    const [first, ...rest] = parts;
    const firstOk = isGiven(first) || (/LastName/.test(tagOf(first))) || (tagOf(first) === '' && ctx.patientContext && first.length > 2);
    // #PrayForJaneBaker: after a prayer or support prefix, a given name's surname may also be a word
    const surnameOk = (p: string, i: number) => PRAYER_PREFIX.test(pre) && i === rest.length - 1 && isGiven(first) && !ORG_AFTER.has(lc(p));
    if (!firstOk || rest.some((p, i) => isCommonWord(p) && !isNameWord(p) && !/Place|City|Country/.test(tagOf(p)) && !surnameOk(p, i))) continue;
    if (isPublic(parts.join(' '))) continue;
    const start = m.index + 1 + pre.length;
    pushAt(raw, [start, start + middle.length], 'hashtag');
  }
}

function findHandles(ctx: DetectContext, raw: Raw[]): void {
  HANDLE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  const before = new RegExp(`(?:${alt([...cues.patientBefore, ...cues.relatives, 'this mom', 'this dad', 'the mom', 'the dad', 'pt', 'patient'])})[ \\t]*[:,]?[ \\t]*$`, 'u');
  while ((m = HANDLE_RE.exec(ctx.text))) {
    const start = m.index, end = m.index + m[0].length;
    const b = ctx.lower.slice(Math.max(0, start - 40), start);
    const a = ctx.lower.slice(end, end + 40);
    if (before.test(b)) pushAt(raw, [start, end], 'handle', true, 'cue');
    else if ((ADDRESS_RE.test(a) && ctx.patientContext) || ADDRESS_YOUR_RE.test(a)) pushAt(raw, [start, end], 'handle', true, 'address');
  }
}

/** Vocatives and signatures of one paragraph; signatures only in a draft with a patient cue. */
function findVocatives(ctx: DetectContext, draftCue: boolean): Raw[] {
  const raw: Raw[] = [];
  VOCATIVE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  const addressed = /\bif\s+you/.test(ctx.lower);
  while (addressed && (m = VOCATIVE_RE.exec(ctx.text))) {
    const w = m[1];
    const capital = /^\p{Lu}\p{Ll}/u.test(w);
    if (STOP.has(lc(w)) || !(isGiven(w) || (capital && !isCommonWord(w)))) continue;
    pushAt(raw, [m.index, m.index + w.length], 'vocative');
  }
  if (!draftCue) return raw;
  SIGNATURE_RE.lastIndex = 0;
  while ((m = SIGNATURE_RE.exec(ctx.text))) {
    if (!isGiven(m[1])) continue;
    const start = m.index + m[0].indexOf(m[1]);
    pushAt(raw, [start, start + m[1].length], 'signature');
  }
  return raw;
}

interface PersonJson { text: string; offset: { start: number; length: number }; terms: Array<{ text: string; tags: string[] }> }
/** The people of a parsed sentence, kept with its cached doc: `people()` is a match, not free. */
const PEOPLE = new WeakMap<object, PersonJson[]>();
function peopleOf(sentence: string): PersonJson[] {
  const doc = parse(sentence);
  let people = PEOPLE.get(doc);
  if (!people) {
    people = doc.people().json({ offset: true }) as PersonJson[];
    PEOPLE.set(doc, people);
  }
  return people;
}

/**
 * Person names in sentences worth a look (a patient cue in or next to them, or `Name, 94,`):
 * `First [M.] Last` by shape (compromise takes some surnames for nouns: `Evan Marsh`), and a single
 * given name (`Ron is home`), which compromise must confirm as a #Person in context (`Jordan`,
 * `Austin`, `Georgia` are also places). Parsing is the engine's main cost, so only sentences with
 * such a candidate that would pass the threshold are parsed, each once (cached per sentence).
 */
function findPersons(ctx: DetectContext, raw: Raw[], strong: boolean[]): void {
  ctx.sentences.forEach((s, i) => {
    const near = strong[i] || strong[i - 1] || strong[i + 1];
    if (!near && !/\p{Lu}\p{Ll}+[ \t]*[,(][ \t]*\d{1,3}[ \t]*[,)]/u.test(s.text)) return;
    SINGLE_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = SINGLE_RE.exec(s.text))) {
      if (!/MaleName|FemaleName|FirstName/.test(tagOf(m[0]))) continue;
      const a = m.index;
      SURNAME_AFTER.lastIndex = a + m[0].length;
      const last = SURNAME_AFTER.exec(s.text);
      if (last && !STOP.has(lc(last[1]))) {
        pushAt(raw, [s.start + a, s.start + a + m[0].length + last[0].length], 'person');
        SINGLE_RE.lastIndex = a + m[0].length + last[0].length;
        continue;
      }
      raw.push({ start: s.start + a, end: s.start + a + m[0].length, source: 'person', emit: true, confirm: s });
    }
  });
}

/** Whether compromise reads the span as (part of) a #Person in its sentence. */
function confirmedPerson(sentence: { start: number; text: string }, start: number, end: number): boolean {
  for (const p of peopleOf(sentence.text)) {
    const a = sentence.start + p.offset.start, b = a + p.offset.length;
    if (a < end && start < b && !p.terms.some((t) => t.tags.includes('Honorific'))) return true;
  }
  return false;
}

const SINGLE_RE = /(?<![\p{L}'@#/.\-])\p{Lu}\p{Ll}+(?![\p{L}\-])/gu;
/** The surname after a given name: `Evan Marsh`, `Marcus T. Bell`. */
const SURNAME_AFTER = new RegExp(`(?:[ \\t]+\\p{Lu}\\.)?[ \\t]+(${CAP})(?![\\p{L}'])`, 'uy');
// ---------------------------------------------------------------------------------------------
// Evidence and filters

function sentenceAt(ctx: DetectContext, pos: number): { start: number; end: number; index: number } {
  const ss = ctx.sentences;
  let lo = 0, hi = ss.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ss[mid].end <= pos) lo = mid + 1;
    else if (ss[mid].start > pos) hi = mid - 1;
    else return { start: ss[mid].start, end: ss[mid].end, index: mid };
  }
  return { start: Math.max(0, pos - 80), end: Math.min(ctx.text.length, pos + 80), index: -1 };
}

function isPublic(name: string, honorific?: string): boolean {
  const n = fold(lc(name)).replace(/\s+/g, ' ').trim();
  if (PUBLIC_FULL.has(n) || (honorific && PUBLIC_FULL.has(`${lc(honorific)} ${n}`))) return true;
  const words = n.split(' ');
  return PUBLIC_SURNAMES.has(words[words.length - 1]);
}

function overlapsAny(ranges: Array<[number, number]>, s: number, e: number): boolean {
  return ranges.some(([a, b]) => a < e && s < b);
}

interface Scored { start: number; end: number; source: Source; score: number; notes: string[] }

function score(ctx: DetectContext, r: Raw, strong: boolean[], eponyms: Array<[number, number]>): Scored | undefined {
  const { text, lower } = ctx;
  const name = text.slice(r.start, r.end);
  const notes: string[] = [];
  const before = text.slice(Math.max(0, r.start - 40), r.start);
  const after = text.slice(r.end, r.end + 40);
  const hardSources = r.source === 'header' || r.source === 'dicom' || r.source === 'handle';
  if (!hardSources) {
    if (r.source !== 'honorific' && (overlapsAny(eponyms, r.start, r.end) || looksEponymous(name, after))) return undefined;
    const honor = /(Mr|Mrs|Ms|Miss|Mx)\.?[ \t]+$/.exec(before)?.[0].trim();
    if (r.source !== 'cue' && r.source !== 'relative' && isPublic(name, honor)) return undefined;
    if (ET_AL.test(after)) return undefined;
    // a declared pseudonym (`a teacher I'll call Ms. K`, `Rosa (not her real name)`) names nobody
    if (PSEUDONYM_BEFORE.test(lower.slice(Math.max(0, r.start - 40), r.start)) || PSEUDONYM_AFTER.test(lower.slice(r.end, r.end + 40))) return undefined;
    if (PLACEHOLDERS.has(lc(name).replace(/\s+/g, ' ')) && r.source !== 'cue') return undefined;
    const next = /^[ \t]+(\p{Lu}[\p{L}'’]*)/u.exec(after)?.[1];
    if (next && ORG_AFTER.has(lc(next).replace(/['’]s$/, '')) && r.source !== 'cue' && r.source !== 'relative') return undefined;
    // a storm or a disaster named like a person (`the Helene flooding`, `Milton cleanup`)
    if (DISASTER_AFTER.test(after) && r.source !== 'cue' && r.source !== 'relative') return undefined;
    if ((r.source === 'person' || r.source === 'coref') && PLACE_TITLE_BEFORE.test(before) && !/\bat[ \t]+$/.test(before)) return undefined;
  }
  if (!r.emit) return undefined;
  let s = BASE[r.source];
  if (r.source === 'header' || r.source === 'dicom' || r.source === 'titled') {
    return { start: r.start, end: r.end, source: r.source, score: s, notes };
  }
  if (r.source === 'handle' && r.note === 'cue') s = 0.85;
  const sent = sentenceAt(ctx, r.start);
  const sentence = lower.slice(sent.start, sent.end);
  // Evidence for a patient.
  if (AGE_AFTER.test(after)) { s += W.age; notes.push(`+${W.age} age`); }
  if (IDENT_RE.test(sentence)) { s += W.identifier; notes.push(`+${W.identifier} identifier`); }
  if (RELATIVE_AFTER.test(after)) { s += W.relativeAfter; notes.push(`+${W.relativeAfter} relative`); }
  if (r.source !== 'own-family') {
    const i = sent.index;
    if (i >= 0 && strong[i]) { s += W.sentenceCue; notes.push(`+${W.sentenceCue} patient cue`); }
    else if (i >= 0 && (strong[i - 1] || strong[i + 1])) { s += W.neighbourCue; notes.push(`+${W.neighbourCue} patient cue nearby`); }
    else if (WEAK_RE.test(sentence)) { s += W.weakCue; notes.push(`+${W.weakCue} weak cue`); }
    if (ctx.patientContext) { s += W.draft; notes.push(`+${W.draft} draft`); }
  }
  // `Ms. Abernathy, if you're reading this`: a patient addressed by name
  if (r.source === 'honorific' && ADDRESS_RE.test(after)) { s += W.address; notes.push(`+${W.address} addressed`); }
  if (r.note === 'wellness') { s -= W.wellness; notes.push(`-${W.wellness} wish only`); }
  const consent = CONSENT_RE.test(sentence);
  if (consent) { s += W.consent; notes.push(`+${W.consent} consent to share`); }
  // Evidence for a colleague, speaker, author, staff member or place (consent to share outweighs it).
  if (!CUED.has(r.source) && !consent) {
    const lb = lower.slice(Math.max(sent.start, r.start - 30), r.start);
    if (PROF_ADJ_RE.test(lb)) { s -= W.profAdjacent; notes.push(`-${W.profAdjacent} professional cue`); }
    else if (profInWindow(lower, sent, r.start, r.end)) { s -= W.profWindow; notes.push(`-${W.profWindow} professional cue nearby`); }
    if (r.source === 'person' && /\b(?:at|in|from|near|outside|to)[ \t]+$/.test(lower.slice(Math.max(0, r.start - 10), r.start)) && PLACE_BEFORE.size) {
      s -= W.placeBefore; notes.push(`-${W.placeBefore} place`);
    }
  }
  return { start: r.start, end: r.end, source: r.source, score: Math.max(0, Math.min(1, s)), notes };
}

const PSEUDONYM_BEFORE = /(?:i'll|i will|i'm going to|let's|let me|we'll|we will|i'd|i shall)[ \t]+call[ \t]+(?:(?:him|her|them|this[ \t]+[\p{L}-]+|the[ \t]+[\p{L}-]+)[ \t]+)?(?:(?:mr|mrs|ms|miss|mx)\.?[ \t]+)?["“']?$/u;
const PSEUDONYM_AFTER = /^["”']?[ \t]*[(,][ \t]*(?:not (?:his|her|their) (?:real )?name|names? changed|name has been changed|a pseudonym|pseudonym)/;
const CLINICAL_HISTORY = /(?:family|medical|past|surgical|social|smoking|travel|psychiatric|sexual|obstetric|birth|drug|cardiac)[ \t]+$/;

/** A professional cue among the 6 words either side of the name, inside its sentence. */
function profInWindow(lower: string, sent: { start: number; end: number }, start: number, end: number): boolean {
  const before = lower.slice(sent.start, start);
  const after = lower.slice(end, sent.end);
  // The window: the last 7 words before the name and the first 7 after it.
  const words = /\S+/g;
  let from = 0, n = 0;
  for (const w of [...before.matchAll(words)].reverse()) { from = w.index; if (++n === 7) break; }
  const to = [...after.matchAll(words)].slice(0, 7).reduce((e, w) => w.index + w[0].length, 0);
  for (const [text, lo, hi] of [[before, from, before.length], [after, 0, to]] as const) {
    PROF_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = PROF_RE.exec(text))) {
      if (m.index < lo || m.index >= hi) continue;
      // `family history`, `past medical history` are a patient's, not the history of medicine
      if (m[0] === 'history' && CLINICAL_HISTORY.test(text.slice(Math.max(0, m.index - 20), m.index))) continue;
      if (!AUTHOR_ROLE.test(text.slice(0, m.index))) return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------

function dedupe(raw: Raw[]): Raw[] {
  const sorted = [...raw].sort((a, b) => PRIORITY[b.source] - PRIORITY[a.source] || (b.end - b.start) - (a.end - a.start) || a.start - b.start);
  const kept: Raw[] = [];
  for (const r of sorted) if (!kept.some((k) => k.start < r.end && r.start < k.end)) kept.push(r);
  return kept;
}

/** Later mentions of an accepted patient name (`Ava Thornton` ... `Ava, you're the reason`). */
function findCoreferences(ctx: DetectContext, accepted: Scored[], taken: Raw[], eponyms: Array<[number, number]>): Raw[] {
  const tokens = new Map<string, { score: number; capital: boolean }>();
  for (const a of accepted) {
    for (const t of ctx.text.slice(a.start, a.end).split(/[^\p{L}'-]+/u)) {
      const w = t.replace(/'s?$/, '');
      if (w.length < 3 || STOP.has(lc(w)) || (isCommonWord(w) && !isNameWord(w))) continue;
      const prev = tokens.get(lc(w));
      if (!prev || prev.score < a.score) tokens.set(lc(w), { score: a.score, capital: /^\p{Lu}/u.test(w) });
    }
  }
  if (!tokens.size) return [];
  // where the accepted names' words recur: scanned once per distinct paragraph and set of words
  const key = [...tokens].map(([w, t]) => `${t.capital ? '^' : ''}${w}`).sort().join(' ');
  const mentions = perParagraph(ctx, `name-coref:${key}`, (p) => mentionsIn(p.text, tokens));
  const out: Raw[] = [];
  for (const { start: s, end: e, word } of mentions) {
    if (taken.some((k) => k.start < e && s < k.end) || overlapsAny(eponyms, s, e)) continue;
    out.push({ start: s, end: e, source: 'coref', emit: true, score: tokens.get(word)!.score });
  }
  return out;
}

/** Words of `text` that are one of `tokens` (case as required), outside emails, URLs, handles and titles. */
function mentionsIn(text: string, tokens: ReadonlyMap<string, { capital: boolean }>): Array<{ start: number; end: number; word: string }> {
  const out: Array<{ start: number; end: number; word: string }> = [];
  const word = /\p{L}[\p{L}-]*/gu;
  let m: RegExpExecArray | null;
  while ((m = word.exec(text))) {
    const w = lc(m[0]);
    const t = tokens.get(w);
    if (!t || (t.capital && !/^\p{Lu}/u.test(m[0]))) continue;
    const s = m.index, e = s + m[0].length;
    // Inside an email, URL or handle: that detector owns it.
    if (s > 0 && /[\w@/#.\-]/.test(text[s - 1])) continue;
    if (e < text.length && /[@/\w]|\.\w/.test(text.slice(e, e + 2).replace(/^'s?/, ' '))) continue;
    if (/(?:Dr|Prof|Doctor)\.?[ \t]+$/.test(text.slice(Math.max(0, s - 10), s))) continue;
    out.push({ start: s, end: e, word: w });
  }
  return out;
}

function toCandidate(s: Scored): Candidate {
  const severity: Severity = s.score >= 0.85 ? 'block' : 'warn';
  return {
    detectorId: 'name',
    type: 'NAME',
    start: s.start,
    end: s.end,
    score: s.score,
    severity,
    contextDone: true,
    explanation: { pattern: s.source, baseScore: BASE[s.source], ...(s.notes.length ? { context: s.notes } : {}) },
  };
}

/**
 * The finders that read only the paragraph they look at (their look-around windows stop at a blank
 * line): run once per distinct paragraph and reused after a keystroke elsewhere (scope.ts).
 */
function paragraphFinds(ctx: DetectContext): Raw[] {
  const raw: Raw[] = [];
  findHeaders(ctx, raw);
  findCued(ctx, raw);
  findHonorifics(ctx, raw);
  if (ctx.text.includes('#')) findHashtags(ctx, raw);
  if (ctx.text.includes('@') || ctx.text.includes('u/')) findHandles(ctx, raw);
  findPossessives(ctx, raw);
  findAged(ctx, raw);
  findKin(ctx, raw);
  findLists(ctx, raw);
  findAppositives(ctx, raw);
  findNicknames(ctx, raw);
  findInitials(ctx, raw);
  findLowerNames(ctx, raw);
  return raw;
}

export const name = defineDetector({
  id: 'name',
  category: 'phi',
  types: ['NAME'],
  detect(ctx) {
    if (!/\p{L}/u.test(ctx.text)) return [];
    const strong = ctx.sentences.map((s) => {
      const t = ctx.lower.slice(s.start, s.end);
      return STRONG_RE.test(t) || AGE_STATEMENT.test(t);
    });
    const raw: Raw[] = perParagraph(ctx, 'name', paragraphFinds);
    const draftCue = strong.some(Boolean);
    raw.push(...perParagraph(ctx, draftCue ? 'name-vocatives+cue' : 'name-vocatives', (p) => findVocatives(p, draftCue)));
    findReply(ctx, raw);
    findReplyVocatives(ctx, raw);
    findPersons(ctx, raw, strong);
    const eponyms = eponymsOf(ctx);
    const kept = dedupe(raw);
    const threshold = ctx.options.threshold ?? 0.5;
    const scored: Scored[] = [];
    for (const r of kept) {
      const s = score(ctx, r, strong, eponyms);
      if (!s) continue;
      if (r.confirm && (s.score < threshold || !confirmedPerson(r.confirm, r.start, r.end))) continue;
      scored.push(s);
    }
    const accepted = scored.filter((s) => s.score >= threshold && s.source !== 'own-family');
    for (const c of findCoreferences(ctx, accepted, kept, eponyms)) {
      const s = score(ctx, c, strong, eponyms);
      // A later mention inherits the accepted name's score unless a professional cue sits next to it.
      const prof = s?.notes.some((n) => n.startsWith('-'));
      if (s) scored.push(prof ? s : { ...s, score: Math.min(0.9, Math.max(s.score, (c.score ?? 0) - 0.05)) });
    }
    return scored.map(toCandidate);
  },
});
