import { useEffect, useState } from 'preact/hooks';
import type { PolicyClient, StoredPolicyState } from '../rules/policy-client';

/**
 * Options section: the rule packs in force (bundled, institution, user), whether the
 * institution's pack was applied and why not, and the settings it manages (locked: the user
 * cannot change them). Read from the state the background stores (src/rules/policy-service.ts).
 */

const LOCK_LABELS: Record<string, string> = {
  '*': 'All settings',
  threshold: 'Sensitivity',
  detectors: 'Which checks run and how severe they are',
  patterns: 'Your institution\'s identifier patterns',
  dictionaries: 'Word lists',
  'dictionaries.allow': 'Words that are never flagged',
  'dictionaries.deny': 'Words that are always flagged',
  disclaimer: 'Disclaimer',
  'disclaimer.required': 'When a disclaimer is required',
  'disclaimer.text': 'Disclaimer text',
  enforcement: 'Posting despite a warning',
  'enforcement.block': 'Posting despite a blocking finding',
  'enforcement.warn': 'Posting despite a warning',
  retentionDays: 'How long flagged drafts are kept',
};

export function lockLabel(key: string): string {
  return LOCK_LABELS[key] ?? (key.startsWith('detectors.') ? `The ${key.slice(10)} check` : key);
}

export function RulePackSection({ client }: { client: PolicyClient }) {
  const [state, setState] = useState<StoredPolicyState>(client.state());
  useEffect(() => {
    let live = true;
    void client.ready.then(() => live && setState(client.state()));
    // The client follows storage changes; re-read it now and then while the page is open.
    const timer = setInterval(() => live && setState(client.state()), 2000);
    return () => { live = false; clearInterval(timer); };
  }, [client]);
  const { policy, institution, notes } = state;
  return (
    <div>
      <ul aria-label="Rule packs in force">
        {policy.packs.map((p) => (
          <li key={`${p.source}:${p.id}`}>{p.source === 'bundled' ? 'Clearpost defaults' : p.source === 'institution' ? 'Your institution' : 'Your settings'}: {p.id} {p.version}</li>
        ))}
      </ul>
      {institution.status === 'not-applied' && (
        <p role="alert" data-status="not-applied">Your institution's rule pack was not applied: {institution.message}. Clearpost's default rules are in force.</p>
      )}
      {institution.status === 'last-good' && (
        <p role="alert" data-status="last-good">Your institution's latest rule pack was not applied: {institution.message}. The last good pack ({institution.id} {institution.version}) stays in force.</p>
      )}
      {policy.locked.length > 0 && (
        <div>
          <p>Managed by your institution (you cannot change these):</p>
          <ul aria-label="Managed settings">
            {policy.locked.map((k) => <li key={k} data-managed={k}>{lockLabel(k)}</li>)}
          </ul>
        </div>
      )}
      {notes.length > 0 && (
        <ul aria-label="Policy notes">
          {notes.map((n) => <li key={n}>{n}</li>)}
        </ul>
      )}
    </div>
  );
}
