import type { Finding } from '../engine/types';
import type { GuardReport } from '../guard/controller';
import { redact } from './redact';

/**
 * Runtime messages of the history (issue 8): content script -> background (a guard report),
 * popup/options -> background (the history changed: redraw the badge), popup -> content script
 * (is the guard active on this tab?).
 */
export const REPORT = 'clearpost/history-report';
export const CHANGED = 'clearpost/history-changed';
export const TAB_STATUS = 'clearpost/tab-status';

/** A finding as it crosses messaging: no matched text (`text`, `suggestion` dropped). */
export type WireFinding = Omit<Finding, 'text' | 'suggestion' | 'explanation'>;

export type WireReport =
  | { readonly kind: 'flagged'; readonly id: string; readonly site: string; readonly text: string; readonly findings: readonly WireFinding[] }
  | { readonly kind: 'decided'; readonly id: string; readonly decision: 'fixed' | 'edited' | 'posted-anyway' | 'cancelled'; readonly reason?: string }
  | { readonly kind: 'posted'; readonly site: string; readonly text: string; readonly findings: readonly WireFinding[]; readonly decision: 'clean' | 'posted-anyway' };

export interface ReportMessage { readonly type: typeof REPORT; readonly report: WireReport }
export interface ChangedMessage { readonly type: typeof CHANGED }
export interface TabStatusRequest { readonly type: typeof TAB_STATUS }
export interface TabStatus { readonly active: boolean; readonly site: string; readonly boxes: number }

const wire = (f: Finding): WireFinding => ({
  category: f.category, type: f.type, severity: f.severity, start: f.start, end: f.end, message: f.message, ruleId: f.ruleId, score: f.score,
  ...(f.parts ? { parts: f.parts.map((p) => ({ ...p })) } : {}),
});

/**
 * The message for a guard report. A `posted` report is redacted here, in the page, so the text
 * of a post never leaves the content script in clear (the posted log is opt-in; a flagged draft's
 * original goes to the background, which seals it).
 */
export function reportMessage(report: GuardReport): ReportMessage {
  if (report.kind === 'decided') return { type: REPORT, report: { ...report } };
  if (report.kind === 'flagged') return { type: REPORT, report: { ...report, findings: report.findings.map(wire) } };
  const r = redact(report.text, report.findings);
  const findings = report.findings.map((f, i) => ({ ...wire(f), start: r.findings[i].start, end: r.findings[i].end }));
  return { type: REPORT, report: { kind: 'posted', site: report.site, text: r.text, decision: report.decision, findings: findings.map(({ parts: _p, ...f }) => f) } };
}

const DECISIONS = new Set(['fixed', 'edited', 'posted-anyway', 'cancelled']);
const isWireFinding = (f: unknown): f is WireFinding => {
  const x = f as Record<string, unknown> | null;
  return !!x && typeof x.category === 'string' && typeof x.type === 'string' && typeof x.severity === 'string'
    && typeof x.ruleId === 'string' && typeof x.message === 'string' && Number.isInteger(x.start) && Number.isInteger(x.end);
};

/** Shape check of an incoming report message (anything else is not ours). */
export function isReportMessage(m: unknown): m is ReportMessage {
  const msg = m as { type?: unknown; report?: Record<string, unknown> } | null;
  if (!msg || msg.type !== REPORT || !msg.report) return false;
  const r = msg.report;
  if (r.kind === 'decided') return typeof r.id === 'string' && DECISIONS.has(r.decision as string);
  if (r.kind !== 'flagged' && r.kind !== 'posted') return false;
  if (typeof r.site !== 'string' || typeof r.text !== 'string' || r.text.length > 200_000) return false;
  if (!Array.isArray(r.findings) || !r.findings.every(isWireFinding)) return false;
  return r.kind === 'flagged' ? typeof r.id === 'string' : r.decision === 'clean' || r.decision === 'posted-anyway';
}

export const isChangedMessage = (m: unknown): m is ChangedMessage => (m as { type?: unknown } | null)?.type === CHANGED;
export const isTabStatusRequest = (m: unknown): m is TabStatusRequest => (m as { type?: unknown } | null)?.type === TAB_STATUS;
