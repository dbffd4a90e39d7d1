import type { Candidate, ContextWords, Detector } from './types';

/**
 * The shared context stage (think Presidio's LemmaContextAwareEnhancer, on whole words):
 * a candidate whose neighbourhood holds one of its detector's patient cues gains BOOST,
 * one holding a professional cue loses SUPPRESS. Phrases match on whole words only, so
 * "lic" never matches inside "duplicate".
 */
export const BOOST = 0.35;
export const SUPPRESS = 0.4;

const WORD = /[a-z0-9#@]+(?:['’][a-z]+)?/g;

/** The last `n` words before `at` and the first `n` after `end`, stopping at a blank line. */
export function windowWords(lower: string, at: number, end: number, n: number): { before: string[]; after: string[] } {
  const lo = Math.max(0, at - n * 14);
  let beforeText = lower.slice(lo, at);
  const para = beforeText.lastIndexOf('\n\n');
  if (para >= 0) beforeText = beforeText.slice(para);
  let afterText = lower.slice(end, end + n * 14);
  const para2 = afterText.indexOf('\n\n');
  if (para2 >= 0) afterText = afterText.slice(0, para2);
  const before = beforeText.match(WORD) ?? [];
  const after = afterText.match(WORD) ?? [];
  return { before: before.slice(-n), after: after.slice(0, n) };
}

/** Whether `phrase` (one or more words) occurs as whole words in `words`. */
export function hasPhrase(words: readonly string[], phrase: string): boolean {
  const parts = phrase.toLowerCase().split(/\s+/);
  outer: for (let i = 0; i + parts.length <= words.length; i++) {
    for (let k = 0; k < parts.length; k++) if (words[i + k] !== parts[k]) continue outer;
    return true;
  }
  return false;
}

export function findPhrase(words: readonly string[], phrases: readonly string[] | undefined): string | undefined {
  if (!phrases) return undefined;
  for (const p of phrases) if (hasPhrase(words, p)) return p;
  return undefined;
}

export function enhanceWithContext(cands: readonly Candidate[], lower: string, detector: Detector): Candidate[] {
  const ctx: ContextWords | undefined = detector.context;
  if (!ctx || (!ctx.boost?.length && !ctx.suppress?.length)) return cands as Candidate[];
  const n = ctx.window ?? 6;
  return cands.map((c) => {
    if (c.contextDone) return c;
    const { before, after } = windowWords(lower, c.start, c.end, n);
    const words = [...before, ...after];
    const up = findPhrase(words, ctx.boost);
    const down = findPhrase(words, ctx.suppress);
    if (!up && !down) return c;
    let score = c.score;
    const notes: string[] = [];
    if (up) { score += BOOST; notes.push(`+${BOOST} "${up}"`); }
    if (down) { score -= SUPPRESS; notes.push(`-${SUPPRESS} "${down}"`); }
    score = Math.max(0, Math.min(1, score));
    return { ...c, score, explanation: { ...c.explanation, context: [...(c.explanation.context ?? []), ...notes] } };
  });
}
