import type { AnalyzeOptions, Finding } from '../engine/types';
import { appendDisclaimer } from '../engine/fixes/append-disclaimer';
import type { Edit } from './apply-fix';

/**
 * What "Fix all" will do to a draft, from the engine's fix operators (pure; the editor-safe
 * input path applies it, ./apply-fix.ts):
 *  - a missing disclaimer is not a span to replace: the disclaimer is appended at the end, chosen
 *    by src/engine/fixes/append-disclaimer.ts to fit the site's length limit as the draft will be
 *    after the other fixes (the user's or institution's text first);
 *  - patient-specific advice: the sentence is replaced by the general wording the detector
 *    proposed (src/engine/fixes/generalize-advice.ts); identifiers inside that sentence go with it;
 *  - every other finding with a suggestion (redactions) is replaced by it.
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
  const ordered = [...spans.filter((f) => f.category === 'advice'), ...spans.filter((f) => f.category !== 'advice')];
  for (const f of ordered) {
    const edit = { start: f.start, end: f.end, text: f.suggestion as string };
    if (edit.start < edit.end && !overlaps(edit)) taken.push(edit);
  }
  if (findings.some((f) => f.category === 'disclaimer')) {
    let after = text;
    for (const e of [...taken].sort((a, b) => b.start - a.start)) after = after.slice(0, e.start) + e.text + after.slice(e.end);
    const r = appendDisclaimer(after, { site: options.site, text: options.disclaimer?.text });
    if (r.ok) taken.push({ start: text.length, end: text.length, text: r.appended });
    else notes.push(r.message);
  }
  return { edits: taken.sort((a, b) => a.start - b.start), notes };
}
