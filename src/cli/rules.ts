import { readFileSync } from 'node:fs';
import { BUNDLED_PACK } from '../rules/bundled';
import { layersFor, merge } from '../rules/merge';
import type { Pack, Policy, Problem } from '../rules/types';
import { checkPack, checkPackText } from '../rules/validate';
import type { AnalyzeOptions } from '../engine/types';

/**
 * `--rules PACK`: a rule pack (rules/pack.schema.json, docs/rule-packs.md), layered over the
 * bundled pack as an institution's would be. Every read of a pack in the CLI goes through here.
 * Back-compat: a file of plain analyze options from before packs (allow, deny, detectors,
 * threshold; no id) is read as a pack with those settings.
 */

export class RulesError extends Error {
  constructor(message: string, readonly problems: readonly Problem[] = []) {
    super(message);
  }
}

const LEGACY_KEYS = new Set(['$schema', 'allow', 'deny', 'detectors', 'threshold', 'site']);

export function readPackFile(path: string): { pack: Pack; bytes: Uint8Array; text: string } {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new RulesError(`${path}: cannot read rules file (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const text = new TextDecoder().decode(bytes);
  return { pack: parsePack(text, path), bytes, text };
}

/** Parses and checks a pack (or a legacy options file); throws RulesError listing every problem. */
export function parsePack(text: string, source: string): Pack {
  let result = checkPackText(text);
  if (!result.pack) {
    const legacy = asLegacy(text);
    // A legacy file's problems are named by its own keys ($.allow, not $.dictionaries.allow).
    if (legacy) result = { ...checkPack(legacy), problems: checkPack(legacy).problems.map((p) => ({ ...p, path: p.path.replace(/^\$\.dictionaries\./, '$.') })) };
  }
  if (!result.pack) {
    throw new RulesError(`${source}: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}\n${result.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`, result.problems);
  }
  return result.pack;
}

/** The pack's policy over the bundled pack. */
export function policyOf(pack: Pack): Policy {
  return merge(layersFor(pack, BUNDLED_PACK));
}

export function loadRules(path: string): AnalyzeOptions {
  return policyOf(readPackFile(path).pack).analyze;
}

export function parseRules(raw: string, source: string): AnalyzeOptions {
  return policyOf(parsePack(raw, source)).analyze;
}

function asLegacy(text: string): Pack | null {
  let v: unknown;
  try {
    v = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return null;
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  const o = v as Record<string, unknown>;
  if (!Object.keys(o).every((k) => LEGACY_KEYS.has(k))) return null;
  const { allow, deny, detectors, threshold } = o;
  return {
    id: 'legacy-options', version: '0',
    ...(threshold !== undefined ? { threshold } : {}),
    ...(detectors !== undefined ? { detectors } : {}),
    ...(allow !== undefined || deny !== undefined ? { dictionaries: { ...(allow !== undefined ? { allow } : {}), ...(deny !== undefined ? { deny } : {}) } } : {}),
  } as Pack;
}
