/** Shared types of the Clearpost engine. Pure data: no DOM, no browser APIs. */

export type Category = 'phi' | 'advice' | 'disclaimer' | 'traceable';
export type Severity = 'block' | 'warn' | 'info';

/** The 18 HIPAA Safe Harbor identifier families, as named in shared/corpus/GUIDELINE.md. */
export const PHI_TYPES = [
  'NAME', 'DATE', 'AGE_OVER_89', 'LOCATION', 'FACILITY', 'PHONE', 'FAX', 'EMAIL', 'SSN', 'MRN',
  'HEALTH_PLAN', 'ACCOUNT', 'LICENSE', 'VEHICLE', 'DEVICE', 'URL', 'IP', 'BIOMETRIC', 'UNIQUE_ID',
] as const;
export type PhiType = (typeof PHI_TYPES)[number];

/** What `analyze()` returns. Offsets are UTF-16 code units into the ORIGINAL draft, end exclusive. */
export interface Finding {
  category: Category;
  type: string;
  severity: Severity;
  start: number;
  end: number;
  /** The original characters at [start, end). */
  text: string;
  /** Plain-language reason, never containing the matched text. */
  message: string;
  /** `<detector id>/<pattern name>`: stable, for rule packs and audit logs. */
  ruleId: string;
  /** Replacement text a one-click fix would insert. */
  suggestion?: string;
  /** Confidence in [0, 1] after context. */
  score: number;
  /** Why the score is what it is (pattern, base score, validation, context words); no matched text. */
  explanation: Explanation;
  /** Sub-spans, in original offsets, where a finding combines several pieces. */
  parts?: { start: number; end: number; kind: string }[];
}

export interface Explanation {
  pattern: string;
  baseScore: number;
  validation?: string;
  /** Context words that moved the score, with their effect. */
  context?: string[];
}

/** A detector's raw output, with offsets into the NORMALISED text of the context. */
export interface Candidate {
  readonly detectorId: string;
  readonly type: string;
  readonly start: number;
  readonly end: number;
  readonly score: number;
  readonly explanation: Explanation;
  /** A detector may insist on a severity (e.g. a date of birth blocks). */
  readonly severity?: Severity;
  /** Skip the shared context stage (the detector already weighed its context). */
  readonly contextDone?: boolean;
  /** Overrides the default per-type message (advice and disclaimer detectors word their own). */
  readonly message?: string;
  readonly suggestion?: string;
  /** Sub-spans that make up a finding (e.g. the quasi-identifiers of a traceable case). */
  readonly parts?: readonly { start: number; end: number; kind: string }[];
}

export interface ContextWords {
  /** Words or phrases that make this type more likely PHI (patient cues). */
  readonly boost?: readonly string[];
  /** Words or phrases that make it less likely (professional cues). */
  readonly suppress?: readonly string[];
  /** Window in words on each side (default 6). */
  readonly window?: number;
}

export interface Detector {
  readonly id: string;
  readonly category: Category;
  readonly types: readonly string[];
  readonly context?: ContextWords;
  /**
   * `paragraph`: the detector's candidates depend only on the paragraph they sit in (text between
   * blank lines) and on the draft-level flags `patientContext` and `caseCues().draftCase`. The
   * engine then runs it once per distinct paragraph and reuses the result (src/engine/scope.ts),
   * so a keystroke re-runs it on one paragraph. Default `draft`: it sees the whole draft.
   */
  readonly scope?: 'draft' | 'paragraph';
  detect(ctx: DetectContext): readonly Candidate[];
}

export interface Sentence {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** What every detector sees: one snapshot of the normalised draft plus shared, lazily built views. */
export interface DetectContext {
  /** Normalised text (zero-width removed, homoglyphs and full-width folded). */
  readonly text: string;
  /** `text` lower-cased (same length). */
  readonly lower: string;
  readonly sentences: readonly Sentence[];
  /** Whether the draft as a whole talks about a patient (cheap regex cues). */
  readonly patientContext: boolean;
  readonly options: AnalyzeOptions;
  /** The whole draft, when this context is one paragraph of it (paragraph-scoped detectors). */
  readonly draft?: DetectContext;
}

export interface DetectorSetting {
  enabled?: boolean;
  severity?: Severity;
}

export interface AnalyzeOptions {
  /** Minimum score to report (default 0.5). */
  threshold?: number;
  /** Strings that are never PHI (staff names, product names); compared case-insensitively. */
  allow?: readonly string[];
  /** Extra strings that are always PHI, with their type (facility and unit names). */
  deny?: readonly { text: string; type: string; severity?: Severity }[];
  /** Per-detector on/off and severity, by detector id. */
  detectors?: Readonly<Record<string, DetectorSetting>>;
  /** Site the draft is for (x, linkedin, ...): some checks depend on it. */
  site?: string;
  /** Opinion-disclaimer policy: when one is required, its text, and whether the profile carries one. */
  disclaimer?: DisclaimerOptions;
  /**
   * A rule pack's own patterns (src/rules/ validates them: safe regexes only), run by the
   * custom-pattern detector. Plain data so options cross workers and extension messaging.
   */
  patterns?: readonly CustomPattern[];
}

/** One custom regex from a rule pack (issue 7). */
export interface CustomPattern {
  /** Stable name: the finding's ruleId is `custom-pattern/<name>`. */
  readonly name: string;
  /** A PHI type (MRN, ACCOUNT, FACILITY, UNIQUE_ID, ...). */
  readonly type: string;
  /** RegExp source; validated as safe (no catastrophic backtracking) before it gets here. */
  readonly regex: string;
  /** Any of "imsu" (g is implied). */
  readonly flags?: string;
  /** Base score (default 0.9). */
  readonly score?: number;
  readonly severity?: Severity;
  /** Capture group whose span is the finding (default: the whole match). */
  readonly group?: number;
  readonly context?: ContextWords;
}

export interface DisclaimerOptions {
  /** 'never' skips the check, 'when-needed' (default) asks for one on opinion posts, 'always' on every post. */
  required?: 'never' | 'when-needed' | 'always';
  /** The user's or institution's disclaimer, appended by the fix. */
  text?: string;
  /** The user's profile on this site already carries a disclaimer (satisfies 'when-needed', not 'always'). */
  profileHasDisclaimer?: boolean;
}

/** Declares a detector: typed and frozen, so nothing changes it after registration. */
export function defineDetector(d: Detector): Detector {
  return Object.freeze(d);
}
