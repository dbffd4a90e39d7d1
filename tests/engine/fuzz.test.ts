import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine/analyze';
import type { Finding } from '../../src/engine/types';
import { prng } from '../support/prng';

/**
 * Fuzzing the whole engine: random Unicode, huge inputs and random mixes of PHI-shaped tokens.
 * `analyze` must never throw, and every finding must point at real characters of the draft.
 * Seeded (mulberry32): a failure prints its seed, and FUZZ_SEED=<seed> replays it.
 */
const CATEGORIES = new Set(['phi', 'advice', 'disclaimer', 'traceable']);
const SEVERITIES = new Set(['block', 'warn', 'info']);
const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** The invariants every analysis must keep, whatever the input. */
function check(draft: string, findings: Finding[], label: string): void {
  const where = `${label} (length ${draft.length})`;
  let prev: Finding | undefined;
  for (const f of findings) {
    expect(Number.isInteger(f.start) && Number.isInteger(f.end), where).toBe(true);
    expect(0 <= f.start && f.start < f.end && f.end <= draft.length, `${where}: span ${f.start}-${f.end}`).toBe(true);
    expect(f.text, where).toBe(draft.slice(f.start, f.end));
    expect(CATEGORIES.has(f.category), `${where}: category ${f.category}`).toBe(true);
    expect(SEVERITIES.has(f.severity), `${where}: severity ${f.severity}`).toBe(true);
    expect(f.score >= 0 && f.score <= 1, `${where}: score ${f.score}`).toBe(true);
    expect(typeof f.type === 'string' && f.type.length > 0 && typeof f.message === 'string' && f.message.length > 0, where).toBe(true);
    expect(f.ruleId, where).toMatch(/^[a-z0-9-]+\/\S+/);
    // a span never cuts a surrogate pair in two
    for (const at of [f.start, f.end]) {
      const cut = at > 0 && at < draft.length && isHigh(draft.charCodeAt(at - 1)) && isLow(draft.charCodeAt(at));
      expect(cut, `${where}: offset ${at} splits a surrogate pair`).toBe(false);
    }
    for (const p of f.parts ?? []) expect(0 <= p.start && p.start <= p.end && p.end <= draft.length, where).toBe(true);
    // PHI messages never repeat an identifier (one with digits, long enough to be one)
    if (f.category === 'phi' && /\d{3}/.test(f.text)) expect(f.message.includes(f.text), where).toBe(false);
    if (prev) expect(prev.start < f.start || (prev.start === f.start && prev.end <= f.end), `${where}: order`).toBe(true);
    prev = f;
  }
}

/** Character pools: each a generator of one "character" (possibly several code units). */
const range = (lo: number, hi: number) => (r: () => number) => String.fromCodePoint(lo + Math.floor(r() * (hi - lo + 1)));
const pick = (xs: readonly string[]) => (r: () => number) => xs[Math.floor(r() * xs.length)];
const POOLS: Array<(r: () => number) => string> = [
  range(0x20, 0x7e), range(0x20, 0x7e), range(0x20, 0x7e), // printable ASCII, most common
  range(0x30, 0x39), // digits
  range(0x00, 0x1f), range(0x7f, 0x9f), // C0 and C1 control characters
  range(0xa0, 0x17f), // Latin-1 and Latin Extended-A
  range(0x300, 0x36f), // combining marks
  range(0x370, 0x3ff), range(0x400, 0x4ff), // Greek, Cyrillic (homoglyphs)
  range(0x590, 0x5ff), range(0x600, 0x6ff), // Hebrew, Arabic (RTL)
  pick(['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u034F']), // zero-width
  pick(['\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2069']), // bidi
  range(0x2000, 0x206f), // general punctuation (dashes, quotes, spaces)
  range(0xff00, 0xffef), // full-width and half-width forms
  range(0xd800, 0xdfff), // lone surrogates
  range(0x1f300, 0x1faff), // emoji (astral)
  range(0x1d400, 0x1d7ff), // mathematical alphanumerics (astral, fold to ASCII)
  range(0x20000, 0x2a6df), // CJK extension B (astral)
  range(0xfdf0, 0xfdff), // Arabic ligatures with long NFKC forms
  pick(['\n', '\n\n', '\r\n', '\t', '. ', '? ', '! ', '\u2026 ', '\u2028']),
];

function randomUnicode(r: () => number, n: number): string {
  let s = '';
  while (s.length < n) s += POOLS[Math.floor(r() * POOLS.length)](r);
  return s;
}

/** PHI-shaped tokens (synthetic, not from any corpus) and clinical filler. */
const TOKENS = [
  '219-09-9999', '219 09 9999', 'SSN: 219099999', '2 1 9 0 9 9 9 9 9', '078-05-1120',
  '(503) 555-0148', '503.555.0186', '+1 541 555 0199', 'fax 541-555-0186',
  'jane.doe@example.com', 'MRN 00482913', 'MRN: 7731-204', 'acct #99120-44', 'member ID 44K-771-302-01',
  'DOB 03/04/1950', 'born 4/5/31', 'admitted 2024-01-17', 'on March 3rd', 'a 93-year-old', 'age 101',
  'Mrs. Alvarez', 'Dr. Okafor', 'pt J.D.', 'her husband Tom', 'room 412B', 'St. Mary\'s ER',
  'in Astoria, OR 97103', '1200 SE Main St', 'https://example.com/p/123', '192.168.1.20', '2001:db8::1',
  'VIN 1HGCM82633A004352', 'plate 7ABC123', 'serial HM3-4471932', 'NPI 1234567893', 'DEA AB1234563',
  'license D1234567', 'tattoo of a rose', 'fingerprint', 'you should stop taking it', 'DM me',
  'Views are my own.', 'Not medical advice.', 'patient', 'my pt', 'year-old', 'presented with',
];
const FILLER = ['the', 'pt', 'was', 'seen', 'today', 'with', 'chest pain', 'and', 'on', 'metformin', 'BP', '140/90', 'HbA1c 7.2%', ',', '.', ';', 'CW: medical', '#MedTwitter', '@colleague'];
const SEPS = [' ', ' ', ' ', '\n', '\u00A0', '\u200B', '\u2013', '-', '. ', ', ', '\u202E', '\u0301', '\u{1F600}', '\uFF0D', '\t'];

function tokenSoup(r: () => number, n: number): string {
  let s = '';
  while (s.length < n) {
    const roll = r();
    let piece = roll < 0.35 ? TOKENS[Math.floor(r() * TOKENS.length)] : roll < 0.9 ? FILLER[Math.floor(r() * FILLER.length)] : randomUnicode(r, 1 + Math.floor(r() * 4));
    // evasion: now and then a zero-width or homoglyph inside a token
    if (r() < 0.15 && piece.length > 2) {
      const at = 1 + Math.floor(r() * (piece.length - 1));
      piece = piece.slice(0, at) + pick(['\u200B', '\u200D', '\uFEFF', '\u0301'])(r) + piece.slice(at);
    }
    if (r() < 0.1) piece = piece.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    if (r() < 0.1) piece = piece.replace(/[aeoc]/g, (c) => ({ a: '\u0430', e: '\u0435', o: '\u043E', c: '\u0441' })[c]!);
    s += piece + SEPS[Math.floor(r() * SEPS.length)];
  }
  return s;
}

const BASE_SEED = Number(process.env.FUZZ_SEED ?? 20240601);

/**
 * Runs `count` seeded cases, stopping early (after at least `min`) once `budgetMs` is spent, so
 * the file stays bounded however slow the engine gets; the cases tried are always a prefix of the
 * same seeded sequence.
 */
function budgeted(count: number, min: number, budgetMs: number, fn: (i: number) => void): number {
  const until = performance.now() + budgetMs;
  let i = 0;
  for (; i < count && (i < min || performance.now() < until); i++) fn(i);
  return i;
}

/**
 * CPU milliseconds used by this process: unlike wall time it does not grow when other processes
 * load the machine, so the bounds below catch a quadratic blow-up and not a busy CI runner.
 */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** A bound that only a blow-up (quadratic, catastrophic backtracking) exceeds on large input. */
const HUGE_CPU_MS = 5000;

function run(draft: string, label: string): void {
  let findings: Finding[] = [];
  expect(() => { findings = analyze(draft); }, label).not.toThrow();
  check(draft, findings, label);
}

describe('fuzz: analyze never throws and keeps its invariants', () => {
  it('random Unicode drafts (astral, combining, RTL, zero-width, controls, lone surrogates)', () => {
    budgeted(300, 30, 1500, (i) => {
      const seed = BASE_SEED + i;
      const r = prng(seed);
      run(randomUnicode(r, 1 + Math.floor(r() * 600)), `unicode seed ${seed}`);
    });
  });

  it('random mixes of PHI-shaped tokens, evasion and clinical filler', () => {
    let total = 0;
    budgeted(300, 30, 1500, (i) => {
      const seed = BASE_SEED + 10_000 + i;
      const r = prng(seed);
      const draft = tokenSoup(r, 20 + Math.floor(r() * 1000));
      const findings = analyze(draft);
      check(draft, findings, `soup seed ${seed}`);
      total += findings.length;
    });
    // the soup is full of SSNs: the engine must be finding things, not silently returning []
    expect(total).toBeGreaterThan(30);
  });

  it('keystroke-by-keystroke edits of one draft (the NLP cache must not leak stale offsets)', () => {
    const r = prng(BASE_SEED + 20_000);
    let draft = tokenSoup(r, 800);
    analyze(draft);
    budgeted(150, 30, 1000, (i) => {
      const at = Math.floor(r() * (draft.length + 1));
      draft = r() < 0.75
        ? draft.slice(0, at) + POOLS[Math.floor(r() * POOLS.length)](r) + draft.slice(at)
        : draft.slice(0, at) + draft.slice(at + 1 + Math.floor(r() * 3));
      run(draft, `edit ${i} seed ${BASE_SEED + 20_000}`);
    });
  });

  it('edge-case drafts', () => {
    const cases: Array<[string, string]> = [
      ['\uD800', 'one lone high surrogate'],
      ['\uDC00219-09-9999\uD800', 'SSN between lone surrogates'],
      ['\u200B'.repeat(50), 'only zero-width'],
      ['\u0000\u0001\u001F', 'only controls'],
      ['\u0301\u0301\u0301 SSN 219-09-9999', 'leading combining marks'],
      ['\u202ESSN 219-09-9999\u202C', 'RTL override around an SSN'],
      ['\uFDFA\uFDFA 219-09-9999', 'long NFKC expansions before a span'],
      ['\u0130\u0130\u0130 SSN 219-09-9999', 'dotted capital I (lower-casing changes length)'],
      ['\u{1D7D0}\u{1D7CF}\u{1D7D7}-\u{1D7CE}\u{1D7D7}-\u{1D7D7}\u{1D7D7}\u{1D7D7}\u{1D7D7}', 'astral digits only'],
    ];
    for (const [draft, label] of cases) run(draft, label);
  });
});

describe('fuzz: huge drafts stay bounded', () => {
  it.each([
    // 1 MB of one letter
    ['a', 1_000_000],
    // 1 MB of digits (one endless number)
    ['9', 1_000_000],
    // 1 MB of full stops and of line breaks (sentence splitter)
    ['.', 1_000_000],
    ['\n', 1_000_000],
    // 1 MB of zero-width spaces (normalises to nothing)
    ['\u200B', 1_000_000],
    // 100k emoji (astral: 200k UTF-16 code units)
    ['\u{1F600}', 100_000],
  ])('%j repeated %i times', (ch, n) => {
    const draft = ch.repeat(n);
    const t0 = cpuMs();
    run(draft, `repeat ${JSON.stringify(ch)}`);
    expect(cpuMs() - t0).toBeLessThan(HUGE_CPU_MS);
  });

  it('a 100,000-character random Unicode draft', () => {
    const draft = randomUnicode(prng(BASE_SEED + 30_000), 100_000);
    const t0 = cpuMs();
    run(draft, 'unicode 100k');
    expect(cpuMs() - t0).toBeLessThan(HUGE_CPU_MS);
  });

  it('a 100,000-character soup dense with PHI-shaped tokens', () => {
    const draft = tokenSoup(prng(BASE_SEED + 40_000), 100_000);
    const t0 = cpuMs();
    run(draft, 'soup 100k');
    expect(cpuMs() - t0).toBeLessThan(HUGE_CPU_MS);
  });
});
