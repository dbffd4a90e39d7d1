/**
 * The one reader of `storage.managed` (enterprise policy; schema: rules/managed_schema.json).
 * It feature-detects, returns undefined when the area is missing or fails (no policy, Firefox
 * without policies.json, a browser that does not support it), and reports and ignores values
 * of the wrong type. Chrome/Edge: ExtensionSettings / 3rdparty policy; Firefox: policies.json
 * "3rdparty": {"Extensions": {"clearpost@clearpost.dev": {...}}}.
 */

export interface ManagedPolicy {
  readonly rulePack?: string;
  readonly rulePackUrl?: string;
  readonly rulePackPublicKey?: string;
  readonly rulePackRefreshHours?: number;
}

export interface ManagedRead {
  readonly policy?: ManagedPolicy;
  /** Wrongly typed keys, named, never their values. */
  readonly problems: readonly string[];
}

export interface StorageAreaLike {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
}

const KEYS: Record<keyof ManagedPolicy, 'string' | 'integer'> = {
  rulePack: 'string',
  rulePackUrl: 'string',
  rulePackPublicKey: 'string',
  rulePackRefreshHours: 'integer',
};

export async function readManaged(area: StorageAreaLike | undefined): Promise<ManagedRead> {
  if (!area || typeof area.get !== 'function') return { problems: [] };
  let raw: Record<string, unknown>;
  try {
    raw = await area.get(null);
  } catch {
    return { problems: [] }; // no managed storage here (no policy, or not supported)
  }
  return parseManaged(raw);
}

export function parseManaged(raw: unknown): ManagedRead {
  if (!raw || typeof raw !== 'object') return { problems: [] };
  const problems: string[] = [];
  const policy: Record<string, unknown> = {};
  for (const [key, kind] of Object.entries(KEYS)) {
    const v = (raw as Record<string, unknown>)[key];
    if (v === undefined) continue;
    const ok = kind === 'string' ? typeof v === 'string' : Number.isInteger(v);
    if (!ok) {
      problems.push(`policy ${key} must be ${kind === 'string' ? 'a string' : 'a whole number'}; it was ignored`);
      continue;
    }
    if (kind === 'string' && !(v as string).trim()) continue;
    policy[key] = v;
  }
  return Object.keys(policy).length ? { policy: policy as ManagedPolicy, problems } : { problems };
}
