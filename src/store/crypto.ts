/**
 * Encryption at rest for the original drafts: AES-GCM (256-bit), a fresh 96-bit IV per record,
 * under one non-extractable CryptoKey that lives in the extension's IndexedDB (a CryptoKey is
 * structured-cloneable; non-extractable means no script can read its bytes, only use it).
 */
export interface Sealed {
  readonly iv: Uint8Array;
  readonly data: ArrayBuffer;
}

export function newKey(subtle: SubtleCrypto): Promise<CryptoKey> {
  return subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']) as Promise<CryptoKey>;
}

export async function seal(subtle: SubtleCrypto, key: CryptoKey, plain: string, random: (a: Uint8Array) => Uint8Array): Promise<Sealed> {
  const iv = random(new Uint8Array(12));
  const data = await subtle.encrypt({ name: 'AES-GCM', iv: iv as BufferSource }, key, new TextEncoder().encode(plain));
  return { iv, data };
}

/** Throws on a wrong key or a tampered record (GCM authenticates). */
export async function open(subtle: SubtleCrypto, key: CryptoKey, sealed: Sealed): Promise<string> {
  const plain = await subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv as BufferSource }, key, sealed.data);
  return new TextDecoder().decode(plain);
}
