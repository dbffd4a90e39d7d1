import uniqueRoles from '../../../rules/unique-roles.json';
import roles from '../../../rules/traceable-roles.json';
import { PhraseIndex, type QuasiPart, type Token } from './phrases';

/**
 * AGE, SEX and ROLE quasi-identifiers of one sentence (GUIDELINE.md `traceable`).
 *
 * AGE: an exact age (`a 43-year-old`, `23M`, `19 y/o`, `the pilot, 61,`, `Five-month-old`), not a
 * decade (`in his 40s`) nor an aggregate (`median age 37`). SEX: listed, never counted. ROLE: an
 * occupation or public role of the patient or a relative (`31yo tattoo artist`, `we got the
 * bullfighter`, `his dad is the high school football coach`); the author's colleagues (`the
 * nurses`, `our resident`) and the author (`I'm a radiologist`) are not the patient's role.
 */

const SPELLED = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
/** 34-year-old, 3-week-old, Five-month-old, 98 years old, 12 yrs old */
const AGE_OLD = new RegExp(String.raw`\b(?:\d{1,3}|(?:${SPELLED})(?:[- ](?:${SPELLED}))?)[- ]?(?:years?|yrs?|months?|mos?|weeks?|wks?|days?)[- ]old\b`, 'gi');
/** 46yo, 19 y/o, 52 y.o., 7yo */
const AGE_YO = /\b\d{1,3}\s?(?:yo|y\/o|y\.o\.?|yr|y(?=\s?[MF]\b))(?![a-z\/]|\.\d)/g;
/** M/34, F/60 (sex/age shorthand) */
const SEX_AGE = /\b([MF])\/(\d{1,3})\b/g;
/** 23M, 58F, 24 M (age and sex shorthand) */
const AGE_SEX = /(?<![\w.,/°-])(\d{1,3}) ?([MF])(?=[\s,;:)]|$)/g;
/** the pilot, 61, came in; a lady from Bellhaven, 88, found; 44, bilateral fractures */
const AGE_COMMA = /(?:(?<=[a-z'’]),\s(\d{1,3})(?=,\s|\s(?:with|from|who|and|in)\b)|(?:^|(?<=[.!?:]\s))(\d{1,3}),\s(?=[a-z]))/g;
/** age 26, aged 70, at age 40 (not median/mean age) */
const AGE_WORD = /(?<!(?:median|mean|average|avg)\s)\b(?:aged?|at age)\s(\d{1,3})\b/gi;
const SEX_RE = /\b(?:man|woman|boy|girl|male|female|gentleman|lady|guy|gal)\b/gi;

const ROLE_INDEX = new PhraseIndex<'job' | 'staff' | 'not'>();
for (const r of [...roles.occupations, ...uniqueRoles.occupations, ...uniqueRoles.teamRoles, ...uniqueRoles.rareAthletes, ...uniqueRoles.schoolStaff, ...uniqueRoles.communityRoles, ...uniqueRoles.offices, ...uniqueRoles.mediaPeople]) ROLE_INDEX.add(r, 'job');
for (const r of roles.staff) ROLE_INDEX.add(r, 'staff');
for (const r of roles.notRole) ROLE_INDEX.add(r, 'not');
const MODIFIERS = new Set(roles.modifiers.flatMap((m) => m.split(/\s+/)));
const RELATIVES = new Set(roles.relatives);
/** The author speaking of themself: `I'm a radiologist`, `as a radiologist`, `I was the med student`. */
const SELF_BEFORE = /\b(?:i'm|i am|i was|i've been|as an?|like me,? an?|i work as an?)\s+(?:[\w'’-]+\s+){0,3}$/i;
/** `our resident`, `my tech`, `the nurses` are the author's team. */
const TEAM_BEFORE = /\b(?:our|my|the|your|their)\s+(?:own\s+)?$/i;

const altOf = (xs: readonly string[]) => [...xs].sort((a, b) => b.length - a.length).map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
/** the kid from the national cereal commercial, the girl in that viral video: known from the media */
const MEDIA_ROLE = new RegExp(String.raw`\b[Tt]he (?:${altOf(uniqueRoles.mediaPeople)}) (?:from|in|on) (?:the|that|a) (?:[a-z-]+ ){0,3}(?:${altOf(uniqueRoles.mediaSources)})\b`, 'g');

export function findAge(text: string): QuasiPart[] {
  const out: QuasiPart[] = [];
  for (const m of text.matchAll(AGE_OLD)) out.push({ start: m.index!, end: m.index! + m[0].length, kind: 'AGE', rule: 'years-old' });
  for (const m of text.matchAll(AGE_YO)) out.push({ start: m.index!, end: m.index! + m[0].length, kind: 'AGE', rule: 'yo' });
  for (const m of text.matchAll(AGE_SEX)) {
    const n = Number(m[1]);
    if (n < 1 || n > 110) continue;
    // 3 F (French scale), 40 F (fever): only a sentence-leading or comma-led shorthand, or with an age word around
    const before = text.slice(Math.max(0, m.index! - 12), m.index!);
    if (/\b(?:fever|temp\w*|french|fr)\s*(?:of\s*)?$/i.test(before)) continue;
    out.push({ start: m.index!, end: m.index! + m[1].length, kind: 'AGE', rule: 'age-sex' });
    const s = m.index! + m[0].length - 1;
    out.push({ start: s, end: s + 1, kind: 'SEX', rule: 'age-sex' });
  }
  for (const m of text.matchAll(SEX_AGE)) {
    const s = m.index! + 2;
    out.push({ start: s, end: s + m[2].length, kind: 'AGE', rule: 'age-sex' });
    out.push({ start: m.index!, end: m.index! + 1, kind: 'SEX', rule: 'age-sex' });
  }
  for (const m of text.matchAll(AGE_COMMA)) {
    const v = m[1] ?? m[2];
    const n = Number(v);
    if (n < 1 || n > 110) continue;
    const s = m.index! + m[0].indexOf(v);
    out.push({ start: s, end: s + v.length, kind: 'AGE', rule: 'comma-age' });
  }
  for (const m of text.matchAll(AGE_WORD)) out.push({ start: m.index!, end: m.index! + m[0].length, kind: 'AGE', rule: 'age-word' });
  return dedupe(out);
}

export function findSex(text: string): QuasiPart[] {
  const out: QuasiPart[] = [];
  for (const m of text.matchAll(SEX_RE)) out.push({ start: m.index!, end: m.index! + m[0].length, kind: 'SEX', rule: 'sex-word' });
  return out;
}

/**
 * ROLE parts: an occupation phrase, extended backwards over its modifiers (`retired Navy
 * helicopter pilot`, `D1 college swimmer`). `ages` are the sentence's AGE parts: a staff role
 * counts only right after an age (`46yo nurse`) or held by a relative.
 */
export function findRole(text: string, tokens: readonly Token[], ages: readonly QuasiPart[]): QuasiPart[] {
  const out: QuasiPart[] = [];
  for (const hit of ROLE_INDEX.findAll(tokens)) {
    if (hit.value === 'not') continue;
    let from = hit.from;
    while (from > 0 && MODIFIERS.has(tokens[from - 1].key) && hit.from - from < 4) from--;
    const start = tokens[from].start, end = tokens[hit.to - 1].end;
    // a plural (`airline pilots`, `the nurses`) is a group, not the patient
    if (/^s\b/.test(text.slice(end, end + 2)) && !/['’]/.test(text[end] ?? '')) continue;
    const before = text.slice(Math.max(0, start - 60), start);
    const afterAge = ages.some((a) => a.end <= start && start - a.end <= 3 && /^[\s,]*$/.test(text.slice(a.end, start)));
    const prevWords = before.toLowerCase().match(/[a-z'’]+/g)?.slice(-6) ?? [];
    const relative = prevWords.some((w) => RELATIVES.has(w.replace(/['’]s$/, '')));
    if (SELF_BEFORE.test(before) && !relative) continue;
    if (hit.value === 'staff' && !afterAge && !relative) continue;
    // `our resident noticed`, `the techs`: a colleague, unless an age or a relative makes it the patient
    if (hit.value === 'staff' && TEAM_BEFORE.test(before) && !afterAge && !relative) continue;
    out.push({ start, end, kind: 'ROLE', rule: hit.value === 'staff' ? 'staff-role' : relative ? 'relative-role' : 'occupation' });
  }
  for (const m of text.matchAll(MEDIA_ROLE)) out.push({ start: m.index!, end: m.index! + m[0].length, kind: 'ROLE', rule: 'known-from-media' });
  return dedupe(out);
}

/** Drops a part that overlaps an earlier (or longer, same start) part of its kind. Linear after the sort. */
function dedupe(parts: QuasiPart[]): QuasiPart[] {
  const sorted = [...parts].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: QuasiPart[] = [];
  const reach = new Map<string, number>();
  for (const p of sorted) {
    if ((reach.get(p.kind) ?? -1) > p.start) continue;
    out.push(p);
    reach.set(p.kind, p.end);
  }
  return out;
}

export { dedupe };
