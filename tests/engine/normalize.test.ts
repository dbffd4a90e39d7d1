import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/engine/normalize';

/** The original characters behind a span of the normalised text. */
const orig = (draft: string, start: number, end: number) => {
  const [s, e] = normalize(draft).toOriginal(start, end);
  return draft.slice(s, e);
};

describe('normalize: folded text', () => {
  it.each([
    // zero-width space, joiner, non-joiner, word joiner and BOM vanish
    ['2\u200B1\u200C9\u200D-0\u20609-\uFEFF9999', '219-09-9999'],
    // soft hyphen and bidi overrides are invisible too
    ['Jo\u00ADhn \u202Esmith\u202C', 'John smith'],
    // Cyrillic look-alikes become Latin
    ['\u0420\u0430\u0441\u0435', 'Pace'],
    // Greek look-alikes become Latin
    ['\u0391\u039D\u039D\u0391 \u039A\u03BF\u03C7', 'ANNA Kox'],
    // full-width digits and letters fold to ASCII (NFKC)
    ['\uFF33\uFF33\uFF2E \uFF12\uFF11\uFF19', 'SSN 219'],
    // no-break, figure and narrow no-break spaces become plain spaces
    ['12\u00A0Main\u2007St\u202Fnow', '12 Main St now'],
    // en dash, em dash, minus sign, non-breaking hyphen become ASCII hyphens
    ['219\u201309\u20149999 \u2212 a\u2011b', '219-09-9999 - a-b'],
    // curly quotes and primes become ASCII quotes
    ['\u201CMary\u2019s\u201D 5\u2032 6\u2033', '"Mary\'s" 5\' 6"'],
    // line and paragraph separators become line breaks
    ['a\u2028b\u2029c', 'a\nb\nc'],
    // control characters become spaces (never glue words together); tab and newline stay
    ['a\u0000b\u0007c\td\ne', 'a b c\td\ne'],
    // mathematical bold digits (astral) fold to ASCII digits
    ['\u{1D7CF}\u{1D7D0}\u{1D7D1}', '123'],
    // emoji and non-Latin scripts pass unchanged
    ['\u{1F600} \u05E9\u05DC\u05D5\u05DD \u4E2D', '\u{1F600} \u05E9\u05DC\u05D5\u05DD \u4E2D'],
    // a long NFKC expansion (U+FDFA) is kept as the original character
    ['\uFDFA', '\uFDFA'],
  ])('folds %j', (draft, expected) => {
    expect(normalize(draft).text).toBe(expected);
  });

  it('is the identity, without copying work, on plain ASCII', () => {
    const n = normalize('Pt seen on 3/4, SSN 219-09-9999.');
    expect(n.identity).toBe(true);
    expect(n.text).toBe('Pt seen on 3/4, SSN 219-09-9999.');
    expect(n.toOriginal(4, 8)).toEqual([4, 8]);
  });

  it('reports a non-identity when anything changed', () => {
    expect(normalize('caf\u00E9').identity).toBe(false);
  });
});

describe('normalize: offsets map back to the original characters', () => {
  it('covers the zero-width characters inside a span', () => {
    const draft = 'SSN 219\u200B-09\u200C-9999 ok';
    const n = normalize(draft);
    const at = n.text.indexOf('219');
    expect(orig(draft, at, at + 11)).toBe('219\u200B-09\u200C-9999');
  });

  it('maps full-width digits one to one', () => {
    const draft = 'id \uFF11\uFF12\uFF13\uFF14 end';
    const n = normalize(draft);
    expect(n.text).toBe('id 1234 end');
    expect(orig(draft, 3, 7)).toBe('\uFF11\uFF12\uFF13\uFF14');
    // a single folded digit maps to its single original character
    expect(orig(draft, 4, 5)).toBe('\uFF12');
  });

  it('maps homoglyph words back to the look-alike letters', () => {
    const draft = 'Dr \u0410\u0455\u0440\u0435n said';
    const n = normalize(draft);
    expect(n.text).toBe('Dr Aspen said');
    expect(orig(draft, 3, 8)).toBe('\u0410\u0455\u0440\u0435n');
  });

  it('keeps offsets right after astral characters (two code units each)', () => {
    const draft = '\u{1F600}\u{1F9D1}\u200D\u2695\uFE0F SSN 219\u200B-09-9999';
    const n = normalize(draft);
    const at = n.text.indexOf('219');
    expect(n.text.slice(at)).toBe('219-09-9999');
    expect(orig(draft, at, at + 11)).toBe('219\u200B-09-9999');
  });

  it('maps a folded astral digit to both its code units', () => {
    const draft = 'x \u{1D7CF}\u{1D7D0}\u{1D7D1} y';
    const n = normalize(draft);
    expect(n.text).toBe('x 123 y');
    expect(n.toOriginal(3, 4)).toEqual([4, 6]);
    expect(orig(draft, 2, 5)).toBe('\u{1D7CF}\u{1D7D0}\u{1D7D1}');
  });

  it('maps NBSP, dashes and quotes one to one', () => {
    const draft = '\u201CDOB\u00A001\u201302\u20131950\u201D';
    const n = normalize(draft);
    expect(n.text).toBe('"DOB 01-02-1950"');
    expect(orig(draft, 5, 15)).toBe('01\u201302\u20131950');
  });

  it('never returns an inverted or out-of-range span', () => {
    const draft = '\u200B\u200B a \u200B';
    const n = normalize(draft);
    expect(n.text).toBe(' a ');
    for (let s = 0; s <= n.text.length; s++) {
      for (let e = s; e <= n.text.length; e++) {
        const [os, oe] = n.toOriginal(s, e);
        expect(0 <= os && os <= oe && oe <= draft.length).toBe(true);
      }
    }
  });

  it('keeps the text empty, with a safe mapping, when everything is invisible', () => {
    const n = normalize('\u200B\uFEFF\u2060');
    expect(n.text).toBe('');
    expect(n.toOriginal(0, 0)).toEqual([0, 0]);
  });
});
