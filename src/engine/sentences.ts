import type { Sentence } from './types';

/**
 * Splits text into sentences (and lines): a cheap, deterministic splitter that keeps
 * abbreviations and initials (`Dr.`, `Mrs.`, `pt J.D.`, `St. Mary's`) inside their sentence.
 * Offsets index the given text. Sentences are the unit of NLP caching and advice spans.
 */
const ABBREV = new Set([
  'dr', 'mr', 'mrs', 'ms', 'mx', 'st', 'pt', 'pts', 'vs', 'etc', 'al', 'no', 'jr', 'sr', 'prof', 'mt',
  'ft', 'e.g', 'i.e', 'approx', 'dept', 'univ', 'inc', 'co', 'ave', 'blvd', 'rd', 'hosp', 'med',
  'fig', 'ref', 'cf', 'ca', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct',
  'nov', 'dec', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'u.s', 'a.m', 'p.m', 'acc', 'dob',
]);

// The lookbehind starts a punctuation run only at its first character: without it a long run
// of dots with no space after it ("....") is re-scanned from every position (quadratic).
const BOUNDARY = /\n+|(?<![.!?\u2026])[.!?\u2026]+["')\]]*(?=\s)/g;

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (s: number, e: number) => {
    // Trim whitespace on both ends; skip empty pieces.
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
  };
  BOUNDARY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BOUNDARY.exec(text))) {
    const end = m.index + m[0].length;
    if (m[0][0] === '.') {
      // The word before the dot: an abbreviation or a single initial does not end a sentence.
      // Apostrophes belong to the word: "St. Mary's." ends a sentence ('s is not an initial).
      const before = /([A-Za-z][A-Za-z.'’]*)$/.exec(text.slice(Math.max(0, m.index - 12), m.index));
      const word = before ? before[1].toLowerCase() : '';
      if (word && (ABBREV.has(word) || /^[a-z]$/.test(word) || /^([a-z]\.)+[a-z]$/.test(word))) continue;
      // A decimal number (3.5 cm) never reaches here: BOUNDARY needs whitespace after the dot.
    }
    push(start, end);
    start = end;
  }
  push(start, text.length);
  return out;
}
