/**
 * Evasion-resistant normalisation (stage 1 of analyze).
 *
 * Drafts are folded so that detectors see plain text: zero-width and invisible characters are
 * removed, homoglyphs (Cyrillic and Greek letters that look Latin) become Latin, full-width and
 * other compatibility forms are folded with NFKC, typographic dashes, quotes and spaces become
 * ASCII. Every normalised code unit remembers the original range it came from, so findings point
 * at the ORIGINAL characters (Finding.start/end are offsets into the draft as typed).
 */

export interface Normalized {
  readonly text: string;
  /** Maps a span of the normalised text to the original text. */
  toOriginal(start: number, end: number): [number, number];
  /** True when nothing changed (offsets are the identity). */
  readonly identity: boolean;
}

/** Characters that render as nothing and are used to split identifiers. */
const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/;

/** Look-alike letters to their Latin twin (Unicode confusables, the ones seen in evasion). */
const HOMOGLYPHS: Record<string, string> = {
  // Cyrillic
  'А': 'A', 'В': 'B', 'Е': 'E', 'К': 'K', 'М': 'M', 'Н': 'H', 'О': 'O', 'Р': 'P', 'С': 'C', 'Т': 'T',
  'Х': 'X', 'У': 'Y', 'Ѕ': 'S', 'І': 'I', 'Ј': 'J', 'Ԛ': 'Q', 'Ԝ': 'W', 'Ү': 'Y',
  'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'у': 'y', 'х': 'x', 'ѕ': 's', 'і': 'i', 'ј': 'j',
  'ԁ': 'd', 'ԛ': 'q', 'ԝ': 'w', 'һ': 'h', 'ӏ': 'l', 'ү': 'y', 'ɡ': 'g', 'ո': 'n', 'ս': 'u',
  // Greek
  'Α': 'A', 'Β': 'B', 'Ε': 'E', 'Ζ': 'Z', 'Η': 'H', 'Ι': 'I', 'Κ': 'K', 'Μ': 'M', 'Ν': 'N', 'Ο': 'O',
  'Ρ': 'P', 'Τ': 'T', 'Υ': 'Y', 'Χ': 'X', 'ο': 'o', 'ι': 'i', 'κ': 'k', 'ν': 'v', 'ρ': 'p', 'τ': 't',
  'υ': 'u', 'χ': 'x', 'α': 'a',
};

/** Typographic punctuation and spaces that NFKC leaves alone. */
const PUNCT: Record<string, string> = {
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\uFE58': '-', '\uFE63': '-', '\uFF0D': '-',
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'", '\u02BC': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"',
  '\u00A0': ' ', '\u2007': ' ', '\u202F': ' ', '\u2028': '\n', '\u2029': '\n',
};

const NEEDS_WORK = /[^\x09\x0A\x0D\x20-\x7E]/;

function fold(ch: string): string {
  const mapped = HOMOGLYPHS[ch] ?? PUNCT[ch];
  if (mapped !== undefined) return mapped;
  if (INVISIBLE.test(ch)) return '';
  const code = ch.codePointAt(0)!;
  // Control characters other than tab and line breaks become spaces (never removed: they may
  // separate words, and removing them would glue identifiers to their neighbours).
  if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return ' ';
  if (code < 0x80) return ch;
  // Emoji and most symbols pass unchanged; NFKC folds full-width digits, letters, ligatures.
  const n = ch.normalize('NFKC');
  // Some NFKC folds are long (U+FDFA is 18 letters): keep those original.
  return n.length <= 4 ? n : ch;
}

export function normalize(original: string): Normalized {
  if (!NEEDS_WORK.test(original)) {
    return { text: original, identity: true, toOriginal: (s, e) => [s, e] };
  }
  const out: string[] = [];
  // For each normalised code unit, the original [start, end) it came from.
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  while (i < original.length) {
    const cp = original.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const ch = original.slice(i, i + width);
    const f = width === 1 && cp < 0x80 && cp >= 0x20 ? ch : fold(ch);
    for (let k = 0; k < f.length; k++) {
      starts.push(i);
      ends.push(i + width);
    }
    if (f) out.push(f);
    i += width;
  }
  const text = out.join('');
  const len = original.length;
  return {
    text,
    identity: false,
    toOriginal(s, e) {
      if (text.length === 0) return [0, 0];
      const os = s < starts.length ? starts[s] : len;
      const oe = e > 0 ? ends[Math.min(e, ends.length) - 1] : os;
      return [os, Math.max(os, oe)];
    },
  };
}
