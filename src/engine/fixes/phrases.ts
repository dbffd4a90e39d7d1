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
