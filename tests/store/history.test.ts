import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createHistory, redactReason, type FlagInput, type History } from '../../src/store/history';
import type { StoreError } from '../../src/store/types';

const HOUR = 3_600_000;
let idb: IDBFactory;
let clock: number;
let errors: StoreError[];
let retention: number;

const make = (over: Partial<Parameters<typeof createHistory>[0]> = {}): History =>
  createHistory({ idb, subtle: globalThis.crypto.subtle, now: () => clock, retentionMs: () => retention, onError: (e) => errors.push(e), ...over });

const DRAFT = 'Saw Jane Roe (DOB 3/4/1950) today, MRN 12345678.';
const span = (s: string) => [DRAFT.indexOf(s), DRAFT.indexOf(s) + s.length] as const;
const flagInput = (over: Partial<FlagInput> = {}): FlagInput => ({
  site: 'x',
  text: DRAFT,
  findings: [
    { category: 'phi', type: 'NAME', severity: 'block', ruleId: 'name/person', message: 'A patient name.', start: span('Jane Roe')[0], end: span('Jane Roe')[1] },
    { category: 'phi', type: 'DATE', severity: 'block', ruleId: 'date/dob', message: 'A date of birth.', start: span('3/4/1950')[0], end: span('3/4/1950')[1] },
    { category: 'phi', type: 'MRN', severity: 'block', ruleId: 'mrn/labelled', message: 'A record number.', start: span('12345678')[0], end: span('12345678')[1] },
  ],
  ...over,
});

/** Every value in the database, serialised, to prove what is (not) stored in clear. */
async function dump(): Promise<string> {
  const names = ['records', 'originals', 'posted', 'keys'];
  const db = await new Promise<IDBDatabase>((res, rej) => { const r = idb.open('clearpost'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
  const out: unknown[] = [];
  for (const n of names) {
    if (!db.objectStoreNames.contains(n)) continue;
    const all = await new Promise<unknown[]>((res) => { const r = db.transaction(n).objectStore(n).getAll(); r.onsuccess = () => res(r.result); });
    out.push(...all.map((v) => (v && typeof v === 'object' && 'data' in v ? { ...v, data: new TextDecoder().decode((v as { data: ArrayBuffer }).data) } : v)));
  }
  db.close();
  return JSON.stringify(out);
}

beforeEach(() => {
  idb = new IDBFactory();
  clock = 1_700_000_000_000;
  errors = [];
  retention = 24 * HOUR;
});

describe('history: records', () => {
  it('keeps the redacted draft, the findings and a pending decision; no PHI in clear anywhere', async () => {
    const h = make();
    const r = await h.flag(flagInput());
    expect(r?.redacted).toBe('Saw [NAME] (DOB [DATE]) today, MRN [MRN].');
    expect(r?.findings.map((f) => [f.type, f.severity, f.ruleId])).toEqual([['NAME', 'block', 'name/person'], ['DATE', 'block', 'date/dob'], ['MRN', 'block', 'mrn/labelled']]);
    expect(r?.decision.kind).toBe('pending');
    const stored = await dump();
    for (const phi of ['Jane', 'Roe', '1950', '12345678']) expect(stored).not.toContain(phi);
    expect(errors).toEqual([]);
  });

  it('restores the original (decrypted) and a finding\'s text, from a fresh instance too', async () => {
    const r = await make().flag(flagInput());
    const h2 = make();
    expect(await h2.restore(r!.id)).toBe(DRAFT);
    expect(await h2.findingText(r!.id, 0)).toBe('Jane Roe');
  });

  it('the key is a non-extractable AES-GCM CryptoKey stored in IndexedDB', async () => {
    await make().flag(flagInput());
    const db = await new Promise<IDBDatabase>((res) => { const q = idb.open('clearpost'); q.onsuccess = () => res(q.result); });
    const key = await new Promise<CryptoKey>((res) => { const q = db.transaction('keys').objectStore('keys').get('history'); q.onsuccess = () => res(q.result); });
    db.close();
    expect(key.extractable).toBe(false);
    expect(key.algorithm.name).toBe('AES-GCM');
    await expect(globalThis.crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });

  it('lists newest first and records decisions; the unresolved count follows dismiss and fix', async () => {
    const h = make();
    const a = await h.flag(flagInput({ time: clock - 2000 }));
    const b = await h.flag(flagInput({ time: clock - 1000, site: 'linkedin' }));
    expect((await h.list()).map((r) => r.id)).toEqual([b!.id, a!.id]);
    expect(await h.unresolved()).toBe(2);
    await h.decide(a!.id, { kind: 'fixed' });
    expect(await h.unresolved()).toBe(1);
    await h.decide(b!.id, { kind: 'posted-anyway', reason: 'teaching case, call 555 0100' });
    const got = await h.get(b!.id);
    expect(got?.decision).toEqual({ kind: 'posted-anyway', reason: 'teaching case, call [NUMBER]' });
    await h.dismiss(b!.id);
    expect(await h.unresolved()).toBe(0);
  });
});

describe('history: retention', () => {
  it('records and originals expire after the retention', async () => {
    const h = make();
    const r = await h.flag(flagInput());
    clock += 24 * HOUR - 1;
    expect(await h.restore(r!.id)).toBe(DRAFT);
    clock += 2;
    expect(await h.restore(r!.id)).toBeUndefined();
    expect(await h.expire()).toBe(1);
    expect(await h.list()).toEqual([]);
    expect(await dump()).not.toContain('"expires"');
  });

  it('retention 0 keeps nothing', async () => {
    retention = 0;
    const h = make();
    expect(await h.flag(flagInput())).toBeUndefined();
    expect(await h.list()).toEqual([]);
  });

  it('delete all wipes records, originals, the posted log and the key', async () => {
    const h = make();
    const r = await h.flag(flagInput());
    await h.logPosted({ site: 'x', text: DRAFT, findings: flagInput().findings, decision: 'posted-anyway' });
    expect(await h.deleteAll()).toBe(true);
    expect(await dump()).toBe('[]');
    expect(await h.restore(r!.id)).toBeUndefined();
    // still usable afterwards, with a new key
    const again = await h.flag(flagInput());
    expect(await h.restore(again!.id)).toBe(DRAFT);
  });
});

describe('history: posted log', () => {
  it('keeps the text as sent with PHI replaced, and one entry for a click followed by a submit', async () => {
    const h = make();
    await h.logPosted({ site: 'x', text: DRAFT, findings: flagInput().findings, decision: 'posted-anyway' });
    clock += 500;
    await h.logPosted({ site: 'x', text: DRAFT, findings: flagInput().findings, decision: 'posted-anyway' });
    const list = await h.posted();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ site: 'x', text: 'Saw [NAME] (DOB [DATE]) today, MRN [MRN].', decision: 'posted-anyway' });
  });
});

describe('history: storage errors never throw', () => {
  it('a corrupted record is reported, dropped, and the rest still lists', async () => {
    const h = make();
    const good = await h.flag(flagInput());
    const db = await new Promise<IDBDatabase>((res) => { const q = idb.open('clearpost'); q.onsuccess = () => res(q.result); });
    await new Promise<void>((res) => { const tx = db.transaction('records', 'readwrite'); tx.objectStore('records').put({ id: 'bad', site: 3 }); tx.oncomplete = () => res(); });
    db.close();
    expect((await h.list()).map((r) => r.id)).toEqual([good!.id]);
    expect(errors.map((e) => e.kind)).toContain('corrupt');
  });

  it('a tampered original is reported as a crypto error; restore answers undefined', async () => {
    const h = make();
    const r = await h.flag(flagInput());
    const db = await new Promise<IDBDatabase>((res) => { const q = idb.open('clearpost'); q.onsuccess = () => res(q.result); });
    const entry = await new Promise<{ data: ArrayBuffer }>((res) => { const q = db.transaction('originals').objectStore('originals').get(r!.id); q.onsuccess = () => res(q.result); });
    new Uint8Array(entry.data)[0] ^= 0xff;
    await new Promise<void>((res) => { const tx = db.transaction('originals', 'readwrite'); tx.objectStore('originals').put(entry); tx.oncomplete = () => res(); });
    db.close();
    expect(await h.restore(r!.id)).toBeUndefined();
    expect(errors.map((e) => e.kind)).toEqual(['crypto']);
  });

  it('a full disk (quota) is reported and flag resolves undefined', async () => {
    const h = make({ idb: { open: () => { throw Object.assign(new Error('full'), { name: 'QuotaExceededError' }); } } as unknown as IDBFactory });
    await expect(h.flag(flagInput())).resolves.toBeUndefined();
    await expect(h.unresolved()).resolves.toBe(0);
    expect(errors).toContainEqual({ op: 'flag', kind: 'quota', message: 'QuotaExceededError' });
    expect(JSON.stringify(errors)).not.toContain('Jane');
  });

  it('reasons: digits and addresses are masked', () => {
    expect(redactReason('spoke with a@b.org re 12/3')).toBe('spoke with [EMAIL] re [NUMBER]');
  });
});
