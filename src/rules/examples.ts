import type { AnalyzeOptions, Finding } from '../engine/types';
import type { Expectation, PackExample } from './types';

/**
 * Runs a pack's examples (`{"text", "expect": [...]}`) as its tests. Each expectation must match
 * a different finding (type, exact text, severity, rule: whichever it names). With `exact`
 * (the default) every finding must be expected too, so `"expect": []` means a clean draft.
 */

export interface ExampleResult {
  readonly index: number;
  readonly passed: boolean;
  /** What went wrong, in words; never more of the draft than the expected texts. */
  readonly failures: readonly string[];
  readonly findings: readonly Pick<Finding, 'type' | 'severity' | 'ruleId' | 'start' | 'end'>[];
}

export type Analyze = (text: string, options: AnalyzeOptions) => Finding[];

export function runExamples(examples: readonly PackExample[], options: AnalyzeOptions, analyze: Analyze): ExampleResult[] {
  return examples.map((ex, index) => {
    const findings = analyze(ex.text, { ...options, ...(ex.site ? { site: ex.site } : {}) });
    const left = [...findings];
    const failures: string[] = [];
    for (const raw of ex.expect) {
      const want: Expectation = typeof raw === 'string' ? { type: raw } : raw;
      const at = left.findIndex((f) => matches(f, want));
      if (at < 0) failures.push(`expected ${describe(want)}, not found`);
      else left.splice(at, 1);
    }
    if (ex.exact !== false) for (const f of left) failures.push(`unexpected ${f.type} (${f.severity}, ${f.ruleId}) at ${f.start}-${f.end}`);
    return {
      index,
      passed: failures.length === 0,
      failures,
      findings: findings.map(({ type, severity, ruleId, start, end }) => ({ type, severity, ruleId, start, end })),
    };
  });
}

function matches(f: Finding, want: Expectation): boolean {
  if (want.type !== undefined && f.type !== want.type) return false;
  if (want.text !== undefined && f.text !== want.text) return false;
  if (want.severity !== undefined && f.severity !== want.severity) return false;
  if (want.rule !== undefined && f.ruleId !== want.rule && !f.ruleId.startsWith(`${want.rule}/`)) return false;
  return true;
}

function describe(want: Expectation): string {
  const parts = [want.type ?? 'a finding'];
  if (want.text !== undefined) parts.push(`on ${JSON.stringify(want.text)}`);
  if (want.severity) parts.push(`(${want.severity})`);
  if (want.rule) parts.push(`from ${want.rule}`);
  return parts.join(' ');
}
