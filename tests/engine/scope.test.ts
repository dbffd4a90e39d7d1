import { describe, expect, it } from 'vitest';
import { analyze, buildContext } from '../../src/engine/analyze';
import { clearEngineCaches } from '../../src/engine/bounded';
import { normalize } from '../../src/engine/normalize';
import { DETECTORS } from '../../src/engine/registry';
import { detectOnce, paragraphsOf } from '../../src/engine/scope';
import type { Candidate, DetectContext, Detector } from '../../src/engine/types';
import { defineDetector } from '../../src/engine/types';
import { prng } from '../support/prng';

/** Paragraphs that give every paragraph-scoped detector something to find, or to weigh and drop. */
const PARAGRAPHS = [
  '74 yo F, MRN 00482913, admitted with a hip fracture. Call her daughter at (415) 555-0132 or fax 415-555-0199.',
  'Her SSN is 219-09-9999 and her Medicare MBI 1EG4-TE5-MK73 was on the intake form.',
  'Email the patient at jane.roe@examplemail.com, she asked for her films.',
  'Patient portal link: https://portal.examplehealth.org/records/88213 (do not share).',
  'Great talk on pulmonary nodules at #RSNA2026 today, slides at https://rsna.org/annual.',
  'Scanned a 96-year-old woman tonight, still sharp as ever. Born in 1927!',
  'Our department line is 800-555-0100, schedule your screening there.',
  'He works at Lakeside Regional Medical Center as a nurse. Pt transferred from Mercy General last night.',
  'Inmate number DOC #A774219 on the transfer sheet, badge #4471 on the officer.',
  'Plate 7XKP448 on the car that hit him; VIN 1HGCM82633A004352.',
  'His pacemaker serial PM-448120987 was on the chest film. Policy number XKP 448 120 987.',
  'Driver license D1234567, account 4111 1111 1111 1111 for the copay.',
  'Login from 192.168.14.201 to the PACS at 3am, then from 2001:db8::ff00:42:8329.',
  'Retinal scan and fingerprint on file for the patient; her voiceprint was used at the bank.',
  'A 91 F with chest pain. Temp of 99 F overnight.',
  'Interesting case: no identifiers here at all, just a Colles fracture on a wrist film.',
  'MRN:\n00482913',
  'CPT 71046 and ICD-10 J18.9 for the chest film; see PMID 31234567.',
  // neighbouring-sentence cues (date, location) and look-around windows must stop at a blank line
  'Pt admitted overnight, 78 yo M, CT pending.',
  'April 23 is Awareness Day. Heading to RSNA in Chicago, Nov 30 to Dec 5!',
  'Today a CT of a man from Alamo Heights (78209) who lives on Elm Street.',
  'He was seen on 3/22 for his MRI, then again on Tuesday.',
];
const SEPARATORS = ['\n\n', '\n \n', '\n\n\n', '\n\t\n  '];

const ctxOf = (text: string, options = {}): DetectContext => buildContext(normalize(text).text, options);
const sorted = (cs: readonly Candidate[]) => [...cs].sort((a, b) => a.start - b.start || a.end - b.end || a.explanation.pattern.localeCompare(b.explanation.pattern));

/** A paragraph-scoped detector that counts the paragraphs it is asked to scan. */
function counting(): { detector: Detector; seen: string[] } {
  const seen: string[] = [];
  const detector = defineDetector({
    id: `counting-${Math.random()}`,
    category: 'phi',
    scope: 'paragraph',
    types: ['TEST'],
    detect(ctx) {
      seen.push(ctx.text);
      const at = ctx.text.indexOf('x');
      return at < 0 ? [] : [{ detectorId: 'counting', type: 'TEST', start: at, end: at + 1, score: 1, explanation: { pattern: 'x', baseScore: 1 } }];
    },
  });
  return { detector, seen };
}

describe('scope: paragraph-scoped detectors', () => {
  const scoped = DETECTORS.filter((d) => d.scope === 'paragraph');

  it('covers the identifier detectors', () => {
    expect(scoped.map((d) => d.id)).toEqual(expect.arrayContaining(['phone', 'email', 'ssn', 'mrn', 'url', 'ip', 'vehicle', 'facility']));
  });

  it.each(scoped.map((d) => [d.id, d] as const))('%s finds per paragraph exactly what it finds in the whole draft', (_id, d) => {
    const rnd = prng(17);
    let found = 0;
    for (let i = 0; i < 60; i++) {
      const n = 2 + Math.floor(rnd() * 5);
      const parts = Array.from({ length: n }, () => PARAGRAPHS[Math.floor(rnd() * PARAGRAPHS.length)]);
      const text = parts.join(SEPARATORS[Math.floor(rnd() * SEPARATORS.length)]);
      const whole = sorted(d.detect(ctxOf(text)));
      const byParagraph = sorted(detectOnce(d, ctxOf(text)));
      expect(byParagraph).toEqual(whole);
      found += whole.length;
    }
    // the comparison is not vacuous: the detector found something in these drafts
    expect(found).toBeGreaterThan(0);
  });

  it('re-scans only the paragraph that changed', () => {
    clearEngineCaches();
    const { detector, seen } = counting();
    const paras = ['first paragraph', 'second paragraph x', 'third paragraph'];
    detectOnce(detector, ctxOf(paras.join('\n\n')));
    expect(seen).toEqual(paras);
    seen.length = 0;
    paras[1] = 'second paragraph, edited x';
    const ctx = ctxOf(paras.join('\n\n'));
    const out = detectOnce(detector, ctx);
    expect(seen).toEqual(['second paragraph, edited x']);
    // offsets point into the whole draft
    expect(out).toHaveLength(1);
    expect(ctx.text.slice(out[0].start, out[0].end)).toBe('x');
    expect(out[0].start).toBe(ctx.text.indexOf('x'));
  });

  it('runs a detector once per draft context, whoever asks', () => {
    const { detector, seen } = counting();
    const ctx = ctxOf('one\n\ntwo');
    const a = detectOnce(detector, ctx);
    const b = detectOnce(detector, ctx);
    expect(b).toBe(a);
    expect(seen).toEqual(['one', 'two']);
  });

  it('keys a paragraph by the draft-level flags and the options', () => {
    clearEngineCaches();
    const { detector, seen } = counting();
    detectOnce(detector, ctxOf('a note x\n\nnothing else'));
    // same paragraphs, but now the draft is about a patient: both are scanned again
    detectOnce(detector, ctxOf('a note x\n\nnothing else\n\nmy patient'));
    expect(seen.filter((t) => t === 'a note x')).toHaveLength(2);
    // other options: scanned again
    detectOnce(detector, ctxOf('a note x\n\nnothing else', { site: 'x' }));
    expect(seen.filter((t) => t === 'a note x')).toHaveLength(3);
    // equal options in a new object (the guard builds one per keystroke): reused
    detectOnce(detector, ctxOf('a note x\n\nnothing else, edited', { site: 'x' }));
    expect(seen.filter((t) => t === 'a note x')).toHaveLength(3);
    expect(seen).toContain('nothing else, edited');
  });

  it('does not keep a very long paragraph, and clearEngineCaches forgets the rest', () => {
    clearEngineCaches();
    const { detector, seen } = counting();
    const long = 'word '.repeat(1200);
    const text = `${long}\n\nshort x`;
    detectOnce(detector, ctxOf(text));
    detectOnce(detector, ctxOf(text));
    expect(seen.filter((t) => t === long)).toHaveLength(2);
    expect(seen.filter((t) => t === 'short x')).toHaveLength(1);
    clearEngineCaches();
    detectOnce(detector, ctxOf(text));
    expect(seen.filter((t) => t === 'short x')).toHaveLength(2);
  });

  it('splits at blank lines only, and gives each paragraph its own sentences', () => {
    const ctx = ctxOf('Line one.\nLine two.\n \n\tPara two. Still two.\n\n\n\nPara three');
    const ps = paragraphsOf(ctx).map((p) => ctx.text.slice(p.start, p.end));
    expect(ps).toEqual(['Line one.\nLine two.', 'Para two. Still two.', 'Para three']);
  });

  it('does not let a patient cue in another paragraph raise a date', () => {
    const alone = 'April 23 is Awareness Day.';
    const score = (text: string) => detectOnce(DETECTORS.find((d) => d.id === 'date')!, ctxOf(text)).find((c) => c.start === text.indexOf('April'))?.score;
    const beside = score(`Pt admitted overnight with chest pain. ${alone}`);
    const apart = score(`Pt admitted overnight with chest pain.\n\n${alone}`);
    expect(beside).toBeGreaterThan(apart ?? 0);
  });

  it('gives analyze() the same findings warm as cold, after an edit', () => {
    const text = PARAGRAPHS.slice(0, 8).join('\n\n');
    const edited = text.replace('Email the patient', 'Email the patient today');
    clearEngineCaches();
    analyze(text);
    const warm = analyze(edited);
    clearEngineCaches();
    expect(warm).toEqual(analyze(edited));
    expect(warm.some((f) => f.type === 'EMAIL')).toBe(true);
  });
});

describe('scope: a detector phase per paragraph', () => {
  it('runs perParagraph once per distinct paragraph and moves spans to draft offsets', async () => {
    const { perParagraph } = await import('../../src/engine/scope');
    clearEngineCaches();
    const calls: string[] = [];
    const find = (p: DetectContext) => {
      calls.push(p.text);
      const at = p.text.indexOf('Ava');
      return at < 0 ? [] : [{ start: at, end: at + 3 }];
    };
    const text = 'Intro line.\n\nMy patient Ava was seen.';
    const spans = perParagraph(ctxOf(text), 'test-phase', find);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['Ava']);
    perParagraph(ctxOf(`${text}\n\nA new paragraph.`), 'test-phase', find);
    expect(calls).toEqual(['Intro line.', 'My patient Ava was seen.', 'A new paragraph.']);
  });

  it('leaves the name detector as it reads the whole draft: a name in the third paragraph', () => {
    const text = 'Thanks to all on call.\n\nBusy night.\n\nMy patient Ava Thornton, 34, was discharged.';
    const names = analyze(text).filter((f) => f.type === 'NAME').map((f) => f.text);
    expect(names).toContain('Ava Thornton');
  });
});
