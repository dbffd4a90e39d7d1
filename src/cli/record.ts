import { analyze } from '../engine/analyze';
import type { AnalyzeOptions, Finding } from '../engine/types';

/**
 * One JSON Lines record in, one result out. Pure, and the same code runs on the main thread
 * (small inputs) and in the worker threads (large ones), so both paths report identically.
 * Error messages name the problem and the position, never the line's text (it may hold PHI).
 */

export interface LineJob {
  /** 1-based line number in its file. */
  readonly line: number;
  readonly raw: string;
}

export interface DraftResult {
  readonly line: number;
  /** The record's id as given (string or number), or null when it has none. */
  readonly id: string | number | null;
  readonly findings: Finding[];
  /** The draft, returned only when asked for (the readable report quotes it around findings). */
  readonly text?: string;
}

export interface LineError {
  readonly line: number;
  readonly error: string;
}

/** null: a blank line, skipped silently. */
export type LineResult = DraftResult | LineError | null;

export function isLineError(r: DraftResult | LineError): r is LineError {
  return 'error' in r;
}

export function scanLine(job: LineJob, rules: AnalyzeOptions, keepText: boolean): LineResult {
  const raw = job.raw;
  if (!raw.trim()) return null;
  let rec: unknown;
  try {
    rec = JSON.parse(raw);
  } catch (err) {
    return { line: job.line, error: `not valid JSON${jsonErrorPosition(err)}` };
  }
  if (typeof rec !== 'object' || rec === null || Array.isArray(rec)) return { line: job.line, error: 'expected a JSON object {"id", "text", "site"?}' };
  const r = rec as Record<string, unknown>;
  if (typeof r.text !== 'string') return { line: job.line, error: `"text" is ${r.text === undefined ? 'missing' : 'not a string'}` };
  if (r.id !== undefined && typeof r.id !== 'string' && typeof r.id !== 'number') return { line: job.line, error: '"id" must be a string or a number' };
  if (r.site !== undefined && typeof r.site !== 'string') return { line: job.line, error: '"site" must be a string' };
  const options = typeof r.site === 'string' ? { ...rules, site: r.site } : rules;
  const findings = analyze(r.text, options);
  return {
    line: job.line,
    id: (r.id as string | number | undefined) ?? null,
    findings,
    ...(keepText && findings.length ? { text: r.text } : {}),
  };
}

/**
 * V8's JSON.parse messages quote the offending text ("Unexpected token 'J', "John Doe"... is
 * not valid JSON"); keep only where it went wrong.
 */
export function jsonErrorPosition(err: unknown): string {
  const message = err instanceof Error ? err.message : '';
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return ` (column ${lc[2]})`;
  const pos = /at position (\d+)/.exec(message);
  if (pos) return ` (column ${Number(pos[1]) + 1})`;
  if (/end of (JSON|data) input|Unterminated/i.test(message)) return ' (unexpected end of line)';
  if (/Unexpected token/i.test(message)) return ' (unexpected token)';
  return '';
}
