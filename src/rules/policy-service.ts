import { BUNDLED_PACK } from './bundled';
import { readManaged, type StorageAreaLike } from './managed';
import { merge } from './merge';
import { fetchSignedPack, type FetchLike } from './remote';
import type { Layer, Pack, Policy } from './types';
import { checkPack, checkPackText } from './validate';

/**
 * The background's policy: reads the managed policy (inline pack or signed URL), the user's
 * settings, merges bundled < institution < user and stores the result for the content scripts
 * and the options page (POLICY_KEY in storage.local). When the institution's pack is bad or
 * cannot be fetched, the last good one stays in force and the state says why; with no last
 * good pack the bundled rules still run (never none) and the state says the institution's pack
 * was not applied.
 */

export { POLICY_KEY } from './policy-client';
import { POLICY_KEY } from './policy-client';
export const LAST_GOOD_KEY = 'clearpost:last-good-pack';
export const USER_PACK_KEY = 'clearpost:user-pack';
const DEFAULT_REFRESH_HOURS = 24;

export type InstitutionStatus = 'none' | 'applied' | 'last-good' | 'not-applied';

export interface PolicyState {
  readonly policy: Policy;
  readonly institution: {
    readonly status: InstitutionStatus;
    readonly source?: 'policy' | 'url';
    readonly id?: string;
    readonly version?: string;
    /** Why the institution's current pack was not applied (problems with their JSON paths). */
    readonly message?: string;
  };
  /** Other problems to show (wrongly typed policy values, user settings not applied). */
  readonly notes: readonly string[];
  readonly updatedAt: number;
}

interface LastGood {
  readonly text: string;
  readonly source: 'policy' | 'url';
  readonly url?: string;
  readonly fetchedAt: number;
}

export interface LocalAreaLike extends StorageAreaLike {
  set(items: Record<string, unknown>): Promise<void>;
}

export interface PolicyDeps {
  readonly managed: StorageAreaLike | undefined;
  readonly local: LocalAreaLike;
  readonly fetch: FetchLike;
  readonly now?: () => number;
}

export async function refreshPolicy(deps: PolicyDeps, opts: { forceFetch?: boolean } = {}): Promise<PolicyState> {
  const now = (deps.now ?? Date.now)();
  const notes: string[] = [];
  const managed = await readManaged(deps.managed);
  notes.push(...managed.problems);
  const stored = await deps.local.get([LAST_GOOD_KEY, USER_PACK_KEY]);
  const lastGood = stored[LAST_GOOD_KEY] as LastGood | undefined;

  let institution: PolicyState['institution'] = { status: 'none' };
  let instPack: Pack | undefined;
  const useLastGood = (source: 'policy' | 'url', message: string) => {
    const prev = lastGood ? checkPackText(lastGood.text).pack : undefined;
    if (prev) {
      instPack = prev;
      institution = { status: 'last-good', source, id: prev.id, version: prev.version, message };
    } else {
      institution = { status: 'not-applied', source, message };
    }
  };
  const apply = async (text: string, source: 'policy' | 'url', url?: string) => {
    const r = checkPackText(text);
    if (!r.pack) return useLastGood(source, `the institution's pack has ${r.problems.length} problem(s): ${r.problems.slice(0, 5).map((p) => `${p.path} ${p.message}`).join('; ')}`);
    instPack = r.pack;
    institution = { status: 'applied', source, id: r.pack.id, version: r.pack.version };
    if (lastGood?.text !== text) await deps.local.set({ [LAST_GOOD_KEY]: { text, source, url, fetchedAt: now } satisfies LastGood });
  };

  const p = managed.policy;
  if (p?.rulePackUrl) {
    const hours = p.rulePackRefreshHours && p.rulePackRefreshHours >= 1 && p.rulePackRefreshHours <= 168 ? p.rulePackRefreshHours : DEFAULT_REFRESH_HOURS;
    const fresh = lastGood?.source === 'url' && lastGood.url === p.rulePackUrl && now - lastGood.fetchedAt < hours * 3_600_000;
    if (fresh && !opts.forceFetch) await apply(lastGood!.text, 'url', p.rulePackUrl);
    else {
      const r = await fetchSignedPack(p.rulePackUrl, p.rulePackPublicKey, deps.fetch);
      if (r.ok) await apply(r.text, 'url', p.rulePackUrl);
      else useLastGood('url', r.error);
    }
  } else if (p?.rulePack) {
    await apply(p.rulePack, 'policy');
  }

  const layers: Layer[] = [{ source: 'bundled', pack: BUNDLED_PACK }];
  if (instPack) layers.push({ source: 'institution', pack: instPack });
  const userRaw = stored[USER_PACK_KEY];
  if (userRaw && typeof userRaw === 'object') {
    const r = checkPack({ ...(userRaw as object), id: 'user', version: '1' });
    if (r.pack) layers.push({ source: 'user', pack: r.pack });
    else notes.push(`your own settings were not applied: ${r.problems.slice(0, 3).map((x) => `${x.path} ${x.message}`).join('; ')}`);
  }
  const policy = merge(layers);
  notes.push(...policy.ignored.map((i) => `${i.path.replace(/^user:/, '')} ${i.message}`));
  const state: PolicyState = { policy, institution, notes, updatedAt: now };
  await deps.local.set({ [POLICY_KEY]: state });
  return state;
}

/** The state a page uses before the background has written one: the bundled rules. */
export function bundledState(): PolicyState {
  return { policy: merge([{ source: 'bundled', pack: BUNDLED_PACK }]), institution: { status: 'none' }, notes: [], updatedAt: 0 };
}

export interface WatchDeps extends PolicyDeps {
  readonly onChanged: { addListener(fn: (changes: Record<string, unknown>, area: string) => void): void };
}

/**
 * Background wiring: computes the policy at start (pages use the stored one meanwhile, so start-up
 * never waits on policy or network) and again when the managed policy or the user's settings
 * change, debounced so a burst of changes is applied once.
 */
export function watchPolicy(deps: WatchDeps, debounceMs = 300): () => Promise<PolicyState> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<PolicyState> | undefined;
  const run = (force = false) => (running = refreshPolicy(deps, { forceFetch: force }).catch(() => running as Promise<PolicyState>));
  deps.onChanged.addListener((changes, area) => {
    if (area !== 'managed' && !(area === 'local' && USER_PACK_KEY in changes)) return;
    clearTimeout(timer);
    timer = setTimeout(() => void run(area === 'managed'), debounceMs);
  });
  void run();
  return () => run(true);
}
