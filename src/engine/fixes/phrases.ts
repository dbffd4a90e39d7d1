/**
 * Compiles phrase lists kept as data in rules/*.json into linear regular expressions: one
 * alternation of escaped literals between word boundaries (no nested quantifiers). A space in a
 * phrase matches a run of spaces or hyphens. Shared by the advice and disclaimer detectors and
 * their fix operators.
 */
export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function phraseSource(p: string): string {
  return p
    .trim()
    .split(/[\s-]+/)
    .map((w) => escapeRe(w).replace(/'/g, "['’]?"))
    .join('[\\s-]+');
}

/** `\b(?:a|b c|...)\b`, longest phrases first so "ct scan" wins over "ct". */
export function phraseRegex(phrases: readonly string[], flags = 'i'): RegExp {
  const uniq = [...new Set(phrases.map((p) => p.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  // Word boundaries only where the phrase starts/ends with a word character (#hashtags, a&e).
  const alts = uniq.map((p) => {
    const src = phraseSource(p);
    // A hyphen joins words ("TI-RADS" is not "rads"), so it counts as part of the word here.
    const pre = /^\w/.test(p) ? '(?<![\\w@#-])' : '';
    const post = /\w$/.test(p) ? '(?![\\w]|-\\w)' : '';
    return `${pre}${src}${post}`;
  });
  return new RegExp(`(?:${alts.join('|')})`, flags);
}

export function globalOf(re: RegExp): RegExp {
  return new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
}

const TOKEN = /[\p{L}\p{N}#@&_]+(?:['’][\p{L}]+)*/gu;

export interface Token { w: string; start: number; end: number; hyBefore: boolean; hyAfter: boolean }

/**
 * Lower-cased word tokens with their offsets. Hyphens split words but are remembered, so a phrase
 * never starts or ends inside a hyphenated word ("TI-RADS" does not hold "rads"), while a phrase's
 * inner joints match a space or a hyphen ("follow up" matches "follow-up"), as phraseRegex does.
 */
export function tokens(text: string): readonly Token[] {
  // The advice and disclaimer detectors ask a dozen phrase lists about the same sentence in a row.
  if (text === memo.text) return memo.tokens;
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const start = m.index, end = m.index + m[0].length;
    out.push({ w: m[0].toLowerCase().replace(/’/g, "'"), start, end, hyBefore: text[start - 1] === '-' && /\w/.test(text[start - 2] ?? ''), hyAfter: text[end] === '-' && /\w/.test(text[end + 1] ?? '') });
  }
  memo = { text, tokens: out };
  return out;
}

/** The last text tokenised, with its tokens. */
let memo: { text: string | undefined; tokens: readonly Token[] } = { text: undefined, tokens: [] };

function same(tok: string, word: string): boolean {
  return tok === word || (tok.endsWith("'s") && tok.slice(0, -2) === word) || tok.replace(/'/g, '') === word.replace(/'/g, '');
}

/**
 * A phrase list looked up by whole words in O(words): phrases are indexed by their first word,
 * so a sentence is scanned once whatever the size of the lexicon (a 500-way regex alternation
 * costs a try per alternative per position).
 */
export class PhraseSet {
  private readonly byFirst = new Map<string, string[][]>();

  constructor(phrases: readonly string[]) {
    for (const p of phrases) {
      const ws = p.trim().toLowerCase().replace(/’/g, "'").split(/[\s-]+/).filter(Boolean);
      if (!ws.length) continue;
      const key = ws[0].replace(/'/g, '');
      const list = this.byFirst.get(key) ?? [];
      list.push(ws);
      this.byFirst.set(key, list);
    }
    // Longest phrase first, so a match reports "ct scan" rather than "ct".
    for (const list of this.byFirst.values()) list.sort((a, b) => b.length - a.length);
  }

  /** Every match, in order, as [start, end) offsets into `text`. */
  matches(text: string, toks: readonly Token[] = tokens(text)): { start: number; end: number; text: string }[] {
    return this.scan(text, toks, false);
  }

  private scan(text: string, toks: readonly Token[], first: boolean): { start: number; end: number; text: string }[] {
    const out: { start: number; end: number; text: string }[] = [];
    for (let i = 0; i < toks.length; i++) {
      if (toks[i].hyBefore) continue;
      const w = toks[i].w.replace(/'/g, '');
      const cands = this.byFirst.get(w) ?? (w.endsWith('s') && toks[i].w.endsWith("'s") ? this.byFirst.get(w.slice(0, -1)) : undefined);
      if (!cands) continue;
      for (const ws of cands) {
        const last = i + ws.length - 1;
        if (last >= toks.length || toks[last].hyAfter) continue;
        let ok = true;
        for (let k = 0; k < ws.length && ok; k++) ok = same(toks[i + k].w, ws[k]);
        if (ok) {
          const start = toks[i].start, end = toks[last].end;
          out.push({ start, end, text: text.slice(start, end) });
          if (first) return out;
          i = last;
          break;
        }
      }
    }
    return out;
  }

  test(text: string, toks: readonly Token[] = tokens(text)): boolean {
    return this.scan(text, toks, true).length > 0;
  }

  count(text: string, toks?: readonly Token[]): number {
    return this.matches(text, toks).length;
  }

  first(text: string): string | undefined {
    return this.scan(text, tokens(text), true)[0]?.text;
  }
}
