import { useEffect, useRef, useState } from 'preact/hooks';
import type { History } from '../store/history';
import type { TabStatus } from '../store/messages';
import type { PolicySummary } from '../store/policy';
import type { HistoryRecord } from '../store/types';
import { HistoryDetail } from './history-detail';
import { HistoryList } from './history-list';

/** What the popup needs from the extension (entrypoints/popup wires the real one: src/ui/popup-api.ts). */
export interface PopupApi {
  readonly history: History;
  policy(): Promise<PolicySummary>;
  /** The guard's answer on the active tab; undefined: no guard there. */
  tabStatus(): Promise<TabStatus | undefined>;
  copy(text: string): Promise<void>;
  /** Adds a string to the user's allow list ("not PHI"). */
  allow(text: string): Promise<void>;
  /** The history changed (badge). */
  changed(): void;
  recordPosts(): Promise<boolean>;
  openPrintRecord(): void;
  download(name: string, type: string, body: string): void;
  openOptions(): void;
}

export const POPUP_CSS = `
:root { color-scheme: light; }
body { margin: 0; }
.popup { width: 24rem; max-height: 580px; overflow: auto; font: 14px/1.4 system-ui, sans-serif; color: #1b1b1b; background: #fff; padding: .75rem; box-sizing: border-box; }
h1 { font-size: 1.05rem; margin: 0 0 .25rem; }
h2 { font-size: 1rem; margin: .5rem 0 .25rem; }
h3 { font-size: .9rem; margin: .75rem 0 .25rem; }
.status { font-size: .85rem; color: #333; background: #f1f4f8; border-radius: 6px; padding: .35rem .5rem; margin: 0 0 .5rem; }
.list { list-style: none; padding: 0; margin: 0; }
.list li { margin: 0 0 .35rem; }
.item { display: grid; grid-template-columns: 1fr auto; gap: 0 .5rem; width: 100%; text-align: left; font: inherit; padding: .45rem .6rem;
  border: 1px solid #8a8a8a; border-radius: 6px; background: #fff; color: #1b1b1b; cursor: pointer; }
.item.unresolved { border-left: 5px solid #b71c1c; }
.item .site { font-weight: 600; }
.item .time, .item .decision { color: #444; font-size: .85rem; }
.item .types { color: #1b1b1b; }
button { font: inherit; padding: .35rem .7rem; border-radius: 6px; border: 1px solid #6b6b6b; background: #f5f5f5; color: #1b1b1b; cursor: pointer; }
button:focus-visible, .item:focus-visible, a:focus-visible { outline: 3px solid #1565c0; outline-offset: 2px; }
button.primary { background: #1565c0; border-color: #1565c0; color: #fff; }
button.danger { color: #b71c1c; border-color: #b71c1c; background: #fff; }
button.link { border: none; background: none; color: #0d47a1; padding: 0; text-decoration: underline; }
button[disabled] { opacity: .6; cursor: default; }
.draft { white-space: pre-wrap; background: #fafafa; border: 1px solid #ccc; border-radius: 6px; padding: .5rem; margin: 0; }
mark { background: #ffe0e0; color: #1b1b1b; border-radius: 3px; padding: 0 .1rem; }
mark.advice, mark.disclaimer { background: #fff2c6; }
.findings { padding-left: 1.1rem; margin: .25rem 0; }
.findings li { margin: .3rem 0; }
.sev { font-weight: 600; }
.sev.block { color: #b71c1c; }
.sev.warn { color: #7a4a00; }
.note { margin: .2rem 0; font-size: .85rem; color: #333; }
.meta { margin: 0; color: #444; }
.actions { display: flex; flex-wrap: wrap; gap: .4rem; margin-top: .6rem; }
.empty { color: #444; }
footer { border-top: 1px solid #ddd; margin-top: .75rem; padding-top: .5rem; display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; }
.announce, .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

function statusLine(tab: TabStatus | undefined | null, policy: PolicySummary | undefined): string {
  const guard = tab === null ? 'Checking this tab…' : tab ? `Guard active on this tab (${tab.site}).` : 'Guard not active on this tab.';
  if (!policy) return guard;
  const pack = policy.packs.at(-1) ?? 'built-in rules';
  return `${guard} Rules: ${pack}${policy.managed ? ', managed by your institution' : ', not managed'}.`;
}

/**
 * The toolbar popup: a status line, the flagged drafts newest first, one draft's details and
 * actions, the posted record's export and "delete all". Messages to the user go to a live region.
 */
export function Popup({ api }: { api: PopupApi }) {
  const [records, setRecords] = useState<HistoryRecord[] | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [policy, setPolicy] = useState<PolicySummary>();
  const [tab, setTab] = useState<TabStatus | undefined | null>(null);
  const [recording, setRecording] = useState(false);
  const [postedCount, setPostedCount] = useState(0);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [notPhi, setNotPhi] = useState<Record<string, Record<number, string>>>({});
  const returnFocus = useRef<string | null>(null);

  const reload = async () => {
    setRecords(await api.history.list());
    setPostedCount((await api.history.posted()).length);
  };
  useEffect(() => {
    void reload();
    void api.policy().then(setPolicy, () => undefined);
    void api.tabStatus().then(setTab, () => setTab(undefined));
    void api.recordPosts().then(setRecording, () => undefined);
  }, []);

  // Focus: into the detail's heading when a draft opens, back to its list item when it closes.
  useEffect(() => {
    if (openId) document.querySelector<HTMLElement>('#detail-title')?.focus();
    else if (returnFocus.current) {
      const items = [...document.querySelectorAll<HTMLElement>('button.item')];
      (items.find((b) => b.dataset.id === returnFocus.current) ?? items[0])?.focus();
    }
  }, [openId, records]);

  const record = openId ? records?.find((r) => r.id === openId) : undefined;
  const run = async (fn: () => Promise<string>) => {
    setBusy(true);
    try { setMessage(await fn()); } catch { setMessage('That did not work. Try again.'); }
    setBusy(false);
  };

  const actions = record && {
    back: () => { returnFocus.current = record.id; setOpenId(null); },
    copyCleaned: () => void run(async () => { await api.copy(record.redacted); return 'Cleaned text copied.'; }),
    restore: () => void run(async () => {
      const text = await api.history.restore(record.id);
      if (text === undefined) return 'The original is no longer kept (it expired or could not be read).';
      await api.copy(text);
      return 'Original draft copied to the clipboard. It contains patient details: paste it with care.';
    }),
    dismiss: () => void run(async () => {
      await api.history.dismiss(record.id);
      api.changed();
      await reload();
      returnFocus.current = record.id;
      setOpenId(null);
      return 'Dismissed.';
    }),
    notPhi: (i: number) => void run(async () => {
      const mark = (note: string) => setNotPhi((s) => ({ ...s, [record.id]: { ...s[record.id], [i]: note } }));
      const p = policy ?? (await api.policy());
      if (p.locked.includes('*') || p.locked.some((k) => k === 'dictionaries' || k === 'dictionaries.allow')) {
        const note = 'Your institution manages the allow list: this cannot be marked "not PHI" here. Ask your administrator.';
        mark(note);
        return note;
      }
      const text = await api.history.findingText(record.id, i);
      if (!text?.trim()) return 'The original is no longer kept, so this cannot be added to your allow list.';
      await api.allow(text.trim());
      const note = 'Added to your allow list: Clearpost will not flag it again.';
      mark(note);
      return note;
    }),
  };

  const deleteAll = () => void run(async () => {
    const ok = await api.history.deleteAll();
    api.changed();
    setConfirmDelete(false);
    setOpenId(null);
    await reload();
    return ok ? 'Everything Clearpost kept was deleted.' : 'Deleting failed. Try again.';
  });

  const exportJson = () => void run(async () => {
    const posted = await api.history.posted();
    api.download(`clearpost-posts-${new Date().toISOString().slice(0, 10)}.json`, 'application/json', JSON.stringify({ generated: new Date().toISOString(), posts: posted }, null, 2));
    return `Exported ${posted.length} post${posted.length === 1 ? '' : 's'}.`;
  });

  return (
    <main class="popup" aria-labelledby="popup-title">
      <style>{POPUP_CSS}</style>
      <h1 id="popup-title">Clearpost</h1>
      <p class="status" data-testid="status">{statusLine(tab, policy)}</p>
      {records === null ? <p>Loading…</p> : record && actions ? (
        <HistoryDetail record={record} actions={actions} busy={busy} notPhiState={notPhi[record.id] ?? {}} />
      ) : (
        <>
          <h2 id="list-title">Flagged drafts</h2>
          <HistoryList records={records} open={(id) => setOpenId(id)} />
        </>
      )}
      <p class="announce" role="status" aria-live="polite">{message}</p>
      {message && <p class="note" aria-hidden="true">{message}</p>}
      {!record && (
        <footer aria-label="History tools">
          {recording || postedCount ? (
            <>
              <button type="button" onClick={api.openPrintRecord} disabled={!postedCount}>Print record of posts</button>
              <button type="button" onClick={exportJson} disabled={!postedCount}>Posts as JSON</button>
            </>
          ) : null}
          {confirmDelete ? (
            <>
              <button type="button" class="danger" onClick={deleteAll} disabled={busy}>Yes, delete everything</button>
              <button type="button" onClick={() => setConfirmDelete(false)}>Keep</button>
            </>
          ) : (
            <button type="button" class="danger" onClick={() => setConfirmDelete(true)} disabled={busy}>Delete all</button>
          )}
          <button type="button" class="link" onClick={api.openOptions}>Settings</button>
        </footer>
      )}
    </main>
  );
}
