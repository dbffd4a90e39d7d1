import rare from '../../../rules/rare-diseases.json';
import curated from '../../../rules/traceable-rarity.json';
import { PhraseIndex, phraseKey, tokenize, type QuasiPart, type Token } from './phrases';

/**
 * RARITY: a rare condition or finding, or a claim of rarity (GUIDELINE.md `traceable`).
 *
 * The vocabulary is Orphanet's nomenclature of rare diseases (rules/rare-diseases.json, CC BY 4.0,
 * built by scripts/build-rare-diseases.ts) with synonyms and a prevalence upper bound: an entry is
 * rare when that bound is at most `rareMaxPerMillion` (or Orphanet has no figure: known from case
 * reports). A hyphenated eponym also stands alone (`Erdheim-Chester`, `Sturge-Weber`). The team's
 * curated list adds rare imaging entities the nomenclature does not name (lithopedion) and removes
 * everyday findings it does (meningioma): rules/traceable-rarity.json. Common conditions are never
 * rare, however dramatic the wording.
 *
 * Claims: `1 in 2 million`, `first case in our state`, `never seen one before`, `one of a few
 * hundred people in the world`, `the oldest ... anyone can remember`, `vanishingly rare`, `the first
 * of my career`, `first one I've seen in a decade`, `has anyone ever seen one of these`, `we're
 * writing it up`. A bare `rare` is no claim (`a rare complication`, `rarely`, `not that rare`).
 *
 * Issue 9 (generalising beyond the dev drafts): a name's distinctive word stands alone (`a case of
 * Takayasu`, `Danon cardiomyopathy`: rules/rare-diseases.json `heads`, never after a title or a
 * first name); acronyms (Orphanet's and a curated list: MELAS, ALCAPA) count only in capitals and
 * not in a shouted run; infections rare where posts are written (curated `rareInfections`), but not
 * their prevention or testing (`tetanus shot`, `rabies exposure`).
 */

type Entry = [number, number | null, ...string[]];
const HEADS = /\s+(?:disease|syndrome|malformation|anomaly|triad|sequence|complex|disorder)$/i;
/** Two capitalised names joined by a hyphen: an eponym that is used alone (Erdheim-Chester). */
const HYPHEN_EPONYM = /^[A-Z][\p{L}'’]+-[A-Z][\p{L}'’]+(?:-[A-Z][\p{L}'’]+)?$/u;
/** An acronym as Orphanet or the curated list writes it (MELAS, CADASIL, vCJD, MAPCAs). */
const ACRONYM = /^[a-z]?[A-Z][A-Z0-9]{2,}(?:-[A-Z0-9]+)?s?$/;

interface RarityIndex {
  readonly phrases: PhraseIndex<boolean>;
  /** Keys that count only when written in upper case (acronyms). */
  readonly upper: ReadonlySet<string>;
  /** Keys that are a name's distinctive word alone (`Takayasu`): never a person's name in the text. */
  readonly standalone: ReadonlySet<string>;
  /** Keys of the curated rare infections (`tetanus`, `rabies`): not before a prevention word. */
  readonly infections: ReadonlySet<string>;
}

let index: RarityIndex | undefined;

/** Phrase -> rare? Built once, on first use (about 13k names). */
export function rarityIndex(): PhraseIndex<boolean> {
  return rarity().phrases;
}

function rarity(): RarityIndex {
  if (index) return index;
  const idx = new PhraseIndex<boolean>();
  const upper = new Set<string>();
  const standalone = new Set<string>();
  const infections = new Set<string>();
  const max = curated.rareMaxPerMillion;
  const common = new Set(curated.commonAcronyms.map(phraseKey));
  for (const e of rare.entries as unknown as Entry[]) {
    const [, perMillion, ...names] = e;
    const isRare = perMillion === null || perMillion <= max;
    for (const name of names) {
      // a name that is rare for one entry and common for another stays common (never upgraded)
      if (idx.get(name) === false) continue;
      if (ACRONYM.test(name)) {
        if (common.has(phraseKey(name))) continue;
        upper.add(phraseKey(name));
      }
      idx.add(name, isRare);
      const head = name.replace(HEADS, '');
      if (head !== name && HYPHEN_EPONYM.test(head) && idx.get(head) !== false) idx.add(head, isRare);
    }
  }
  for (const name of curated.extraRare) idx.add(name, true);
  // rare where posts are written (North America, Europe), whatever Orphanet's worldwide figure
  for (const name of curated.rareInfections) {
    idx.add(name, true);
    infections.add(phraseKey(name));
  }
  for (const name of curated.acronyms) {
    upper.add(phraseKey(name));
    idx.add(name, true);
  }
  // issue 9: a name's distinctive word alone (`a case of Takayasu`, `Danon cardiomyopathy`); a
  // word heading a common name (curated below) or already a name keeps that name's value
  const refused = new Set(curated.notStandalone.map(phraseKey));
  for (const name of curated.notRare) refused.add(phraseKey(name.replace(/\s.*$/, '')));
  for (const [word, perMillion] of rare.heads as [string, number | null][]) {
    const key = phraseKey(word);
    if (refused.has(key) || idx.get(word) !== undefined) continue;
    idx.add(word, perMillion === null || perMillion <= max);
    standalone.add(key);
  }
  // the curated exclusions win over everything
  for (const name of curated.notRare) idx.add(name, false);
  for (const name of curated.commonAcronyms) if (idx.get(name) !== undefined) idx.add(name, false);
  index = { phrases: idx, upper, standalone, infections };
  return index;
}

/** `tetanus shot`, `rabies exposure`, `typhoid vaccine`: prevention or testing, not a case. */
const PREVENTION = new Set(curated.preventionWords.map((w) => phraseKey(w).split(' ')[0]));

/** A title or a capitalised first name before the word: a person (`Dr. Kimura`, `Aiko Kikuchi`). */
const TITLE = /^(?:dr|mr|mrs|ms|miss|prof|professor|nurse|doctor|sister|father|uncle|aunt|coach|officer)$/;
/** A word written in capitals, not shouted (its neighbours are not in capitals too). */
function upperWritten(text: string, tokens: readonly Token[], i: number, upper: ReadonlySet<string>): boolean {
  const t = tokens[i];
  const word = text.slice(t.start, t.end);
  if (!ACRONYM.test(word) || !/[A-Z]{3}/.test(word)) return false;
  for (const j of [i - 1, i + 1]) {
    const n = tokens[j];
    if (!n) continue;
    const w = text.slice(n.start, n.end);
    if (w.length >= 2 && /^[A-Z]+$/.test(w) && !upper.has(n.key)) return false;
  }
  return true;
}

const NUM_WORDS: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, ten: 10, twenty: 20, fifty: 50, hundred: 100 };
const SCALE: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9 };
/** 1 in 2 million, one in a million, 1:100,000, 1 in 250,000 */
const ODDS = /\b(?:1|one)\s*(?:in|:|out of)\s*(?:(?:a|every|about|roughly|approximately|over|around)\s+)?(\d+(?:[,.]\d+)*|a|one|two|three|four|five|ten|twenty|fifty|hundred)(?:\s*(hundred thousand|thousand|million|billion))?(?![\w,.]\d)/gi;
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
const alt = (xs: readonly string[]) => [...xs].sort((a, b) => b.length - a.length).map(esc).join('|');
const SEEN_NEVER = new RegExp(String.raw`(?<![\w])(?:${alt(curated.claims.seenNever)})(?![\w])`, 'gi');
/** the first case in our state, first one ever reported in the US, first reported case at our hospital */
const FIRST_IN = new RegExp(String.raw`\b(?:the\s+|our\s+|my\s+)?first\s+(?:(?:known|reported|documented|recorded|described|confirmed|ever|such)\s+)*(?:case|one|patient|instance|diagnosis|person|child|kid)(?:\s+(?:ever|of\s+its\s+kind))?(?:\s+(?:reported|seen|diagnosed|described|documented|recorded))?\s+(?:in|at|of|for)\s+(?:(?:our|the|this|my|their|his|her)\s+)?(?:whole\s+|entire\s+)?(?:${alt(curated.claims.firstScopes)})\b(?:'s history)?`, 'gi');
/** one of maybe a few hundred people in the world, one of only 40 known cases, only 12 cases reported */
const FEW_KNOWN = new RegExp(String.raw`\b(?:one of\s+(?:(?:only|maybe|perhaps|about|around|roughly|fewer than|less than|under|a)\s+)*(?:a few|a handful of|a couple|a dozen|several|[\d,]+|few|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty)(?:\s+(?:hundred|thousand|dozen))?|only\s+(?:about\s+|around\s+)?(?:[\d,]+|a few|a handful of|a dozen|two|three|four|five|ten|twenty|fifty)(?:\s+(?:hundred|dozen))?)\s+(?:[a-z]+\s+){0,2}?(?:${alt(curated.claims.populationWords)})`, 'gi');
/** only the 12th reported case, the third documented case worldwide */
const NTH_CASE = /\b(?:only\s+)?the\s+(?:\d{1,3}(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|twentieth)\s+(?:(?:ever|known|reported|documented|described|recorded|published)\s+){1,2}case\b(?:\s+(?:worldwide|in the (?:world|literature|us|country|state)))?/gi;
/** fewer than 100 cases in the literature, less than 50 known cases worldwide */
const FEWER_THAN = new RegExp(String.raw`\b(?:fewer|less)\s+than\s+(?:[\d,]+|a (?:few )?(?:hundred|dozen)|two|three|four|five|ten|twenty|fifty)(?:\s+(?:hundred|dozen))?\s+(?:[a-z]+\s+){0,2}?(?:${alt(curated.claims.populationWords)})`, 'gi');
/** the oldest twin mom anyone in our state can remember, the youngest ever recorded */
const SUPERLATIVE = /\bthe\s+(?:oldest|youngest|largest|biggest|smallest|heaviest|first)\s+(?:[\w'’-]+\s+){0,5}?(?:anyone\s+(?:[\w'’]+\s+){0,5}?(?:can\s+|could\s+)?remembers?|ever\s+(?:recorded|reported|documented|seen)|on\s+record|in\s+(?:our|the)\s+(?:state|country|world)'?s?\s+history)\b/gi;

const NUMBER = String.raw`(?:a|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty|forty|many|several|\d{1,2}\+?)`;
/** exceedingly rare, vanishingly rare, ultra-rare, one of the rarest, the rarest thing I've seen; not `not that rare`, `rarely`, `what's the rarest thing you've seen?` */
const INTENSE_RARE = /(?<!\b(?:not|n['’]t|never|hardly)\s+(?:all\s+|that\s+|so\s+|terribly\s+)?)\b(?:(?:exceedingly|extraordinarily|extremely|incredibly|vanishingly|insanely|ridiculously|unbelievably|astronomically|exceptionally|remarkably|stupidly|wildly|ultra|super|crazy)[- ]rare|one\s+of\s+the\s+rarest|the\s+rarest\s+(?:[\w'’-]+\s+){0,3}?(?:i|we)(?:['’]ve|\s+have)\s+(?:ever\s+)?(?:seen|had|read|called|diagnosed|scanned))\b/gi;
/** the first X of my career, first time in my 20-year career, first one in my whole practice */
const CAREER_FIRST = /\bfirst\s+(?!(?:day|night|shift|week|month|year|job|rotation|call|patient|paycheck|code|attending|rotation)s?\b)(?:[\w'’-]+\s+){0,3}?(?:of|in)\s+(?:my|our)\s+(?:(?:\d{1,2}|[a-z]+)[- ]years?[- ]|whole\s+|entire\s+|short\s+|long\s+)?(?:career|practice|lifetime|training|residency|fellowship)\b/gi;
/** the first one I've seen in a decade, the first case we've diagnosed in 15 years */
const FIRST_IN_YEARS = new RegExp(String.raw`\bfirst\s+(?:[\w'’-]+\s+){0,4}?(?:i|we)(?:['’]ve|\s+have|['’]d|\s+had)?\s+(?:ever\s+|personally\s+|actually\s+)?(?:seen|had|diagnosed|read|scanned|treated|encountered|come\s+across|caught|imaged)\s+in\s+(?:(?:over|more\s+than|almost|nearly|about|the\s+last|the\s+past|my|our)\s+)?(?:${NUMBER}[\s-]+)?(?:decades?|years?|careers?)\b`, 'gi');
/** has anyone ever seen one of these; anyone seen this outside a textbook (not `anyone seen this before?`: a plain request for help) */
const ANYONE_SEEN = /\b(?:anyone|anybody|any\s+of\s+you|y['’]all)\s+(?:else\s+)?(?:ever\s+(?:actually\s+)?(?:seen|encountered|come\s+across|run\s+into|diagnosed|had|managed|treated)\s+(?:one\s+of\s+these|one|this|anything\s+like|a\s+case\s+(?:of|like)|such\s+a\s+case|another)\b|(?:seen|encountered|come\s+across|run\s+into)\s+(?:one\s+of\s+these|one|this|anything\s+like\s+(?:this|it|that)|a\s+case)\s+(?:in\s+real\s+life|irl|in\s+person|outside\s+(?:of\s+)?(?:a\s+|the\s+)?(?:textbooks?|books?|boards?))\b)/gi;
/** we're writing this up, submitting it as a case report, only the second one I've ever seen */
const WRITE_UP = /\b(?:(?:writing|submitting|publishing|submit|write|wrote)\s+(?:this\s+|it\s+)?(?:up\s+)?(?:as\s+)?(?:a|the|our)\s+case\s+report|(?:writing|write|wrote|submitting|submit|publishing|publish)\s+(?:this|it|him|her|them|the\s+case)\s+up|(?:only\s+)?(?:the|my|our)\s+(?:second|third|2nd|3rd)\s+(?:one\s+|case\s+)?(?:i|we)(?:['’]ve|\s+have)\s+(?:ever\s+)?seen)\b/gi;

function oddsDenominator(num: string, scale: string | undefined): number {
  const n = NUM_WORDS[num.toLowerCase()] ?? Number(num.replace(/,/g, ''));
  const s = scale ? scale.toLowerCase().split(' ').reduce((acc, w) => acc * (SCALE[w] ?? 1), 1) : 1;
  return n * s;
}

/**
 * RARITY parts of one sentence: vocabulary names (rare ones only) and claims. `tokens` are the
 * sentence's tokens (offsets into `text`).
 */
export function findRarity(text: string, tokens: readonly Token[] = tokenize(text)): QuasiPart[] {
  const out: QuasiPart[] = [];
  const { phrases, upper, standalone, infections } = rarity();
  for (const hit of phrases.findAll(tokens)) {
    if (!hit.value) continue;
    const first = tokens[hit.from], last = tokens[hit.to - 1];
    const single = hit.to - hit.from === 1;
    if (single && upper.has(first.key)) {
      // an acronym counts only in capitals (MELAS, not melas; CHARGE, not charge)
      if (!upperWritten(text, tokens, hit.from, upper)) continue;
    } else if (single && last.end - first.start < 5) {
      // a single short word must be written as a name, not a common word in lower case (`Kuru`)
      continue;
    }
    const next = tokens[hit.to];
    if (next && PREVENTION.has(next.key) && infections.has(tokens.slice(hit.from, hit.to).map((t) => t.key).join(' '))) continue;
    if (single && standalone.has(first.key)) {
      const prev = tokens[hit.from - 1];
      if (prev && (TITLE.test(prev.key) || (hit.from > 1 && /^\p{Lu}\p{Ll}/u.test(text.slice(prev.start, prev.end)) && !phrases.at(tokens, hit.from - 1)))) continue;
    }
    out.push({ start: first.start, end: last.end, kind: 'RARITY', rule: single && standalone.has(first.key) ? 'rare-disease-word' : single && upper.has(first.key) ? 'rare-acronym' : 'rare-disease' });
  }
  for (const m of text.matchAll(ODDS)) {
    if (oddsDenominator(m[1], m[2]) >= 50_000) out.push({ start: m.index!, end: m.index! + m[0].length, kind: 'RARITY', rule: 'odds' });
  }
  for (const [re, rule] of [[SEEN_NEVER, 'never-seen'], [FIRST_IN, 'first-in'], [FEW_KNOWN, 'few-known'], [NTH_CASE, 'nth-case'], [FEWER_THAN, 'fewer-than'], [SUPERLATIVE, 'superlative'],
    [INTENSE_RARE, 'intense-rare'], [CAREER_FIRST, 'career-first'], [FIRST_IN_YEARS, 'first-in-years'], [ANYONE_SEEN, 'anyone-seen'], [WRITE_UP, 'write-up']] as const) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) out.push({ start: m.index!, end: m.index! + m[0].length, kind: 'RARITY', rule });
  }
  return out;
}
