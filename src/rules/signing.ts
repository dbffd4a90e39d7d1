/**
 * Ed25519 signatures for packs published at a URL, with WebCrypto only (the background and the
 * CLI share this file). The signature signs the exact bytes of the pack file; it is published
 * beside it as `<pack URL>.sig` (base64 of the 64-byte signature). The public key in policy is
 * base64 of the 32-byte raw key.
 */

const subtle = (): SubtleCrypto => {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Error('WebCrypto is not available');
  return s;
};

export function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

export function fromBase64(text: string): Uint8Array | null {
  const clean = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) return null;
  const bin = atob(clean);
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

/** Returns null when `signature` (base64) is a valid Ed25519 signature of `data` by `publicKey` (base64, 32 bytes), else why not. */
export async function verifySignature(data: Uint8Array, signature: string, publicKey: string): Promise<string | null> {
  const key = fromBase64(publicKey);
  if (!key || key.length !== 32) return 'the public key is not base64 of a 32-byte Ed25519 key';
  const sig = fromBase64(signature);
  if (!sig || sig.length !== 64) return 'the signature is not base64 of a 64-byte Ed25519 signature';
  let cryptoKey: CryptoKey;
  try {
    cryptoKey = await subtle().importKey('raw', key as BufferSource, { name: 'Ed25519' }, false, ['verify']);
  } catch (err) {
    return `this browser cannot verify Ed25519 signatures (${err instanceof Error ? err.message : String(err)})`;
  }
  const ok = await subtle().verify({ name: 'Ed25519' }, cryptoKey, sig as BufferSource, data as BufferSource);
  return ok ? null : 'the signature does not match the pack and public key';
}

/** A new key pair: the private key as PKCS#8 PEM (keep it secret), the public key as base64 for policy. */
export async function generateKeyPair(): Promise<{ privatePem: string; publicKey: string }> {
  const pair = (await subtle().generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const pkcs8 = new Uint8Array(await subtle().exportKey('pkcs8', pair.privateKey));
  const raw = new Uint8Array(await subtle().exportKey('raw', pair.publicKey));
  const b64 = toBase64(pkcs8).replace(/.{1,64}/g, '$&\n');
  return { privatePem: `-----BEGIN PRIVATE KEY-----\n${b64}-----END PRIVATE KEY-----\n`, publicKey: toBase64(raw) };
}

/** Signs `data` with a PKCS#8 PEM private key; returns the base64 signature and the matching public key. */
export async function sign(data: Uint8Array, privatePem: string): Promise<{ signature: string; publicKey: string }> {
  const m = /-----BEGIN PRIVATE KEY-----([\s\S]+?)-----END PRIVATE KEY-----/.exec(privatePem);
  const der = m ? fromBase64(m[1]) : null;
  if (!der) throw new Error('the key file is not a PKCS#8 PEM private key (clearpost rules keygen writes one)');
  const key = await subtle().importKey('pkcs8', der as BufferSource, { name: 'Ed25519' }, true, ['sign']);
  const signature = new Uint8Array(await subtle().sign({ name: 'Ed25519' }, key, data as BufferSource));
  // The public key is the last 32 bytes of the JWK's x; export it through JWK to stay in WebCrypto.
  const jwk = await subtle().exportKey('jwk', key);
  const x = (jwk.x ?? '').replace(/-/g, '+').replace(/_/g, '/');
  return { signature: toBase64(signature), publicKey: x + '='.repeat((4 - (x.length % 4)) % 4) };
}
