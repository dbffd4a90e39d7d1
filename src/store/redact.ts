import type { Finding } from '../engine/types';
import type { StoredFinding } from './types';

export interface Redacted {
  readonly text: string;
  /** Every finding, offsets moved into `text`; PHI findings cover their `[TYPE]` placeholder. */
  readonly findings: StoredFinding[];
}

type RedactInput = Pick<Finding, 'category' | 'type' | 'severity' | 'ruleId' | 'message' | 'start' | 'end' | 'parts'>;

/**
 * The spans to hide: a PHI finding whole, as its type; a traceable case (quasi-identifiers that
 * together point at one patient) by its parts (`[AGE]`, `[ROLE]`), else whole.
 */
function toRedact(f: RedactInput): { start: number; end: number; type: string }[] {
  if (f.category === 'phi') return [{ start: f.start, end: f.end, type: f.type }];
  if (f.category !== 'traceable') return [];
  return f.parts?.length ? f.parts.map((p) => ({ start: p.start, end: p.end, type: p.kind.toUpperCase() })) : [{ start: f.start, end: f.end, type: f.type }];
}

/**
 * Replaces every PHI span (and traceable part) of `text` by its type (`[NAME]`, `[DATE]`) and moves every finding's
 * offsets into the result. Pure. Overlapping PHI spans (from different detectors' types) merge
 * into the first one's placeholder. A finding of another category that starts or ends inside a
 * replaced span is clamped to the placeholder's edge.
 */
export function redact(text: string, findings: readonly RedactInput[]): Redacted {
  const phi = findings.flatMap(toRedact).filter((f) => f.end > f.start).sort((a, b) => a.start - b.start || b.end - a.end);
  // Replaced spans in order, non-overlapping: [start, end, placeholder].
  const spans: { start: number; end: number; label: string; at: number }[] = [];
  let out = '';
  let pos = 0;
  for (const f of phi) {
    const last = spans[spans.length - 1];
    if (last && f.start < last.end) {
      if (f.end > last.end) { last.end = f.end; pos = f.end; }
      continue;
    }
    out += text.slice(pos, f.start);
    const label = `[${f.type}]`;
    spans.push({ start: f.start, end: Math.min(f.end, text.length), label, at: out.length });
    out += label;
    pos = Math.min(f.end, text.length);
  }
  out += text.slice(pos);

  /** Maps an original offset into `out`; `edge` picks the side of a replaced span it falls in. */
  const map = (offset: number, edge: 'start' | 'end'): number => {
    let shift = 0;
    for (const s of spans) {
      if (offset <= s.start) break;
      if (offset < s.end || (offset === s.end && edge === 'end')) return edge === 'start' ? s.at : s.at + s.label.length;
      shift += s.label.length - (s.end - s.start);
    }
    return Math.max(0, Math.min(out.length, offset + shift));
  };

  const moved: StoredFinding[] = findings.map((f) => {
    const start = map(f.start, 'start');
    return { category: f.category, type: f.type, severity: f.severity, ruleId: f.ruleId, message: f.message, start, end: Math.max(start, map(f.end, 'end')) };
  });
  return { text: out, findings: moved };
}
