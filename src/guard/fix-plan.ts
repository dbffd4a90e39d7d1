import type { AnalyzeOptions, Finding } from '../engine/types';
import { appendDisclaimer } from '../engine/fixes/append-disclaimer';
import { generalise } from '../engine/quasi/generalise';
import type { QuasiKind } from '../engine/quasi/phrases';
import type { Edit } from './apply-fix';

/**
 * What "Fix all" will do to a draft, from the engine's fix operators (pure; the editor-safe
 * input path applies it, ./apply-fix.ts):
 *  - a missing disclaimer is not a span to replace: the disclaimer is appended at the end, chosen
 *    by src/engine/fixes/append-disclaimer.ts to fit the site's length limit as the draft will be
 *    after the other fixes (the user's or institution's text first);
 *  - patient-specific advice: the sentence is replaced by the general wording the detector
 *    proposed (src/engine/fixes/generalize-advice.ts); identifiers inside that sentence go with it;
 *  - every other finding with a suggestion (redactions) is replaced by it;
 *  - a traceable case last (`planTraceable` below): its suggestion rewrites the span from
 *    its first quasi-identifier to its last. A PHI redaction that lies inside one of its parts (the
 *    town, `this morning`) gives way to the generalisation (the place goes with its preposition);
 *    any other edit inside the span (a date that is not a part, an advice sentence) is kept, and
 *    the case is then generalised piece by piece between those edits.
 * Spans that overlap an edit already planned are left for the user. When the disclaimer cannot
 * fit, `notes` says why and the draft keeps its other fixes.
 */
export interface FixPlan {
  readonly edits: readonly Edit[];
  readonly notes: readonly string[];
}

export function planFixes(text: string, findings: readonly Finding[], options: Pick<AnalyzeOptions, 'site' | 'disclaimer'> = {}): FixPlan {
  const notes: string[] = [];
  const taken: Edit[] = [];
  const overlaps = (e: Edit) => taken.some((t) => e.start < t.end && t.start < e.end);
  const spans = findings.filter((f) => f.category !== 'disclaimer' && f.suggestion !== undefined);
  // Advice first: its rewrite replaces the whole sentence, identifiers included.
  const ordered = [...spans.filter((f) => f.category === 'advice'), ...spans.filter((f) => f.category !== 'advice' && f.category !== 'traceable')];
  const advice = new Set<Edit>();
  for (const f of ordered) {
    const edit = { start: f.start, end: f.end, text: f.suggestion as string };
    if (edit.start < edit.end && !overlaps(edit)) {
      taken.push(edit);
      if (f.category === 'advice') advice.add(edit);
    }
  }
  for (const f of spans) if (f.category === 'traceable') planTraceable(text, f, taken, advice);
  if (findings.some((f) => f.category === 'disclaimer')) {
    let after = text;
    for (const e of [...taken].sort((a, b) => b.start - a.start)) after = after.slice(0, e.start) + e.text + after.slice(e.end);
    const r = appendDisclaimer(after, { site: options.site, text: options.disclaimer?.text });
    if (r.ok) taken.push({ start: text.length, end: text.length, text: r.appended });
    else notes.push(r.message);
  }
  return { edits: taken.sort((a, b) => a.start - b.start), notes };
}

/**
 * Adds the edits of one traceable case to `taken`: the whole span with its suggestion, after
 * dropping redactions that sit inside one of its parts; around any edit it must keep, each piece
 * of the span between them is generalised with the parts it holds.
 */
function planTraceable(text: string, f: Finding, taken: Edit[], advice: ReadonlySet<Edit>): void {
  const parts = f.parts ?? [];
  const inPart = (e: Edit) => !advice.has(e) && parts.some((p) => p.start <= e.start && e.end <= p.end);
  for (let i = taken.length - 1; i >= 0; i--) {
    const e = taken[i];
    if (e.start < f.end && f.start < e.end && inPart(e)) taken.splice(i, 1);
  }
  const kept = taken.filter((e) => e.start < f.end && f.start < e.end).sort((a, b) => a.start - b.start);
  if (!kept.length) {
    if (f.start < f.end) taken.push({ start: f.start, end: f.end, text: f.suggestion as string });
    return;
  }
  let at = f.start;
  for (const gap of [...kept, { start: f.end, end: f.end, text: '' }]) {
    const end = Math.min(gap.start, f.end);
    const inside = parts.filter((p) => p.start >= at && p.end <= end).map((p) => ({ ...p, kind: p.kind as QuasiKind, rule: '' }));
    if (end > at && inside.length) {
      const piece = text.slice(at, end);
      const out = generalise(piece, at, inside);
      if (out !== piece) taken.push({ start: at, end, text: out });
    }
    at = Math.max(at, gap.end);
  }
}
