import eponyms from '../../../rules/eponyms.json';
import words from '../../../rules/traceable-places.json';
import states from '../../../rules/us-states.json';
import { boundedCache, setBounded } from '../bounded';
import { facility } from '../detectors/facility';
import { location } from '../detectors/location';
import { nlp } from '../nlp';
import { LOCALITY, NOT_PLACE } from '../places';
import { detectOnce, perParagraph } from '../scope';
import type { DetectContext } from '../types';
import { PhraseIndex, tokenize, type QuasiPart, type Token } from './phrases';
import { rarityIndex } from './rarity';

/**
 * PLACE quasi-identifiers of a draft (GUIDELINE.md `traceable`): where the case happened or the
 * patient is from: town, region, hospital, unit, venue, school, team, and, unlike PHI, a state
 * (`a wildland firefighter from Montana`). The town and facility patterns are the PHI detectors'
 * own (location, facility: a place that is PHI is also a PLACE); states and schools are added here.
 * Vague places (`out west`, `a rural county`, `our state`) are not places.
 *
 * The PHI patterns only count a place in a sentence about a patient's care; a PLACE is broader, so
 * this file also reads, per sentence and whatever the case cues (the traceable detector decides
 * whether the draft is about a patient), the grammar that introduces a place
 * (rules/traceable-places.json):
 *   trigger + capitalised name  `up in Bethel`, `a welder from Five Points`, `through the ice on Big
 *                               Sandy`, `airlifted to Bayview`, `pitcher for the Riverton Rattlers`,
 *                               `a senior at Eastside`, `rural Kiowa`, `from Nome to Anchorage`
 *   named feature               a capitalised name ending in a geographic head (`Mille Lacs Lake`,
 *                               `the Flint Hills`, `the Oklahoma Panhandle`) or opening with one
 *                               (`Lake Pepin`, `Mount Hood`); `the Panhandle` alone when capitalised
 *   named region                `the Bootheel`, `the Outer Banks`, `Little Havana` (a vocabulary)
 *   road                        `Highway 12`, `Route 9`, `I-80`
 *   hospital type + place       `a critical access hospital in rural Kiowa County` (one span)
 * A name after a trigger is not a place when it is a calendar word, a language, a demonym, a source
 * or medium (`in Epic`, `on Twitter`), a person's given name (`a card from Maria`, compromise's
 * lexicon, read only), a name after a source noun (`a referral from`, `data from`), or an eponym
 * (`Rocky Mountain spotted fever`, `Lake Louise score`).
 */

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
const STATE_ALT = [...states.names].sort((a, b) => b.length - a.length).map(esc).join('|');
const STATE_RE = new RegExp(String.raw`\b(?:from|in|of|near|outside(?:\s+of)?|out\s+of|across|rural|northern|southern|eastern|western|central|upstate|downstate)\s+(${STATE_ALT})\b(?!\s+(?:State|University|College|Medical|Health|Hospital|Children'?s))`, 'g');
/** Silver Creek High, Lincoln Middle School, Riverside Academy */
const SCHOOL_RE = /\b(?:[A-Z][a-z]+\s){1,3}(?:High(?:\s+School)?|Middle\s+School|Elementary(?:\s+School)?|Academy|Prep)\b/g;
/** Fenwick General, Lakeside Regional, Mercy Children's, St. Adelaide's: a facility by its name, case or not. */
const FACILITY_NAME_RE = /\b(?:(?:St\.?|Saint)\s+[A-Z][a-z]+['’]s|(?:[A-Z][a-z]+\s){1,3}(?:General|Regional|Memorial|Community Hospital|Hospital|Medical Center|Medical Centre|Children['’]s|Clinic|Infirmary|Health Center))\b/g;
/** Highway 12, Hwy 61, Route 9, State Route 33, County Road 4, Interstate 80, I-95 */
const ROAD_RE = /\b(?:(?:Highway|Hwy\.?|Route|Rte\.?|Interstate|State\s+(?:Route|Road|Highway)|County\s+(?:Road|Rd\.?|Highway)|Farm[- ]to[- ]Market\s+Road)\s?-?\s?\d{1,4}[A-Z]?|I-\s?\d{1,3})\b/g;
/** Minimum score of a location or facility candidate taken as a PLACE (their reporting threshold). */
const MIN_SCORE = 0.5;

// ---------------------------------------------------------------------------------------------
// Vocabulary

type Trigger = keyof typeof words.triggers;
/** Specific phrasings first: a bare `in` / `from` / `at` never overwrites `up in`, `born at`. */
const ORDER: Trigger[] = ['transfer', 'team', 'water', 'approach', 'area', 'at', 'from', 'in'];
const TRIGGERS = new PhraseIndex<Trigger>();
for (const t of ORDER) for (const p of words.triggers[t]) TRIGGERS.add(p, t, false);
const REGIONS = new PhraseIndex<true>();
for (const p of words.regions) REGIONS.add(p, true);
const FACILITY_TYPES = new PhraseIndex<true>();
for (const p of words.facilityTypes) FACILITY_TYPES.add(p, true);
const keySet = (xs: readonly string[]) => new Set(xs.map((x) => tokenize(x).map((t) => t.key).join(' ')));
const GEO_HEADS = keySet(words.geoHeads);
const GEO_BEFORE = keySet(words.geoBefore);
const THE_HEADS = keySet(words.theHeads);
/** Words after a name that make it an eponym or a disease: ours and the eponym heads (rules/eponyms.json). */
const NOT_AFTER = keySet([...words.notAfter, ...eponyms.heads]);
/** Every word of a medical eponym (`in Sturge-Weber`, `in Crohn's`): not a place after a bare `in`. */
const EPONYM_WORDS = new Set([...eponyms.terms, ...eponyms.alone, ...eponyms.phrases].flatMap((t) => tokenize(t).filter((k) => /^[A-Z]/.test(t.slice(k.start, k.end))).map((k) => k.key)));
/** Not places alone, but may open a longer name (`Spanish Harlem`, `Fall River`): a language, season or demonym. */
const STOP_ALONE = keySet(words.notPlaceAlone);
const STOP = new Set([...keySet(words.notPlace), ...keySet([...NOT_PLACE])].filter((k) => !STOP_ALONE.has(k)));
const SOURCES = keySet(words.sources);
const SURNAME_HEADS = keySet(words.surnameHeads);
/** Lower-case words after which a two-word `X Hill` is a place, not a person. */
const PLACE_PREP = new Set(['the', 'in', 'on', 'at', 'from', 'near', 'by', 'to', 'outside', 'around', 'across', 'into', 'toward', 'towards', 'off', 'along', 'over', 'up', 'down', 'through', 'past', 'behind']);
/** Words that may sit inside a place name although they stop one at its start (`Fenwick General`, `Silver Lake Park`). */
const INNER_OK = new Set([...GEO_HEADS, ...LOCALITY]);

/** compromise's lexicon (read only): given names, calendar words and demonyms are not places. */
type Lexicon = Record<string, string | string[] | undefined>;
let lexicon: Lexicon | undefined;
function tagsOf(key: string): readonly string[] {
  lexicon ??= (nlp.world() as { model: { one: { lexicon: Lexicon } } }).model.one.lexicon;
  const t = lexicon[key];
  return t === undefined ? [] : Array.isArray(t) ? t : [t];
}
const NOT_PLACE_TAGS = new Set(['Month', 'WeekDay', 'Date', 'Honorific', 'Pronoun', 'Determiner', 'Preposition', 'Conjunction', 'QuestionWord', 'Modal', 'Copula', 'Expression', 'Possessive', 'Duration']);
const GIVEN_NAME_TAGS = new Set(['FemaleName', 'MaleName', 'FirstName', 'Person']);
const PLACE_TAGS = new Set(['City', 'Place', 'Country', 'Region']);
const stopWord = (key: string) => STOP.has(key) || tagsOf(key).some((t) => NOT_PLACE_TAGS.has(t));
const aloneStop = (key: string) => STOP_ALONE.has(key) || tagsOf(key).includes('Demonym');
/** A given name that is not also a known place (`Maria`, not `Madison`... which compromise calls a name). */
const givenName = (key: string) => {
  const tags = tagsOf(key);
  return tags.some((t) => GIVEN_NAME_TAGS.has(t)) && !tags.some((t) => PLACE_TAGS.has(t));
};

// ---------------------------------------------------------------------------------------------
// Capitalised runs

const isCap = (text: string, t: Token) => /^(?:[A-Z][a-z’'.]|Mc[A-Z]|O['’][A-Z])/.test(text.slice(t.start, t.end)) || /^(?:St|Mt|Ft)$/.test(text.slice(t.start, t.end));
/** The next token continues a name: one space or a hyphen, or `. ` after St / Mt / Ft. */
function joined(text: string, a: Token, b: Token): boolean {
  const gap = text.slice(a.end, b.start);
  return gap === ' ' || gap === '-' || (gap === '. ' && /^(?:St|Mt|Ft)$/.test(text.slice(a.start, a.end)));
}
/** Tokens i.. of a capitalised name (at most 4 words; a stop word ends it unless a place word). */
function runFrom(text: string, tokens: readonly Token[], i: number): number {
  let j = i;
  while (j < tokens.length && j - i < 4 && isCap(text, tokens[j]) && (j === i || joined(text, tokens[j - 1], tokens[j]))) {
    if (j > i && stopWord(tokens[j].key) && !INNER_OK.has(tokens[j].key)) break;
    j++;
  }
  return j;
}
/** Only whitespace (one line) between two tokens. */
const spaced = (text: string, a: Token, b: Token) => /^[ \t]+$/.test(text.slice(a.end, b.start));

/** The run tokens[i..j) names a place rather than a person, a calendar word, a source or an eponym. */
function placeLike(text: string, tokens: readonly Token[], i: number, j: number): boolean {
  if (j <= i) return false;
  const first = tokens[i].key;
  // `St. Alphonsus`, `Mount Hood`: an opener that is a stop word alone
  const opened = j - i >= 2 && GEO_BEFORE.has(first);
  if ((stopWord(first) && !opened) || (i + 1 < tokens.length && STOP.has(`${first} ${tokens[i + 1].key}`))) return false;
  if (j - i === 1 && aloneStop(first)) return false;
  if (/^[A-Z]\.?$/.test(text.slice(tokens[i].start, tokens[i].end))) return false;
  // a rare disease named after a person or a place (`Sturge-Weber`, `Erdheim-Chester`) is a RARITY
  if (rarityIndex().at(tokens, i)) return false;
  if (j < tokens.length && NOT_AFTER.has(tokens[j].key) && spaced(text, tokens[j - 1], tokens[j])) return false;
  // `Maria`, `Maria Lopez`, `Maria's`: a person (`Madison` is also a place, kept)
  if (givenName(first) && (j - i === 1 || !GEO_HEADS.has(tokens[j - 1].key))) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Finders over one sentence (offsets into it)

/** Trigger + capitalised name; `from X to Y` takes Y too. */
function afterTriggers(text: string, tokens: readonly Token[], out: QuasiPart[]): void {
  for (const hit of TRIGGERS.findAll(tokens)) {
    const kind = hit.value;
    let i = hit.to;
    if (i >= tokens.length || !spaced(text, tokens[i - 1], tokens[i])) continue;
    // `rural Kiowa`, not `Southern Baptist` (a capitalised area word belongs to the name: named features)
    if (kind === 'area' && !/^[a-z]/.test(text[tokens[hit.from].start])) continue;
    // `through the ice on the Big Sandy`, `a senior at the Academy`: an article before the name
    if (tokens[i].key === 'the' && text[tokens[i].start] === 't' && kind !== 'in' && kind !== 'from' && kind !== 'area' && i + 1 < tokens.length && spaced(text, tokens[i], tokens[i + 1])) i++;
    const j = runFrom(text, tokens, i);
    if (!placeLike(text, tokens, i, j)) continue;
    // `a card from Maria`, `data from Kaiser`, `a referral from...`: a source, not where the patient is from
    if (kind === 'from' && hit.from > 0 && SOURCES.has(tokens[hit.from - 1].key)) continue;
    // `in Sturge-Weber`, `in Crohn's`: a disease, not a town
    if (kind === 'in' && EPONYM_WORDS.has(tokens[i].key)) continue;
    out.push({ start: tokens[i].start, end: tokens[j - 1].end, kind: 'PLACE', rule: `place-${kind}` });
    // `from Nome to Anchorage`
    if (j + 1 < tokens.length && tokens[j].key === 'to' && spaced(text, tokens[j - 1], tokens[j]) && spaced(text, tokens[j], tokens[j + 1])) {
      const k = runFrom(text, tokens, j + 1);
      if (placeLike(text, tokens, j + 1, k)) out.push({ start: tokens[j + 1].start, end: tokens[k - 1].end, kind: 'PLACE', rule: 'place-to' });
    }
  }
}

/** Capitalised names with a geographic head or opener, and `the Panhandle`. */
function namedFeatures(text: string, tokens: readonly Token[], out: QuasiPart[]): void {
  for (let i = 0; i < tokens.length; i++) {
    if (!isCap(text, tokens[i])) continue;
    let end = i + 1;
    while (end < tokens.length && isCap(text, tokens[end]) && joined(text, tokens[end - 1], tokens[end])) end++;
    // leading sentence words and titles (`The`, `Yesterday`, `Dr`) are not part of the name
    let s = i;
    while (s < end && stopWord(tokens[s].key) && !GEO_BEFORE.has(tokens[s].key)) s++;
    const after = i;
    i = end - 1;
    if (s >= end) continue;
    // `Summited Mount Rainier`: the name starts at its opener
    for (let k = s + 1; k < end - 1; k++) if (GEO_BEFORE.has(tokens[k].key) && !GEO_HEADS.has(tokens[end - 1].key)) { s = k; break; }
    const n = end - s;
    const head = GEO_HEADS.has(tokens[end - 1].key);
    const opener = GEO_BEFORE.has(tokens[s].key);
    const prev = after > 0 ? tokens[after - 1] : undefined;
    const titled = !!prev && /^(?:dr|mr|mrs|ms|prof|doctor|nurse)$/.test(prev.key);
    if (n >= 2 && (head || opener) && !titled) {
      // `Rocky Mountain spotted fever`, `Lake Louise score`, `Grant Hill`: not places
      if (end < tokens.length && NOT_AFTER.has(tokens[end].key) && spaced(text, tokens[end - 1], tokens[end])) continue;
      if (givenName(tokens[s].key) && !opener) continue;
      // `Grant Hill`, `Tiger Woods`: a head that also ends surnames needs a preposition or `the` before
      if (n === 2 && !opener && SURNAME_HEADS.has(tokens[end - 1].key) && !(prev && s === after && PLACE_PREP.has(prev.key) && /^[a-z]/.test(text[prev.start]))) continue;
      out.push({ start: tokens[s].start, end: tokens[end - 1].end, kind: 'PLACE', rule: head ? 'place-feature' : 'place-named-feature' });
    } else if (n === 1 && s === after && THE_HEADS.has(tokens[s].key) && prev && text.slice(prev.start, prev.end) === 'the' && spaced(text, prev, tokens[s])) {
      if (end < tokens.length && NOT_AFTER.has(tokens[end].key) && spaced(text, tokens[end - 1], tokens[end])) continue;
      out.push({ start: prev.start, end: tokens[s].end, kind: 'PLACE', rule: 'place-the-region' });
    }
  }
}

/** Named regions without a head (`the Bootheel`, `Little Havana`): capitalised in the text. */
function namedRegions(text: string, tokens: readonly Token[], out: QuasiPart[]): void {
  for (const hit of REGIONS.findAll(tokens)) {
    const capAt = tokens[hit.from].key === 'the' && hit.to - hit.from > 1 ? hit.from + 1 : hit.from;
    if (!/^[A-Z]/.test(text[tokens[capAt].start])) continue;
    out.push({ start: tokens[hit.from].start, end: tokens[hit.to - 1].end, kind: 'PLACE', rule: 'place-region' });
  }
}

/** `a critical access hospital in rural Kiowa County`: the hospital type joins the place after it. */
function facilityTypes(text: string, tokens: readonly Token[], out: QuasiPart[]): void {
  const places = [...out];
  for (const hit of FACILITY_TYPES.findAll(tokens)) {
    const end = tokens[hit.to - 1].end;
    const m = /^\s+(?:in|near|outside(?:\s+of)?|at|of|on|up\s+in|out\s+in|down\s+in)\s+(?:the\s+)?(?:(?:rural|remote|northern|southern|eastern|western|central)\s+)?/i.exec(text.slice(end, end + 40));
    if (!m) continue;
    const place = places.find((p) => p.start === end + m[0].length || (p.start > end && p.start <= end + m[0].length));
    if (place) out.push({ start: tokens[hit.from].start, end: place.end, kind: 'PLACE', rule: 'place-facility-type' });
  }
}

const MAX = 2000;
const cache = boundedCache<string, QuasiPart[]>();

/** PLACE parts of one sentence from the traceable-only grammar, offsets into it (cached per text). */
export function sentencePlaces(text: string): QuasiPart[] {
  const hit = cache.get(text);
  if (hit) {
    cache.delete(text);
    cache.set(text, hit);
    return hit;
  }
  const out: QuasiPart[] = [];
  if (/[A-Z]/.test(text)) {
    const tokens = tokenize(text);
    afterTriggers(text, tokens, out);
    namedFeatures(text, tokens, out);
    namedRegions(text, tokens, out);
    for (const m of text.matchAll(ROAD_RE)) out.push({ start: m.index!, end: m.index! + m[0].length, kind: 'PLACE', rule: 'place-road' });
    facilityTypes(text, tokens, out);
  }
  setBounded(cache, text, out, MAX);
  return out;
}

export function findPlaces(ctx: DetectContext): QuasiPart[] {
  const out: QuasiPart[] = [];
  for (const c of detectOnce(location, ctx)) if (c.score >= MIN_SCORE) out.push({ start: c.start, end: c.end, kind: 'PLACE', rule: `location/${c.explanation.pattern}` });
  for (const c of detectOnce(facility, ctx)) if (c.score >= MIN_SCORE) out.push({ start: c.start, end: c.end, kind: 'PLACE', rule: `facility/${c.explanation.pattern}` });
  out.push(...perParagraph(ctx, 'quasi-places', paragraphPlaces));
  return out;
}

/** The places a paragraph names by its own grammar (state, facility and school names, sentence triggers): once per distinct paragraph. */
function paragraphPlaces(ctx: DetectContext): QuasiPart[] {
  const out: QuasiPart[] = [];
  for (const m of ctx.text.matchAll(STATE_RE)) {
    const s = m.index! + m[0].length - m[1].length;
    out.push({ start: s, end: s + m[1].length, kind: 'PLACE', rule: 'state' });
  }
  for (const m of ctx.text.matchAll(FACILITY_NAME_RE)) {
    if (/^(?:The|A|An|Our|My|At|In|From|To|This|That)\s/.test(m[0])) continue;
    out.push({ start: m.index!, end: m.index! + m[0].length, kind: 'PLACE', rule: 'facility-name' });
  }
  for (const m of ctx.text.matchAll(SCHOOL_RE)) {
    if (/^(?:The|A|An|Our|My|At|In|From)\s/.test(m[0])) continue;
    out.push({ start: m.index!, end: m.index! + m[0].length, kind: 'PLACE', rule: 'school' });
  }
  for (const s of ctx.sentences) for (const p of sentencePlaces(s.text)) out.push({ ...p, start: s.start + p.start, end: s.start + p.end });
  return out;
}
