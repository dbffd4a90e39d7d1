import type { History } from './history';
import { isChangedMessage, isReportMessage, type ReportMessage } from './messages';
import type { StoreError } from './types';

/**
 * The background side of the history: writes each guard report to the store and keeps the badge
 * on the count of unresolved flags. Never throws; storage problems go to `onError`.
 */
export interface HistoryServiceDeps {
  readonly history: History;
  /** "Keep a record of what I post" (off by default). */
  readonly recordPosts: () => Promise<boolean>;
  readonly badge: (count: number) => void | Promise<void>;
  readonly onError?: (e: StoreError) => void;
}

export interface HistoryService {
  handle(message: ReportMessage['report']): Promise<void>;
  /** Deletes expired records and redraws the badge. */
  refresh(): Promise<void>;
  /** A runtime.onMessage listener: answers our messages, ignores the rest (returns undefined). */
  listener(message: unknown): Promise<unknown> | undefined;
}

export function createHistoryService(deps: HistoryServiceDeps): HistoryService {
  const { history } = deps;
  // Reports of one tab arrive in order; writing them in order keeps flag -> decision sound.
  let queue: Promise<void> = Promise.resolve();

  async function refresh() {
    await history.expire();
    try { await deps.badge(await history.unresolved()); } catch { deps.onError?.({ op: 'badge', kind: 'other', message: 'badge' }); }
  }

  async function handle(report: ReportMessage['report']) {
    if (report.kind === 'flagged') await history.flag({ id: report.id, site: report.site, text: report.text, findings: report.findings });
    else if (report.kind === 'decided') await history.decide(report.id, { kind: report.decision, ...(report.reason ? { reason: report.reason } : {}) });
    else if (await deps.recordPosts().catch(() => false)) await history.logPosted({ site: report.site, text: report.text, findings: report.findings, decision: report.decision });
    await refresh();
  }

  const enqueue = (fn: () => Promise<void>) => {
    const next = queue.then(fn, fn).catch(() => undefined);
    queue = next;
    return next;
  };

  return {
    handle: (report) => enqueue(() => handle(report)),
    refresh: () => enqueue(refresh),
    listener(message) {
      if (isReportMessage(message)) return enqueue(() => handle(message.report)).then(() => ({ ok: true }));
      if (isChangedMessage(message)) return enqueue(refresh).then(() => ({ ok: true }));
      return undefined;
    },
  };
}
