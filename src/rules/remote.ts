import { MAX_PACK_BYTES } from './validate';
import { verifySignature } from './signing';

/**
 * Fetches a signed pack from the URL in policy: https only, no credentials, no referrer, no
 * cache, nothing of the user's; the body and `<url>.sig` capped in size; the signature verified
 * against the policy's Ed25519 key before the text is used. This is the only network request
 * the extension makes. Returns the pack text, or why not (the caller keeps the last good pack).
 */

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export type RemoteResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly error: string };

export async function fetchSignedPack(url: string, publicKey: string | undefined, fetchFn: FetchLike, timeoutMs = 15_000): Promise<RemoteResult> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, error: 'the policy rulePackUrl is not a URL' };
  }
  if (parsed.protocol !== 'https:') return { ok: false, error: 'the policy rulePackUrl must use https' };
  if (!publicKey) return { ok: false, error: 'the policy sets rulePackUrl without rulePackPublicKey: an unsigned pack is never applied' };
  const get = async (u: string, cap: number): Promise<Uint8Array> => {
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), timeoutMs);
    try {
      const res = await fetchFn(u, { method: 'GET', credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer', redirect: 'error', signal: ctl.signal });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const body = new Uint8Array(await res.arrayBuffer());
      if (body.length > cap) throw new Error(`larger than ${Math.round(cap / 1024)} kB`);
      return body;
    } finally {
      clearTimeout(timer);
    }
  };
  let body: Uint8Array, sig: Uint8Array;
  try {
    body = await get(parsed.href, MAX_PACK_BYTES);
  } catch (err) {
    return { ok: false, error: `the pack could not be fetched (${describe(err)})` };
  }
  try {
    sig = await get(`${parsed.href}.sig`, 1024);
  } catch (err) {
    return { ok: false, error: `the pack's signature (${parsed.pathname}.sig) could not be fetched (${describe(err)})` };
  }
  const problem = await verifySignature(body, new TextDecoder().decode(sig).trim(), publicKey);
  if (problem) return { ok: false, error: `the pack was not applied: ${problem}` };
  return { ok: true, text: new TextDecoder().decode(body) };
}

function describe(err: unknown): string {
  if (err instanceof Error) return err.name === 'AbortError' ? 'timed out' : err.message;
  return String(err);
}
