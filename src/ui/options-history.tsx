import { useEffect, useState } from 'preact/hooks';
import type { History } from '../store/history';
import { mayChange, type PolicySummary } from '../store/policy';
import type { UserSettings } from '../store/settings';

export interface HistorySettingsApi {
  readonly history: History;
  policy(): Promise<PolicySummary>;
  save(change: (s: UserSettings) => UserSettings): Promise<unknown>;
  recordPosts(): Promise<boolean>;
  setRecordPosts(on: boolean): Promise<unknown>;
  changed(): void;
}

const LOCKED = 'Managed by your institution';

/**
 * Options section: the settings a user may change (disclaimer text, allow list, retention within
 * the rule set's limit, the record of posts) and "delete all". Settings the rule set locks are
 * shown read-only, labelled as managed.
 */
export function HistorySettingsSection({ api }: { api: HistorySettingsApi }) {
  const [policy, setPolicy] = useState<PolicySummary>();
  const [recording, setRecording] = useState(false);
  const [disclaimer, setDisclaimer] = useState('');
  const [allowInput, setAllowInput] = useState('');
  const [status, setStatus] = useState('');
  const [confirm, setConfirm] = useState(false);

  const reload = async () => {
    const p = await api.policy();
    setPolicy(p);
    setDisclaimer(p.user.disclaimerText);
    setRecording(await api.recordPosts());
  };
  useEffect(() => { void reload(); }, []);
  if (!policy) return <p>Loading…</p>;

  const may = (key: string) => mayChange(policy, key);
  const apply = async (change: (s: UserSettings) => UserSettings, said: string) => {
    await api.save(change);
    await reload();
    setStatus(said);
  };

  return (
    <div>
      <fieldset>
        <legend>Disclaimer</legend>
        <label for="disclaimer-text">Disclaimer added by “Fix all” to opinion posts</label>
        <textarea id="disclaimer-text" rows={2} style={{ width: '100%', boxSizing: 'border-box' }} value={may('disclaimer.text') ? disclaimer : policy.disclaimerText}
          disabled={!may('disclaimer.text')} aria-describedby={may('disclaimer.text') ? undefined : 'disclaimer-locked'}
          onInput={(e) => setDisclaimer((e.currentTarget as HTMLTextAreaElement).value)} />
        {may('disclaimer.text')
          ? <button type="button" onClick={() => void apply((s) => ({ ...s, disclaimerText: disclaimer.slice(0, 500) }), 'Disclaimer saved.')}>Save disclaimer</button>
          : <p id="disclaimer-locked">{LOCKED}.</p>}
      </fieldset>

      <fieldset>
        <legend>Never flag (your allow list)</legend>
        {may('dictionaries.allow') ? (
          <>
            <form onSubmit={(e) => { e.preventDefault(); const v = allowInput.trim(); if (v.length >= 2) void apply((s) => ({ ...s, allow: [...s.allow.filter((a) => a.toLowerCase() !== v.toLowerCase()), v] }), `Added “${v}”.`).then(() => setAllowInput('')); }}>
              <label for="allow-input">Word or name that is never patient information (a colleague, a product)</label>{' '}
              <input id="allow-input" type="text" value={allowInput} onInput={(e) => setAllowInput((e.currentTarget as HTMLInputElement).value)} />{' '}
              <button type="submit" disabled={allowInput.trim().length < 2}>Add</button>
            </form>
            {policy.user.allow.length === 0 ? <p>Nothing added yet.</p> : (
              <ul aria-label="Your allow list">
                {policy.user.allow.map((a) => (
                  <li key={a}>{a}{' '}<button type="button" aria-label={`Remove ${a} from the allow list`}
                    onClick={() => void apply((s) => ({ ...s, allow: s.allow.filter((x) => x !== a) }), `Removed “${a}”.`)}>Remove</button></li>
                ))}
              </ul>
            )}
          </>
        ) : <p>{LOCKED}: the allow list cannot be changed here.</p>}
      </fieldset>

      <fieldset>
        <legend>History</legend>
        <label for="retention">Keep flagged drafts for</label>{' '}
        <select id="retention" disabled={!may('retentionDays')} value={String(policy.retentionDays)}
          aria-describedby="retention-limit"
          onChange={(e) => { const days = Number((e.currentTarget as HTMLSelectElement).value); void apply((s) => ({ ...s, retentionDays: days }), 'Retention saved.').then(() => api.history.expire()); }}>
          {[0, 1, 7, 30, 90, 365].filter((d) => d <= policy.limitDays || d === policy.retentionDays).map((d) => (
            <option key={d} value={String(d)}>{d === 0 ? 'Do not keep' : d === 1 ? '24 hours' : `${d} days`}</option>
          ))}
        </select>
        <p id="retention-limit">{may('retentionDays')
          ? `Your rule set allows up to ${policy.limitDays === 1 ? '24 hours' : `${policy.limitDays} days`}. The original of a draft is encrypted on this device and deleted with it.`
          : `${LOCKED}.`}</p>
        <label>
          <input type="checkbox" checked={recording}
            onChange={(e) => { const on = (e.currentTarget as HTMLInputElement).checked; void api.setRecordPosts(on).then(() => { setRecording(on); setStatus(on ? 'Clearpost now keeps a record of what you post (patient details replaced by their type).' : 'The record of posts is off.'); }); }} />
          {' '}Keep a record of what I post through Clearpost (for my own files; off by default)
        </label>
        <p>
          {confirm ? (
            <>
              <button type="button" class="danger" onClick={() => void api.history.deleteAll().then((ok) => { api.changed(); setConfirm(false); setStatus(ok ? 'Everything Clearpost kept was deleted.' : 'Deleting failed. Try again.'); })}>Yes, delete everything</button>{' '}
              <button type="button" onClick={() => setConfirm(false)}>Keep</button>
            </>
          ) : <button type="button" onClick={() => setConfirm(true)}>Delete all history</button>}
        </p>
      </fieldset>
      <p role="status">{status}</p>
    </div>
  );
}
