import { validate as schemaValidate } from './pack-validator.generated';
import { regexProblem } from './regex-safety';
import type { Pack, Problem } from './types';

/**
 * Checks a rule pack: size, JSON, the schema (rules/pack.schema.json, compiled ahead of time by
 * scripts/gen-pack-validator.ts, so no eval), then what a schema cannot say: every regex
 * compiles, cannot backtrack catastrophically, has the capture group it names; names are
 * unique. Every problem is reported with its JSON path, not just the first.
 */

export const MAX_PACK_BYTES = 1024 * 1024;

export interface CheckResult {
  /** The pack, only when there is no problem. */
  readonly pack?: Pack;
  readonly problems: readonly Problem[];
}

/** Checks pack text (a file, a policy string, a fetched body). */
export function checkPackText(text: string): CheckResult {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_PACK_BYTES) {
    return { problems: [{ path: '$', message: `the pack is ${(bytes / 1024 / 1024).toFixed(1)} MB; at most 1 MB is accepted` }] };
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { problems: [{ path: '$', message: `not valid JSON: ${describeJsonError(text, err)}` }] };
  }
  return checkPack(value);
}

/** Checks a parsed pack value. */
export function checkPack(value: unknown): CheckResult {
  const problems: Problem[] = [];
  const schemaOk = schemaValidate(value) as boolean;
  if (!schemaOk) {
    const errors = (schemaValidate as unknown as { errors: AjvError[] }).errors ?? [];
    // oneOf reports each failed branch too: keep only its own summary at that path.
    const oneOfAt = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
    for (const e of errors) {
      if (e.keyword !== 'oneOf' && oneOfAt.has(e.instancePath) && e.schemaPath.includes('/oneOf/')) continue;
      const p = describeSchemaError(e);
      if (p && !problems.some((q) => q.path === p.path && q.message === p.message)) problems.push(p);
    }
  }
  // Regexes are checked even when the schema failed elsewhere (every problem at once), but
  // not in a pack past the pattern limit: that one is reported, not run 10,000 times.
  const patterns = isObject(value) && Array.isArray(value.patterns) && value.patterns.length <= MAX_PATTERNS ? value.patterns : [];
  const names = new Map<string, number>();
  patterns.forEach((p: unknown, i: number) => {
    if (!isObject(p) || typeof p.regex !== 'string' || !p.regex) return;
    const flags = typeof p.flags === 'string' && /^[imsu]*$/.test(p.flags) ? p.flags : '';
    const at = `$.patterns[${i}]`;
    if (typeof p.name === 'string') {
      if (names.has(p.name)) problems.push({ path: `${at}.name`, message: `"${p.name}" is already the name of patterns[${names.get(p.name)}]` });
      else names.set(p.name, i);
    }
    const bad = regexProblem(p.regex, flags);
    if (bad) {
      problems.push({ path: `${at}.regex`, message: `${JSON.stringify(p.regex)} ${bad}` });
      return;
    }
    const groups = new RegExp(`${p.regex}|`, flags).exec('')!.length - 1;
    if (typeof p.group === 'number' && p.group > groups) problems.push({ path: `${at}.group`, message: `is ${p.group} but the regex has ${groups} capture group${groups === 1 ? '' : 's'}` });
  });
  return problems.length ? { problems } : { pack: value as Pack, problems };
}

const MAX_PATTERNS = 200;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

interface AjvError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
  propertyName?: string;
}

/** `/patterns/2/regex` -> `$.patterns[2].regex` (keys that are not identifiers in brackets). */
export function jsonPath(pointer: string, extra?: string): string {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (extra !== undefined) parts.push(extra);
  return '$' + parts.map((p) => (/^\d+$/.test(p) ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`)).join('');
}

function describeSchemaError(e: AjvError): Problem | null {
  const path = jsonPath(e.instancePath);
  const p = e.params;
  switch (e.keyword) {
    case 'additionalProperties':
      return { path: jsonPath(e.instancePath, String(p.additionalProperty)), message: 'is not a known key (a typo must not silently change a policy)' };
    case 'propertyNames':
      return null; // reported by the enum error under it, at the key's own path
    case 'enum':
      if (e.propertyName !== undefined) return { path: jsonPath(e.instancePath, e.propertyName), message: `is not a known name; expected one of ${(p.allowedValues as string[]).join(', ')}` };
      return { path, message: `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}` };
    case 'required':
      return { path: jsonPath(e.instancePath, String(p.missingProperty)), message: 'is required' };
    case 'type':
      return { path, message: `must be ${article(String(p.type))}` };
    case 'maxItems':
      return { path, message: `has too many entries (at most ${p.limit})` };
    case 'minItems':
      return { path, message: `needs at least ${p.limit} entr${p.limit === 1 ? 'y' : 'ies'}` };
    case 'maxLength':
      return { path, message: `is too long (at most ${p.limit} characters)` };
    case 'minLength':
      return { path, message: p.limit === 1 ? 'must not be empty' : `is too short (at least ${p.limit} characters)` };
    case 'minimum':
    case 'maximum':
      return { path, message: `must be ${p.comparison} ${p.limit}` };
    case 'pattern':
      return { path, message: `has the wrong form (${patternHint(e.instancePath)})` };
    case 'minProperties':
      return { path, message: 'must not be empty' };
    case 'oneOf':
      return { path, message: 'must be a finding type (e.g. "SSN") or an object with type, text, severity and/or rule' };
    default:
      return { path, message: e.message ?? `fails ${e.keyword}` };
  }
}

function article(type: string): string {
  return type === 'integer' ? 'a whole number' : type === 'array' ? 'an array' : type === 'object' ? 'an object' : `a ${type}`;
}

function patternHint(pointer: string): string {
  const last = pointer.split('/').pop() ?? '';
  if (/^\/id$/.test(pointer)) return 'lower case letters, digits, dot, dash, underscore; up to 64';
  if (/^\/version$/.test(pointer)) return 'e.g. 1.2.0 or 2026.11.1';
  if (last === 'flags') return 'any of i, m, s, u, each once';
  if (last === 'name') return 'lower case letters, digits and dashes';
  if (last === 'type' || /\/expect\/\d+$/.test(pointer)) return 'an upper-case finding type such as MRN';
  return 'must contain a non-space character';
}

/** JSON.parse's message, with the line and column where it has a position. */
function describeJsonError(text: string, err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const m = /position (\d+)/.exec(message);
  if (!m) return message;
  const at = Number(m[1]);
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const col = at - before.lastIndexOf('\n');
  return `${message.replace(/ in JSON at position \d+.*$/, '')} at line ${line}, column ${col}`;
}
