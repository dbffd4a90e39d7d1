import type { Finding } from '../engine/types';
import { newKey, open, seal, type Sealed } from './crypto';
import { clear, get, getAll, openDb, STORES, write } from './idb';
import { redact } from './redact';
import { isUnresolved, type Decision, type DecisionKind, type HistoryRecord, type PostedRecord, type StoreError } from './types';

/**
 * The private history of flagged drafts (issue 8). Records carry the redacted draft only; the
 * original is sealed (src/store/crypto.ts) and kept for restore until the record expires.
 * Every method reports storage problems through `onError` and resolves to a safe default: a
 * full disk or a corrupted entry never reaches the guard.
 */
export interface HistoryDeps {
  readonly idb: IDBFactory;
  readonly subtle: SubtleCrypto;
  readonly random?: (bytes: Uint8Array) => Uint8Array;
  readonly now?: () => number;
  /** How long records and originals live (the rule set's retention; 0 keeps nothing). */
  readonly retentionMs: () => number | Promise<number>;
  readonly onError?: (e: StoreError) => void;
}

type FindingInput = Pick<Finding, 'category' | 'type' | 'severity' | 'ruleId' | 'message' | 'start' | 'end' | 'parts'>;

export interface FlagInput {
  readonly id?: string;
  readonly site: string;
  /** The draft as the guard read it (only its sealed copy is stored). */
  readonly text: string;
  readonly findings: readonly FindingInput[];
  readonly time?: number;
}

export interface PostedInput {
  readonly site: string;
  readonly text: string;
  readonly findings: readonly FindingInput[];
  readonly decision: PostedRecord['decision'];
  readonly reason?: string;
  readonly time?: number;
}

export interface History {
  /** Keeps a record of a warning (decision `pending`); undefined when nothing was kept. */
  flag(input: FlagInput): Promise<HistoryRecord | undefined>;
  decide(id: string, decision: Decision): Promise<HistoryRecord | undefined>;
  /** Live records, newest first (expired ones are deleted on the way). */
  list(): Promise<HistoryRecord[]>;
  get(id: string): Promise<HistoryRecord | undefined>;
  /** The original draft, for the clipboard; undefined once expired or unreadable. */
  restore(id: string): Promise<string | undefined>;
  /** The original text of one finding (for "not PHI"); never stored in clear. */
  findingText(id: string, index: number): Promise<string | undefined>;
  dismiss(id: string): Promise<void>;
  unresolved(): Promise<number>;
  /** Deletes expired records and originals; returns how many records went. */
  expire(): Promise<number>;
  /** Wipes records, originals, the posted log and the key. */
  deleteAll(): Promise<boolean>;
  logPosted(input: PostedInput): Promise<PostedRecord | undefined>;
  posted(): Promise<PostedRecord[]>;
}

interface OriginalEntry extends Sealed {
  readonly id: string;
  readonly expires: number;
}

/** The sealed payload: the draft and each finding's span in it. */
interface Original {
  readonly text: string;
  readonly spans: readonly (readonly [number, number])[];
}

const KEY_ID = 'history';
const DECISIONS: readonly DecisionKind[] = ['pending', 'fixed', 'edited', 'posted-anyway', 'cancelled'];
/** Same text posted twice on one site within this window is one post (click then form submit). */
const SAME_POST_MS = 3000;

function kindOf(e: unknown): StoreError['kind'] {
  const name = (e as { name?: string } | null)?.name ?? '';
  if (name === 'QuotaExceededError') return 'quota';
  if (name === 'DataError' || name === 'DataCloneError' || name === 'SyntaxError') return 'corrupt';
  if (name === 'OperationError' || name === 'InvalidAccessError') return 'crypto';
  if (name === 'InvalidStateError' || name === 'UnknownError' || name === 'NotFoundError') return 'unavailable';
  return 'other';
}

const isFinding = (f: unknown): boolean => {
  const x = f as Record<string, unknown> | null;
  return !!x && typeof x.type === 'string' && typeof x.category === 'string' && typeof x.severity === 'string'
    && typeof x.ruleId === 'string' && typeof x.start === 'number' && typeof x.end === 'number';
};

function isRecord(r: unknown): r is HistoryRecord {
  const x = r as Record<string, unknown> | null;
  return !!x && typeof x.id === 'string' && typeof x.site === 'string' && typeof x.time === 'number' && typeof x.expires === 'number'
    && typeof x.redacted === 'string' && Array.isArray(x.findings) && x.findings.every(isFinding)
    && !!x.decision && DECISIONS.includes((x.decision as Decision).kind);
}

function isPosted(r: unknown): r is PostedRecord {
  const x = r as Record<string, unknown> | null;
  return !!x && typeof x.id === 'string' && typeof x.site === 'string' && typeof x.time === 'number' && typeof x.text === 'string'
    && Array.isArray(x.findings) && x.findings.every(isFinding) && typeof x.decision === 'string';
}

export function createHistory(deps: HistoryDeps): History {
  const now = deps.now ?? Date.now;
  const random = deps.random ?? ((b: Uint8Array) => globalThis.crypto.getRandomValues(b));
  const newId = () => [...random(new Uint8Array(12))].map((b) => b.toString(16).padStart(2, '0')).join('');
  let dbp: Promise<IDBDatabase> | undefined;
  let keyp: Promise<CryptoKey> | undefined;

  const report = (op: string, e: unknown) => deps.onError?.({ op, kind: kindOf(e), message: (e as Error)?.name || 'error' });

  const db = () => {
    dbp ??= openDb(deps.idb).then((d) => {
      // Another page (the popup, the options page) deleted or upgraded the database: reopen next time.
      d.onversionchange = () => { d.close(); dbp = undefined; keyp = undefined; };
      return d;
    });
    return dbp.catch((e) => { dbp = undefined; throw e; });
  };

  async function key(): Promise<CryptoKey> {
    keyp ??= (async () => {
      const d = await db();
      const stored = await get<CryptoKey>(d, 'keys', KEY_ID);
      if (stored) return stored;
      const k = await newKey(deps.subtle);
      await write(d, [{ store: 'keys', key: KEY_ID, value: k }]);
      return k;
    })();
    return keyp.catch((e) => { keyp = undefined; throw e; });
  }

  /** Runs `fn`, reporting a failure and answering `fallback` instead. */
  async function safe<T>(op: string, fallback: T, fn: () => Promise<T>): Promise<T> {
    try { return await fn(); } catch (e) { report(op, e); return fallback; }
  }

  async function liveRecords(d: IDBDatabase): Promise<HistoryRecord[]> {
    const all = await getAll<unknown>(d, 'records');
    const t = now();
    const keep: HistoryRecord[] = [];
    const drop: string[] = [];
    for (const r of all) {
      if (!isRecord(r)) {
        report('read', { name: 'DataError' });
        const id = (r as { id?: unknown } | null)?.id;
        if (typeof id === 'string') drop.push(id);
      } else if (r.expires <= t) drop.push(r.id);
      else keep.push(r);
    }
    if (drop.length) await write(d, drop.flatMap((id) => [{ store: 'records' as const, del: id }, { store: 'originals' as const, del: id }]));
    return keep.sort((a, b) => b.time - a.time);
  }

  async function original(id: string): Promise<Original | undefined> {
    const d = await db();
    const entry = await get<OriginalEntry>(d, 'originals', id);
    if (!entry || entry.expires <= now()) return undefined;
    const parsed = JSON.parse(await open(deps.subtle, await key(), entry)) as Original;
    if (typeof parsed?.text !== 'string' || !Array.isArray(parsed.spans)) throw Object.assign(new Error('bad original'), { name: 'DataError' });
    return parsed;
  }

  const history: History = {
    flag: (input) => safe('flag', undefined, async () => {
      const retention = await deps.retentionMs();
      if (!(retention > 0)) return undefined;
      const time = input.time ?? now();
      const { text, findings } = redact(input.text, input.findings);
      const record: HistoryRecord = {
        id: input.id ?? newId(), site: input.site, time, findings, redacted: text,
        decision: { kind: 'pending' }, dismissed: false, restorable: true, expires: time + retention,
      };
      const payload: Original = { text: input.text, spans: input.findings.map((f) => [f.start, f.end] as const) };
      let sealed: Sealed | undefined;
      try { sealed = await seal(deps.subtle, await key(), JSON.stringify(payload), random); } catch (e) { report('seal', e); }
      const d = await db();
      // The redacted record is worth keeping even when the original cannot be sealed.
      await write(d, [
        { store: 'records', value: sealed ? record : { ...record, restorable: false } },
        ...(sealed ? [{ store: 'originals' as const, value: { id: record.id, iv: sealed.iv, data: sealed.data, expires: record.expires } satisfies OriginalEntry }] : []),
      ]);
      return sealed ? record : { ...record, restorable: false };
    }),

    decide: (id, decision) => safe('decide', undefined, async () => {
      const d = await db();
      const r = await get<unknown>(d, 'records', id);
      if (!isRecord(r)) return undefined;
      const reason = decision.reason !== undefined ? redactReason(decision.reason) : undefined;
      const next: HistoryRecord = { ...r, decision: { kind: decision.kind, ...(reason ? { reason } : {}) }, decidedAt: now() };
      await write(d, [{ store: 'records', value: next }]);
      return next;
    }),

    list: () => safe('list', [], async () => liveRecords(await db())),

    get: (id) => safe('get', undefined, async () => {
      const r = await get<unknown>(await db(), 'records', id);
      return isRecord(r) && r.expires > now() ? r : undefined;
    }),

    restore: (id) => safe('restore', undefined, async () => (await original(id))?.text),

    findingText: (id, index) => safe('finding', undefined, async () => {
      const o = await original(id);
      const span = o?.spans[index];
      return o && span ? o.text.slice(span[0], span[1]) : undefined;
    }),

    dismiss: (id) => safe('dismiss', undefined, async () => {
      const d = await db();
      const r = await get<unknown>(d, 'records', id);
      if (isRecord(r)) await write(d, [{ store: 'records', value: { ...r, dismissed: true } }]);
    }),

    unresolved: () => safe('count', 0, async () => (await liveRecords(await db())).filter(isUnresolved).length),

    expire: () => safe('expire', 0, async () => {
      const d = await db();
      const before = (await getAll<unknown>(d, 'records')).length;
      const live = await liveRecords(d);
      // Originals whose record is gone (or that outlived it) go too.
      const ids = new Set(live.map((r) => r.id));
      const stale = (await getAll<OriginalEntry>(d, 'originals')).filter((o) => !ids.has(o.id) || o.expires <= now());
      if (stale.length) await write(d, stale.map((o) => ({ store: 'originals' as const, del: o.id })));
      return before - live.length;
    }),

    deleteAll: () => safe('delete-all', false, async () => {
      await clear(await db(), STORES);
      keyp = undefined;
      return true;
    }),

    logPosted: (input) => safe('posted', undefined, async () => {
      const time = input.time ?? now();
      const d = await db();
      const { text, findings } = redact(input.text, input.findings);
      const recent = (await getAll<unknown>(d, 'posted')).filter(isPosted);
      if (recent.some((p) => p.site === input.site && p.text === text && Math.abs(time - p.time) < SAME_POST_MS)) return undefined;
      const reason = input.reason !== undefined ? redactReason(input.reason) : undefined;
      const record: PostedRecord = { id: newId(), site: input.site, time, text, findings, decision: input.decision, ...(reason ? { reason } : {}) };
      await write(d, [{ store: 'posted', value: record }]);
      return record;
    }),

    posted: () => safe('posted-list', [], async () => {
      const all = await getAll<unknown>(await db(), 'posted');
      const ok = all.filter(isPosted);
      if (ok.length < all.length) report('read', { name: 'DataError' });
      return ok.sort((a, b) => b.time - a.time);
    }),
  };
  return history;
}

/**
 * The user's reason for posting anyway is free text: digits and e-mail-like strings in it are
 * masked (a reason is a sentence about the post, not a place for identifiers).
 */
export function redactReason(reason: string): string {
  return reason.slice(0, 500).replace(/\S+@\S+/g, '[EMAIL]').replace(/\d[\d\s./-]*\d|\d/g, '[NUMBER]').trim();
}
