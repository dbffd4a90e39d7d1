/**
 * Word tokens and a phrase index for the quasi-identifier finders (src/engine/quasi/). Lexicons of
 * hundreds or thousands of phrases (rare diseases, roles, events) are looked up token by token in a
 * Map keyed by the first word, so finding them costs one pass over the words of a sentence, not one
 * regex alternative per phrase per character.
 */

export interface Token {
  /** Offset of the word in the text it was cut from. */
  readonly start: number;
  readonly end: number;
  /** Folded key: lower case, accents removed, a final possessive `'s` dropped. */
  readonly key: string;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Lower case without diacritics (Trénaunay -> trenaunay, Kühn -> kuhn). */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** One key per word: `Kartagener's` -> `kartagener`, `Klippel-Trénaunay` -> `klippel`, `trenaunay`. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = 0;
  for (const m of text.matchAll(WORD)) {
    const key = fold(m[0]).replace(/['’]s$/, '').replace(/['’]/g, '');
    if (key) out.push({ start: m.index!, end: m.index! + m[0].length, key });
  }
  return out;
}

/** The token keys of a phrase, joined by single spaces (the phrase index's key). */
export function phraseKey(phrase: string): string {
  return tokenize(phrase).map((t) => t.key).join(' ');
}

export interface PhraseHit<V> {
  /** Index of the first and one past the last token. */
  readonly from: number;
  readonly to: number;
  readonly value: V;
}

/** Phrases (as token keys) to values, found longest first at each token. */
export class PhraseIndex<V> {
  private readonly map = new Map<string, V>();
  /** First word -> the word counts of the phrases that start with it, longest first. */
  private readonly lengths = new Map<string, number[]>();

  add(phrase: string, value: V, overwrite = true): void {
    const key = phraseKey(phrase);
    if (!key) return;
    if (!overwrite && this.map.has(key)) return;
    this.map.set(key, value);
    const words = key.split(' ');
    const list = this.lengths.get(words[0]) ?? [];
    if (!list.includes(words.length)) {
      list.push(words.length);
      list.sort((a, b) => b - a);
    }
    this.lengths.set(words[0], list);
  }

  get(phrase: string): V | undefined {
    return this.map.get(phraseKey(phrase));
  }

  /** The longest phrase starting at token `i`, if any. */
  at(tokens: readonly Token[], i: number): PhraseHit<V> | undefined {
    const lens = this.lengths.get(tokens[i].key);
    if (!lens) return undefined;
    for (const n of lens) {
      if (i + n > tokens.length) continue;
      let key = tokens[i].key;
      for (let k = 1; k < n; k++) key += ' ' + tokens[i + k].key;
      const v = this.map.get(key);
      if (v !== undefined) return { from: i, to: i + n, value: v };
    }
    return undefined;
  }

  /** Every non-overlapping phrase, scanning left to right, longest first. */
  findAll(tokens: readonly Token[]): PhraseHit<V>[] {
    const out: PhraseHit<V>[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const hit = this.at(tokens, i);
      if (hit) {
        out.push(hit);
        i = hit.to - 1;
      }
    }
    return out;
  }

  get size(): number {
    return this.map.size;
  }
}

/** A quasi-identifier span inside the text a finder was given. */
export interface QuasiPart {
  start: number;
  end: number;
  kind: QuasiKind;
  /** Which rule found it (for the explanation; never the matched text). */
  rule: string;
}

export type QuasiKind = 'AGE' | 'SEX' | 'TIME' | 'PLACE' | 'ROLE' | 'EVENT' | 'RARITY' | 'FEATURE';
