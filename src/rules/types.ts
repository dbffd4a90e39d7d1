import type { AnalyzeOptions, ContextWords, DetectorSetting, Severity } from '../engine/types';

/**
 * A rule pack, as written in JSON (rules/pack.schema.json is its schema; docs/rule-packs.md
 * documents it). Packs are layered: bundled < institution < user (src/rules/merge.ts).
 */
export interface Pack {
  readonly $schema?: string;
  readonly id: string;
  readonly version: string;
  readonly description?: string;
  readonly threshold?: number;
  readonly detectors?: Readonly<Record<string, DetectorSetting>>;
  readonly patterns?: readonly PackPattern[];
  readonly dictionaries?: { readonly deny?: readonly DenyEntry[]; readonly allow?: readonly string[] };
  readonly disclaimer?: { readonly required?: 'never' | 'when-needed' | 'always'; readonly text?: string };
  readonly enforcement?: Partial<Enforcement>;
  readonly retentionDays?: number;
  readonly locked?: readonly string[];
  readonly examples?: readonly PackExample[];
}

export interface PackPattern {
  readonly name: string;
  readonly description?: string;
  readonly type: string;
  readonly regex: string;
  readonly flags?: string;
  readonly group?: number;
  readonly score?: number;
  readonly severity?: Severity;
  readonly context?: ContextWords;
}

export interface DenyEntry {
  readonly text: string;
  readonly type: string;
  readonly severity?: Severity;
}

/** What the user may do when a finding of a severity stops a post. */
export type Action = 'allow' | 'reason' | 'stop';
export interface Enforcement {
  readonly block: Action;
  readonly warn: Action;
}

export interface PackExample {
  readonly text: string;
  readonly site?: string;
  readonly note?: string;
  readonly exact?: boolean;
  readonly expect: readonly (string | Expectation)[];
}

export interface Expectation {
  readonly type?: string;
  readonly text?: string;
  readonly severity?: Severity;
  readonly rule?: string;
}

/** One problem in a pack, at a JSON path such as `$.patterns[2].regex`. */
export interface Problem {
  readonly path: string;
  readonly message: string;
}

export type LayerSource = 'bundled' | 'institution' | 'user';
export interface Layer {
  readonly source: LayerSource;
  readonly pack: Pack;
}

/** The merged result every consumer uses: engine options plus what the guard enforces. */
export interface Policy {
  readonly analyze: AnalyzeOptions;
  readonly enforcement: Enforcement;
  readonly retentionDays: number;
  /** Setting keys the user may not change (shown as managed on the options page). */
  readonly locked: readonly string[];
  /** The packs in force, lowest layer first. */
  readonly packs: readonly { source: LayerSource; id: string; version: string }[];
  /** User settings that were not applied because the institution locked them. */
  readonly ignored: readonly Problem[];
}
