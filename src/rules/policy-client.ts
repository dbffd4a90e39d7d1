import type { AnalyzeOptions } from '../engine/types';
import { BUNDLED_PACK } from './bundled';
import { merge } from './merge';

/**
 * The pages' side of the policy (content script, options page): reads the merged state the
 * background stored (src/rules/policy-service.ts) and follows its changes. No validation or
 * network here. Until the stored state is read (a local read, a few ms after start) the bundled
 * rules apply: never none.
 */

export const POLICY_KEY = 'clearpost:policy-state';

/** The stored state's shape, as far as pages need it (policy-service.ts writes it). */
export interface StoredPolicyState {
  readonly policy: { readonly analyze: AnalyzeOptions; readonly locked: readonly string[]; readonly enforcement: { block: string; warn: string }; readonly retentionDays: number; readonly packs: readonly { source: string; id: string; version: string }[] };
  readonly institution: { readonly status: string; readonly id?: string; readonly version?: string; readonly message?: string };
  readonly notes: readonly string[];
  readonly updatedAt: number;
}

export interface PolicyClientDeps {
  readonly local: { get(keys: string | string[]): Promise<Record<string, unknown>> };
  readonly onChanged?: { addListener(fn: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void; removeListener(fn: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void };
  readonly signal?: AbortSignal;
}

export interface PolicyClient {
  readonly ready: Promise<void>;
  state(): StoredPolicyState;
  options(): AnalyzeOptions;
}

export function bundledPolicyState(): StoredPolicyState {
  return { policy: merge([{ source: 'bundled', pack: BUNDLED_PACK }]), institution: { status: 'none' }, notes: [], updatedAt: 0 };
}

export function createPolicyClient(deps: PolicyClientDeps): PolicyClient {
  let current = bundledPolicyState();
  const take = (v: unknown) => {
    if (v && typeof v === 'object' && 'policy' in v && (v as StoredPolicyState).policy?.analyze) current = v as StoredPolicyState;
  };
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && changes[POLICY_KEY]) take(changes[POLICY_KEY].newValue);
  };
  deps.onChanged?.addListener(listener);
  deps.signal?.addEventListener('abort', () => deps.onChanged?.removeListener(listener), { once: true });
  const ready = deps.local.get(POLICY_KEY).then((r) => take(r[POLICY_KEY]), () => undefined);
  return { ready, state: () => current, options: () => current.policy.analyze };
}

/** Policy options plus a page's own extras (e.g. the history's "not PHI" choices): lists add up. */
export function combineOptions(policy: AnalyzeOptions, extra: AnalyzeOptions | undefined): AnalyzeOptions {
  if (!extra) return policy;
  return {
    ...policy,
    ...extra,
    allow: [...(policy.allow ?? []), ...(extra.allow ?? [])],
    deny: [...(policy.deny ?? []), ...(extra.deny ?? [])],
    ...(policy.patterns || extra.patterns ? { patterns: [...(policy.patterns ?? []), ...(extra.patterns ?? [])] } : {}),
    detectors: { ...policy.detectors, ...extra.detectors },
  };
}
