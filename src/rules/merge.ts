import type { AnalyzeOptions, CustomPattern, DetectorSetting } from '../engine/types';
import type { DenyEntry, Enforcement, Layer, Pack, Policy, Problem } from './types';

/**
 * merge(layers) -> Policy. Pure. Layers apply lowest first: bundled < institution < user.
 * Scalars and per-detector settings are overridden by a later layer; lists (patterns, deny,
 * allow) accumulate. A key locked by an earlier non-user layer (`locked`: "*", a section such as
 * "detectors", or a key such as "detectors.ssn" or "disclaimer.text") cannot be changed by a
 * later layer: the change is dropped and listed in `ignored`. A user layer's own `locked` is
 * ignored (only institutions lock). A user pattern may add, never replace an earlier one.
 */

export const DEFAULT_ENFORCEMENT: Enforcement = { block: 'allow', warn: 'allow' };

export function isLocked(locks: ReadonlySet<string>, key: string): boolean {
  if (locks.has('*') || locks.has(key)) return true;
  for (let i = key.indexOf('.'); i > 0; i = key.indexOf('.', i + 1)) if (locks.has(key.slice(0, i))) return true;
  return false;
}

export function merge(layers: readonly Layer[]): Policy {
  const locks = new Set<string>();
  const ignored: Problem[] = [];
  let threshold: number | undefined;
  const detectors: Record<string, DetectorSetting> = {};
  const patterns: CustomPattern[] = [];
  const deny: DenyEntry[] = [];
  const allow: string[] = [];
  const disclaimer: { required?: 'never' | 'when-needed' | 'always'; text?: string } = {};
  let enforcement: Enforcement = DEFAULT_ENFORCEMENT;
  let retentionDays = 0;

  for (const { source, pack } of layers) {
    const may = (key: string): boolean => {
      if (!isLocked(locks, key)) return true;
      ignored.push({ path: `${source}:${key}`, message: `is managed by ${institutionName(layers)} and was not changed` });
      return false;
    };
    if (pack.threshold !== undefined && may('threshold')) threshold = pack.threshold;
    for (const [id, s] of Object.entries(pack.detectors ?? {})) {
      if (may(`detectors.${id}`)) detectors[id] = { ...detectors[id], ...s };
    }
    if (pack.patterns?.length && may('patterns')) {
      for (const p of pack.patterns) {
        if (patterns.some((q) => q.name === p.name)) {
          ignored.push({ path: `${source}:patterns.${p.name}`, message: 'has the name of an earlier pattern and was not added' });
          continue;
        }
        const { description: _d, ...spec } = p;
        patterns.push(spec);
      }
    }
    if (pack.dictionaries?.deny?.length && may('dictionaries.deny')) deny.push(...pack.dictionaries.deny);
    if (pack.dictionaries?.allow?.length && may('dictionaries.allow')) {
      const seen = new Set(allow.map((a) => a.toLowerCase()));
      for (const a of pack.dictionaries.allow) if (!seen.has(a.toLowerCase())) { seen.add(a.toLowerCase()); allow.push(a); }
    }
    if (pack.disclaimer?.required !== undefined && may('disclaimer.required')) disclaimer.required = pack.disclaimer.required;
    if (pack.disclaimer?.text !== undefined && may('disclaimer.text')) disclaimer.text = pack.disclaimer.text;
    if (pack.enforcement) {
      for (const k of ['block', 'warn'] as const) {
        const v = pack.enforcement[k];
        if (v !== undefined && may(`enforcement.${k}`)) enforcement = { ...enforcement, [k]: v };
      }
    }
    if (pack.retentionDays !== undefined && may('retentionDays')) retentionDays = pack.retentionDays;
    if (source !== 'user') for (const l of pack.locked ?? []) locks.add(l);
  }

  const analyze: AnalyzeOptions = {
    ...(threshold !== undefined ? { threshold } : {}),
    ...(Object.keys(detectors).length ? { detectors } : {}),
    ...(patterns.length ? { patterns } : {}),
    ...(deny.length ? { deny } : {}),
    ...(allow.length ? { allow } : {}),
    ...(disclaimer.required || disclaimer.text ? { disclaimer } : {}),
  };
  return {
    analyze,
    enforcement,
    retentionDays,
    locked: [...locks].sort(),
    packs: layers.map(({ source, pack }) => ({ source, id: pack.id, version: pack.version })),
    ignored,
  };
}

function institutionName(layers: readonly Layer[]): string {
  const inst = layers.find((l) => l.source === 'institution');
  return inst ? `your institution (${inst.pack.id})` : 'the bundled rules';
}

/** A pack's own layers for its examples: the bundled pack under it, unless it is the bundled pack. */
export function layersFor(pack: Pack, bundled: Pack): Layer[] {
  return pack.id === bundled.id ? [{ source: 'bundled', pack }] : [{ source: 'bundled', pack: bundled }, { source: 'institution', pack }];
}
