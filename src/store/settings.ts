import { storage } from 'wxt/utils/storage';
import { USER_PACK_KEY } from '../rules/policy-service';

/**
 * The user's own settings for the history and the rules (issue 8), defined once.
 *
 * The allow list and the disclaimer text live in the user's rule pack (src/rules/policy-service.ts
 * merges it over bundled < institution, so an institution's locks apply and are reported there).
 * The history's retention is the user's own choice, applied only to shorten the rule set's
 * (src/store/policy.ts).
 */
export interface UserSettings {
  /** Strings the user marked "not PHI" (the user pack's `dictionaries.allow`). */
  readonly allow: readonly string[];
  /** The user's own disclaimer text (the user pack's `disclaimer.text`); empty: the rule set's. */
  readonly disclaimerText: string;
  /** The user's history retention in days; null: the rule set's. */
  readonly retentionDays: number | null;
}

export const DEFAULT_USER_SETTINGS: UserSettings = { allow: [], disclaimerText: '', retentionDays: null };

type RawPack = Record<string, unknown> & { dictionaries?: Record<string, unknown>; disclaimer?: Record<string, unknown> };

/** The user's pack, as src/rules/policy-service.ts reads it. */
export const userPackItem = storage.defineItem<RawPack | null>(`local:${USER_PACK_KEY}`, { fallback: null });

export const historyRetentionItem = storage.defineItem<number | null>('local:historyRetentionDays', { fallback: null, version: 1 });

/** "Keep a record of what I post" (off by default). */
export const recordPostsItem = storage.defineItem<boolean>('local:recordPosts', { fallback: false, version: 1 });

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((a): a is string => typeof a === 'string') : []);

/** Reads the user settings, ignoring wrongly shaped values. */
export async function readUserSettings(): Promise<UserSettings> {
  const [pack, days] = await Promise.all([userPackItem.getValue().catch(() => null), historyRetentionItem.getValue().catch(() => null)]);
  const text = pack?.disclaimer?.text;
  return {
    allow: strings(pack?.dictionaries?.allow),
    disclaimerText: typeof text === 'string' ? text : '',
    retentionDays: typeof days === 'number' && days >= 0 ? Math.floor(days) : null,
  };
}

/** Applies a change; the user pack keeps whatever else it holds (detectors, deny entries). */
export async function updateUserSettings(change: (s: UserSettings) => UserSettings): Promise<UserSettings> {
  const before = await readUserSettings();
  const next = change(before);
  if (next.allow !== before.allow || next.disclaimerText !== before.disclaimerText) {
    const pack: RawPack = { ...((await userPackItem.getValue()) ?? {}) };
    const dictionaries = { ...pack.dictionaries };
    if (next.allow.length) dictionaries.allow = [...next.allow]; else delete dictionaries.allow;
    if (Object.keys(dictionaries).length) pack.dictionaries = dictionaries; else delete pack.dictionaries;
    const disclaimer = { ...pack.disclaimer };
    if (next.disclaimerText.trim()) disclaimer.text = next.disclaimerText.trim(); else delete disclaimer.text;
    if (Object.keys(disclaimer).length) pack.disclaimer = disclaimer; else delete pack.disclaimer;
    await userPackItem.setValue(pack);
  }
  if (next.retentionDays !== before.retentionDays) await historyRetentionItem.setValue(next.retentionDays);
  return next;
}

/** Watches every item the user settings are read from. */
export function watchUserSettings(cb: () => void): () => void {
  const a = userPackItem.watch(cb);
  const b = historyRetentionItem.watch(cb);
  return () => { a(); b(); };
}
