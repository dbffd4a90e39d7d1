import placeWords from '../../rules/place-words.json';
import regions from '../../rules/regions.json';
import states from '../../rules/us-states.json';

/** Place vocabulary shared by the location and facility detectors (data in rules/). */

export const lowerSet = (xs: readonly string[]) => new Set(xs.map((x) => x.toLowerCase()));
/** States, their codes and larger regions: never PHI alone. */
export const NOT_SMALL = lowerSet([...states.names, ...states.abbreviations, ...regions.names]);
export const STATE_CODES = new Set(states.codes);
export const NOT_PLACE = lowerSet(placeWords.notPlace);
export const LOCALITY = lowerSet(placeWords.localitySuffixes);
/** A capitalised word; lower-case letters may be accented (Huancané, Mayagüez). */
export const CAP_WORD = /^(?:[A-Z\u00C0-\u00DE][a-z\u00DF-\u00FF'’]+(?:-[A-Z][a-z\u00DF-\u00FF]+)?|Mc[A-Z][a-z]+|O'[A-Z][a-z]+)$/;

const alt = (xs: readonly string[]) => [...new Set(xs)].sort((a, b) => b.length - a.length).map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')).join('|');
const PERSON_ALT = alt(placeWords.personNouns.filter((w) => !/^(?:patient|pt|case|cases|paciente|don)$/.test(w)));
/**
 * A particular lay person in the sentence: `a guy`, `the last lighthouse keeper`, `two kids`,
 * `Grandpa Lou`, `la señora Quispe`, or `saw him in clinic`. Place detectors treat it as a case cue
 * (the shared case cues look for clinical words, which a chatty post may not have).
 */
const PERSON_DET_RE = new RegExp(String.raw`(?<![\w\u00C0-\u00FF])(?:a|an|the|this|that|one|our|two|three|both|some|la|el|una|un)\s+(?:[\w'’-]+\s+){0,2}?(?:${PERSON_ALT})(?![\w\u00C0-\u00FF])`, 'i');
const PERSON_TITLE_RE = /\b(?:Grandma|Grandpa|Granny|Gramps|Nana|Uncle|Aunt|Auntie|Baby|baby|Señora|señora|Señor|señor|Doña|doña|Don|don|Abuela|abuela|Abuelo|abuelo)\s+[A-Z][a-z\u00DF-\u00FF]+/;
const SAW_PERSON_RE = /\b(?:saw|seen|see|scanned|treated|admitted|operated on|examined|discharged)\s+(?:him|her)\b/i;
export function personCueIn(sentence: string): boolean {
  return PERSON_DET_RE.test(sentence) || PERSON_TITLE_RE.test(sentence) || SAW_PERSON_RE.test(sentence);
}
/** A person (or a case) right before the preposition: `a guy from`, `Grandpa Lou from`, `case from`, `la señora Quispe desde`. */
const PERSON_BEFORE_RE = new RegExp(String.raw`(?<![\w\u00C0-\u00FF])(${alt(placeWords.personNouns.flatMap((w) => [w, w[0].toUpperCase() + w.slice(1)]))})((?:\s+[A-Z][a-z\u00DF-\u00FF]+){0,2})\s*,?\s*$`);
const CASE_NOUN = /^(?:patient|pt|case|cases|paciente)$/i;
/**
 * 2: a named person or a case right before `at` (`Grandpa Lou from`, `a case from`): someone's place
 * on its own; 1: a generic person (`a guy from`), which also fits a sales rep or a colleague, so it
 * needs a clinical cue nearby; 0: none.
 */
export function personBefore(text: string, at: number): 0 | 1 | 2 {
  const m = PERSON_BEFORE_RE.exec(text.slice(Math.max(0, at - 40), at));
  if (!m) return 0;
  return m[2] || CASE_NOUN.test(m[1]) ? 2 : 1;
}
/**
 * The run of capitalised words starting at `at` (at most 3, `St.` allowed inside), stopping at a
 * stop word or state code. Returns [start, end, words] or undefined when the first word is not a
 * possible place.
 */
export function capitalisedRun(text: string, at: number): [number, number, string[]] | undefined {
  const re = /[A-Za-z\u00C0-\u00DE][\w\u00DF-\u00FF'’.-]*/y;
  const words: string[] = [];
  let pos = at, end = at;
  while (words.length < 3) {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) break;
    let w = m[0].replace(/[.]+$/, '');
    const nextWord = /^ ([A-Z][a-z]+)/.exec(text.slice(pos + w.length, pos + w.length + 20));
    const localityNext = !!nextWord && LOCALITY.has(nextWord[1].toLowerCase());
    if (!CAP_WORD.test(w.replace(/[’']s$/, '')) || (NOT_PLACE.has(w.toLowerCase()) && !localityNext) || STATE_CODES.has(w)) break;
    words.push(w);
    end = pos + w.length;
    // continue only over a single space to the next capitalised word
    if (text[end] !== ' ' || !/[A-Z\u00C0-\u00DE]/.test(text[end + 1] ?? '')) break;
    pos = end + 1;
  }
  if (words.length === 0) return undefined;
  return [at, end, words];
}
