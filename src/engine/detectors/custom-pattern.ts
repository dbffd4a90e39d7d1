import { findPhrase, windowWords } from '../context';
import { defineDetector, type Candidate, type CustomPattern } from '../types';

/**
 * A rule pack's own patterns (issue 7): an institution's MRN, accession or bed formats, from
 * `options.patterns`. src/rules/ has already rejected regexes that can backtrack
 * catastrophically (recheck); matching is bounded here as well, so no pack can freeze the page:
 *   - a regex only ever sees one segment of at most SEGMENT chars (a line, or a slice of a long
 *     line with OVERLAP chars shared with the next), so one `exec` is bounded by the segment;
 *   - at most MAX_MATCHES findings per pattern per draft;
 *   - a time budget per draft for all patterns together (BUDGET_MS, plus 2 ms per 1,000 chars),
 *     checked between `exec` calls; a pattern that runs out of it twice is benched for the
 *     session (see `customPatternHealth`).
 * Each pattern weighs its own context words (whole words, as the shared context stage does).
 */

export const SEGMENT = 2000;
export const OVERLAP = 200;
export const MAX_MATCHES = 200;
export const BUDGET_MS = 12;
const DEFAULT_SCORE = 0.9;
const BOOST = 0.35;
const SUPPRESS = 0.4;
const ALLOWED_FLAGS = /^[imsu]*$/;

/** Compiled regexes by flags + source (a pack's patterns compile once, not per keystroke). */
const compiled = new Map<string, RegExp | null>();
const MAX_COMPILED = 500;
/** Patterns that ran out of time, by key: a second overrun benches the pattern. */
const overruns = new Map<string, number>();

function keyOf(p: CustomPattern): string {
  return `${p.flags ?? ''}/${p.regex}`;
}

function compile(p: CustomPattern): RegExp | null {
  const key = keyOf(p);
  let re = compiled.get(key);
  if (re !== undefined) return re;
  try {
    re = ALLOWED_FLAGS.test(p.flags ?? '') ? new RegExp(p.regex, `${p.flags ?? ''}gd`) : null;
  } catch {
    re = null; // validated upstream; a bad one here is skipped, never thrown per keystroke
  }
  if (compiled.size >= MAX_COMPILED) compiled.clear();
  compiled.set(key, re);
  return re;
}

/** Segments of at most SEGMENT chars covering the text: lines, long lines sliced with overlap. */
export function segments(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    for (let s = lineStart; ; s += SEGMENT - OVERLAP) {
      const e = Math.min(lineEnd, s + SEGMENT);
      if (e > s) out.push([s, e]);
      if (e >= lineEnd) break;
    }
    lineStart = lineEnd + 1;
  }
  return out;
}

/** Patterns benched for running out of time (names only): the options page and CLI can show them. */
export function customPatternHealth(patterns: readonly CustomPattern[]): string[] {
  return patterns.filter((p) => (overruns.get(keyOf(p)) ?? 0) >= 2).map((p) => p.name);
}

export const customPattern = defineDetector({
  id: 'custom-pattern',
  category: 'phi',
  types: ['*'],
  detect(ctx) {
    const patterns = ctx.options.patterns;
    if (!patterns?.length) return [];
    const segs = segments(ctx.text);
    const deadline = performance.now() + BUDGET_MS + ctx.text.length / 500;
    const out: Candidate[] = [];
    const seen = new Set<string>();
    for (const p of patterns) {
      const key = keyOf(p);
      if ((overruns.get(key) ?? 0) >= 2) continue;
      const re = compile(p);
      if (!re) continue;
      let found = 0;
      let outOfTime = false;
      scan: for (const [s, e] of segs) {
        const seg = ctx.text.slice(s, e);
        re.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = re.exec(seg))) {
          if (m[0].length === 0) re.lastIndex++;
          if (performance.now() > deadline) { outOfTime = true; break scan; }
          const span = m.indices?.[p.group ?? 0];
          if (!span || span[1] <= span[0]) continue;
          const start = s + span[0], end = s + span[1];
          const dedupe = `${start}:${end}`;
          if (seen.has(`${p.name}@${dedupe}`)) continue;
          seen.add(`${p.name}@${dedupe}`);
          out.push(candidate(p, start, end, ctx.lower));
          if (++found >= MAX_MATCHES) break scan;
        }
      }
      if (outOfTime) {
        overruns.set(key, (overruns.get(key) ?? 0) + 1);
        break;
      }
    }
    return out;
  },
});

function candidate(p: CustomPattern, start: number, end: number, lower: string): Candidate {
  const base = p.score ?? DEFAULT_SCORE;
  let score = base;
  const notes: string[] = [];
  if (p.context && (p.context.boost?.length || p.context.suppress?.length)) {
    const { before, after } = windowWords(lower, start, end, p.context.window ?? 6);
    const words = [...before, ...after];
    const up = findPhrase(words, p.context.boost);
    const down = findPhrase(words, p.context.suppress);
    if (up) { score += BOOST; notes.push(`+${BOOST} "${up}"`); }
    if (down) { score -= SUPPRESS; notes.push(`-${SUPPRESS} "${down}"`); }
    score = Math.max(0, Math.min(1, score));
  }
  return {
    detectorId: 'custom-pattern',
    type: p.type,
    start,
    end,
    score,
    contextDone: true,
    ...(p.severity ? { severity: p.severity } : {}),
    explanation: { pattern: p.name, baseScore: base, ...(notes.length ? { context: notes } : {}) },
  };
}
