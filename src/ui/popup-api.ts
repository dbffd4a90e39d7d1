import { changedMessage } from '../store/background';
import { createHistory } from '../store/history';
import { TAB_STATUS, type TabStatus } from '../store/messages';
import { DAY_MS, loadPolicy } from '../store/policy';
import { recordPostsItem, updateUserSettings } from '../store/settings';
import type { HistorySettingsApi } from './options-history';
import type { PopupApi } from './popup';

/** The parts of the extension API the popup uses. */
export interface PopupBrowser {
  readonly runtime: { sendMessage(m: unknown): Promise<unknown>; getURL(path: string): string; openOptionsPage(): Promise<void> };
  readonly tabs: {
    query(q: { active: boolean; currentWindow: boolean }): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, m: unknown, options?: { frameId?: number }): Promise<unknown>;
    create(p: { url: string }): Promise<unknown>;
  };
}

/** The popup's API over the real extension (used by entrypoints/popup and the options page). */
export function createPopupApi(b: PopupBrowser, doc: Document = document): PopupApi {
  const history = createHistory({
    idb: globalThis.indexedDB,
    subtle: globalThis.crypto.subtle,
    retentionMs: async () => (await loadPolicy()).retentionDays * DAY_MS,
  });
  return {
    history,
    policy: () => loadPolicy(),
    async tabStatus() {
      const [tab] = await b.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) return undefined;
      // The top frame's guard answers; no content script there: the promise rejects.
      const answer = await b.tabs.sendMessage(tab.id, { type: TAB_STATUS }, { frameId: 0 }).catch(() => undefined);
      return (answer as TabStatus | undefined)?.active ? (answer as TabStatus) : undefined;
    },
    copy: (text) => navigator.clipboard.writeText(text),
    async allow(text) {
      await updateUserSettings((s) => (s.allow.some((a) => a.toLowerCase() === text.toLowerCase()) ? s : { ...s, allow: [...s.allow, text] }));
    },
    changed: () => void b.runtime.sendMessage(changedMessage()).catch(() => undefined),
    recordPosts: () => recordPostsItem.getValue(),
    openPrintRecord: () => void b.tabs.create({ url: b.runtime.getURL('/print-record.html') }),
    download(name, type, body) {
      const url = URL.createObjectURL(new Blob([body], { type }));
      const a = doc.createElement('a');
      a.href = url;
      a.download = name;
      doc.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
    openOptions: () => void b.runtime.openOptionsPage(),
  };
}

/** The options page's history sections over the same API (src/ui/options-history.tsx, options-audit.tsx). */
export function historySettingsApi(api: PopupApi): HistorySettingsApi {
  return {
    history: api.history,
    policy: api.policy,
    save: updateUserSettings,
    recordPosts: api.recordPosts,
    setRecordPosts: (on) => recordPostsItem.setValue(on),
    changed: api.changed,
  };
}
