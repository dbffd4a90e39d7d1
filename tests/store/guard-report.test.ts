// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGuard, type GuardReport } from '../../src/guard/controller';
import type { PanelApi, PanelHandlers, PanelView } from '../../src/guard/panel-api';
import type { Finding } from '../../src/engine/types';
import { generic } from '../../src/sites';

// The guard's reports to the history (issue 8): one flag per warning, one decision, the posts that went out.
// A stand-in engine: "SECRET" is a blocking PHI finding.
const analyze = (text: string): Finding[] => {
  const at = text.indexOf('SECRET');
  if (at < 0) return [];
  return [{ category: 'phi', type: 'SSN', severity: 'block', start: at, end: at + 6, text: 'SECRET', message: 'm', ruleId: 't/p', suggestion: '[x]', score: 1, explanation: { pattern: 'p', baseScore: 1 } }];
};

let controller: AbortController;
let shown: { view: PanelView; handlers: PanelHandlers }[];
let reports: GuardReport[];

const panel: PanelApi = {
  show(_c, view, handlers) {
    const entry = { view, handlers };
    shown.push(entry);
    return { update: (v) => { entry.view = v; }, close: () => undefined };
  },
};

function page(text: string, report: (e: GuardReport) => void = (e) => reports.push(e)) {
  document.body.innerHTML = '<form><textarea></textarea><button type="button" class="post">Post</button></form>';
  const ta = document.querySelector('textarea')!;
  ta.value = text;
  const button = document.querySelector<HTMLButtonElement>('.post')!;
  // the site takes the post: it empties the box
  button.addEventListener('click', () => { ta.value = ''; });
  createGuard({ win: window as Window & typeof globalThis, site: generic, analyze, panel, signal: controller.signal, acceptWaitMs: 20, report });
  ta.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
  return { ta, button };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeEach(() => { controller = new AbortController(); shown = []; reports = []; });
afterEach(() => controller.abort());

describe('guard reports', () => {
  it('a stopped post is flagged with its text and findings; Edit is its decision', () => {
    const { button } = page('has SECRET in it');
    button.click();
    expect(reports).toHaveLength(1);
    const flag = reports[0] as Extract<GuardReport, { kind: 'flagged' }>;
    expect(flag).toMatchObject({ kind: 'flagged', site: generic.id, text: 'has SECRET in it' });
    expect(flag.findings.map((f) => f.type)).toEqual(['SSN']);
    shown[0].handlers.edit();
    shown[0].handlers.edit(); // one decision per flag
    expect(reports.slice(1)).toEqual([{ kind: 'decided', id: flag.id, decision: 'edited' }]);
  });

  it('Post anyway: the decision, then the post as sent once the site took it', async () => {
    const { button } = page('has SECRET in it');
    button.click();
    shown[0].handlers.postAnyway();
    await wait(60);
    expect(reports.map((r) => r.kind)).toEqual(['flagged', 'decided', 'posted']);
    expect(reports[1]).toMatchObject({ decision: 'posted-anyway' });
    expect(reports[2]).toMatchObject({ kind: 'posted', text: 'has SECRET in it', decision: 'posted-anyway' });
  });

  it('Fix all that clears the draft is reported as fixed', async () => {
    const { ta, button } = page('has SECRET in it');
    // happy-dom has no execCommand: a minimal insertText over the textarea's selection
    (document as unknown as { execCommand: (c: string, u: boolean, v: string) => boolean }).execCommand = (_c, _u, v) => {
      ta.setRangeText(v, ta.selectionStart, ta.selectionEnd, 'end');
      return true;
    };
    button.click();
    await shown[0].handlers.fixAll();
    expect(reports.map((r) => r.kind === 'decided' ? r.decision : r.kind)).toEqual(['flagged', 'fixed']);
  });

  it('a clean post is reported as posted (clean); an empty one is not', () => {
    const { ta, button } = page('all fine');
    button.click();
    expect(reports).toEqual([{ kind: 'posted', site: generic.id, text: 'all fine', findings: [], decision: 'clean' }]);
    ta.value = '   ';
    button.click();
    expect(reports).toHaveLength(1);
  });

  it('a panel still open at teardown is reported cancelled', () => {
    const { button } = page('has SECRET in it');
    button.click();
    controller.abort();
    expect(reports.map((r) => r.kind === 'decided' ? r.decision : r.kind)).toEqual(['flagged', 'cancelled']);
  });

  it('a throwing receiver never breaks the guard', () => {
    const { button } = page('has SECRET in it', () => { throw new Error('storage gone'); });
    button.click();
    expect(shown).toHaveLength(1);
  });
});
