import { storage } from 'wxt/utils/storage';
import { bundledPolicyState, POLICY_KEY, type StoredPolicyState } from '../rules/policy-client';
import { readUserSettings, type UserSettings } from './settings';

/**
 * What the history, the popup and the options page need from the rule set in force: the merged
 * policy the background stores (src/rules/policy-service.ts, read like src/rules/policy-client.ts),
 * plus the user's history retention, which may only shorten the rule set's.
 */

/** The history's default retention: 24 hours (issue 8). */
export const DEFAULT_RETENTION_DAYS = 1;
export const DAY_MS = 86_400_000;

/** The parts of src/rules' `Policy` used here. */
export interface PolicyLike {
  readonly retentionDays: number;
  readonly locked: readonly string[];
  readonly packs: readonly { readonly source: 'bundled' | 'institution' | 'user'; readonly id: string; readonly version: string }[];
  readonly analyze: { readonly allow?: readonly string[]; readonly disclaimer?: { readonly text?: string } };
}

export interface PolicySummary {
  /** The institution's (or bundled) retention limit, in days. */
  readonly limitDays: number;
  /** The retention in force: the user's choice within the limit. */
  readonly retentionDays: number;
  readonly locked: readonly string[];
  /** The rule packs in force (bundled, institution), lowest first ("clearpost.default 1.0.0"). */
  readonly packs: readonly string[];
  /** An institution pack is in force. */
  readonly managed: boolean;
  /** Allow list in force (the rule set's and the user's). */
  readonly allow: readonly string[];
  readonly disclaimerText: string;
  readonly user: UserSettings;
}

/** Same semantics as src/rules/merge.ts `isLocked`: "*", the key itself, or a dotted prefix. */
export function isLockedKey(locked: readonly string[], key: string): boolean {
  if (locked.includes('*') || locked.includes(key)) return true;
  for (let i = key.indexOf('.'); i > 0; i = key.indexOf('.', i + 1)) if (locked.includes(key.slice(0, i))) return true;
  return false;
}

export const mayChange = (p: Pick<PolicySummary, 'locked'>, key: string): boolean => !isLockedKey(p.locked, key);

/**
 * The summary from a merged policy WITHOUT the user layer, plus the user's settings applied where
 * the locks allow: the allow list adds, the disclaimer text replaces, the retention may only
 * shorten. A rule set's retention of 0 keeps nothing and cannot be lengthened.
 */
export function fromPolicy(policy: PolicyLike, user: UserSettings, managed: boolean): PolicySummary {
  const limitDays = Math.max(0, Math.floor(policy.retentionDays));
  const may = (key: string) => !isLockedKey(policy.locked, key);
  const seen = new Set<string>();
  const allow = [...(policy.analyze.allow ?? []), ...(may('dictionaries.allow') ? user.allow : [])]
    .filter((a) => { const k = a.toLowerCase(); if (seen.has(k)) return false; seen.add(k); return true; });
  return {
    limitDays,
    retentionDays: may('retentionDays') && user.retentionDays !== null ? Math.min(limitDays, user.retentionDays) : limitDays,
    locked: policy.locked,
    packs: policy.packs.filter((p) => p.source !== 'user').map((p) => `${p.id} ${p.version}`),
    managed,
    allow,
    disclaimerText: may('disclaimer.text') && user.disclaimerText.trim() ? user.disclaimerText.trim() : policy.analyze.disclaimer?.text ?? '',
    user,
  };
}

/** The bundled rules alone (before the background stored its merged state). */
export const builtInPolicy: PolicyLike = bundledPolicyState().policy as PolicyLike;

/** The background's merged state, read from extension storage; the bundled rules until it exists. */
export async function storedRules(): Promise<{ policy: PolicyLike; managed: boolean }> {
  const state = await storage.getItem<StoredPolicyState>(`local:${POLICY_KEY}`).catch(() => null);
  if (!state?.policy?.analyze) return { policy: builtInPolicy, managed: false };
  return { policy: state.policy as PolicyLike, managed: state.institution?.status === 'applied' || state.institution?.status === 'last-good' };
}

export interface PolicyDeps {
  /** The merged rule set (without the user layer) and whether an institution manages it. */
  readonly rules?: () => Promise<{ policy: PolicyLike; managed: boolean }>;
  readonly user?: () => Promise<UserSettings>;
}

export async function loadPolicy(deps: PolicyDeps = {}): Promise<PolicySummary> {
  const [rules, user] = await Promise.all([
    (deps.rules ?? storedRules)().catch(() => ({ policy: builtInPolicy, managed: false })),
    (deps.user ?? readUserSettings)(),
  ]);
  return fromPolicy(rules.policy, user, rules.managed);
}
