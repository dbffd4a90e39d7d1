import uniqueRoles from '../../../rules/unique-roles.json';
import roles from '../../../rules/traceable-roles.json';
import { PhraseIndex, type PhraseHit, type QuasiPart, type Token } from './phrases';

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
const AGE_YO = /\b\d{1,3}[\s-]?(?:yo|y\/o|y\.o\.?|yr|y(?=\s?[MF]\b))(?![a-z\/]|\.\d)/g;
/** M/34, F/60 (sex/age shorthand) */
const SEX_AGE = /\b([MF])\/(\d{1,3})\b/g;
/** 23M, 58F, 24 M, `seen today: 19M.` (age and sex shorthand; not $19M) */
const AGE_SEX = /(?<![\w.,/°$£€-])(\d{1,3}) ?([MF])(?=[\s,;:)]|\.(?:\s|$)|$)/g;
/** money and counts before a shorthand (`raised 19M`, `over 40M views`) */
const AGE_SEX_NOT_BEFORE = /\b(?:fever|temp\w*|french|fr|raised|worth|cost|costs|paid|budget|funding|over|nearly|about|around|approximately)\s*(?:of\s*)?$/i;
/** the pilot, 61, came in; a lady from Bellhaven, 88, found; 44, bilateral fractures */
const AGE_COMMA = /(?:(?<=[a-z'’]),\s(\d{1,3})(?=,\s|\s(?:with|from|who|and|in)\b|[.;!?)](?=\s|$)|$)|(?:^|(?<=[.!?:]\s))(\d{1,3}),\s(?=[a-z]))/g;
/** The word before a tail `, 29.` that makes the number something else (`page 3, line 29.`, `in June, 29.`). */
const COMMA_NOT_AFTER = /\b(?:page|pages|line|lines|level|levels|grade|score|room|bed|exit|route|highway|vol|volume|issue|chapter|table|figure|fig|step|steps|day|days|week|weeks|month|months|year|years|hours|minutes|times|patients|cases|total|number|no|count|item|items|slide|slides|question|questions|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$/i;
/** age 26, aged 70, at age 40 (not median/mean age, gestational or bone age) */
const AGE_WORD = /(?<!(?:median|mean|average|avg|gestational|bone|skeletal|dental|corrected|adjusted|postmenstrual|reading|mental|developmental|retirement|vascular|heart|lung|brain|biological)\s)\b(?:aged?|at age)\s(\d{1,3})\b(?!\s?(?:weeks?|wks?)\b)/gi;
/** 38 years of age, thirty years of age */
const AGE_OF_AGE = new RegExp(String.raw`\b(?:\d{1,3}|(?:${SPELLED})(?:[- ](?:${SPELLED}))?) (?:years?|yrs?) of age\b`, 'gi');
/**
 * `diagnosed at 38`, `died at 52 of`, `retired at 60 and`: `at N` where N is nothing but a number
 * (no unit, no decimal) and a life event comes shortly before it in the sentence.
 */
const AT_N = /\bat (\d{1,3})(?=\s*(?:[,;:)!?]|\.(?!\d)|$)|\s(?:with|and|but|when|after|while|she|he|they|from|of|following|during|in|because)\b)/gi;
const LIFE_EVENT_BEFORE = /\b(?:diagnosed|dx(?:['’]?d|ed)?|diagnosis|died|passed away|retired|onset|developed|symptomatic|widowed|paralyzed|paralysed|amputated|transplanted|transplant|went (?:blind|deaf)|became (?:pregnant|blind|deaf|symptomatic|paralyzed)|pregnant|gave birth|menarche|menopause|married|adopted|first (?:symptoms?|seizure|stroke|mi|episode|presentation|diagnosed|noticed))\b[^.;!?]{0,50}$/i;
/** `At 38, she ...`: a sentence-leading age before a pronoun */
const AT_LEAD = /(?:^|(?<=[.!?]\s))[Aa]t (\d{1,3}),\s(?=(?:she|he|they|her|his)\b)/g;
const SEX_RE = /\b(?:man|woman|boy|girl|male|female|gentleman|lady|guy|gal)\b/gi;

type RoleKind = 'job' | 'staff' | 'not' | 'rank';
interface RoleEntry { readonly kind: RoleKind; readonly plural: boolean }
const OCCUPATIONS = [
  ...roles.occupations, ...roles.trades, ...roles.farmOutdoor, ...roles.artsMusic, ...roles.sports, ...roles.military,
  ...roles.police, ...roles.crafts, ...roles.service, ...roles.clergy, ...roles.public,
  ...uniqueRoles.occupations, ...uniqueRoles.teamRoles, ...uniqueRoles.rareAthletes, ...uniqueRoles.schoolStaff,
  ...uniqueRoles.communityRoles, ...uniqueRoles.offices, ...uniqueRoles.mediaPeople,
];

/** The plural of a phrase's last word: `mushers`, `firemen`, `deputies`, `coaches`. */
export function pluralise(phrase: string): string {
  return phrase.replace(/([a-z]+)$/i, (w) => {
    if (/man$/.test(w)) return w.slice(0, -3) + 'men';
    if (/[^aeiou]y$/.test(w)) return w.slice(0, -1) + 'ies';
    if (/(?:s|sh|ch|x|z)$/.test(w)) return w + 'es';
    return w + 's';
  });
}
/** Singular candidates of a plural word key (`workers` -> `worker`, `deputies` -> `deputy`). */
function singulars(key: string): string[] {
  if (/men$/.test(key)) return [key.slice(0, -3) + 'man'];
  if (/ies$/.test(key)) return [key.slice(0, -3) + 'y'];
  if (/es$/.test(key)) return [key.slice(0, -2), key.slice(0, -1)];
  if (/[^s]s$/.test(key)) return [key.slice(0, -1)];
  return [];
}

const ROLE_INDEX = new PhraseIndex<RoleEntry>();
const add = (list: readonly string[], kind: RoleKind) => {
  for (const r of list) ROLE_INDEX.add(r, { kind, plural: false });
};
add(OCCUPATIONS, 'job');
add(roles.rankNeedsModifier, 'rank');
add(roles.staff, 'staff');
add(roles.notRole, 'not');
// derived plurals never replace a listed word (`nurses` is listed as staff; `passengers` is not a role)
for (const [list, kind] of [[OCCUPATIONS, 'job'], [roles.staff, 'staff'], [roles.notRole, 'not']] as const) {
  for (const r of list) ROLE_INDEX.add(pluralise(r), { kind, plural: true }, false);
}
const MODIFIERS = new Set(roles.modifiers.flatMap((m) => m.split(/[\s-]+/)).filter((w) => w.length > 1));
const RELATIVES = new Set(roles.relatives);
const RELATIVE_IS_A = new RegExp(String.raw`\b(?:${roles.relatives.join('|')})['’]s\s+(?:an?|the)\s+(?:[\w'’-]+\s+){0,3}$`, 'i');
const RANK_MODIFIERS = new Set(roles.rankModifiers.flatMap((m) => m.split(/[\s-]+/)));
const RANK_NOT_BEFORE = new Set(roles.rankNotBefore);
const INDUSTRIES = new Set(roles.compoundIndustries);
const HEADS = new Set(roles.compoundHeads);
const HEAD_NOT = new Map(Object.entries(roles.compoundIndustriesNot).filter(([k]) => !k.startsWith('$')).map(([k, v]) => [k, new Set(v as string[])]));
/** `one of the mushers`, `one of our local firefighters`: a plural role that names the patient. */
const ONE_OF_BEFORE = /\bone of (?:[\w'’-]+\s+){0,4}$/i;
/** `his coach`, `her pastor`, `the patient's lawyer`: someone the patient deals with, not the patient's role. */
const POSSESSED_BEFORE = /\b(?:his|her|their|its|my|your|(?:patient|pt|kid|child|boy|girl|man|woman|guy|lady)['’]s)\s+$/i;
/** `the only pharmacist in town`, `the town's sole dentist`: one person holds the role */
const ONLY_BEFORE = /\b(?:only|sole|last remaining|one and only)\s+(?:[\w'’-]+\s+){0,2}$/i;
/** The author speaking of themself: `I'm a radiologist`, `as a radiologist`, `I was the med student`. */
const SELF_BEFORE = /\b(?:i'm|i am|i was|i've been|as an?|like me,? an?|i work as an?)\s+(?:[\w'’-]+\s+){0,3}$/i;
/** `our resident`, `my tech`, `the nurses` are the author's team. */
const TEAM_BEFORE = /\b(?:our|my|the|your|their)\s+(?:own\s+)?$/i;

const altOf = (xs: readonly string[]) => [...xs].sort((a, b) => b.length - a.length).map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
/** the kid from the national cereal commercial, the girl in that viral video: known from the media */
const MEDIA_ROLE = new RegExp(String.raw`\b[Tt]he (?:${altOf(uniqueRoles.mediaPeople)}) (?:from|in|on) (?:the|that|a) (?:[a-z-]+ ){0,3}(?:${altOf(uniqueRoles.mediaSources)})\b`, 'g');
/** `plays bass in a local band`, `played drums for a cover band` */
const PLAYS_IN = new RegExp(String.raw`\b(?:plays|played|playing|play)\s+(?:the\s+)?(?:(?:lead|rhythm|first|second|principal)\s+)?(?:${altOf(roles.instruments)})\s+(?:in|for|with)\s+(?:a|an|the|his|her|their|two|three|several|local|one)\s+(?:[\w'’-]+\s+){0,3}?(?:${altOf(roles.ensembles)})s?\b`, 'gi');
/** `plays semi-pro hockey`, `played college football` */
const PLAYS_SPORT = new RegExp(String.raw`\b(?:plays|played|playing)\s+(?:(?:semi-pro|semi-professional|minor[- ]league|pro|professional|college|collegiate|varsity|d1|division i|junior|club|travel|high school|competitive|elite|amateur|rec|recreational|league|adult league|beer league)\s+)+(?:${altOf(roles.playedSports)})\b`, 'gi');
/** `works on a dairy farm`, `worked at the sawmill`, `works in a slaughterhouse` */
const WORKS_AT = new RegExp(String.raw`\b(?:works|worked|working|work|employed|job)\s+(?:on|at|in|aboard)\s+(?:a|an|the|his|her|their|our|one|two|that|this|local|family)\s+(?:[\w'’-]+\s+){0,2}?(?:${altOf(roles.workplaces)})\b`, 'gi');
const GRAMMAR_CUE = /\b(?:play|work|employ|job|trade|profession)/i;
/** `works as a quality engineer`, `a welder by trade` */
const WORKS_AS = /\b(?:works|worked|working|employed|job)\s+as\s+(?:an?|the)\s+[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,2}?(?=\s*(?:[,.;:!?)]|$|\s(?:for|at|in|on|with|and|who|when|until|since|before|after|but|so)\b))|\b(?:an?\s+)?[a-z][\w'’-]*\s+by\s+(?:trade|profession)\b/gi;

export function findAge(text: string): QuasiPart[] {
  const out: QuasiPart[] = [];
  for (const m of text.matchAll(AGE_OLD)) out.push({ start: m.index!, end: m.index! + m[0].length, kind: 'AGE', rule: 'years-old' });
  for (const m of text.matchAll(AGE_YO)) out.push({ start: m.index!, end: m.index! + m[0].length, kind: 'AGE', rule: 'yo' });
  for (const m of text.matchAll(AGE_SEX)) {
    const n = Number(m[1]);
    if (n < 1 || n > 110) continue;
    // 3 F (French scale), 40 F (fever): only a sentence-leading or comma-led shorthand, or with an age word around
    const before = text.slice(Math.max(0, m.index! - 16), m.index!);
    if (AGE_SEX_NOT_BEFORE.test(before)) continue;
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
    // a tail `, 29.` after a unit, label or month is a value, not an age
    if (m[1] !== undefined && !text.startsWith(', ', m.index! + m[0].length) && COMMA_NOT_AFTER.test(text.slice(Math.max(0, m.index! - 12), m.index!))) continue;
    const s = m.index! + m[0].indexOf(v);
    out.push({ start: s, end: s + v.length, kind: 'AGE', rule: 'comma-age' });
  }
  for (const m of text.matchAll(AGE_WORD)) out.push({ start: m.index!, end: m.index! + m[0].length, kind: 'AGE', rule: 'age-word' });
  for (const m of text.matchAll(AGE_OF_AGE)) out.push({ start: m.index!, end: m.index! + m[0].length, kind: 'AGE', rule: 'of-age' });
  for (const m of text.matchAll(AT_N)) {
    const n = Number(m[1]);
    if (n < 1 || n > 110 || !LIFE_EVENT_BEFORE.test(text.slice(Math.max(0, m.index! - 80), m.index!))) continue;
    out.push({ start: m.index!, end: m.index! + m[0].length, kind: 'AGE', rule: 'at-event' });
  }
  for (const m of text.matchAll(AT_LEAD)) {
    const n = Number(m[1]);
    if (n >= 1 && n <= 110) out.push({ start: m.index!, end: m.index! + 3 + m[1].length, kind: 'AGE', rule: 'at-lead' });
  }
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
/** Joined by a space or a hyphen only (`dairy worker`, `dairy-farm worker`), not across punctuation. */
const adjacent = (text: string, a: Token, b: Token) => /^[\s-]{1,2}$/.test(text.slice(a.end, b.start));

/**
 * Compound occupations by grammar: an industry or trade word right before an occupational head
 * (`poultry plant worker`, `cable installer`, `loan officer`, `farm hands`), unless listed in
 * `compoundIndustriesNot` (`a dog owner`, `the car driver`).
 */
function compoundHits(text: string, tokens: readonly Token[]): PhraseHit<RoleEntry>[] {
  const out: PhraseHit<RoleEntry>[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const key = tokens[i].key;
    const head = HEADS.has(key) ? key : singulars(key).find((k) => HEADS.has(k));
    if (!head) continue;
    const prev = tokens[i - 1].key;
    if (!INDUSTRIES.has(prev) || HEAD_NOT.get(head)?.has(prev) || !adjacent(text, tokens[i - 1], tokens[i])) continue;
    out.push({ from: i - 1, to: i + 1, value: { kind: 'job', plural: head !== key } });
  }
  return out;
}

/**
 * ROLE parts: an occupation phrase, extended backwards over its modifiers (`retired Navy
 * helicopter pilot`, `D1 college swimmer`, `minor-league relief pitcher`). `ages` are the
 * sentence's AGE parts: a staff role counts only right after an age (`46yo nurse`) or held by a
 * relative. A plural counts only as `one of the ...`; a rank word that is also an everyday word
 * (`major`, `general`, `private`) only after a rank modifier (`retired Army major`).
 */
export function findRole(text: string, tokens: readonly Token[], ages: readonly QuasiPart[]): QuasiPart[] {
  const out: QuasiPart[] = [];
  for (const hit of [...ROLE_INDEX.findAll(tokens), ...compoundHits(text, tokens)]) {
    const { kind, plural } = hit.value;
    if (kind === 'not') continue;
    if (kind === 'rank') {
      const prev = tokens[hit.from - 1], next = tokens[hit.to];
      if (!prev || !RANK_MODIFIERS.has(prev.key) || !adjacent(text, prev, tokens[hit.from])) continue;
      if (next && RANK_NOT_BEFORE.has(next.key) && adjacent(text, tokens[hit.to - 1], next)) continue;
    }
    let from = hit.from;
    while (from > 0 && MODIFIERS.has(tokens[from - 1].key) && hit.from - from < 4 && adjacent(text, tokens[from - 1], tokens[from])) from--;
    const start = tokens[from].start, end = tokens[hit.to - 1].end;
    const before = text.slice(Math.max(0, start - 60), start);
    // a plural (`airline pilots`, `the nurses`) is a group, not the patient, unless `one of the mushers`
    if (plural && !ONE_OF_BEFORE.test(before)) continue;
    const afterAge = ages.some((a) => a.end <= start && start - a.end <= 3 && /^[\s,]*$/.test(text.slice(a.end, start)));
    const prevWords = before.toLowerCase().match(/[a-z'’]+/g)?.slice(-6) ?? [];
    // `his mom is a nurse`, `her dad's a cop`; not `her mother's results before the oncologist`
    const relative = prevWords.some((w) => RELATIVES.has(w)) || RELATIVE_IS_A.test(before);
    if (SELF_BEFORE.test(before) && !relative) continue;
    // `his coach`, `her pastor`: the patient's coach or pastor, not the patient
    if (POSSESSED_BEFORE.test(before) && !relative && !afterAge) continue;
    const only = ONLY_BEFORE.test(before);
    if (kind === 'staff' && !afterAge && !relative && !only) continue;
    // `our resident noticed`, `the techs`: a colleague, unless an age or a relative makes it the patient
    if (kind === 'staff' && TEAM_BEFORE.test(before) && !afterAge && !relative && !only) continue;
    out.push({ start, end, kind: 'ROLE', rule: kind === 'staff' ? 'staff-role' : relative ? 'relative-role' : 'occupation' });
  }
  for (const m of text.matchAll(MEDIA_ROLE)) out.push({ start: m.index!, end: m.index! + m[0].length, kind: 'ROLE', rule: 'known-from-media' });
  for (const [re, rule] of [[PLAYS_IN, 'plays-in'], [PLAYS_SPORT, 'plays-sport'], [WORKS_AT, 'works-at'], [WORKS_AS, 'works-as']] as const) {
    // cheap exit: these grammars all start with a verb of playing or working, or end in `by trade`
    if (!GRAMMAR_CUE.test(text)) break;
    for (const m of text.matchAll(re)) {
      if (SELF_BEFORE.test(text.slice(Math.max(0, m.index! - 60), m.index!)) || /\bI\s+(?:\w+\s+)?$/.test(text.slice(Math.max(0, m.index! - 12), m.index!))) continue;
      out.push({ start: m.index!, end: m.index! + m[0].length, kind: 'ROLE', rule });
    }
  }
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
