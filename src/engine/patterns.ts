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

// ---------------------------------------------------------------------------------------------
// Identifier helpers (added for the pattern-based identifier detectors: mrn, health-plan,
// account, license, vehicle, device, unique-id, phone, fax, ...). Additive: nothing above changes.
// ---------------------------------------------------------------------------------------------

/** Regex source matching `literal` case-insensitively, usable inside a case-SENSITIVE regex. */
export function ci(literal: string): string {
  let out = '';
  for (const ch of literal) {
    if (/[a-z]/i.test(ch)) out += `[${ch.toLowerCase()}${ch.toUpperCase()}]`;
    else if (/\s/.test(ch)) out += String.raw`[ \t\-]*`;
    else out += ch.replace(/[.*+?^${}()|[\]\\\/#]/g, (c) => '\\' + c);
  }
  return out;
}

/**
 * An identifier value: an optional short capitalised prefix (`CT-`, `RN `, `XKP `), then groups of
 * letters and digits joined by single dashes or dots, or by a single space when the next group
 * holds two digits (`XKP 448 120 987`, `MW1 7792831H`). Groups and separators are disjoint, so
 * the regex runs in linear time.
 */
export const ID_BODY = String.raw`(?:[A-Z]{1,4}[ \-]?)?\d[A-Za-z0-9]*(?:(?:[\-.]|[ ](?=[A-Za-z]{0,3}\d{2}))[A-Za-z0-9]+)*`;
/** Digits spread out by evasion: single separators or one line break between them (6-20 digits). */
export const ID_SPREAD = String.raw`\d(?:[ \t.\-_]{0,3}(?:\n[ \t]{0,3})?\d){5,19}`;
/** Either shape, ended at a word boundary. */
export const ID_VALUE = String.raw`(?:${ID_SPREAD}|${ID_BODY})(?![A-Za-z0-9]|[\-.][A-Za-z0-9])`;
/** What sits between a label and its value: `:`, `#`, `no.`, `number`, `ID`, `is`, `as`, `(`. */
export const LABEL_FILLER = String.raw`(?:[ \t]*(?:[:#=,(]|[Nn][Oo]\.|[Nn][Oo](?![A-Za-z])|[Nn]umber|[Nn]um\.|[Ii][Dd](?![A-Za-z])|is|was|as|of|under)){0,3}[ \t]*(?:\n[ \t]*)?`;

/** Alternation of label phrases (longest first), each whole-word and case-insensitive. */
export function labelSource(labels: readonly string[]): string {
  // a label ending in a letter must end the word (`acc` never matches `account`); one ending in
  // `#` may touch its value (`DOC #A774219`)
  const alts = [...labels].sort((a, b) => b.length - a.length).map((l) => (/[a-z]$/i.test(l) ? `${ci(l)}(?![A-Za-z])` : ci(l)));
  return String.raw`(?<![A-Za-z0-9])(?:${alts.join('|')})`;
}

/** A named pattern `<label><filler><value>` whose group 1 is the value. */
export function labelled(name: string, labels: readonly string[], score: number, value: string = ID_VALUE, avoid: Iterable<string> = []): NamedPattern {
  // A value never starts with a label word (`encounter (FIN 661...)`: the FIN label's own match
  // holds the value; a global regex would otherwise consume it and skip that match).
  const words = new Set([...labels, ...avoid].filter((l) => /^[a-z]+$/i.test(l)).map((l) => l.toLowerCase()));
  const guard = words.size ? String.raw`(?!(?:${[...words].map(ci).join('|')})[ \t]+\d)` : '';
  return { name, score, group: 1, regex: new RegExp(`${labelSource(labels)}${LABEL_FILLER}${guard}(${value})`, 'g') };
}

/** An unlabelled identifier-shaped token (needs context words to be reported). */
export const ID_TOKEN = String.raw`(?<![A-Za-z0-9@#/\-.])(?:${ID_BODY})(?![A-Za-z0-9@]|[\-.][A-Za-z0-9])`;

/** Values that are never identifiers: a year, a date, one repeated digit, a run like 123456. */
export function degenerateId(value: string): boolean {
  const d = digitsOf(value);
  if (d.length === 0) return true;
  if (/^(\d)\1+$/.test(d) || '01234567890'.includes(d) || '9876543210'.includes(d)) return true;
  const v = value.trim();
  if (/^(?:19|20)\d\d$/.test(v)) return true;
  if (/^\d{1,2}[\-./]\d{1,2}[\-./](?:\d{2}|\d{4})$/.test(v) || /^(?:19|20)\d\d[\-./]\d{1,2}[\-./]\d{1,2}$/.test(v)) {
    const [a, b] = v.split(/[\-./]/).map(Number);
    if (a <= 31 && b <= 31) return true;
  }
  return false;
}

/** The sentence (index into ctx.sentences) that holds `pos`, or -1. Binary search. */
export function sentenceIndexAt(sentences: readonly { start: number; end: number }[], pos: number): number {
  let lo = 0, hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Lower-cased text before `start` (at most `max` chars), not crossing the start of its sentence. */
export function clauseBefore(ctx: { lower: string; sentences: readonly { start: number; end: number }[] }, start: number, max = 80): string {
  const i = sentenceIndexAt(ctx.sentences, start);
  const from = Math.max(i >= 0 ? ctx.sentences[i].start : 0, start - max);
  return ctx.lower.slice(from, start);
}

/** Lower-cased text after `end` (at most `max` chars), not crossing the end of its sentence. */
export function clauseAfter(ctx: { lower: string; sentences: readonly { start: number; end: number }[] }, end: number, max = 60): string {
  const i = sentenceIndexAt(ctx.sentences, Math.max(0, end - 1));
  const to = Math.min(i >= 0 ? ctx.sentences[i].end : ctx.lower.length, end + max);
  return ctx.lower.slice(end, Math.max(end, to));
}

/** The last `n` words of `s` (for "within n words before" checks). */
export function lastWords(s: string, n: number): string {
  const words = s.match(/[\w'’#@.\-]+/g) ?? [];
  return words.slice(-n).join(' ');
}

/** The word just before `start` (lower-cased, trailing `#`/`:` kept off), or ''. */
export function wordBefore(lower: string, start: number): string {
  const m = /([a-z][a-z0-9\-]*)[\s:#]*$/.exec(lower.slice(Math.max(0, start - 24), start));
  return m ? m[1] : '';
}

/** Luhn (mod 10) check, as used by payment cards (ISO/IEC 7812) and the US NPI. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) { n *= 2; if (n > 9) n -= 9; }
    sum += n;
  }
  return digits.length > 1 && sum % 10 === 0;
}

/** GS1 mod-10 check digit (GTIN-14 inside a UDI's (01) application identifier). */
export function gs1Valid(digits: string): boolean {
  if (!/^\d{8,18}$/.test(digits)) return false;
  let sum = 0;
  const body = digits.slice(0, -1);
  for (let i = 0; i < body.length; i++) sum += (body.charCodeAt(body.length - 1 - i) - 48) * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10 === digits.charCodeAt(digits.length - 1) - 48;
}

/** Context check shared by the labelled-identifier detectors: the word before is a code label (CPT, DOI...). */
export function afterCodeLabel(text: string, start: number, codeLabels: ReadonlySet<string>): boolean {
  const head = text.slice(Math.max(0, start - 24), start).toLowerCase();
  return codeLabels.has(wordBefore(head, head.length));
}

/**
 * The shared hard negatives of the identifier detectors: degenerate values, codes (a code label
 * before the value or as its prefix: `CPT 72148`, `ICD-10 Z87.891`, `BI-RADS 4`), and the phone
 * and SSN shapes that belong to their own detectors.
 */
export function notAnIdentifier(value: string, text: string, start: number, codeLabels: ReadonlySet<string>, labelWords?: ReadonlySet<string>): boolean {
  if (degenerateId(value) || afterCodeLabel(text, start, codeLabels)) return true;
  const prefix = /^([A-Za-z]{1,4})[ \-]?\d/.exec(value);
  if (prefix && codeLabels.has(prefix[1].toLowerCase())) return true;
  // `FIN 6612093381` as a value: the prefix is itself a label, whose own match holds the value
  const spaced = /^([A-Za-z]{1,4}) \d/.exec(value);
  if (spaced && labelWords?.has(spaced[1].toLowerCase())) return true;
  return /^(?:\+?1[ .\-]?)?\(?\d{3}\)?[ .\-]?\d{3}[ .\-]\d{4}$/.test(value) || /^\d{3}-\d{2}-\d{4}$/.test(value);
}

/** The one-word labels of every identifier family (`mrn`, `acc`, `fin`, `dl`, `sn`...), lower case. */
export function labelWordSet(families: Record<string, unknown>): Set<string> {
  const out = new Set<string>();
  for (const list of Object.values(families)) {
    if (!Array.isArray(list)) continue;
    for (const l of list) if (typeof l === 'string' && /^[a-z]+$/i.test(l)) out.add(l.toLowerCase());
  }
  return out;
}
