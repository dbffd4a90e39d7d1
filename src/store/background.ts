import { createHistory } from './history';
import { CHANGED } from './messages';
import { DAY_MS, loadPolicy, type PolicyDeps } from './policy';
import { createHistoryService, type HistoryService } from './service';
import { recordPostsItem } from './settings';
import type { StoreError } from './types';

/** The parts of the extension API the history uses in the background. */
export interface HistoryBackgroundApi {
  readonly runtime: { readonly onMessage: { addListener(cb: (message: unknown) => Promise<unknown> | undefined): void } };
  readonly action?: { setBadgeText(d: { text: string }): Promise<void> | void; setBadgeBackgroundColor(d: { color: string }): Promise<void> | void };
}

/** Counts under 100 as digits, more as "99+"; none: no badge. */
export const badgeText = (n: number): string => (n <= 0 ? '' : n > 99 ? '99+' : String(n));

/**
 * Wires the history in the background: the store in the extension's IndexedDB, the guard's
 * reports from content scripts, the badge. Storage errors are counted, never thrown.
 */
export function installHistory(api: HistoryBackgroundApi, policy: PolicyDeps = {}): HistoryService {
  const errors: StoreError[] = [];
  const onError = (e: StoreError) => { if (errors.length < 50) errors.push(e); };
  const history = createHistory({
    idb: globalThis.indexedDB,
    subtle: globalThis.crypto.subtle,
    retentionMs: async () => (await loadPolicy(policy)).retentionDays * DAY_MS,
    onError,
  });
  const service = createHistoryService({
    history,
    recordPosts: () => recordPostsItem.getValue(),
    badge: async (n) => {
      await api.action?.setBadgeBackgroundColor({ color: '#b71c1c' });
      await api.action?.setBadgeText({ text: badgeText(n) });
    },
    onError,
  });
  api.runtime.onMessage.addListener((m) => service.listener(m));
  void service.refresh();
  return service;
}

/** Pages (popup, options) tell the background the history changed, so it redraws the badge. */
export const changedMessage = () => ({ type: CHANGED });
