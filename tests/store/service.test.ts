import './fake-browser-global';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/types';
import { createHistory, type History } from '../../src/store/history';
import { reportMessage, isReportMessage, REPORT } from '../../src/store/messages';
import { createHistoryService } from '../../src/store/service';
import { badgeText } from '../../src/store/background';

const TEXT = 'Pt John Smith seen today';
const NAME: Finding = { category: 'phi', type: 'NAME', severity: 'block', start: 3, end: 13, text: 'John Smith', message: 'A name.', ruleId: 'name/x', suggestion: '[name]', score: 0.9, explanation: { pattern: 'p', baseScore: 0.9 } };

let history: History;
let badge: number[];
let recordPosts: boolean;

beforeEach(() => {
  fakeBrowser.reset();
  history = createHistory({ idb: new IDBFactory(), subtle: globalThis.crypto.subtle, retentionMs: () => 86_400_000 });
  badge = [];
  recordPosts = false;
});

const service = () => createHistoryService({ history, recordPosts: async () => recordPosts, badge: (n) => { badge.push(n); } });

describe('messages', () => {
  it('a flagged report crosses without the finding text or the suggestion', () => {
    const m = reportMessage({ kind: 'flagged', id: 'a', site: 'x', text: TEXT, findings: [NAME] });
    expect(isReportMessage(m)).toBe(true);
    expect(JSON.stringify(m.report.kind === 'flagged' && m.report.findings)).not.toContain('John');
  });

  it('a posted report is redacted in the page, before it is sent', () => {
    const m = reportMessage({ kind: 'posted', site: 'x', text: TEXT, findings: [NAME], decision: 'posted-anyway' });
    expect(JSON.stringify(m)).not.toMatch(/John|Smith/);
    expect(m.report.kind === 'posted' && m.report.text).toBe('Pt [NAME] seen today');
  });

  it('foreign or malformed messages are not ours', () => {
    // another module's message
    expect(isReportMessage({ type: 'ocr', op: 'scan' })).toBe(false);
    // a decision we do not know
    expect(isReportMessage({ type: REPORT, report: { kind: 'decided', id: 'a', decision: 'deleted' } })).toBe(false);
    // findings without offsets
    expect(isReportMessage({ type: REPORT, report: { kind: 'flagged', id: 'a', site: 'x', text: 't', findings: [{ type: 'NAME' }] } })).toBe(false);
  });
});

describe('history service', () => {
  it('a flag is stored and counted on the badge; the decision "fixed" clears it', async () => {
    const s = service();
    await s.listener(reportMessage({ kind: 'flagged', id: 'f1', site: 'x', text: TEXT, findings: [NAME] }));
    expect((await history.list())[0]).toMatchObject({ id: 'f1', redacted: 'Pt [NAME] seen today' });
    expect(badge.at(-1)).toBe(1);
    await s.listener(reportMessage({ kind: 'decided', id: 'f1', decision: 'fixed' }));
    expect(badge.at(-1)).toBe(0);
  });

  it('posts are logged only when the user turned the record on', async () => {
    const s = service();
    const posted = reportMessage({ kind: 'posted', site: 'x', text: TEXT, findings: [NAME], decision: 'posted-anyway' });
    await s.listener(posted);
    expect(await history.posted()).toEqual([]);
    recordPosts = true;
    await s.listener(posted);
    expect((await history.posted()).map((p) => p.text)).toEqual(['Pt [NAME] seen today']);
  });

  it('ignores messages that are not its own', () => {
    expect(service().listener({ type: 'something-else' })).toBeUndefined();
  });

  it('badge text', () => {
    expect([0, 1, 99, 100].map(badgeText)).toEqual(['', '1', '99', '99+']);
  });
});
