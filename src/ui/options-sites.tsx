import { useEffect, useState } from 'preact/hooks';
import { addSite, listSites, removeSite, type SitesApi } from '../guard/register-sites';

/**
 * Options section: the Mastodon instances Clearpost guards. "Add" asks the browser for that
 * instance's permission straight from the click (the browser only shows the prompt for a user
 * action), then registers the guard there; "Remove" takes both back.
 */
export function SitesSection({ api }: { api: SitesApi }) {
  const [sites, setSites] = useState<string[]>([]);
  const [input, setInput] = useState('');
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const reload = () => listSites(api).then(setSites, () => setSites([]));
  useEffect(() => { void reload(); }, []);

  const add = (e: Event) => {
    e.preventDefault();
    setBusy(true);
    // addSite calls permissions.request first, synchronously inside this click's task.
    void addSite(api, input).then(async (r) => {
      setStatus(r.ok ? `Clearpost now checks your posts on ${r.origin}. Reload its open tabs.` : r.reason);
      if (r.ok) setInput('');
      await reload();
      setBusy(false);
    });
  };
  const remove = (origin: string) => {
    setBusy(true);
    void removeSite(api, origin).then(async () => {
      setStatus(`Removed ${origin}.`);
      await reload();
      setBusy(false);
    });
  };

  return (
    <div>
      <p>Mastodon runs on many servers. Add yours and Clearpost checks your posts there too.</p>
      <form onSubmit={add} style={{ display: 'flex', gap: '.5rem' }}>
        <label for="instance">Instance address</label>
        <input id="instance" type="text" inputMode="url" placeholder="mastodon.social" value={input} disabled={busy}
          onInput={(e) => setInput((e.currentTarget as HTMLInputElement).value)} />
        <button type="submit" disabled={busy || !input.trim()}>Add</button>
      </form>
      {status && <p role="status">{status}</p>}
      {sites.length === 0 ? (
        <p>No instances added.</p>
      ) : (
        <ul aria-label="Added instances">
          {sites.map((o) => (
            <li key={o}>
              {o}{' '}
              <button type="button" disabled={busy} aria-label={`Remove ${o}`} onClick={() => remove(o)}>Remove</button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
