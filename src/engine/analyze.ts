import { enhanceWithContext } from './context';
import { phiMessage, phiSuggestion } from './messages';
import { normalize } from './normalize';
import { DETECTORS } from './registry';
import { detectOnce } from './scope';
import { splitSentences } from './sentences';
import type { AnalyzeOptions, Candidate, DetectContext, Detector, Finding, Severity } from './types';

/**
 * analyze(draft, options) -> findings. Named stages, in order (STYLE.md, src/engine/):
 *   1. normalise (evasion: zero-width, homoglyphs, full-width)
 *   2. detectors (each pure, over one shared snapshot; paragraph-scoped ones reuse unchanged
 *      paragraphs' results, scope.ts)
 *   3. context (one shared stage: patient cues raise, professional cues lower)
 *   4. deny list (institution's always-PHI strings)
 *   5. overlap removal (per category, best score then longest span wins)
 *   6. threshold
 *   7. allow list (user's and institution's never-PHI strings)
 *   8. map back to original offsets, severity, message
 * The engine never edits text: fixes are separate operators.
 */

export const DEFAULT_THRESHOLD = 0.5;

/** Identifiers that are PHI on their own: `block` once the detector is confident. */
const STRONG = new Set(['SSN', 'MRN', 'HEALTH_PLAN', 'ACCOUNT', 'LICENSE', 'VEHICLE', 'DEVICE', 'NAME', 'EMAIL', 'PHONE', 'FAX']);
const STRONG_SCORE = 0.85;

const PATIENT_CUES = /\b(?:patients?|pts?|my (?:patient|pt)|year[- ]old|y\/?o|yo[mf]?|mrn|dob|admitted|discharged|presented|his (?:wife|husband|daughter|son|mother|father)|her (?:wife|husband|daughter|son|mother|father))\b/;

export function buildContext(text: string, options: AnalyzeOptions = {}): DetectContext {
  const lower = text.toLowerCase();
  return {
    text,
    // toLowerCase keeps length for everything normalise lets through except a few letters
    // (U+0130); fall back to per-char lowering then so offsets stay aligned.
    lower: lower.length === text.length ? lower : Array.from(text, (c) => (c.toLowerCase().length === c.length ? c.toLowerCase() : c)).join(''),
    sentences: splitSentences(text),
    patientContext: PATIENT_CUES.test(lower),
    options,
  };
}

export function enabledDetectors(options: AnalyzeOptions, all: readonly Detector[] = DETECTORS): Detector[] {
  return all.filter((d) => options.detectors?.[d.id]?.enabled !== false);
}

function denyCandidates(ctx: DetectContext): Candidate[] {
  const out: Candidate[] = [];
  for (const entry of ctx.options.deny ?? []) {
    const needle = entry.text.toLowerCase().trim();
    if (!needle) continue;
    for (let at = ctx.lower.indexOf(needle); at >= 0; at = ctx.lower.indexOf(needle, at + needle.length)) {
      const end = at + needle.length;
      const wordBefore = at > 0 && /\w/.test(ctx.lower[at - 1]);
      const wordAfter = end < ctx.lower.length && /\w/.test(ctx.lower[end]);
      if (wordBefore || wordAfter) continue;
      out.push({
        detectorId: 'deny-list', type: entry.type, start: at, end, score: 1,
        severity: entry.severity, contextDone: true,
        explanation: { pattern: 'deny-list', baseScore: 1 },
      });
    }
  }
  return out;
}

function removeOverlaps(cands: Candidate[]): Candidate[] {
  const sorted = [...cands].sort((a, b) => b.score - a.score || (b.end - b.start) - (a.end - a.start) || a.start - b.start);
  const kept: Candidate[] = [];
  for (const c of sorted) {
    if (kept.some((k) => k.start < c.end && c.start < k.end)) continue;
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function allowRanges(ctx: DetectContext): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const a of ctx.options.allow ?? []) {
    const needle = a.toLowerCase().trim();
    if (!needle) continue;
    for (let at = ctx.lower.indexOf(needle); at >= 0; at = ctx.lower.indexOf(needle, at + 1)) ranges.push([at, at + needle.length]);
  }
  return ranges;
}

export interface StageTimings { [stage: string]: number }

export function analyze(draft: string, options: AnalyzeOptions = {}): Finding[] {
  if (typeof draft !== 'string' || draft.length === 0) return [];
  // 1. normalise
  const norm = normalize(draft);
  const ctx = buildContext(norm.text, options);
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  // 2-3. detectors and context
  const byCategory = new Map<string, Candidate[]>();
  for (const d of enabledDetectors(options)) {
    let cands: readonly Candidate[];
    try {
      cands = detectOnce(d, ctx);
    } catch (err) {
      // A detector bug must never take the others down; report without draft text.
      reportDetectorError(d.id, err);
      continue;
    }
    const list = byCategory.get(d.category) ?? [];
    list.push(...enhanceWithContext(cands as Candidate[], ctx.lower, d));
    byCategory.set(d.category, list);
  }
  // 4. deny list
  const deny = denyCandidates(ctx);
  if (deny.length) byCategory.set('phi', [...(byCategory.get('phi') ?? []), ...deny]);
  // 5-7. overlaps, threshold, allow list
  const allowed = allowRanges(ctx);
  const findings: Finding[] = [];
  for (const [category, cands] of byCategory) {
    const kept = removeOverlaps(cands.filter((c) => c.score >= threshold && c.end > c.start));
    for (const c of kept) {
      if (category === 'phi' && allowed.some(([s, e]) => s <= c.start && c.end <= e)) continue;
      // 8. map back, severity, message
      const [start, end] = norm.toOriginal(c.start, c.end);
      const setting = options.detectors?.[c.detectorId];
      const severity: Severity = setting?.severity ?? c.severity ?? defaultSeverity(c);
      findings.push({
        category: category as Finding['category'],
        type: c.type,
        severity,
        start,
        end,
        text: draft.slice(start, end),
        message: c.message ?? (category === 'phi' ? phiMessage(c.type) : c.explanation.pattern),
        ruleId: `${c.detectorId}/${c.explanation.pattern}`,
        suggestion: c.suggestion ?? (category === 'phi' ? phiSuggestion(c.type) : undefined),
        ...(c.parts ? { parts: c.parts.map((p) => { const [ps, pe] = norm.toOriginal(p.start, p.end); return { start: ps, end: pe, kind: p.kind }; }) } : {}),
        score: round(c.score),
        explanation: c.explanation,
      });
    }
  }
  return findings.sort((a, b) => a.start - b.start || a.end - b.end);
}

function defaultSeverity(c: Candidate): Severity {
  return STRONG.has(c.type) && c.score >= STRONG_SCORE ? 'block' : 'warn';
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

let errorReporter: (detectorId: string, err: unknown) => void = (id, err) => {
  // Only the detector id and the error's message: never the draft.
  console.error(`clearpost: detector ${id} failed: ${err instanceof Error ? err.message : String(err)}`);
};

function reportDetectorError(id: string, err: unknown): void {
  errorReporter(id, err);
}

/** Lets the CLI and the extension route detector failures to their own reporting. */
export function setDetectorErrorReporter(fn: (detectorId: string, err: unknown) => void): void {
  errorReporter = fn;
}
