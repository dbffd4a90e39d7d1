import rare from '../../../rules/rare-diseases.json';
import curated from '../../../rules/traceable-rarity.json';
import { PhraseIndex, tokenize, type QuasiPart, type Token } from './phrases';

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
 * hundred people in the world`, `the oldest ... anyone can remember`.
 */

type Entry = [number, number | null, ...string[]];
const HEADS = /\s+(?:disease|syndrome|malformation|anomaly|triad|sequence|complex|disorder)$/i;
/** Two capitalised names joined by a hyphen: an eponym that is used alone (Erdheim-Chester). */
const HYPHEN_EPONYM = /^[A-Z][\p{L}'’]+-[A-Z][\p{L}'’]+(?:-[A-Z][\p{L}'’]+)?$/u;

let index: PhraseIndex<boolean> | undefined;

/** Phrase -> rare? Built once, on first use (about 13k names). */
export function rarityIndex(): PhraseIndex<boolean> {
  if (index) return index;
  const idx = new PhraseIndex<boolean>();
  const max = curated.rareMaxPerMillion;
  for (const e of rare.entries as unknown as Entry[]) {
    const [, perMillion, ...names] = e;
    const isRare = perMillion === null || perMillion <= max;
    for (const name of names) {
      // a name that is rare for one entry and common for another stays common (never upgraded)
      if (idx.get(name) === false) continue;
      idx.add(name, isRare);
      const head = name.replace(HEADS, '');
      if (head !== name && HYPHEN_EPONYM.test(head) && idx.get(head) !== false) idx.add(head, isRare);
    }
  }
  for (const name of curated.extraRare) idx.add(name, true);
  // the curated exclusions win over everything
  for (const name of curated.notRare) idx.add(name, false);
  index = idx;
  return idx;
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
  const idx = rarityIndex();
  for (const hit of idx.findAll(tokens)) {
    if (!hit.value) continue;
    const first = tokens[hit.from], last = tokens[hit.to - 1];
    // a single short word must be written as a name, not a common word in lower case (`Kuru`)
    if (hit.to - hit.from === 1 && last.end - first.start < 5) continue;
    out.push({ start: first.start, end: last.end, kind: 'RARITY', rule: 'rare-disease' });
  }
  for (const m of text.matchAll(ODDS)) {
    if (oddsDenominator(m[1], m[2]) >= 50_000) out.push({ start: m.index!, end: m.index! + m[0].length, kind: 'RARITY', rule: 'odds' });
  }
  for (const [re, rule] of [[SEEN_NEVER, 'never-seen'], [FIRST_IN, 'first-in'], [FEW_KNOWN, 'few-known'], [NTH_CASE, 'nth-case'], [FEWER_THAN, 'fewer-than'], [SUPERLATIVE, 'superlative']] as const) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) out.push({ start: m.index!, end: m.index! + m[0].length, kind: 'RARITY', rule });
  }
  return out;
}
