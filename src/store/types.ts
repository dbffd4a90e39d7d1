import type { Category, Severity } from '../engine/types';

/**
 * The private history (issue 8). Nothing here holds PHI in clear: a record keeps the draft with
 * every PHI span replaced by its type; the original is kept apart, encrypted, only for restore.
 */

/** What the user did with a warning. `pending`: the panel is open or was left without a choice. */
export type DecisionKind = 'pending' | 'fixed' | 'edited' | 'posted-anyway' | 'cancelled';
export interface Decision {
  readonly kind: DecisionKind;
  /** Why the user posted anyway (redacted like the draft). */
  readonly reason?: string;
}

/** One finding as the history keeps it: no matched text, offsets into the redacted draft. */
export interface StoredFinding {
  readonly category: Category;
  readonly type: string;
  readonly severity: Severity;
  readonly ruleId: string;
  /** The engine's plain-language reason (it never contains the matched text). */
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

export interface HistoryRecord {
  readonly id: string;
  /** Site adapter id (x, linkedin, mastodon, ...). */
  readonly site: string;
  /** When the guard warned (ms since epoch). */
  readonly time: number;
  readonly findings: readonly StoredFinding[];
  /** The draft with every PHI span replaced by `[TYPE]`. */
  readonly redacted: string;
  readonly decision: Decision;
  readonly decidedAt?: number;
  /** The user dismissed it in the popup. */
  readonly dismissed: boolean;
  /** An encrypted original exists for restore. */
  readonly restorable: boolean;
  /** When the record and its original are deleted (ms since epoch). */
  readonly expires: number;
}

/** A record of a post that went out through the guard (off by default; issue 8, "record of what was posted"). */
export interface PostedRecord {
  readonly id: string;
  readonly site: string;
  readonly time: number;
  /** The text as sent, PHI replaced by its type. */
  readonly text: string;
  readonly findings: readonly StoredFinding[];
  /** `clean`: nothing was flagged at submit; otherwise the decision on the warning. */
  readonly decision: DecisionKind | 'clean';
  readonly reason?: string;
}

/** A storage problem, reported (never thrown into the guard). No draft text in it. */
export interface StoreError {
  readonly op: string;
  readonly kind: 'quota' | 'corrupt' | 'crypto' | 'unavailable' | 'other';
  readonly message: string;
}

/** Records a unresolved flag: not dismissed and not fixed. The badge counts these. */
export const isUnresolved = (r: HistoryRecord): boolean => !r.dismissed && r.decision.kind !== 'fixed';
