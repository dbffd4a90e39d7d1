import { readFileSync } from 'node:fs';
import { DETECTORS } from '../engine/registry';
import { PHI_TYPES, type AnalyzeOptions, type DetectorSetting, type Severity } from '../engine/types';

/**
 * `--rules PATH`: for now a JSON file of analyze options
 *   {"allow": [string], "deny": [{"text", "type", "severity"?}],
 *    "detectors": {"<detector id>": {"enabled"?: bool, "severity"?: "block"|"warn"|"info"}},
 *    "threshold": number in [0, 1], "site"?: string}
 * Every read of a rules file goes through loadRules, so the rule-pack format (a later issue)
 * replaces this one function. Unknown keys are errors: a typo must not silently relax a policy.
 */

export class RulesError extends Error {}

const SEVERITIES: readonly Severity[] = ['block', 'warn', 'info'];
const TOP_KEYS = new Set(['$schema', 'allow', 'deny', 'detectors', 'threshold', 'site']);

export function loadRules(path: string): AnalyzeOptions {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (err) {
    throw new RulesError(`${path}: cannot read rules file (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return parseRules(raw, path);
}

export function parseRules(raw: string, source: string): AnalyzeOptions {
  let value: unknown;
  try {
    value = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new RulesError(`${source}: not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  return validateRules(value, source);
}

export function validateRules(value: unknown, source: string): AnalyzeOptions {
  const fail = (where: string, what: string): never => {
    throw new RulesError(`${source}: ${where} ${what}`);
  };
  if (!isObject(value)) return fail('the top level', 'must be a JSON object');
  const out: { -readonly [K in keyof AnalyzeOptions]: AnalyzeOptions[K] } = {};
  for (const key of Object.keys(value)) {
    if (!TOP_KEYS.has(key)) fail(`"${key}"`, `is not a known key (expected one of ${[...TOP_KEYS].filter((k) => k !== '$schema').join(', ')})`);
  }
  if ('allow' in value) {
    const allow = value.allow;
    if (!Array.isArray(allow)) return fail('"allow"', 'must be an array of strings');
    allow.forEach((a, i) => {
      if (typeof a !== 'string' || !a.trim()) fail(`allow[${i}]`, 'must be a non-empty string');
    });
    out.allow = allow as string[];
  }
  if ('deny' in value) {
    const deny = value.deny;
    if (!Array.isArray(deny)) return fail('"deny"', 'must be an array of {"text", "type", "severity"?} objects');
    out.deny = deny.map((d, i) => {
      const at = `deny[${i}]`;
      if (!isObject(d)) return fail(at, 'must be an object with "text" and "type"');
      for (const k of Object.keys(d)) if (!['text', 'type', 'severity'].includes(k)) fail(`${at}.${k}`, 'is not a known key (text, type, severity)');
      if (typeof d.text !== 'string' || !d.text.trim()) fail(`${at}.text`, 'must be a non-empty string');
      if (typeof d.type !== 'string' || !(PHI_TYPES as readonly string[]).includes(d.type)) fail(`${at}.type`, `must be one of ${PHI_TYPES.join(', ')}`);
      if ('severity' in d) checkSeverity(d.severity, `${at}.severity`, fail);
      return { text: d.text as string, type: d.type as string, ...(d.severity ? { severity: d.severity as Severity } : {}) };
    });
  }
  if ('detectors' in value) {
    const detectors = value.detectors;
    if (!isObject(detectors)) return fail('"detectors"', 'must be an object of {"<detector id>": {"enabled"?, "severity"?}}');
    const known = new Set(DETECTORS.map((d) => d.id));
    const settings: Record<string, DetectorSetting> = {};
    for (const [id, s] of Object.entries(detectors)) {
      const at = `detectors.${id}`;
      if (!known.has(id)) fail(`"${at}"`, `names no detector (known: ${[...known].join(', ')})`);
      if (!isObject(s)) return fail(at, 'must be an object with "enabled" and/or "severity"');
      for (const k of Object.keys(s)) if (k !== 'enabled' && k !== 'severity') fail(`${at}.${k}`, 'is not a known key (enabled, severity)');
      if ('enabled' in s && typeof s.enabled !== 'boolean') fail(`${at}.enabled`, 'must be true or false');
      if ('severity' in s) checkSeverity(s.severity, `${at}.severity`, fail);
      settings[id] = { ...('enabled' in s ? { enabled: s.enabled as boolean } : {}), ...('severity' in s ? { severity: s.severity as Severity } : {}) };
    }
    out.detectors = settings;
  }
  if ('threshold' in value) {
    const t = value.threshold;
    if (typeof t !== 'number' || !Number.isFinite(t) || t < 0 || t > 1) fail('"threshold"', 'must be a number from 0 to 1');
    out.threshold = t as number;
  }
  if ('site' in value) {
    if (typeof value.site !== 'string') fail('"site"', 'must be a string');
    out.site = value.site as string;
  }
  return out;
}

function checkSeverity(v: unknown, at: string, fail: (where: string, what: string) => never): void {
  if (typeof v !== 'string' || !(SEVERITIES as readonly string[]).includes(v)) fail(at, `must be one of ${SEVERITIES.join(', ')}`);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
