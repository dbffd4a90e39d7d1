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
export const CAP_WORD = /^(?:[A-Z][a-z'’]+(?:-[A-Z][a-z]+)?|Mc[A-Z][a-z]+|O'[A-Z][a-z]+)$/;

/**
 * The run of capitalised words starting at `at` (at most 3, `St.` allowed inside), stopping at a
 * stop word or state code. Returns [start, end, words] or undefined when the first word is not a
 * possible place.
 */
export function capitalisedRun(text: string, at: number): [number, number, string[]] | undefined {
  const re = /[A-Za-z][\w'’.-]*/y;
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
    if (text[end] !== ' ' || !/[A-Z]/.test(text[end + 1] ?? '')) break;
    pos = end + 1;
  }
  if (words.length === 0) return undefined;
  return [at, end, words];
}
