/**
 * The extension's IndexedDB: history records, encrypted originals, the posted log and the
 * history key. One database, so "delete all" is one transaction over every store.
 */
export const DB_NAME = 'clearpost';
const DB_VERSION = 1;
export const STORES = ['records', 'originals', 'posted', 'keys'] as const;
export type StoreName = (typeof STORES)[number];

export function openDb(idb: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = idb.open(DB_NAME, DB_VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      for (const name of STORES) if (!db.objectStoreNames.contains(name)) db.createObjectStore(name, name === 'keys' ? undefined : { keyPath: 'id' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
    req.onblocked = () => reject(new Error('database blocked'));
  });
}

const done = (tx: IDBTransaction) => new Promise<void>((resolve, reject) => {
  tx.oncomplete = () => resolve();
  tx.onerror = () => reject(tx.error);
  tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
});

const result = <T>(req: IDBRequest<T>) => new Promise<T>((resolve, reject) => {
  req.onsuccess = () => resolve(req.result);
  req.onerror = () => reject(req.error);
});

export async function getAll<T>(db: IDBDatabase, store: StoreName): Promise<T[]> {
  return result(db.transaction(store).objectStore(store).getAll()) as Promise<T[]>;
}

export async function get<T>(db: IDBDatabase, store: StoreName, key: IDBValidKey): Promise<T | undefined> {
  return result(db.transaction(store).objectStore(store).get(key)) as Promise<T | undefined>;
}

/** Writes (value) or deletes (undefined) entries, across stores, in one transaction. */
export async function write(db: IDBDatabase, ops: readonly { store: StoreName; value?: unknown; key?: IDBValidKey; del?: IDBValidKey }[]): Promise<void> {
  const tx = db.transaction([...new Set(ops.map((o) => o.store))], 'readwrite');
  for (const o of ops) {
    const s = tx.objectStore(o.store);
    if (o.del !== undefined) s.delete(o.del);
    else s.put(o.value, o.key);
  }
  return done(tx);
}

/** Empties the given stores in one transaction. */
export async function clear(db: IDBDatabase, stores: readonly StoreName[]): Promise<void> {
  const tx = db.transaction([...stores], 'readwrite');
  for (const s of stores) tx.objectStore(s).clear();
  return done(tx);
}
