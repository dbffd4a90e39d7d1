import type { Candidate } from './types';

/** A named regular expression with its base score (Presidio's Pattern). Must run in linear time. */
export interface NamedPattern {
  readonly name: string;
  readonly regex: RegExp;
  readonly score: number;
  /** Capture group that holds the identifier (default: the whole match). */
  readonly group?: number;
}

export interface PatternDetectorSpec {
  readonly id: string;
  readonly type: string;
  readonly patterns: readonly NamedPattern[];
  /** A checksum or format check: true lifts the score to 1, false drops the match, undefined keeps it. */
  readonly validate?: (value: string, text: string, start: number) => boolean | undefined;
  /** Degenerate matches (all zeros, repeated digits, ranges) return true and are dropped. */
  readonly invalidate?: (value: string, text: string, start: number) => boolean;
}

/** Runs named patterns over the text and returns candidates (offsets into `text`). */
export function runPatterns(spec: PatternDetectorSpec, text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const p of spec.patterns) {
    const re = p.regex.global ? p.regex : new RegExp(p.regex.source, p.regex.flags + 'g');
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      if (m[0].length === 0) { re.lastIndex++; continue; }
      const g = p.group ?? 0;
      const value = m[g];
      if (value === undefined) continue;
      const start = g === 0 ? m.index : m.index + m[0].indexOf(value);
      if (spec.invalidate?.(value, text, start)) continue;
      const valid = spec.validate?.(value, text, start);
      if (valid === false) continue;
      out.push({
        detectorId: spec.id,
        type: spec.type,
        start,
        end: start + value.length,
        score: valid ? 1 : p.score,
        explanation: { pattern: p.name, baseScore: p.score, ...(valid ? { validation: 'checksum' } : {}) },
      });
    }
  }
  return out;
}

/** Digits of a value, whatever separates them (spaces, dots, dashes, line breaks). */
export function digitsOf(value: string): string {
  return value.replace(/\D+/g, '');
}

/** A separator that evasion or formatting puts between the digits of an identifier. */
export const SEP = String.raw`[\s.\-‐–—_/]?`;
