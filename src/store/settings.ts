import { storage } from 'wxt/utils/storage';

/**
 * The user's own settings for the history and the rules (issue 8), defined once. What a user may
 * change is decided by the rule set's locks (src/store/policy.ts); these items only hold choices.
 */
export interface UserSettings {
  /** Strings the user marked "not PHI" (a user-layer allow list). */
  readonly allow: readonly string[];
  /** The user's own disclaimer text; empty: the rule set's. */
  readonly disclaimerText: string;
  /** The user's retention in days; null: the rule set's. */
  readonly retentionDays: number | null;
}

export const DEFAULT_USER_SETTINGS: UserSettings = { allow: [], disclaimerText: '', retentionDays: null };

export const userSettingsItem = storage.defineItem<UserSettings>('local:userSettings', { fallback: DEFAULT_USER_SETTINGS, version: 1 });

/** "Keep a record of what I post" (off by default). */
export const recordPostsItem = storage.defineItem<boolean>('local:recordPosts', { fallback: false, version: 1 });

/** Reads the user settings, repairing a wrongly shaped value to the defaults. */
export async function readUserSettings(): Promise<UserSettings> {
  const v = (await userSettingsItem.getValue().catch(() => DEFAULT_USER_SETTINGS)) as Partial<UserSettings> | null;
  return {
    allow: Array.isArray(v?.allow) ? v.allow.filter((a): a is string => typeof a === 'string') : [],
    disclaimerText: typeof v?.disclaimerText === 'string' ? v.disclaimerText : '',
    retentionDays: typeof v?.retentionDays === 'number' && v.retentionDays >= 0 ? Math.floor(v.retentionDays) : null,
  };
}

export async function updateUserSettings(change: (s: UserSettings) => UserSettings): Promise<UserSettings> {
  const next = change(await readUserSettings());
  await userSettingsItem.setValue(next);
  return next;
}
