import type { DecisionKind, HistoryRecord } from '../store/types';

/** Words for the history's UI (popup, print page, options). */
export const DECISION_LABEL: Record<DecisionKind | 'clean', string> = {
  pending: 'No decision yet',
  fixed: 'Fixed',
  edited: 'Went back to edit',
  'posted-anyway': 'Posted anyway',
  cancelled: 'Cancelled',
  clean: 'Nothing flagged',
};

export const SITE_LABEL: Record<string, string> = {
  x: 'X', linkedin: 'LinkedIn', facebook: 'Facebook', instagram: 'Instagram', threads: 'Threads',
  bluesky: 'Bluesky', reddit: 'Reddit', doximity: 'Doximity', mastodon: 'Mastodon', generic: 'Web page',
};
export const siteLabel = (id: string): string => SITE_LABEL[id] ?? id;

/** "14:05" today, "Mar 3, 14:05" otherwise (the user's locale). */
export function when(time: number, now = Date.now()): string {
  const d = new Date(time);
  const sameDay = new Date(now).toDateString() === d.toDateString();
  return sameDay
    ? d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
    : d.toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** Distinct finding types of a record, in order of appearance ("NAME, DATE"). */
export const typesOf = (r: Pick<HistoryRecord, 'findings'>): string[] => [...new Set(r.findings.map((f) => f.type))];

const ACRONYMS = new Set(['SSN', 'MRN', 'IP', 'URL', 'NPI', 'DEA', 'EIN', 'TIN']);
/** "NAME" -> "name", "HEALTH_PLAN" -> "health plan", "SSN" stays "SSN". */
export const typeWords = (type: string): string => (ACRONYMS.has(type) ? type : type.toLowerCase().replace(/_/g, ' '));
