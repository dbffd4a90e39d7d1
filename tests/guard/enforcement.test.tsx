// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyze as engineAnalyze } from '../../src/engine/analyze';
import type { Finding, Severity } from '../../src/engine/types';
import { createGuard, type GuardReport } from '../../src/guard/controller';
import type { PanelApi, PanelHandlers, PanelView } from '../../src/guard/panel-api';
import { BUNDLED_PACK } from '../../src/rules/bundled';
import { merge } from '../../src/rules/merge';
import type { Enforcement } from '../../src/rules/types';
import { generic } from '../../src/sites';
import { redactReason } from '../../src/store/history';
import { WarningPanel } from '../../src/ui/warning-panel';

// A stand-in engine: "BLOCKME" is a block finding, "WARNME" a warn finding (synthetic words, no drafts).
const finding = (text: string, word: string, severity: Severity): Finding[] => {
  const at = text.indexOf(word);
  return at < 0 ? [] : [{ category: 'phi', type: 'SSN', severity, start: at, end: at + word.length, text: word, message: 'm', ruleId: 't/p', score: 1, explanation: { pattern: 'p', baseScore: 1 } }];
};
const analyze = (text: string): Finding[] => [...finding(text, 'BLOCKME', 'block'), ...finding(text, 'WARNME', 'warn')];

let controller: AbortController;
let shown: { view: PanelView; handlers: PanelHandlers }[];
let posted: string[];
let reports: GuardReport[];

const panel: PanelApi = {
  show(_container, view, handlers) {
    const entry = { view, handlers };
    shown.push(entry);
    return { update: (v) => { entry.view = v; }, close: () => undefined };
  },
};

function page(text: string, enforcement?: Enforcement) {
  document.body.innerHTML = '<form><textarea></textarea><button type="button" class="post">Post</button></form>';
  const ta = document.querySelector('textarea')!;
  ta.value = text;
  const button = document.querySelector<HTMLButtonElement>('.post')!;
  button.addEventListener('click', () => posted.push(ta.value));
  createGuard({
    win: window as Window & typeof globalThis, site: generic, analyze, panel, signal: controller.signal, acceptWaitMs: 20,
    report: (e) => reports.push(e), ...(enforcement ? { enforcement: () => enforcement } : {}),
  });
  ta.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
  button.click();
  return shown[0];
}

beforeEach(() => {
  controller = new AbortController();
  shown = [];
  posted = [];
  reports = [];
});
afterEach(() => controller.abort());

const decided = () => reports.filter((r) => r.kind === 'decided');

describe('enforcement decides "Post anyway" (controller)', () => {
  // rows: enforcement, draft, the action the panel is told
  it.each([
    [undefined, 'a BLOCKME b', 'allow'], // no rule set wired: allowed, as before
    [{ block: 'allow', warn: 'allow' }, 'a BLOCKME b', 'allow'], // the bundled default
    [{ block: 'stop', warn: 'allow' }, 'a BLOCKME b', 'stop'], // block findings may not be posted
    [{ block: 'stop', warn: 'allow' }, 'a WARNME b', 'allow'], // ...but warn findings may
    [{ block: 'reason', warn: 'allow' }, 'a BLOCKME b', 'reason'], // block needs a reason
    [{ block: 'reason', warn: 'stop' }, 'a BLOCKME WARNME', 'stop'], // the strictest severity present wins
    [{ block: 'allow', warn: 'reason' }, 'a BLOCKME WARNME', 'reason'], // a warn rule can be stricter than block
  ] as const)('%j on %s -> %s', (enf, text, action) => {
    const s = page(text, enf as Enforcement | undefined);
    expect(s.view.postAnyway).toBe(action);
  });

  it('stop: the handler refuses to post even if called, and says why', async () => {
    const s = page('a BLOCKME b', { block: 'stop', warn: 'allow' });
    s.handlers.postAnyway('I checked it');
    await new Promise((r) => setTimeout(r, 40));
    expect(posted).toEqual([]);
    expect(s.view.status).toMatch(/institution requires/);
    expect(decided()).toEqual([]);
  });

  it('reason: no reason (or blanks) posts nothing; a reason posts once and is reported with the decision', async () => {
    const s = page('a BLOCKME b', { block: 'reason', warn: 'allow' });
    s.handlers.postAnyway();
    s.handlers.postAnyway('   ');
    expect(posted).toEqual([]);
    expect(s.view.status).toMatch(/reason/);
    s.handlers.postAnyway('  Consented in writing  ');
    expect(posted).toEqual(['a BLOCKME b']);
    expect(decided()).toEqual([{ kind: 'decided', id: expect.any(String), decision: 'posted-anyway', reason: 'Consented in writing' }]);
  });

  it('allow: a reason passed anyway is not recorded (only asked for when required)', () => {
    const s = page('a BLOCKME b', { block: 'allow', warn: 'allow' });
    s.handlers.postAnyway('whatever');
    expect(posted).toEqual(['a BLOCKME b']);
    expect(decided()[0]).not.toHaveProperty('reason');
  });

  it('the reason is scrubbed of digits and e-mails by the history', () => {
    expect(redactReason('ok per dr x@y.org, ref 12-34')).toBe('ok per dr [EMAIL] ref [NUMBER]');
  });
});

describe('the panel follows the enforcement', () => {
  const base = (postAnyway: PanelView['postAnyway'], calls: (string | undefined)[]) => {
    const host = document.createElement('div');
    document.body.replaceChildren(host);
    const handlers: PanelHandlers = { fixAll: () => undefined, edit: () => undefined, postAnyway: (r) => calls.push(r) };
    render(<WarningPanel view={{ findings: analyze('BLOCKME'), canFix: false, postAnyway }} handlers={handlers} />, host);
    const button = () => [...host.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Post anyway');
    return { host, button };
  };

  it('allow: the button is there and posts without a reason field', () => {
    const calls: (string | undefined)[] = [];
    const { host, button } = base('allow', calls);
    expect(host.querySelector('textarea')).toBeNull();
    button()!.click();
    expect(calls).toEqual([undefined]);
  });

  it('stop: no Post anyway button, and the panel says the institution requires fixing first', () => {
    const { host, button } = base('stop', []);
    expect(button()).toBeUndefined();
    expect(host.textContent).toMatch(/institution requires these items to be fixed before posting/);
  });

  it('reason: a labelled, required field; the button stays disabled until a reason is typed', async () => {
    const calls: (string | undefined)[] = [];
    const { host, button } = base('reason', calls);
    const field = host.querySelector('textarea')!;
    const label = host.querySelector(`label[for="${field.id}"]`);
    expect(label?.textContent).toMatch(/Reason for posting anyway/);
    expect(field.required).toBe(true);
    expect(button()!.disabled).toBe(true);
    field.value = '  Patient consented  ';
    field.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
    expect(button()!.disabled).toBe(false);
    button()!.click();
    expect(calls).toEqual(['Patient consented']);
  });
});

describe('severities come from the merged pack', () => {
  const ssnDraft = 'Her SSN is 219-09-9999.';
  it('the bundled pack blocks an SSN; an institution pack can make it warn', () => {
    const bundled = merge([{ source: 'bundled', pack: BUNDLED_PACK }]);
    expect(engineAnalyze(ssnDraft, bundled.analyze).find((f) => f.type === 'SSN')?.severity).toBe('block');
    const inst = merge([{ source: 'bundled', pack: BUNDLED_PACK }, { source: 'institution', pack: { id: 'h', version: '1', detectors: { ssn: { severity: 'warn' } }, enforcement: { block: 'stop', warn: 'reason' } } }]);
    expect(engineAnalyze(ssnDraft, inst.analyze).find((f) => f.type === 'SSN')?.severity).toBe('warn');
    expect(inst.enforcement).toEqual({ block: 'stop', warn: 'reason' });
  });

  it('a locked institution enforcement cannot be loosened by the user layer', () => {
    const p = merge([
      { source: 'bundled', pack: BUNDLED_PACK },
      { source: 'institution', pack: { id: 'h', version: '1', enforcement: { block: 'stop' }, locked: ['enforcement'] } },
      { source: 'user', pack: { id: 'u', version: '1', enforcement: { block: 'allow' } } },
    ]);
    expect(p.enforcement.block).toBe('stop');
  });
});
